"""The steps before each later annual ALV: the work the plan leaves to it (a decision moved
to it, the later part of a resolution, the binding decision after one in principle;
vve/rules/coupled.py, parts.py) is prepared, quoted and put on its agenda; where the plan
expects a loan for it, the lender's steps follow in the lender's order; proxies where the
usual turnout is below a quorum; and the heat source's steps where that ALV chooses it at
the latest. The steps go in
the stage that meeting falls in, after the stage's own (stages.toml [later_meeting])."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from fractions import Fraction

from vve.knowledge import Knowledge
from vve.knowledge.entries_stages import LaterStep
from vve.profile import Profile

from .applied import HIGHER_ROUTES
from .bridging import BRIDGE
from .coupled import COUPLED, LOAN, annual_day, decided_later, stage_of
from .decisions import Decision
from .explain import MONTHS, nl_listing
from .measures import Measure
from .proxy_note import proxy_note
from .size import small_vve
from .stages import Action, StageWindow
from .turnout import Turnout, named

ORIGIN = "later"  # Action.source of these steps
LOAN_PART = "loan"  # LaterPart.kind of the loan for the work a later ALV decides


@dataclass
class _Meeting:
    """A later annual ALV: its day as the plan dates it, its stage, the measures it
    decides (each with whether it is coupled to maintenance), the quorums of its decisions
    and whether it chooses the heat source at the latest."""

    day: dt.date
    stage: str
    ids: list[tuple[str, bool]] = field(default_factory=list)
    quorums: list[Fraction] = field(default_factory=list)
    # of the routes the plan shows beside a rule that can ask more (applied.HIGHER_ROUTES)
    higher_quorums: list[Fraction] = field(default_factory=list)
    source: bool = False
    bridge: bool = False  # decides the amount for bridging the boiler (vve/rules/bridging.py)


def with_later_steps(
    windows: Sequence[StageWindow],
    decisions: Sequence[Decision],
    measures: Sequence[Measure],
    knowledge: Knowledge,
    profile: Profile,
    turnout: Turnout | None,
) -> list[StageWindow]:
    """The stages, each with the steps before the later annual ALVs that fall in it: the
    work's, the lender's where the plan expects a loan for it, proxies where the usual
    turnout (the last recorded meeting's, else the board's estimate: vve/rules/turnout.py)
    is below a quorum, and the heat source's where that ALV chooses it."""
    later = knowledge.later_meeting
    loan = next((d for d in decisions if d.id == LOAN), None)
    loan_years = set(decided_later(decisions, measures, knowledge).values()) if loan else set()
    steps: dict[str, list[Action]] = {}
    expected = named(knowledge, turnout)  # the proxies step's {turnout}
    for year, meeting in sorted(_later_meetings(decisions, windows, knowledge).items()):
        window = next(w for w in windows if w.id == meeting.stage)
        about = about_words(meeting.ids, measures, knowledge) if meeting.ids else ""
        # a binding decision after one in principle is on the work itself (not coupled)
        decision = later.decision if any(c for _, c in meeting.ids) else later.binding
        chosen = list(later.actions) if meeting.ids else []
        quorums = list(meeting.quorums)
        if year in loan_years and loan is not None:
            chosen += [_sized(s, profile, knowledge) for s in later.loan_actions]
            if loan.rule.rule.quorum is not None:
                quorums.append(loan.rule.rule.quorum.share)
        proxies = _proxies_step(later.proxies, turnout, quorums, meeting.higher_quorums)
        if proxies is not None:
            chosen.append(_proxies(proxies, profile, knowledge))
        if meeting.source:
            chosen += later.source_actions
        if meeting.bridge:
            chosen += later.bridge_actions
        if chosen and later.timing is not None:
            chosen.insert(0, later.timing)
        month = MONTHS[meeting.day.month - 1]
        words = later.source_words if meeting.source and meeting.ids else {}
        source = {"source": words.get("notice", ""), "source_meeting": words.get("meeting", "")}
        for step in (_sized(s, profile, knowledge) for s in chosen):
            start = max(meeting.day - dt.timedelta(weeks=step.weeks_before), window.start)
            what = step.what.format(
                year=year, about=about, decision=decision, month=month, turnout=expected, **source
            )
            what = what[:1].upper() + what[1:]
            steps.setdefault(meeting.stage, []).append(
                Action(f"{step.id}:{year}", what, step.who, start, step.weeks, ORIGIN)
            )
    for own in steps.values():  # in the order they start: the lender's order kept
        own.sort(key=lambda a: a.start)
    return [replace(w, actions=(*w.actions, *steps[w.id])) if w.id in steps else w for w in windows]


def _proxies_step(
    step: LaterStep | None,
    turnout: Turnout | None,
    quorums: Sequence[Fraction],
    higher: Sequence[Fraction],
) -> LaterStep | None:
    """The proxies step where the usual turnout is below a quorum of that ALV's rules, or
    only below the quorum of a route the plan shows beside a rule (then in those words)."""
    if step is None or turnout is None:
        return None
    if any(turnout.share < q for q in quorums):
        return step
    if step.what_higher and any(turnout.share < q for q in higher):
        return replace(step, what=step.what_higher)
    return None


def _proxies(step: LaterStep, profile: Profile, knowledge: Knowledge) -> LaterStep:
    """The proxies step with the reglement's note on who may hold them, as the first
    decision meeting's (vve/rules/tailor.py)."""
    model = profile.voting.model_reglement or "unknown"
    note = proxy_note(model, profile.association.management, knowledge)
    return replace(step, what=f"{step.what} ({note})") if note else step


def _sized(step: LaterStep, profile: Profile, knowledge: Knowledge) -> LaterStep:
    """The step in the wording for the VvE's size, where it has one (the loan's deed); a
    small VvE's board takes the committee's steps (it has none: vve/rules/size.py)."""
    small = small_vve(profile, knowledge)
    if small and step.who == "committee":
        step = replace(step, who="board")
    sized = step.what_small_vve if small else None
    known = profile.building.rights.dwellings is not None
    sized = sized or (step.what_large_vve if known else None)
    return replace(step, what=sized) if sized else step


def _later_meetings(
    decisions: Sequence[Decision], windows: Sequence[StageWindow], knowledge: Knowledge
) -> dict[int, _Meeting]:
    """Year -> the annual ALV that decides work the plan leaves to it, or chooses the heat
    source at the latest. A binding decision after one in principle is on the work itself."""
    out: dict[int, _Meeting] = {}

    def add(day: dt.date, stage: str, d: Decision, ids: Sequence[str], coupled: bool) -> None:
        meeting = out.setdefault(day.year, _Meeting(day, stage))
        meeting.ids += [(m, coupled) for m in ids if (m, coupled) not in meeting.ids]
        if d.rule.rule.quorum is not None:
            meeting.quorums.append(d.rule.rule.quorum.share)
        meeting.higher_quorums += [
            a.rule.quorum.share
            for a in d.alternatives
            if a.applies in HIGHER_ROUTES and a.rule.quorum is not None
        ]

    for d in decisions:
        if d.annual and d.state == "open":
            add(d.date, d.stage, d, d.measures, True)
        for part in d.later:
            if part.kind == LOAN_PART:  # the loan for that work: its steps are the lender's
                continue
            add(part.date, part.stage, d, part.measures, part.kind != "binding")
            out[part.date.year].bridge |= d.id == BRIDGE
    for d in decisions:  # the heat source, chosen at the latest in an annual ALV
        if d.waits_until and "heat_route" in d.waits_for and d.state != "taken":
            day = annual_day(d.date, d.waits_until, knowledge)
            meeting = out.setdefault(d.waits_until, _Meeting(day, stage_of(day, windows)))
            meeting.source = True
    return out


def about_words(
    ids: Sequence[tuple[str, bool]], measures: Sequence[Measure], knowledge: Knowledge
) -> str:
    """The measures in words, with the maintenance each coupled one goes with: "dakisolatie
    en zonnepanelen bij het onderhoud van het dak in 2032"."""
    horizon = knowledge.decisions[COUPLED].quote_horizon
    labels = knowledge.risk_thresholds.component_labels
    years: dict[str, int | None] = {m.id: m.coupled_year for m in measures}
    moments: dict[str, list[str]] = {}  # the maintenance moment ("" for none) -> shorts
    for mid, coupled in ids:
        component = knowledge.measures[mid].component or ""
        year = years.get(mid)
        moment = (
            f"{labels[component]} in {year}"
            if coupled and component in labels and year and horizon is not None
            else ""
        )
        moments.setdefault(moment, []).append(knowledge.measures[mid].short)
    parts = [
        horizon.table_later.format(measures=nl_listing(shorts), moments=moment)
        if moment and horizon is not None
        else nl_listing(shorts)
        for moment, shorts in moments.items()
    ]
    return nl_listing(parts)
