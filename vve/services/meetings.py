"""What the owners' meetings decided: recording a meeting's results, and correcting one.

The only code that writes ``results`` into a profile. A result is appended, never changed
or removed: a correction is a new entry that ``replaces`` the old one and gives its reason
(docs/profile.md). Each use case runs as one unit of work (``run_unit_of_work``: a board's
save landing meanwhile makes it run again on the fresh dossier), writes an entry in the
dossier's own trail with the numbers and the outcome, and refreshes the dashboard columns
(``summarise``: the stage the dossier is really in, the decisions taken).

Advisors of an organisation the board shared the dossier with may record and correct as
well; like their saved answers, their writes are in the dossier's trail under their own
actor code (``advisor:<e-mail>``). Their reads of the meetings page are security events
(vve/reads.py).

Refusals are ``ResultRefused`` with one ``Problem`` per field: a Dutch message id with its
values, translated where it is shown (a sentence of the core's ``BadCount`` or
``recordable`` comes as it is, in Dutch).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from vve.knowledge import load_knowledge
from vve.models import Dossier
from vve.profile import Profile, parse_profile
from vve.profile.fields import clean_text
from vve.profile.meetings import current_results
from vve.rules.outcomes import BadCount, Judgement, judge, next_meeting, recordable, result_fields
from vve.rules.parts import proposal_of, recordable_parts
from vve.vocabulary.base import N_

from . import audit, clock
from .concurrency import run_unit_of_work
from .plans import dossier_profile, plan_for
from .result_detail import numbers as _numbers
from .result_detail import recorded_detail as _recorded_detail
from .summaries import summarise_with_plan
from .tally import Count, Problem, counts_from_ballots, second_meeting_for, second_window

__all__ = [
    "Count",
    "Judged",
    "Problem",
    "Recorded",
    "ResultNotFound",
    "ResultRefused",
    "correct_result",
    "record_results",
]

NO_ANSWERS = N_("Vul eerst de vragen over uw VvE in; daarna kunt u uitslagen vastleggen.")
NO_MEETING = N_("Alle vergaderingen van het plan zijn vastgelegd; er is geen volgende.")
NOTHING_FILLED = N_("Vul voor ten minste één voorstel de stemmen in.")
NOT_ON_AGENDA = N_("Dit voorstel staat niet op de agenda van de volgende vergadering.")
FUTURE = N_("Een uitslag legt u vast na de vergadering: deze datum ligt in de toekomst.")
BEFORE_LAST = N_(
    "Deze datum ligt vóór de laatste vergadering die is vastgelegd (%(last)s); "
    "corrigeer die uitslag als de datum niet klopt."
)
SECOND_TOO_EARLY = N_(
    "Een tweede vergadering over dit voorstel kan ten vroegste op %(earliest)s: %(weeks)s "
    "weken na de vergadering van %(held)s en na de oproeptermijn. Controleer de datum."
)
TOTAL_UNKNOWN = N_(
    "Het totaal aantal stemmen in de VvE is niet bekend; vul eerst het aantal "
    "appartementsrechten (of de stemmentabel) in."
)
PRESENT_OVER_TOTAL = N_(
    "Er waren %(present)s stemmen aanwezig, meer dan de %(total)s stemmen die de VvE heeft."
)
VOTES_OVER_PRESENT = N_(
    "Voor, tegen en blanco zijn samen %(cast)s stemmen, meer dan de %(present)s aanwezige "
    "of vertegenwoordigde stemmen."
)
NO_REASON = N_("Schrijf op waarom u deze uitslag corrigeert.")
REASON_TOO_LONG = N_("Gebruik hoogstens %(max)s tekens.")
ALREADY_CORRECTED = N_("Deze uitslag is al gecorrigeerd; corrigeer de nieuwste versie.")
DECISION_GONE = N_(
    "Dit besluit staat niet meer in het plan (de antwoorden zijn veranderd); een uitslag "
    "ervan kunt u niet meer corrigeren."
)
OUT_OF_ORDER = N_(
    "Met deze datum past de uitslag niet in de volgorde van de vergaderingen die al zijn "
    "vastgelegd. Controleer de datum."
)
TOO_OLD = N_("Vul een datum vanaf 1 januari 2000 in.")
MAX_REASON = 200  # the profile's text limit
EARLIEST_DAY = dt.date(2000, 1, 1)  # the profile's first date


class ResultRefused(ValueError):
    """Nothing was stored; ``problems`` says why, per field."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("; ".join(p.text() for p in self.problems))


class ResultNotFound(LookupError):
    """The dossier has no result with that id."""


@dataclass(frozen=True)
class Judged:
    decision: dict[str, Any]  # the plan's decision, as judged
    judgement: Judgement
    entry: dict[str, Any]  # the result as stored in the profile


@dataclass(frozen=True)
class Recorded:
    judged: tuple[Judged, ...]
    plan: dict[str, Any]  # the plan made after the results were stored


def record_results(
    dossier: Dossier,
    meeting_date: dt.date,
    counts: Mapping[str, Count] | None = None,
    ballots: Mapping[str, Mapping[str, str]] | None = None,
    actor: str = audit.BOARD,
    cases: Mapping[str, str] | None = None,
) -> Recorded:
    """Store what the plan's next meeting decided on the proposals given: ``counts`` per
    decision id, or the voting list (``ballots``: per decision id, apartment number ->
    ``yes``/``no``/``blank``/``absent``) from which the votes are counted. A proposal left
    out was not dealt with; it comes back at a later meeting. Whether it was a second
    meeting follows from the plan and the date. ``cases``: per decision id whose majority
    depends on the threshold amount, "below" or "above" it (with ``ballots``; a count
    carries its own). Raises ResultRefused (nothing stored)."""

    def work() -> Recorded:
        profile = _profile(dossier)
        today = clock.today()
        plan = plan_for(profile, today)
        meeting = next_meeting(plan)
        if meeting is None:
            raise ResultRefused([Problem("", NO_MEETING)])
        agenda = {d["id"]: d for d in plan["decisions"] if d["id"] in meeting["decisions"]}
        agenda |= {p["id"]: p for p in recordable_parts(plan, meeting)}
        problems: list[Problem] = []
        if ballots is not None:
            wanted, problems = counts_from_ballots(profile, list(agenda), ballots)
            wanted = {d: replace(c, case=(cases or {}).get(d)) for d, c in wanted.items()}
        else:
            wanted = dict(counts or {})
        judged = _judge_all(plan, agenda, wanted, meeting_date, today, problems)
        entries = [
            _entry(
                j, meeting_date, actor, ballots.get(j.decision) if ballots else None, agenda=agenda
            )
            for j in judged
        ]
        after, entries = _store(dossier, profile, entries)
        audit.record(
            dossier,
            actor,
            "decision_recorded",
            _recorded_detail(entries, {d: a["title"] for d, a in agenda.items()}),
        )
        return Recorded(
            tuple(Judged(agenda[j.decision], j, e) for j, e in zip(judged, entries)), after
        )

    return run_unit_of_work(work)


def _judge_all(
    plan: dict[str, Any],
    agenda: dict[str, dict[str, Any]],
    wanted: Mapping[str, Count],
    day: dt.date,
    today: dt.date,
    problems: list[Problem],
) -> list[Judgement]:
    """Every proposal's judgement, in the agenda's order; ResultRefused with every problem
    found (dates, counts) when any."""
    problems += [Problem(d, NOT_ON_AGENDA) for d in wanted if d not in agenda]
    if not wanted and not problems:
        problems.append(Problem("", NOTHING_FILLED))
    dated = _date_problems(plan, day, today)
    problems += dated
    knowledge = load_knowledge()
    judged = []
    for decision_id, decision in agenda.items():
        if decision_id not in wanted:
            continue
        second = second_meeting_for(decision, day, knowledge)
        if second is None:  # the date is wrong anyway: say one thing about it
            held, earliest, _latest = second_window(decision, knowledge) or (day, day, day)
            if not dated:
                weeks = knowledge.second_meeting.min_weeks
                where = {"earliest": earliest, "held": held, "weeks": weeks}
                problems.append(Problem("meeting_date", SECOND_TOO_EARLY, where))
            continue
        refusal = None if problems else recordable(plan, decision_id, day, today)
        if refusal is not None:
            problems.append(Problem(decision_id, refusal))
            continue
        found = _judge(decision, plan["votes"]["total"], wanted[decision_id], second, problems)
        if found is not None:
            judged.append(found)
    if problems:
        raise ResultRefused(_unique(problems))
    return judged


def _date_problems(plan: dict[str, Any], day: dt.date, today: dt.date) -> list[Problem]:
    if day > today:
        return [Problem("meeting_date", FUTURE)]
    if day < EARLIEST_DAY:
        return [Problem("meeting_date", TOO_OLD)]
    last = plan["progress"]["last_meeting"]
    if last is not None and day < dt.date.fromisoformat(last):
        return [Problem("meeting_date", BEFORE_LAST, {"last": dt.date.fromisoformat(last)})]
    return []


def _judge(
    decision: dict[str, Any],
    total: int | None,
    count: Count,
    second: bool,
    problems: list[Problem],
) -> Judgement | None:
    """The judgement, or None with the problem added (next to the field it is about)."""
    did = decision["id"]
    if not total:
        problems.append(Problem("", TOTAL_UNKNOWN))
        return None
    if count.present > total:
        problems.append(
            Problem(
                f"{did}.present", PRESENT_OVER_TOTAL, {"present": count.present, "total": total}
            )
        )
        return None
    cast = count.yes + count.no + count.blank
    if cast > count.present:
        problems.append(
            Problem(f"{did}.yes", VOTES_OVER_PRESENT, {"cast": cast, "present": count.present})
        )
        return None
    try:
        c = count
        return judge(decision, total, c.present, c.yes, c.no, c.blank, second, c.case)
    except BadCount as exc:
        problems.append(Problem(did, str(exc)))
        return None


def _unique(problems: list[Problem]) -> list[Problem]:
    seen, out = set(), []
    for p in problems:
        key = (p.field, p.message, tuple(sorted(p.params.items())))
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out


def _profile(dossier: Dossier) -> Profile:
    profile = dossier_profile(dossier)
    if profile is None:
        raise ResultRefused([Problem("", NO_ANSWERS)])
    return profile


def _entry(
    j: Judgement,
    day: dt.date,
    actor: str,
    ballots: Mapping[str, str] | None,
    replaces: int | None = None,
    reason: str | None = None,
    agenda: Mapping[str, Mapping[str, Any]] | None = None,
) -> dict[str, Any]:
    """The result as stored; a part's (an agenda item with a ``part``, judged under its
    ``part_key``) under its decision with the part's key."""
    item = (agenda or {}).get(j.decision) or {}
    entry = {
        **result_fields(j),
        "decision": item.get("decision", j.decision) if item.get("part") else j.decision,
        "part": item.get("part"),
        "meeting_date": day.isoformat(),
        "ballots": dict(ballots) if ballots else None,
        "recorded_at": clock.now().isoformat(),
        "recorded_by": actor,
        "replaces": replaces,
        "reason": reason,
    }
    return entry


def _store(
    dossier: Dossier, profile: Profile, entries: list[dict[str, Any]]
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Append the entries (numbered on from the highest id), validate, save, refresh the
    dashboard columns; the plan made after, and the entries as stored. An entry the plan
    sets aside (it does not fit the meetings' order) refuses the whole unit of work."""
    data = profile.model_dump(mode="json")
    next_id = max((r["id"] for r in data["results"]), default=0) + 1
    for offset, entry in enumerate(entries):
        entry["id"] = next_id + offset
    data["results"] = [*data["results"], *entries]
    stored = parse_profile(data)
    dossier.profile = stored.model_dump(mode="json")
    plan = summarise_with_plan(dossier, stored, None)
    if set(plan["progress"]["ignored_results"]) & {e["id"] for e in entries}:
        raise ResultRefused([Problem("meeting_date", OUT_OF_ORDER)])
    return plan, dossier.profile["results"][len(data["results"]) - len(entries) :]


def correct_result(
    dossier: Dossier,
    result_id: int,
    count: Count,
    reason: str,
    meeting_date: dt.date | None = None,
    actor: str = audit.BOARD,
) -> Judged:
    """A new entry that replaces result ``result_id`` (one that still stands) with these
    numbers (and date), judged again by the plan's rule for that decision; the old entry
    stays in the profile. Raises ResultNotFound, or ResultRefused (nothing stored)."""

    def work() -> Judged:
        profile = _profile(dossier)
        target = next((r for r in profile.results if r.id == result_id), None)
        if target is None:
            raise ResultNotFound(result_id)
        day = meeting_date or target.meeting_date
        today = clock.today()
        problems = _correction_problems(profile, result_id, reason, day, today)
        plan = plan_for(profile, today)
        decision = proposal_of(plan, target.decision, target.part)
        found = None
        if decision is None:
            problems.append(Problem("", DECISION_GONE))
        else:
            total = plan["votes"]["total"]
            found = _judge(decision, total, count, target.second_meeting, problems)
        if problems or found is None or decision is None:
            raise ResultRefused(_unique(problems))
        numbers = (count.present, count.yes, count.no, count.blank)
        same = (target.present, target.yes, target.no, target.blank) == numbers
        ballots = target.ballots if same else None
        why = str(clean_text(reason.strip()))
        entry = _entry(found, day, actor, ballots, target.id, why, {decision["id"]: decision})
        _plan, (entry,) = _store(dossier, profile, [entry])
        before = target.model_dump(mode="json")
        detail = {
            **_recorded_detail([entry], {decision["id"]: decision["title"]}),
            "replaces": target.id,
            "reason": entry["reason"],
            "before": {"meeting_date": before["meeting_date"], **_numbers(before)},
        }
        audit.record(dossier, actor, "decision_corrected", detail)
        return Judged(decision, found, entry)

    return run_unit_of_work(work)


def _correction_problems(
    profile: Profile, result_id: int, reason: str, day: dt.date, today: dt.date
) -> list[Problem]:
    problems = []
    if result_id not in {r.id for r in current_results(profile.results)}:
        problems.append(Problem("", ALREADY_CORRECTED))
    text = (reason or "").strip()
    if not text:
        problems.append(Problem("reason", NO_REASON))
    elif len(text) > MAX_REASON:
        problems.append(Problem("reason", REASON_TOO_LONG, {"max": MAX_REASON}))
    if day > today:
        problems.append(Problem("meeting_date", FUTURE))
    elif day < EARLIEST_DAY:
        problems.append(Problem("meeting_date", TOO_OLD))
    return problems
