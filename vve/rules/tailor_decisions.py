"""Word the decisions for this building: the loan's cover and its later loans, the
subsidies applied for before an order, research the plan schedules, a draft postponed to
a later meeting. Pure; part of tailoring the plan (tailor.py)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, replace

from vve.knowledge import DecisionEntry, Knowledge
from vve.profile import Profile

from .bridging import amount_year, in_principle
from .calendar import same_day_in
from .coupled import LOAN, decided_later
from .decisions import Decision, reserve_shortfall
from .explain import Explanation, nl_date, nl_euros, nl_listing
from .measures import Measure, choose_route, missed_couplings
from .money.apartments import loan_signed_by, mjop_until
from .money.reserve import raise_start
from .route_texts import heat_pump_open
from .size import small_vve
from .stages import StageWindow


@dataclass(frozen=True)
class Subsidies:
    """Which programmes the plan can count on: applied for in time (``reachable``), or
    past their known end date (``ended``: programme -> end date)."""

    reachable: frozenset[str]
    ended: Mapping[str, dt.date]


def word_decisions(
    decisions: list[Decision],
    knowledge: Knowledge,
    subsidies: Subsidies,
    windows: list[StageWindow],
    profile: Profile,
    measures: list[Measure],
) -> list[Decision]:
    """A decision builds on an existing advice, names its subsidy only where the plan can
    count on it, orders the paid research the plan schedules, and meets the lender's
    conditions where there is a loan."""
    scheduled = {a.id for w in windows for a in w.actions}
    dwellings = profile.building.rights.dwellings
    lender = knowledge.financing.warmtefonds_loan
    lender_asks_mjop = (
        any(d.id == "vve_loan" for d in decisions)
        and dwellings is not None
        and dwellings >= lender.advice_required_from_dwellings
    )
    advice = existing_advice(profile)
    open_source = source_open(decisions)
    no_heat_pump = not heat_pump_open(knowledge, choose_route(profile, knowledge).id)
    out = []
    for d in decisions:
        entry = knowledge.decisions[d.id]
        if open_source and entry.draft_source_open:
            d = replace(d, draft=entry.draft_source_open)
        elif no_heat_pump and entry.draft_no_heat_pump:
            d = replace(d, draft=entry.draft_no_heat_pump)
        if advice is not None and entry.why_existing_advice and entry.draft_existing_advice:
            d = replace(
                d,
                draft=entry.draft_existing_advice.format(reference=advice),
                explanation=_add(
                    d.explanation,
                    entry.why_existing_advice.format(reference=advice),
                    "money.figures",
                ),
            )
        d = _amounts(d, entry, profile, knowledge, windows[0].start.year)
        if d.id == "postpone_maintenance":
            d = replace(d, draft=_postpone_draft(d.draft, windows, profile, knowledge, measures))
        if research := _research_sentences(entry, scheduled):
            d = replace(d, draft=f"{d.draft} {research}")
        if lender_asks_mjop and entry.draft_loan:
            d = _loan_cover(
                d, entry, windows, profile, knowledge, _later_loans(decisions, measures, knowledge)
            )
        if entry.draft_financing:
            d = replace(d, draft=f"{d.draft} {entry.draft_financing}")
        if entry.draft_consent and any(r.applies == "lender" for r in d.requirements):
            limit = lender.advice_required_from_dwellings
            d = replace(d, draft=f"{d.draft} {entry.draft_consent.format(limit=limit)}")
        elif entry.draft_deed:
            d = replace(d, draft=f"{d.draft} {entry.draft_deed}")
        if entry.apply_first:
            d = replace(d, draft=f"{d.draft} {_apply_first(entry.apply_first, subsidies)}")
        # last: the application follows the orders it covers, once they are paid
        out.append(_subsidy_wording(d, entry, subsidies))
    return _for_few_owners(out, profile, knowledge)


def _for_few_owners(
    decisions: list[Decision], profile: Profile, knowledge: Knowledge
) -> list[Decision]:
    """A decision's reason in the words for a small VvE, which has no committee."""
    if not small_vve(profile, knowledge):
        return decisions
    out = []
    for d in decisions:
        entry = knowledge.decisions[d.id]
        if entry.why_small_vve:
            text = d.explanation.text.replace(entry.why, entry.why_small_vve, 1)
            d = replace(d, explanation=replace(d.explanation, text=text))
        out.append(d)
    return out


def source_open(decisions: list[Decision]) -> bool:
    """Whether the plan still has the building's heat source to choose."""
    return any(d.id == "choose_heat_source" and d.state != "taken" for d in decisions)


def _research_sentences(entry: DecisionEntry, scheduled: set[str]) -> str:
    """The research the plan schedules, one sentence each, what is needed in any case
    first and what a condition decides after it; "" for none."""
    research = [
        text
        for aid, text in sorted(
            entry.research.items(), key=lambda item: item[0] in entry.research_if_needed
        )
        if aid in scheduled
    ]
    if not research or not entry.draft_research:
        return ""
    return entry.draft_research.format(research=" ".join(research))


def _later_loans(
    decisions: list[Decision], measures: list[Measure], knowledge: Knowledge
) -> tuple[int, int] | None:
    """The years a later meeting decides and finances work in (coupled.decided_later),
    each a possible loan of its own, counted from the loan decided now: (the year of that
    decision's meeting, the latest later meeting); None without a loan now or later work."""
    loan = next((d.date.year for d in decisions if d.id == LOAN), None)
    later = decided_later(decisions, measures, knowledge).values()
    if loan is None or not later:
        return None
    return loan, max(later)


def _loan_cover(
    d: Decision,
    entry: DecisionEntry,
    windows: list[StageWindow],
    profile: Profile,
    knowledge: Knowledge,
    later: tuple[int, int] | None = None,
) -> Decision:
    """The last year the MJOP covers for the VvE loan: the quoted term, else the longest the
    lender offers, from the latest date the plan allows to sign it. Where a later meeting
    decides and finances work (``later``: the loan meeting's year, the last such meeting's),
    a loan for it may follow, signed as long after that meeting as this one after its own:
    the MJOP covers that one too. The draft asks for it; why that year goes in the
    explanation, not in the minutes."""
    assert entry.draft_loan is not None
    lender = knowledge.financing.warmtefonds_loan
    years = profile.money.loan_quote.term_years or max(lender.terms_years)
    signed_by = loan_signed_by(windows, lender)
    year = mjop_until(signed_by, years)
    later_signed = None
    if later is not None:
        later_signed = same_day_in(signed_by, signed_by.year + later[1] - later[0])
        year = max(year, mjop_until(later_signed, max(lender.terms_years)))
    d = replace(d, draft=f"{d.draft} {entry.draft_loan.format(year=year)}")
    if entry.why_loan is None:
        return d
    why = entry.why_loan.format(year=year, years=years, signed=_season(signed_by))
    if later is not None and later_signed is not None and entry.why_loan_later is not None:
        why = entry.why_loan_later.format(
            year=year,
            years=years,
            signed=_season(signed_by),
            meeting=later[1],
            later_years=max(lender.terms_years),
            later_signed=_season(later_signed),
        )
    return replace(d, explanation=_add(d.explanation, why, "financing:warmtefonds_loan"))


def _season(day: dt.date) -> str:
    """ "begin 2029", "medio 2029" or "eind 2029"."""
    part = "begin" if day.month <= 4 else "medio" if day.month <= 8 else "eind"
    return f"{part} {day.year}"


def _apply_first(apply_first: Mapping[str, str], subsidies: Subsidies) -> str:
    """The authorisation to apply before the order; on a condition where this plan applies
    after the programme's end date (then only an extension or a successor can pay)."""
    if apply_first["programme"] in subsidies.ended:
        return f"{apply_first['if_ended']} {apply_first['draft']}"
    return apply_first["draft"]


def _amounts(
    d: Decision, entry: DecisionEntry, profile: Profile, knowledge: Knowledge, year: int
) -> Decision:
    """The amounts the plan knows for a draft: the legal minimum reserve; and, for a cost
    no source prices (bridging the boiler), that the plan leaves it out."""
    if d.id == "raise_reserve":
        minimum = reserve_shortfall(profile, knowledge, year)
        if minimum is not None:  # whole euros, rounded up: never below the law
            d = replace(d, draft=d.draft.replace("€ [bedrag]", nl_euros(-(-minimum // 1) * 100), 1))
        first = raise_start(d.date, entry.starts_months_after or 1)
        d = replace(
            d,
            draft=d.draft.replace("met ingang van [datum]", f"met ingang van {nl_date(first)}", 1),
        )
    if entry.why_unpriced and amount_year(d, profile, knowledge) is not None:
        d = in_principle(d, profile, knowledge)  # the amount at a later ALV, on a new quote
    elif entry.why_unpriced:
        d = replace(
            d, explanation=_add(d.explanation, entry.why_unpriced, "source:project-default")
        )
    return d


def _add(explanation: Explanation, sentence: str, source_id: str) -> Explanation:
    return Explanation.of(f"{explanation.text} {sentence}", explanation.ids, [source_id])


def _postpone_draft(
    draft: str,
    windows: list[StageWindow],
    profile: Profile,
    knowledge: Knowledge,
    measures: list[Measure],
) -> str:
    """Name the maintenance to postpone and the year it moves to."""
    ready = next(w for w in windows if w.id == "execute").start.year
    labels = knowledge.risk_thresholds.component_labels
    due = dict.fromkeys(
        f"{labels[c]} (gepland in {y})"
        for _, c, y in missed_couplings(profile, knowledge, measures, ready)
    )
    return draft.replace("[onderdelen]", nl_listing(list(due))).replace("[jaar]", str(ready))


def _subsidy_wording(d: Decision, entry: DecisionEntry, subsidies: Subsidies) -> Decision:
    """The subsidy in the why and the draft where reachable; past its end, say so."""
    pid = entry.subsidy
    if pid is None:
        return d
    if pid in subsidies.reachable and entry.why_subsidy:
        draft = f"{d.draft} {entry.draft_subsidy}" if entry.draft_subsidy else d.draft
        return replace(
            d, draft=draft, explanation=_add(d.explanation, entry.why_subsidy, f"financing:{pid}")
        )
    if pid in subsidies.ended and entry.why_subsidy_ended:
        text = entry.why_subsidy_ended.format(until=nl_date(subsidies.ended[pid]))
        return replace(d, explanation=_add(d.explanation, text, f"financing:{pid}"))
    return d


def existing_advice(profile: Profile) -> str | None:
    """The VvE's own energy advice, named as the board gave it, if figures come from one."""
    return profile.money.energy_advice
