"""The plan as JSON-ready data: the documented, stable shape of docs/plan.md.

Fractions are strings ("2/3"), dates ISO strings; keys never disappear (a value
that is unknown is null). Change PLAN_FORMAT when the shape changes.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from fractions import Fraction
from typing import Any

from vve import __version__
from vve.knowledge import Knowledge

from .applied import AppliedRule
from .choice_drafts import choice_drafts
from .decisions import Decision
from .explain import Explanation
from .measures import Measure, unconfirmed_text
from .notice import send_by
from .plan import PLAN_FORMAT, FinancingItem, Plan
from .quote_age import period_note
from .risks import Risk
from .serialize_first import first_decision_to_dict
from .serialize_meetings import attempt_dict, meetings_dict, progress_dict, proxies_dict
from .serialize_money import money_to_dict
from .serialize_used import money_source_ids
from .stages import Action, EarlierMeeting
from .unknowns import pattern_of
from .voting import Power, Rule, SecondMeetingRoute


def _frac(value: Fraction | None) -> str | None:
    return None if value is None else f"{value.numerator}/{value.denominator}"


def _date(value: dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


def _expl(e: Explanation) -> dict[str, Any]:
    return {"ids": list(e.ids), "text": e.text}


def _rule(r: Rule) -> dict[str, Any]:
    return {
        "quorum": _frac(r.quorum.share) if r.quorum else None,
        "quorum_comparison": r.quorum.comparison if r.quorum else None,
        "majority": _frac(r.majority.share),
        "base": r.base,
        "comparison": r.majority.comparison,
        "second_meeting_allowed": r.second_meeting,
    }


def _applied(a: AppliedRule) -> dict[str, Any]:
    n = a.numbers
    return {
        "rule_id": a.spec.id,
        "kind": a.spec.kind,
        "label": a.spec.label,
        "applies": a.applies,
        "status": a.status,
        "effective_date": _date(a.spec.effective_date),
        "overridden_by_board": a.overridden,
        "certainty": a.certainty,
        **_rule(a.rule),
        "votes": None
        if n is None
        else {
            "total": n.total,
            "quorum_votes": n.quorum_votes,
            "min_yes_full_attendance": n.min_yes_full_attendance,
            "min_yes_at_quorum": n.min_yes_at_quorum,
            "expected_present": n.expected_present,
            "min_yes_expected_turnout": n.min_yes_expected_turnout,
        },
        "explanation": _expl(a.explanation),
    }


def _second(s: SecondMeetingRoute | None) -> dict[str, Any] | None:
    if s is None:
        return None
    return {
        "first_meeting": _date(s.first_meeting),
        "notice_sent": _date(s.notice_sent),
        "earliest": _date(s.earliest),
        "latest": _date(s.latest),
        "notice_days": s.notice_days,
        "feasible": s.feasible,
        "planned": _date(s.planned),
        "in_holidays": s.in_holidays,
        "first_evening": _date(s.first_evening),
        "last_evening": _date(s.last_evening),
    }


def _power(p: Power, single: dict[str, bool]) -> dict[str, Any]:
    return {
        "party": p.party.id,
        "label": p.party.label,
        "votes": p.party.votes,
        "single_party": single.get(p.party.id, False),
        "can_block": p.can_block,
        "can_carry": p.can_carry,
        "can_block_quorum": p.can_block_quorum,
        "carries_alone_up_to_present": p.carries_up_to_present,
    }


def _decision(d: Decision, single: dict[str, bool], knowledge: Knowledge) -> dict[str, Any]:
    return {
        "id": d.id,
        "title": d.title,
        "legal_class": d.legal_class,
        "stage": d.stage,
        "certainty": d.certainty,
        "meeting_date": _date(d.date),
        "notice_days": d.notice_days,
        "notice_by": _date(send_by(d.date, d.notice_days, knowledge)),
        "sustainability": d.sustainability,
        "conditional": d.conditional,
        "waits_for": list(d.waits_for),
        "waits_until": d.waits_until,
        "threshold_words": d.threshold_words,
        "annual_meeting": d.annual,
        "later": _later(d),
        "needed_because": list(d.needed_because),
        "measures": list(d.measures),
        "coupled_measures": list(d.coupled_measures),
        "rule": _applied(d.rule),
        "alternatives": [_applied(a) for a in d.alternatives],
        "requirements": [_applied(a) for a in d.requirements],
        "second_meeting": _second(d.second_meeting),
        "blocking": [_power(p, single) for p in d.blocking],
        "draft_resolution": d.draft,
        "explanation": _expl(d.explanation),
        "state": d.state,
        "attempts": [attempt_dict(r) for r in d.attempts],
    }


def _later(d: Decision) -> list[dict[str, Any]]:
    """The parts of a decision later annual ALVs take (vve/rules/parts.py): the work a
    coupled resolution leaves to later, or the binding decision after one in principle."""
    return [
        {
            "key": p.key,
            "kind": p.kind,
            "year": p.year,
            "meeting_date": _date(p.date),
            "measures": list(p.measures),
            "title": p.title,
            "about": p.about,
            "draft_resolution": p.draft,
            "second_meeting": _second(p.second_meeting),
            "explanation": _expl(p.explanation),
            "state": p.state,
            "attempts": [attempt_dict(r) for r in p.attempts],
        }
        for p in d.later
    ]


def _action(a: Action) -> dict[str, Any]:
    return {
        "id": a.id,
        "what": a.what,
        "who": a.who,
        "start": _date(a.start),
        "end": _date(a.end),
        "weeks": a.weeks,
        "origin": a.source,
        "field": a.field,
    }


def plan_to_dict(plan: Plan) -> dict[str, Any]:
    profile, k = plan.profile, plan.knowledge
    single = plan.votes.party_is_single
    money = money_to_dict(plan.money, k)
    money["first_decision"] = first_decision_to_dict(plan.money, k)
    cited = sorted(
        {i.split(":", 1)[1] for i in _all_ids(plan) if i.startswith("source:")}
        | set(money_source_ids(money))
    )
    return {
        "plan_format": PLAN_FORMAT,
        "engine_version": __version__,
        "knowledge_version": k.version,
        "knowledge_peildatum": _date(k.oldest_peildatum),
        "profile_schema_version": profile.schema_version,
        "as_of": _date(plan.as_of),
        "association": profile.association.model_dump(mode="json"),
        "answers": profile.model_dump(mode="json"),
        "model_reglement": _model_reglement(plan),
        "votes": _votes(plan),
        "heat_route": _heat_route(plan),
        "measures": [_measure(m, k) for m in plan.measures],
        "stages": _stages(plan),
        "decisions": [_decision(d, single, k) for d in plan.decisions],
        "risks": [_risk(r) for r in plan.risks],
        "unknowns": [
            {"field": a.field, "action": a.id, "how_to_find_out": a.what, "who": a.who}
            for a in plan.find_out
        ],
        "timeline": [
            {
                "id": t.id,
                "kind": t.kind,
                "label": t.label,
                "start": _date(t.start),
                "end": _date(t.end),
                "day_follows": t.day_follows,
            }
            for t in plan.timeline
        ],
        "financing": [_financing(f) for f in plan.financing],
        "money": money,
        "sources": [_source(sid, k) for sid in cited],
        "meetings": [
            {**m, "choice_drafts": choice_drafts(plan, m["choices"], _applied)}
            for m in meetings_dict(plan)
        ],
        "proxies": proxies_dict(plan),
        "progress": progress_dict(plan),
    }


def _model_reglement(plan: Plan) -> dict[str, Any]:
    model = plan.votes.model
    return {
        "id": model.id,
        "label": model.label,
        "known": plan.votes.model_known,
        "notice_days": model.notice_days,
        "notice_certainty": model.notice_certainty,
    }


def _votes(plan: Plan) -> dict[str, Any]:
    single = plan.votes.party_is_single
    return {
        "total": plan.votes.total,
        "one_per_right_assumed": plan.votes.votes_assumed,
        "parties": [
            {
                "id": p.id,
                "label": p.label,
                "votes": p.votes,
                "single_party": single.get(p.id, False),
            }
            for p in plan.votes.parties
        ],
    }


def _heat_route(plan: Plan) -> dict[str, Any]:
    route, routes = plan.route, plan.knowledge.routes
    return {
        "id": route.id,
        "reason": route.reason,
        "title": routes[route.id].title,
        "explanation": _expl(route.explanation),
        "alternatives": [
            {"id": rid, "title": routes[rid].title, "why_not": why}
            for rid, why in route.alternatives
        ],
    }


def _measure(m: Measure, k: Knowledge) -> dict[str, Any]:
    return {
        "id": m.id,
        "order": m.order,
        "order_group": m.order_group,
        "title": k.measures[m.id].title,
        "component": m.component,
        "coupled_year": m.coupled_year,
        "postponed_from": m.postponed_from,
        "private": m.private,
        "explanation": _expl(m.explanation),
        # the sentence that opens the explanation of a measure the advice must confirm
        "unconfirmed": unconfirmed_text(k, m.unknown) if m.unknown else None,
    }


def _risk(r: Risk) -> dict[str, Any]:
    return {
        "id": r.id,
        "severity": r.severity,
        "stage": r.stage,
        "text": r.text,
        "subject": r.subject,
        "blocks": [{"text": text, "points": list(points)} for text, points in r.blocks],
        "explanation": _expl(r.explanation),
    }


def _financing(f: FinancingItem) -> dict[str, Any]:
    return {
        "id": f.id,
        "title": f.title,
        "kind": f.kind,
        "applies": f.applies,
        "facts": f.facts,
        "conditions": f.conditions,
        "certainty": f.certainty,
        "peildatum": _date(f.peildatum),
        "explanation": _expl(f.explanation),
    }


def _source(sid: str, k: Knowledge) -> dict[str, Any]:
    source = k.sources[sid]
    return {
        "id": sid,
        "title": source.title,
        "where": source.where,
        "peildatum": _date(source.peildatum),
        "own": source.own,
    }


def _stages(plan: Plan) -> list[dict[str, Any]]:
    """Each stage with its actions, the find-out actions that land in it, its decisions
    and its risks."""
    find_out_by_stage: dict[str, list[Action]] = {}
    for action in plan.find_out:
        stage = plan.knowledge.unknowns[pattern_of(action.field or "")].stage
        find_out_by_stage.setdefault(stage, []).append(action)
    return [
        {
            "id": w.id,
            "title": w.title,
            "goal": w.goal,
            "start": _date(w.start),
            "end": _date(w.end),
            "period_note": period_note(w, plan.knowledge, plan.money.loan_signed_by),
            "meeting_date": _date(w.meeting),
            "state": w.state,
            "meeting_note": plan.knowledge.meetings.why if w.meeting else None,
            "earlier_meeting": _earlier(w.earlier_meeting),
            "actions": [_action(a) for a in (*w.actions, *find_out_by_stage.get(w.id, []))],
            "decisions": [d.id for d in plan.decisions if d.stage == w.id],
            "milestones": list(w.milestones),
            "risks": [r.id for r in plan.risks if r.stage == w.id],
            "explanation": _expl(w.explanation),
        }
        for w in plan.stages
    ]


def _earlier(e: EarlierMeeting | None) -> dict[str, Any] | None:
    """The earlier day the board may choose for the stage's meeting (null elsewhere)."""
    if e is None:
        return None
    return {"date": _date(e.date), "subsidy": e.subsidy, "energy_advice_only": e.energy_advice_only}


def _all_ids(plan: Plan) -> Iterator[str]:
    for group in (plan.measures, plan.stages, plan.risks, plan.financing):
        for item in group:
            yield from item.explanation.ids
    yield from plan.route.explanation.ids
    for d in plan.decisions:
        yield from d.explanation.ids
        for a in (d.rule, *d.alternatives, *d.requirements):
            yield from a.explanation.ids


def plan_to_json(plan: Plan) -> str:
    return json.dumps(plan_to_dict(plan), ensure_ascii=False, indent=2) + "\n"
