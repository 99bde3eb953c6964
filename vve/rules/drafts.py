"""Fill the money into the draft resolutions: the amounts a spending or loan decision asks
the meeting to approve, as the plan's estimate until the VvE's own advice or quote gives
one. What the board must still fill in stays between [brackets]."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from vve.knowledge import Knowledge

from .coupled import COUPLED, ON_QUOTE
from .decisions import Decision
from .deed_clause import with_deed_clause
from .explain import Explanation, nl_euro_range, nl_euros, nl_listing, sources
from .later_part import LaterPart
from .measures import open_point
from .money import MoneyPlan
from .money.amounts import total
from .money.later import later_sentence
from .money.measures import MeasureCost

AMOUNT = "€ [bedrag]"
# what the board aims at by the target year ("met als doel aardgasvrij-klaar in 2035");
# looked up with the profile's goal, which may be unknown (None)
GOAL_WORDS: dict[str | None, str] = {
    "gas_free": "aardgasvrij",
    "gas_free_ready": "aardgasvrij-klaar",
}


def _amount(lines: list[MeasureCost], knowledge: Knowledge) -> str:
    """The amount for the measures of a decision: exact where every figure is the VvE's own,
    else the estimate inside the brackets the board replaces with the quote."""
    known = [line for line in lines if line.investment is not None]
    if not known:
        return AMOUNT
    amount = total([line.investment for line in lines if line.investment is not None])
    missing = [knowledge.measures[line.measure].short for line in lines if line.investment is None]
    if not missing and all(line.origin != "default" for line in known):
        return nl_euros(amount.high)
    estimate = f"indicatief {nl_euro_range(amount.low, amount.high)}"
    if missing:
        estimate += f" zonder {nl_listing(missing)}"
    return f"[bedrag uit de offerte; {estimate}]"


def fill_drafts(
    decisions: tuple[Decision, ...],
    money: MoneyPlan,
    knowledge: Knowledge,
    target_year: int | None = None,
    goal: str | None = None,
    unknown: Mapping[str, tuple[str, ...]] | None = None,
) -> tuple[Decision, ...]:
    """``unknown``: measure id -> the answers it depends on that are unknown (Measure.unknown);
    such a measure is named only between brackets, as what the advice must confirm."""
    lines = {line.measure: line for line in money.lines}
    unknown = unknown or {}
    out = []
    said = False  # why measures stand between brackets: said at the first such decision
    for d in decisions:
        later = _in_later_parts(d)
        carried = [
            lines[m]
            for m in d.measures
            if m in lines and lines[m].payer == "vve" and m not in later
        ]
        text = _with_measures(d, carried, knowledge, unknown)
        if intended := _intended(d, money, knowledge):
            carried, draft = intended
            listed = _listing([line.measure for line in carried], knowledge, unknown)
            text = draft.format(measures=listed)
        text = _with_goal(text, target_year, goal)
        if d.id == "commission_advice" and money.advice.cost is not None:
            text = text.replace(AMOUNT, nl_euros(money.advice.cost.high), 1)
        if d.id == "vve_loan":
            text = _with_loan(d, text, money, knowledge, unknown)
        if text != d.draft:
            open_ = [line.measure for line in carried if unknown.get(line.measure)]
            d = replace(
                d, draft=text, explanation=_why_unconfirmed(d, open_, knowledge, unknown, said)
            )
            said = said or bool(open_)
        if d.id in ON_QUOTE and _beyond_quotes(d, carried, knowledge, unknown)[1]:
            d = replace(d, explanation=_why_later(d, knowledge))
        if d.later:
            d = replace(
                d,
                later=tuple(
                    replace(
                        p,
                        draft=_with_goal(
                            _part_draft(d, p, money.lines, knowledge, unknown), target_year, goal
                        ),
                    )
                    for p in d.later
                ),
            )
        out.append(d)
    return tuple(out)


def _intended(
    d: Decision, money: MoneyPlan, knowledge: Knowledge
) -> tuple[list[MeasureCost], str] | None:
    """The VvE's measures a principle decision names, and its draft that names them
    (draft_listed): those within its years of the meeting, where there are at least two;
    else None (the draft's placeholders stay for the meeting to fill)."""
    entry = knowledge.decisions[d.id]
    if entry.draft_listed is None or entry.within_years is None:
        return None
    last = d.date.year + entry.within_years
    within = [
        line
        for line in money.lines
        if line.payer == "vve" and line.year <= last and line.measure not in entry.listed_not
    ]
    return (within, entry.draft_listed) if len(within) >= 2 else None


def _in_later_parts(d: Decision) -> set[str]:
    """The measures of ``d`` that a later annual ALV decides in a resolution of its own
    (vve/rules/parts.py): not the content of ``d``'s own resolution."""
    return {m for p in d.later if p.kind == "later" for m in p.measures}


def _why_later(d: Decision, knowledge: Knowledge) -> Explanation:
    """The explanation of a decision whose draft names the later meeting for its work
    beyond the quote horizon, with why that meeting decides it. Work a later part decides
    in a resolution of its own is not named here: its own explanation says why it waits
    (vve/rules/parts.py), and this explanation speaks only of this decision's work."""
    horizon = knowledge.decisions[COUPLED].quote_horizon
    assert horizon is not None  # a sentence on later work comes from it
    return Explanation.of(
        f"{d.explanation.text} {horizon.why.format(years=horizon.years)}",
        d.explanation.ids,
        sources(horizon.source),
    )


def _part_draft(
    d: Decision,
    part: LaterPart,
    lines: Sequence[MeasureCost],
    knowledge: Knowledge,
    unknown: Mapping[str, tuple[str, ...]],
) -> str:
    """The resolution of a part a later annual ALV takes (vve/rules/parts.py): the
    decision's template, with the part's measures, amount and moments at its meeting."""
    mine = [line for line in lines if line.measure in part.measures and line.payer == "vve"]
    carried = sorted(mine, key=lambda line: part.measures.index(line.measure))
    at = replace(d, measures=part.measures, date=part.date, draft=part.draft)
    return _with_measures(at, carried, knowledge, unknown)


def _financed(money: MoneyPlan) -> list[MeasureCost]:
    """The common measures this round decides, priced or not: all in the loan, so that
    each is either financed by it or named among the work a later meeting finances."""
    later = {mid for work in money.later for mid in work.measures}
    return [line for line in money.lines if line.payer == "vve" and line.measure not in later]


def _unpriced(money: MoneyPlan, knowledge: Knowledge) -> str:
    """ " zonder ..." for the financed measures the estimate has no amount for yet."""
    missing = [
        knowledge.measures[line.measure].short
        for line in _financed(money)
        if line.investment is None
    ]
    return f" zonder {nl_listing(missing)}" if missing else ""


def _listing(
    measures: Sequence[str],
    knowledge: Knowledge,
    unknown: Mapping[str, tuple[str, ...]],
    names: Mapping[str, str] | None = None,
) -> str:
    """The measures a draft decides, then between brackets the measures the advice must
    confirm first; each by its ``names`` (the decision's ``draft_names``), else its short
    name."""
    names = names or {}
    named = {mid: names.get(mid, knowledge.measures[mid].short) for mid in measures}
    shorts = [named[mid] for mid in measures if not unknown.get(mid)]
    open_ = [named[mid] for mid in measures if unknown.get(mid)]
    reserve = knowledge.unconfirmed.draft
    if not open_:
        return nl_listing(shorts)
    if not shorts:
        return f"[{reserve}: {nl_listing(open_)}]"
    return f"{nl_listing(shorts)} [en, {reserve}: {nl_listing(open_)}]"


def _why_unconfirmed(
    d: Decision,
    open_: Sequence[str],
    knowledge: Knowledge,
    unknown: Mapping[str, tuple[str, ...]],
    said: bool,
) -> Explanation:
    """The decision's explanation, saying which of its measures (``open_``) the advice
    must confirm first; why they stand between brackets only if not ``said`` before."""
    if not open_:
        return d.explanation
    paths = dict.fromkeys(path for mid in open_ for path in unknown[mid])
    text = knowledge.unconfirmed.why_decision.format(
        measures=nl_listing([knowledge.measures[mid].short for mid in open_]),
        verb="is" if len(open_) == 1 and not knowledge.measures[open_[0]].plural else "zijn",
        fields=", ".join(open_point(knowledge, path) for path in paths),
    )
    brackets = knowledge.unconfirmed
    text += " " + (brackets.why_brackets_again if said else brackets.why_brackets)
    return Explanation.of(
        f"{d.explanation.text} {text}",
        d.explanation.ids,
        [f"unknown:{path}" for path in paths],
    )


def _with_measures(
    d: Decision,
    carried: list[MeasureCost],
    knowledge: Knowledge,
    unknown: Mapping[str, tuple[str, ...]],
) -> str:
    """The amount, the measures and (coupled to maintenance) the moments of the measures
    the decision carries out and the VvE pays."""
    text = d.draft
    later = ""
    if d.id in ON_QUOTE:
        carried, later = _beyond_quotes(d, carried, knowledge, unknown)
    if not carried:
        return text
    if AMOUNT in text:
        text = text.replace(AMOUNT, _amount(carried, knowledge), 1)
    if "[maatregelen]" in text:
        ids = [line.measure for line in carried]
        names = knowledge.decisions[d.id].draft_names
        if len(ids) == 1 and unknown.get(ids[0]):  # the whole decision rests on the advice
            short = knowledge.measures[ids[0]].short
            before = knowledge.unconfirmed.draft_one.format(measure=short)
            named = names.get(ids[0], short)
            text = f"[{before}] {text.replace('[maatregelen]', named, 1)}"
        else:
            text = text.replace("[maatregelen]", _listing(ids, knowledge, unknown, names), 1)
    if d.id == "insulate_with_maintenance":
        text = text.replace("[dak/gevel/kozijnen] in [jaar]", _moments(carried, knowledge), 1)
    text = with_deed_clause(text, d, [line.measure for line in carried], knowledge)
    return f"{text} {later}" if later else text


def _moments(carried: list[MeasureCost], knowledge: Knowledge) -> str:
    """The maintenance the measures go with, each year named once: "het dak en de
    kozijnen in 2029", "het dak in 2029 en de gevel in 2031"."""
    labels = knowledge.risk_thresholds.component_labels
    by_year: dict[int, list[str]] = {}
    for line in sorted(carried, key=lambda line: line.year):
        component = knowledge.measures[line.measure].component
        label = labels.get(component, "het onderhoud") if component else "het onderhoud"
        by_year.setdefault(line.year, [])
        if label not in by_year[line.year]:
            by_year[line.year].append(label)
    return nl_listing([f"{nl_listing(names)} in {year}" for year, names in by_year.items()])


def _beyond_quotes(
    d: Decision,
    carried: list[MeasureCost],
    knowledge: Knowledge,
    unknown: Mapping[str, tuple[str, ...]],
) -> tuple[list[MeasureCost], str]:
    """(the coupled work the meeting decides on a quote, the sentence naming the later
    meeting for the rest): no contractor quotes for work more than the horizon's years
    after the meeting (decisions.toml quote_horizon). With nothing left, all of it stays.
    A measure the advice must confirm first stands between brackets there too."""
    horizon = knowledge.decisions[COUPLED].quote_horizon
    if horizon is None or d.id not in ON_QUOTE:
        return carried, ""
    tied = {line.measure for line in carried if knowledge.measures[line.measure].component}
    now = [
        line
        for line in carried
        if line.measure not in tied or line.year - d.date.year <= horizon.years
    ]
    if not now or len(now) == len(carried):
        return carried, ""
    sentences = []
    for year in sorted({line.year for line in carried if line not in now}):
        lines = [line for line in carried if line.year == year and line not in now]
        sentences.append(
            horizon.draft_later.format(
                measures=_listing([line.measure for line in lines], knowledge, unknown),
                moments=_moments(lines, knowledge),
                year=year - horizon.decide_years_before,
            )
        )
    return now, " ".join(sentences)


def _with_goal(text: str, target_year: int | None, goal: str | None) -> str:
    """The board's goal and target year; an unknown goal (or "insulate_first") is not
    assumed: the committee's task stays "het verduurzamen"."""
    if goal in GOAL_WORDS:
        text = text.replace("aardgasvrij in [streefjaar]", f"{GOAL_WORDS[goal]} in [streefjaar]")
        # the committee's task: to make the building what the board aims at
        text = text.replace(
            "het verduurzamen van het gebouw", f"het {GOAL_WORDS[goal]} maken van het gebouw"
        )
    if target_year is not None and "[streefjaar]" in text:
        text = text.replace("[streefjaar]", str(target_year))
    return text


def _with_loan(
    d: Decision,
    text: str,
    money: MoneyPlan,
    knowledge: Knowledge,
    unknown: Mapping[str, tuple[str, ...]],
) -> str:
    """The loan's principal and term, and what it finances: the measures only. The advice
    and the research the first meeting ordered are paid then (money/first_costs.py)."""
    principal = money.loan.principal
    if money.loan.principal_origin == "quote":
        text = text.replace(AMOUNT, nl_euros(principal.high), 1)
    elif money.loan_reach == "unpriced" and principal.high:
        # the known part lies below the minimum: a loan, if any, is at least the minimum
        text = text.replace(
            AMOUNT,
            f"[bedrag uit de renteaanbieding; ten minste het minimale leenbedrag van "
            f"{nl_euros(money.loan.min_amount)}]",
            1,
        )
    elif principal.high:
        text = text.replace(
            AMOUNT,
            f"[bedrag uit de renteaanbieding; indicatief "
            f"{nl_euro_range(principal.low, principal.high)}{_unpriced(money, knowledge)}]",
            1,
        )
    quoted = [t.years for t in money.loan.terms if t.quoted]
    if quoted:
        text = text.replace("[10/15/20]", str(quoted[0]), 1)
    financed = [line.measure for line in _financed(money)]
    if financed and "[maatregelen]" in text:
        text = text.replace("[maatregelen]", _listing(financed, knowledge, unknown), 1)
        text = with_deed_clause(text, d, financed, knowledge)
    later_work = later_sentence(money, knowledge, "loan")
    return f"{text} {later_work}" if later_work else text
