"""The parts of a decision that later annual ALVs take (vve/rules/coupled.py): the work a
coupled resolution leaves to a later ALV, and the binding decision after a decision in
principle. Each part is a resolution of its own at its meeting (vve/rules/meetings.py),
with a title naming only what it decides; the decision's own title then names only what
its own meeting decides ("Installaties verbeteren", the solar panels decided later)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from vve.knowledge import Knowledge, QuoteHorizon
from vve.profile import Profile

from .bridging import amount_year, part_words
from .coupled import (
    COUPLED,
    LOAN,
    ON_QUOTE,
    annual_day,
    decided_later,
    later_parts,
    left_to_later,
    now_words,
    principle_year,
    stage_of,
)
from .decisions import Decision, second_meeting_of
from .explain import Explanation, nl_date, nl_listing, sources
from .later_part import LaterPart
from .later_steps import LOAN_PART, about_words
from .measures import Measure
from .progress import NOTHING, Agenda, Progress, part_key
from .route_texts import named_or_rest, route_title, why_for, with_installs
from .stages import StageWindow


def with_later_parts(
    decisions: Sequence[Decision],
    measures: Sequence[Measure],
    windows: Sequence[StageWindow],
    knowledge: Knowledge,
    progress: Progress = NOTHING,
    profile: Profile | None = None,
) -> list[Decision]:
    """The decisions, each with the parts later annual ALVs take, and titled for what its
    own meeting decides. The drafts are the decisions' templates, filled in with the
    decisions' own (vve/rules/drafts.py). A part's recorded results (``progress``) make it
    taken, or bring it back like a decision (``with_part_progress``). ``profile``: for
    the bridging of the boiler decided in principle (vve/rules/bridging.py)."""
    horizon = knowledge.decisions[COUPLED].quote_horizon
    if horizon is None:
        return list(decisions)
    out = []
    for d in decisions:
        split = left_to_later(d, measures, knowledge)
        parts = [
            _later(d, ids, words, knowledge, horizon)
            for (_, ids), words in zip(split, later_parts(d, measures, knowledge), strict=True)
        ]
        binding = principle_year(d, measures, knowledge)
        if binding is not None:
            parts.append(_binding(d, binding, knowledge, horizon))
        parts += _loans(d, decisions, measures, knowledge, horizon)
        bridged = amount_year(d, profile, knowledge) if profile is not None else None
        if bridged is not None:  # the amount for bridging the boiler, on a new quote
            words = part_words(d, bridged, knowledge)
            parts.append(_part(d, "binding", bridged, (), words, knowledge, horizon))
        if parts:
            parts = [
                _progressed(d, replace(p, stage=stage_of(p.date, windows)), progress, knowledge)
                for p in parts
            ]
            later = {m.id for _, ids in split for m in ids}
            now = [m for m in d.measures if m not in later]
            title = _title(d, [m for m in measures if m.id in now], knowledge) if later else d.title
            d = replace(d, title=title, later=tuple(parts), explanation=_own_why(d, now, knowledge))
        out.append(d)
    return out


def _own_why(d: Decision, now: Sequence[str], knowledge: Knowledge) -> Explanation:
    """The decision's explanation with the reason for the work its own meeting decides
    (``now``) in place of the reason for all of its measures."""
    entry = knowledge.decisions[d.id]
    full, own = why_for(entry, d.measures), why_for(entry, now)
    text = d.explanation.text
    if not now or full == own or not text.startswith(full):
        return d.explanation
    return replace(d.explanation, text=own + text[len(full) :])


def _progressed(
    d: Decision, part: LaterPart, progress: Progress, knowledge: Knowledge
) -> LaterPart:
    """The part as its recorded results leave it: taken at the meeting that passed it (no
    second meeting any more), or at its follow-up meeting, as a decision
    (decisions.with_progress)."""
    key = part_key(d.id, part.key)
    attempts = progress.part_attempts.get(key, ())
    follow_up = progress.follow_up_of(key)
    if attempts and attempts[-1].passed:
        day = attempts[-1].meeting_date
        return replace(part, date=day, state="taken", second_meeting=None, attempts=attempts)
    if follow_up is not None:
        again = follow_up.kind == "again"
        route = (
            second_meeting_of(d.rule, follow_up.date, d.notice_days, knowledge) if again else None
        )
        return replace(
            part, date=follow_up.date, state=follow_up.kind, second_meeting=route, attempts=attempts
        )
    return replace(part, attempts=attempts)


def part_agenda(
    decisions: Sequence[Decision],
    measures: Sequence[Measure],
    knowledge: Knowledge,
    profile: Profile | None = None,
) -> list[Agenda]:
    """The parts later annual ALVs take, as the replay knows them (vve/rules/progress.py):
    named by ``part_key``, with their decision's notice and second-meeting rule."""
    horizon = knowledge.decisions[COUPLED].quote_horizon
    if horizon is None:
        return []
    out = []
    for d in decisions:
        years = [("later", year) for year, _ in left_to_later(d, measures, knowledge)]
        binding = principle_year(d, measures, knowledge)
        years += [("binding", binding)] if binding is not None else []
        bridged = amount_year(d, profile, knowledge) if profile is not None else None
        years += [("binding", bridged)] if bridged is not None else []
        if d.id == LOAN:
            years += [
                (LOAN_PART, y)
                for y in sorted(set(decided_later(decisions, measures, knowledge).values()))
            ]
        out += [
            Agenda(
                part_key(d.id, f"{kind}_{year}"), d.stage, d.notice_days, d.rule.rule.second_meeting
            )
            for kind, year in years
        ]
    return out


def _with_moments(titles: Mapping[str, str], moments: str, knowledge: Knowledge) -> dict[str, str]:
    """``titles`` (part_titles, only_titles: measure id -> the title of a part of it), each
    with the moments of the work it is done with where there are ("... bij het onderhoud
    van het dak in 2032")."""
    horizon = knowledge.decisions[COUPLED].quote_horizon
    if not (horizon and moments):
        return dict(titles)
    return {
        m: horizon.title_later_named.format(title=t, moments=moments) for m, t in titles.items()
    }


def _title(d: Decision, now: Sequence[Measure], knowledge: Knowledge) -> str:
    """The decision's title for the part its own meeting decides (``now``), apart from
    its later parts': a named part or the rest ("Installaties verbeteren"), else the
    decision's title with the work it decides, as a later part's title names its own
    ("...: dakisolatie bij het onderhoud van het dak in 2029")."""
    entry = knowledge.decisions[d.id]
    horizon = knowledge.decisions[COUPLED].quote_horizon
    what, moments = now_words(now, knowledge)
    about = (
        horizon.table_later.format(measures=what, moments=moments)
        if (horizon and moments)
        else what
    )
    names, only = (
        _with_moments(t, moments, knowledge) for t in (entry.part_titles, entry.only_titles)
    )
    return named_or_rest([m.id for m in now], names, entry.rest_title, f"{d.title}: {about}", only)


def _later(
    d: Decision,
    later: Sequence[Measure],
    words: tuple[int, str, str],
    knowledge: Knowledge,
    horizon: QuoteHorizon,
) -> LaterPart:
    """The work a coupled resolution leaves to the annual ALV of ``words``' year."""
    year, what, moments = words
    ids = tuple(m.id for m in later)
    about = horizon.table_later.format(measures=what, moments=moments)
    entry = knowledge.decisions[d.id]
    names, only = (
        _with_moments(t, moments, knowledge) for t in (entry.part_titles, entry.only_titles)
    )
    title = named_or_rest(ids, names, None, f"{d.title}: {about}", only)
    work = min(m.coupled_year or year for m in later)
    why = horizon.why_part.format(meeting=nl_date(d.date), work=work)
    return _part(d, "later", year, ids, (title, about, d.draft, why), knowledge, horizon)


def _binding(d: Decision, year: int, knowledge: Knowledge, horizon: QuoteHorizon) -> LaterPart:
    """The binding decision after ``d``, decided in principle: on the quote, as the
    decision's own resolution (decisions.toml)."""
    entry = knowledge.decisions[d.id]
    about = nl_listing([knowledge.measures[m].short for m in d.measures])
    work = year + horizon.decide_years_before
    why = horizon.why_binding.format(meeting=nl_date(d.date), work=work)
    title = route_title(entry, "binding", d.measures) or horizon.title_binding.format(
        title=entry.title[:1].lower() + entry.title[1:]
    )
    words = (title, about, with_installs(entry.draft, entry, d.measures), why)
    return _part(d, "binding", year, d.measures, words, knowledge, horizon)


def _loans(
    d: Decision,
    decisions: Sequence[Decision],
    measures: Sequence[Measure],
    knowledge: Knowledge,
    horizon: QuoteHorizon,
) -> list[LaterPart]:
    """Where the plan expects a loan (``d`` the loan decision), the loan for the work each
    later meeting decides (coupled.decided_later): a part of the loan decision at that
    meeting, beside the decision on the work, as the lender's steps before it say
    (vve/rules/later_steps.py). A binding decision after one in principle is on the work
    itself, not on its maintenance moment."""
    if d.id != LOAN:
        return []
    years: dict[int, list[str]] = {}
    for mid, year in decided_later(decisions, measures, knowledge).items():
        years.setdefault(year, []).append(mid)
    order: list[str] = [m.id for m in measures]
    principle = {
        m
        for x in decisions
        if principle_year(x, measures, knowledge) is not None
        for m in x.measures
    }
    out = []
    for year, ids in sorted(years.items()):
        ids.sort(key=order.index)
        about = about_words([(m, m not in principle) for m in ids], measures, knowledge)
        why = horizon.why_loan.format(meeting=nl_date(d.date), about=about)
        words = (horizon.title_loan.format(about=about), about, d.draft, why)
        # the plan's own meeting where the work's decision moved to one, else the annual ALV
        day = next(
            (
                x.date
                for x in decisions
                if x.id in ON_QUOTE and not x.annual and x.date > d.date and x.date.year == year
            ),
            None,
        )
        out.append(_part(d, LOAN_PART, year, tuple(ids), words, knowledge, horizon, day))
    return out


def _part(
    d: Decision,
    kind: str,
    year: int,
    ids: tuple[str, ...],
    words: tuple[str, str, str, str],
    knowledge: Knowledge,
    horizon: QuoteHorizon,
    day: dt.date | None = None,
) -> LaterPart:
    """``words``: the part's title, its words in the table, its draft and why its meeting
    takes it, after the decision's reason in law (decisions.toml). ``day``: its meeting
    where that is not the annual ALV of ``year``."""
    title, about, draft, why = words
    day = day or annual_day(d.date, year, knowledge)
    second = second_meeting_of(d.rule, day, d.notice_days, knowledge)
    majority = d.class_why  # its model's reason: said in full at the decision itself
    if majority and horizon.why_majority_again:
        majority = horizon.why_majority_again.format(meeting=nl_date(d.date))
    reason = " ".join(filter(None, [why_for(knowledge.decisions[d.id], ids), majority]))
    text = f"{reason} {why}"
    explanation = Explanation.of(text, d.explanation.ids, sources(horizon.source))
    # the stage its meeting falls in, set by with_later_parts
    return LaterPart(kind, year, day, ids, title, about, draft, second, explanation, d.stage)


# on the plan JSON (serialize.py: decision["later"], meeting["parts"]), for the writers
def as_decision(decision: dict[str, Any], part: dict[str, Any]) -> dict[str, Any]:
    """A part of ``decision`` that a later annual ALV takes (decision["later"]) as a
    decision of its own there: its title, draft, reason and meeting, the decision's rule,
    and its own state and recorded results."""
    return {
        **decision,
        "title": part["title"],
        "draft_resolution": part["draft_resolution"],
        "explanation": part["explanation"],
        "meeting_date": part["meeting_date"],
        # an open part goes to the annual ALV of its year; one tried, to its own meeting
        "annual_meeting": part.get("state", "open") == "open",
        "second_meeting": part["second_meeting"],
        "measures": part["measures"],
        "state": part.get("state", "open"),
        "attempts": part.get("attempts", []),
        # the loan for later work is as conditional as the loan decided first
        "conditional": part.get("kind") == LOAN_PART and decision["conditional"],
        "waits_for": [],
        "waits_until": None,
        "later": [],
    }


def _at(part: dict[str, Any], meeting: dict[str, Any], year: int) -> bool:
    """Whether ``meeting`` takes (or took) the part: held, a result of it at that meeting;
    ahead, the annual ALV of its year while it is open, or its follow-up meeting."""
    if meeting["held"]:
        second = meeting["kind"] == "second_meeting"
        return any(
            a["meeting_date"] == meeting["date"] and a["second_meeting"] == second
            for a in part.get("attempts", ())
        )
    state = part.get("state", "open")
    if state == "open":
        return bool(part["year"] == year)
    return bool(state == meeting["kind"] and part["meeting_date"] == meeting["date"])


def parts_of(plan: dict[str, Any], meeting: dict[str, Any]) -> list[dict[str, Any]]:
    """The parts a meeting takes of decisions decided earlier (meeting["parts"]), each as a
    decision (``as_decision``); a plan written before the field existed has none."""
    decisions = {d["id"]: d for d in plan["decisions"]}
    year = int(meeting["date"][:4])
    return [
        as_decision(decisions[i], p)
        for i in meeting.get("parts", ())
        for p in decisions[i].get("later", ())
        if _at(p, meeting, year)
    ]


def _proposal(decision: dict[str, Any], part: dict[str, Any]) -> dict[str, Any]:
    """A part as a proposal a result is recorded for: a decision whose ``id`` is the
    part's (``part_key``), with ``decision`` and ``part`` (its key) for the stored result
    (vve/profile/meetings.py DecisionResult.part)."""
    return {
        **as_decision(decision, part),
        "id": part_key(decision["id"], part["key"]),
        "decision": decision["id"],
        "part": part["key"],
    }


def recordable_parts(plan: dict[str, Any], meeting: dict[str, Any]) -> list[dict[str, Any]]:
    """The parts the meeting (one ahead) takes that are still to decide, as proposals."""
    decisions = {d["id"]: d for d in plan["decisions"]}
    year = int(meeting["date"][:4])
    return [
        _proposal(decisions[i], p)
        for i in meeting.get("parts", ())
        for p in decisions[i].get("later", ())
        if "key" in p and p.get("state", "open") != "taken" and _at(p, meeting, year)
    ]


def proposal_of(plan: dict[str, Any], decision_id: str, part: str | None) -> dict[str, Any] | None:
    """The decision a recorded result is about, or its part as a proposal; None when the
    plan no longer has it."""
    decision = next((d for d in plan["decisions"] if d["id"] == decision_id), None)
    if decision is None or part is None:
        return decision
    found = next((p for p in decision.get("later", ()) if p.get("key") == part), None)
    return None if found is None else _proposal(decision, found)


def every_decision(plan: dict[str, Any]) -> list[dict[str, Any]]:
    """Every decision the plan proposes, at any meeting: each decision and each part a
    later annual ALV takes of it (``as_decision``), in the order of their meetings (Table 1,
    and every overview that lists decisions)."""
    rows = []
    for d in plan["decisions"]:
        rows.append(d)
        rows += [as_decision(d, p) for p in d.get("later", ())]
    return sorted(rows, key=lambda d: d["meeting_date"])


def set_aside(plan: dict[str, Any]) -> list[dict[str, Any]]:
    """The recorded results the plan sets aside (progress["ignored_results"]), each with
    its meeting and the title of the decision or part it is about, so a warning names
    what an owner knows; ``title`` None where the plan no longer has it."""
    ignored = set(plan["progress"]["ignored_results"])
    out = []
    for r in plan["answers"].get("results", ()):
        if r["id"] in ignored:
            proposal = proposal_of(plan, r["decision"], r.get("part"))
            title = None if proposal is None else proposal["title"]
            out.append({"id": r["id"], "meeting_date": r["meeting_date"], "title": title})
    return out
