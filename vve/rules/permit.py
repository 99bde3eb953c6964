"""The omgevingsvergunning for work on the outside of a building with heritage status (a
monument, a protected townscape): where the plan has such work, the board applies once the
ALV has decided it and the quotes are in, and the work is contracted only after the
municipality's decision (stages.toml [permit]). The step lasts the procedure's whole term;
its stage is at least as long (``stretch``, for the schedule), so the contract at the
start of the execution follows the decision."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import replace

from vve.knowledge import HeritagePermit, Knowledge
from vve.profile import Profile
from vve.vocabulary import HERITAGE

from .coupled import decided_later
from .decisions import Decision
from .explain import Explanation, nl_listing, sources
from .measures import Measure
from .risks import Risk
from .stages import Action, StageWindow

STEP = "heritage_permit"  # Action.id of the step
PRECONSULT = "heritage_preconsult"  # the board's consultation before the quotes (stages.toml)


def _outside(
    profile: Profile,
    knowledge: Knowledge,
    measures: Sequence[Measure],
    later: Mapping[str, int],
) -> list[Measure]:
    """The measures that change the outside of a building with heritage status, which
    the VvE contracts itself: not a private measure (the owner's own application), nor
    work a later ALV decides (``later``)."""
    if profile.building.heritage in (None, "none"):
        return []
    return [
        m
        for m in measures
        if knowledge.measures[m.id].exterior and not m.private and m.id not in later
    ]


def outside_work(
    profile: Profile, knowledge: Knowledge, measures: Sequence[Measure]
) -> list[Measure]:
    """The measures that change the outside of a building with heritage status, the
    VvE's own (what the municipality is consulted on early, stages.toml)."""
    return _outside(profile, knowledge, measures, {})


def stretch(profile: Profile, knowledge: Knowledge, measures: Sequence[Measure]) -> dict[str, int]:
    """Stage id -> the weeks it lasts at least: the permit's stage, as long as the step
    (vve/rules/schedule.py)."""
    status = profile.building.heritage
    if status is None or not outside_work(profile, knowledge, measures):
        return {}
    permit = knowledge.permit
    return {permit.stage: permit.offset_weeks + _weeks(permit, status)}


def with_permit_step(
    windows: Sequence[StageWindow],
    profile: Profile,
    knowledge: Knowledge,
    measures: Sequence[Measure],
    decisions: Sequence[Decision],
) -> list[StageWindow]:
    """The stages with the permit step where the building has heritage status and the plan
    has work on the outside that the VvE contracts after its decision meeting."""
    status = profile.building.heritage
    outside = _outside(profile, knowledge, measures, decided_later(decisions, measures, knowledge))
    if status is None or not outside:
        return list(windows)
    permit = knowledge.permit
    window = next(w for w in windows if w.id == permit.stage)
    weeks = _weeks(permit, status)
    step = Action(
        STEP,
        _what(permit, status, outside, knowledge, weeks),
        permit.who,
        window.start + dt.timedelta(weeks=permit.offset_weeks),
        weeks,
        "stage",
    )
    out = []
    for w in windows:
        if w.id == permit.stage:
            actions = tuple(sorted((*w.actions, step), key=lambda a: a.start))
            cited = Explanation.of(w.explanation.text, w.explanation.ids, sources(permit.source))
            reached = (*w.milestones, permit.milestone) if permit.milestone else w.milestones
            w = replace(w, actions=actions, explanation=cited, milestones=reached)
        out.append(w)
    return out


def _weeks(permit: HeritagePermit, status: str) -> int:
    """The procedure's whole term, its one extension included."""
    term = permit.extended_weeks if status in permit.extended_for else permit.regular_weeks
    return term + permit.extension_weeks


def _what(
    permit: HeritagePermit,
    status: str,
    outside: Sequence[Measure],
    knowledge: Knowledge,
    weeks: int,
) -> str:
    parts: list[str] = []
    for m in outside:
        part = knowledge.measures[m.id].exterior
        if part and part not in parts:
            parts.append(part)
    terms = {
        "regular": permit.regular_weeks,
        "extension": permit.extension_weeks,
        "extended": permit.extended_weeks,
    }
    procedure = permit.what_extended if status in permit.extended_for else permit.what_regular
    return permit.what.format(
        work=nl_listing(parts),
        status=HERITAGE[status].word,
        measures=nl_listing([knowledge.measures[m.id].short for m in outside]),
        procedure=procedure.format(**terms),
        weeks=weeks,
    )


def word_heritage_risk(
    risks: Sequence[Risk], windows: Sequence[StageWindow], knowledge: Knowledge
) -> list[Risk]:
    """The heritage risk (risks.toml heritage) pointing to the pre-consultation and the
    permit step, where the plan has them, with the sources of the step's terms."""
    where = next((w for w in windows for a in w.actions if a.id == STEP), None)
    if where is None:
        return list(risks)
    permit = knowledge.permit
    extra = permit.risk_text.format(stage=where.title)
    consult = next((w for w in windows for a in w.actions if a.id == PRECONSULT), None)
    if consult is not None and permit.risk_text_preconsult:
        extra = f"{permit.risk_text_preconsult.format(stage=consult.title)} {extra}"
    out = []
    for r in risks:
        if r.id == "heritage":
            text = f"{r.text} {extra}"
            blocks = r.blocks[:-1] + tuple((f"{t} {extra}", p) for t, p in r.blocks[-1:])
            ids = Explanation.of(text, r.explanation.ids, sources(permit.source))
            r = replace(r, text=text, blocks=blocks, explanation=ids)
        out.append(r)
    return out
