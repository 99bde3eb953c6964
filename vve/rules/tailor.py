"""Fit the standard stages to this building: drop actions that do not apply, word the
others for what the VvE has (no MJOP, its model's proxy rule), and promise a subsidy only
where the plan applies for it in time. Pure; runs once the measures, decisions and
financing are known."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace

from vve.knowledge import Knowledge, StageEntry
from vve.profile import Profile

from .bridging import BRIDGE, amount_year
from .decisions import Decision, boiler_window
from .explain import Explanation, nl_date, nl_euros, nl_listing
from .measures import Measure, choose_route
from .permit import outside_work, with_permit_step
from .proxy_note import proxy_note, proxy_sources
from .risks import Risk
from .route_texts import heat_pump_open
from .size import by_board, small_vve
from .stages import Action, StageWindow
from .tailor_decisions import Subsidies, existing_advice, source_open


def word_risks(risks: list[Risk], knowledge: Knowledge, subsidies: Subsidies) -> list[Risk]:
    """A risk's remark about a subsidy only where the plan can count on it."""
    out = []
    for r in risks:
        entry = knowledge.risks[r.id]
        if entry.subsidy in subsidies.reachable and entry.text_subsidy:
            text = f"{r.text} {entry.text_subsidy}"
            blocks = r.blocks[:-1] + tuple(
                (f"{t} {entry.text_subsidy}", p) for t, p in r.blocks[-1:]
            )
            r = replace(
                r,
                text=text,
                blocks=blocks,
                explanation=Explanation.of(text, r.explanation.ids, [f"financing:{entry.subsidy}"]),
            )
        out.append(r)
    return out


def _applies(
    when: str | None,
    profile: Profile,
    knowledge: Knowledge,
    measures: list[Measure],
    decisions: list[Decision],
    start: dt.date,
) -> bool:
    if when is None:
        return True
    if when == "boilers_due_now":  # the window has begun: a letter cannot wait for the ALV
        window = boiler_window(profile, knowledge)
        return window is not None and window[0] <= start.year
    if when == "needs_loan":
        return any(d.id == "vve_loan" for d in decisions)
    if when == "small_vve_loan":  # every member signs the lender's akkoordverklaring
        return any(
            d.id == "vve_loan" and any(r.applies == "lender" for r in d.requirements)
            for d in decisions
        )
    if when == "ecological_survey":
        needs = set(knowledge.money.other_costs["ecological_survey"].when_measures)
        return any(m.id in needs for m in measures)
    if when == "large_owners":
        return _large_owners(profile, decisions)
    if when == "heritage_exterior":  # consulted before the quotes, permitted after the ALV
        return bool(outside_work(profile, knowledge, measures))
    if when == "heat_network":
        return any(m.id == "heat_network_connection" for m in measures)
    if when == "boiler_bridged":  # its amount decided at its meeting, on a quote asked now
        return any(
            d.id == BRIDGE and d.state != "taken" and amount_year(d, profile, knowledge) is None
            for d in decisions
        )
    if when in ("svve_advice_reach", "svve_advice_own"):  # dated or dropped by
        return True  # vve/rules/risks/svve_advice.py
    if when in ("small_vve", "large_vve"):  # the process sized for a few owners or not
        return small_vve(profile, knowledge) is (when == "small_vve")
    if when == "asbestos":
        year = profile.building.construction_year
        return year is None or year < knowledge.risk_thresholds.asbestos_before_year
    raise ValueError(f"unknown action condition {when!r}")


def _large_owners(profile: Profile, decisions: list[Decision]) -> bool:
    """Whether an owner whose votes matter is worth consulting before the first meeting:
    one owner (a corporation, an investor, a landlord of many flats) who alone can block a
    decision or the quorum. Where its votes are unknown, it may well have that power."""
    large = {
        f"owners.groups.{i}"
        for i, g in enumerate(profile.owners.groups)
        if g.single_party or g.kind in ("housing_corporation", "investor")
    }
    powers = [p for d in decisions for p in d.blocking if p.party.id in large]
    counted = {p.party.id for p in powers}
    if large - counted:  # no votes known for one of them
        return True
    return any(p.can_block or p.can_block_quorum for p in powers)


def _worded(
    action: Action,
    profile: Profile,
    knowledge: Knowledge,
    subsidies: Subsidies,
    loan: bool,
    route_open: int | None = None,
    open_source: bool = False,
    no_heat_pump: bool = False,
    proxy_step: str | None = None,
) -> Action:
    """``route_open``: the year the heat source is chosen at the latest, while it waits for
    the municipality's route; ``open_source``: the plan still has the heat source to
    choose; ``proxy_step``: the plan's first step that collects proxies, which says who may
    hold one."""
    what = action.what
    if not loan and (worded := action.wording("no_loan")):
        what = worded
    weeks = action.weeks
    if profile.building.rights.dwellings is not None and action.wording("small_vve"):
        small = small_vve(profile, knowledge)
        sized = action.wording("small_vve" if small else "large_vve")
        assert sized is not None, "the knowledge gives small_vve and large_vve together"
        what, weeks = sized, (small and action.weeks_small_vve) or weeks
    advice = existing_advice(profile)
    if advice is not None and (worded := action.wording("existing_advice")):
        what = worded.format(reference=advice)
    no_mjop = profile.money.maintenance_plan in (None, "none")
    if no_mjop and (worded := action.wording("no_mjop")):
        what = worded
    if (
        open_source
        and (worded := action.wording("source_open"))
        or no_heat_pump
        and (worded := action.wording("no_heat_pump"))
    ):
        what = worded
    if route_open and (
        worded := (no_mjop and action.wording("no_mjop_route_open")) or action.wording("route_open")
    ):
        what = worded.format(year=route_open)
    # remarks added to whichever wording was chosen above
    what = _on_condition(what, action.subsidy, subsidies)
    if action.id == proxy_step:
        model = profile.voting.model_reglement or "unknown"
        if note := proxy_note(model, profile.association.management, knowledge):
            what = f"{what} ({note})"
    milestone = action.milestone and _on_condition(action.milestone, action.subsidy, subsidies)
    if (what, milestone, weeks) == (action.what, action.milestone, action.weeks):
        return action
    return replace(action, what=what, milestone=milestone, weeks=weeks)


def _on_condition(text: str, programme: str | None, subsidies: Subsidies) -> str:
    """An action (or its milestone) that applies for a programme past its end date, with
    the condition first: an application past the end date is no plain step."""
    if programme is None or programme not in subsidies.ended:
        return text
    lead = text if text[1:2].isupper() else text[:1].lower() + text[1:]
    return (
        f"Alleen als de regeling is verlengd of opgevolgd (aanvragen kan volgens de "
        f"bronnen uiterlijk {nl_date(subsidies.ended[programme])}, vóór de datum in "
        f"deze planning): {lead}"
    )


def tailor(
    windows: list[StageWindow],
    profile: Profile,
    knowledge: Knowledge,
    measures: list[Measure],
    decisions: list[Decision],
    subsidies: Subsidies,
    loan_open: bool = False,
    find_out: Sequence[Action] = (),
) -> list[StageWindow]:
    """``loan_open``: the total may stay below the loan's minimum, so each step toward the
    loan is conditional (money/loan_reach.py); ``find_out``: the steps that find out unknown
    answers. A heritage building gets the permit's step (vve/rules/permit.py)."""
    out = []
    loan = any(d.id == "vve_loan" for d in decisions)
    # the heat source waits for the route: no meeting before it says it chooses one
    route_open = next(
        (d.waits_until for d in decisions if "heat_route" in d.waits_for and d.waits_until),
        None,
    )
    stages = {s.id: s for s in knowledge.stages}
    no_mjop = profile.money.maintenance_plan in (None, "none")
    no_heat_pump = not heat_pump_open(knowledge, choose_route(profile, knowledge).id)
    small = small_vve(profile, knowledge)
    collects = {a.id for s in knowledge.stages for a in s.actions if a.proxies}
    proxy_step = next((a.id for w in windows for a in w.actions if a.id in collects), None)
    for window in windows:
        label, topics = _agenda(window, stages[window.id], decisions, no_mjop)
        window = replace(window, meeting_label=label)
        if small:
            window = _sized(window, stages[window.id])
        actions = tuple(
            _worded(
                _on_agenda(a, topics),
                profile,
                knowledge,
                subsidies,
                loan,
                route_open,
                source_open(decisions),
                no_heat_pump,
                proxy_step,
            )
            for a in window.actions
            if _applies(a.when, profile, knowledge, measures, decisions, windows[0].start)
            and (
                a.subsidy is None
                or a.subsidy in subsidies.reachable
                or a.subsidy in subsidies.ended
            )
        )
        actions = _adjusted(actions, measures, knowledge, loan_open, small)
        if any(a.id == proxy_step for a in actions):  # the note's sources in appendix B
            window = replace(window, explanation=_cited(window.explanation, profile, knowledge))
        out.append(replace(window, actions=actions, milestones=_milestones(window, actions)))
    out = survey_after_answers(out, find_out, measures, knowledge)
    return with_permit_step(out, profile, knowledge, measures, decisions)


def _adjusted(
    actions: tuple[Action, ...],
    measures: list[Measure],
    knowledge: Knowledge,
    loan_open: bool,
    small: bool,
) -> tuple[Action, ...]:
    """The steps as this plan has them: the survey waiting for unknown answers, each step
    toward a loan that may not come conditional, and a small VvE's board doing the work of
    the committee it does not have."""
    actions = tuple(_on_unconfirmed(a, measures, knowledge) for a in actions)
    if loan_open:
        actions = tuple(_on_loan(a, knowledge) for a in actions)
    if small:  # no committee: its board does the work
        actions = tuple(by_board(actions))
    return actions


def _survey_waits(measures: list[Measure], knowledge: Knowledge) -> bool:
    """Every measure of the plan that calls for the ecological survey still rests on an
    unknown answer: the survey waits for that answer."""
    needs = set(knowledge.money.other_costs["ecological_survey"].when_measures)
    calling = [m for m in measures if m.id in needs]
    return bool(calling) and all(m.unknown for m in calling)


def _on_unconfirmed(action: Action, measures: list[Measure], knowledge: Knowledge) -> Action:
    """The ecological survey in its own words where it waits (``_survey_waits``)."""
    worded = action.wording("unconfirmed")
    if worded is None or action.when != "ecological_survey":
        return action
    return replace(action, what=worded) if _survey_waits(measures, knowledge) else action


def survey_after_answers(
    windows: list[StageWindow],
    find_out: Sequence[Action],
    measures: list[Measure],
    knowledge: Knowledge,
) -> list[StageWindow]:
    """The waiting ecological survey (``_survey_waits``) starts once the steps that find
    out the answers its measures rest on are done."""
    if not _survey_waits(measures, knowledge):
        return windows
    needs = set(knowledge.money.other_costs["ecological_survey"].when_measures)
    fields = {f for m in measures if m.id in needs for f in m.unknown}
    ends = [a.end for a in find_out if a.field in fields]
    if not ends:
        return windows
    out = []
    for w in windows:
        actions = tuple(
            replace(a, start=max(a.start, *ends))
            if a.when == "ecological_survey" and a.wording("unconfirmed") is not None
            else a
            for a in w.actions
        )
        out.append(replace(w, actions=actions))
    return out


def _sized(window: StageWindow, stage: StageEntry) -> StageWindow:
    """The stage's title, goal and own milestones for a small VvE, where it has them."""
    title, goal = stage.title_small_vve or window.title, stage.goal_small_vve or window.goal
    if stage.milestones_small_vve is not None:
        own = set(stage.milestones)
        kept = tuple(m for m in window.milestones if m not in own)
        window = replace(window, milestones=(*kept, *stage.milestones_small_vve))
    if goal != window.goal:
        window = replace(window, explanation=replace(window.explanation, text=goal))
    return replace(window, title=title, goal=goal)


def _on_loan(action: Action, knowledge: Knowledge) -> Action:
    """A step toward the loan, and its milestone, with the loan's condition first."""
    lender = knowledge.financing.warmtefonds_loan
    if action.id not in lender.loan_steps:
        return action
    lead = lender.step_condition.format(minimum=nl_euros(lender.min_amount * 100))
    milestone = action.milestone and f"{lead}: {action.milestone[:1].lower()}{action.milestone[1:]}"
    return replace(
        action, what=f"{lead}: {action.what[:1].lower()}{action.what[1:]}", milestone=milestone
    )


def _milestones(window: StageWindow, kept: tuple[Action, ...]) -> tuple[str, ...]:
    """The milestones of the actions kept, worded as they are, then the stage's own."""
    reached = {a.milestone for a in window.actions if a.milestone}
    own = tuple(m for m in window.milestones if m not in reached)
    return (*(a.milestone for a in kept if a.milestone), *own)


def _agenda(
    window: StageWindow, stage: StageEntry, decisions: list[Decision], no_mjop: bool
) -> tuple[str | None, str]:
    """The meeting's label and the words for its action's ``{topics}``: only the topics
    with a decision put to this meeting, so no label promises a choice made elsewhere. A
    meeting held and followed up keeps the follow-up's label."""
    if window.state == "held" or window.meeting is None:
        return window.meeting_label, ""
    on_agenda = {d.id for d in decisions if d.date == window.meeting}
    topics = [t for t in stage.meeting_topics if on_agenda & set(t.decisions)]
    if not topics:
        return stage.meeting_label, ""
    label = f"{stage.meeting_label}: {nl_listing([t.label for t in topics])}"
    return label, nl_listing([(no_mjop and t.what_no_mjop) or t.what for t in topics])


def _on_agenda(action: Action, topics: str) -> Action:
    """The meeting action worded with the topics on its agenda (stages.toml ``{topics}``)."""
    if "{topics}" not in action.what:
        return action
    return replace(
        action,
        what=action.what.replace("{topics}", topics),
        wordings=tuple((k, w.replace("{topics}", topics)) for k, w in action.wordings),
    )


def _cited(explanation: Explanation, profile: Profile, knowledge: Knowledge) -> Explanation:
    """A stage's explanation with the sources of its proxies step's note."""
    model = profile.voting.model_reglement or "unknown"
    cited = proxy_sources(model, profile.association.management, knowledge)
    return Explanation.of(explanation.text, explanation.ids, cited) if cited else explanation
