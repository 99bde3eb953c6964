"""The plan of a dossier as it stands, its downloads and the snapshots kept of them."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import marshal
import re
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from flask import current_app
from sqlalchemy.orm import defer

from vve import __version__
from vve.document import DocumentMeta, write_plan_docx
from vve.document.timeline import NARROW, WIDE, timeline_png
from vve.extensions import db
from vve.knowledge import Knowledge, load_knowledge
from vve.lru import BytesLru
from vve.models import Dossier, MunicipalPlan, PlanSnapshot, User
from vve.profile import Profile, parse_profile
from vve.rules import build_plan
from vve.rules.checks import PlanInconsistent, check_plan
from vve.rules.serialize import plan_to_dict
from vve.rules.summary import Summary, summarise_plan

from . import audit, clock, house_style, shared_plans
from .areas import municipal_plan_for
from .concurrency import StaleDossier, run_unit_of_work

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@dataclass(frozen=True)
class Download:
    data: bytes
    filename: str
    mimetype: str = DOCX


def dossier_profile(dossier: Dossier) -> Profile | None:
    return parse_profile(dossier.profile) if dossier.profile else None


def make_plan(dossier: Dossier, today: dt.date | None = None) -> dict[str, Any] | None:
    """The plan JSON for the dossier as it stands, or None before the first step.

    Made once per input (the tag of ``_inputs``: answers, municipal plan, day, knowledge,
    engine), kept by the worker and shared with the others (``_kept_plan``): the plan
    page, its figure, the Word plan and a second view reuse it, each caller with a copy of
    its own. With ``today`` given (a plan as of another day) it is made anew."""
    inputs = _inputs(dossier)
    if inputs is None:
        return None
    if today is not None:
        return _plan(inputs[0], inputs[1], today)
    return _kept_plan(*inputs, dossier.id)


@dataclass(frozen=True)
class KeptPlan:
    """The plan as ``make_plan`` gives it, with its tag (``_inputs``): what is drawn from
    the plan alone can be kept under the tag."""

    tag: str
    plan: dict[str, Any]


def kept_plan(dossier: Dossier) -> KeptPlan | None:
    """``make_plan`` with the plan's tag; None before the first step."""
    inputs = _inputs(dossier)
    if inputs is None:
        return None
    return KeptPlan(inputs[2], _kept_plan(*inputs, dossier.id))


# The plan page's parts drawn from the plan alone (vve/wizard/plan_views.py), by tag,
# language and dossier: about 40 kB of HTML each, kept compressed (4-6 kB).
PAGE_PARTS_SIZE = 256
PAGE_PARTS_BYTES = 2 * 2**20
_PAGE_PARTS = BytesLru(PAGE_PARTS_SIZE, PAGE_PARTS_BYTES)


def page_part(key: tuple[str, ...], draw: Callable[[], str]) -> str:
    """The HTML kept under ``key`` (which must name everything it was drawn from), or
    drawn and kept."""
    kept = _PAGE_PARTS.get(key, lambda: zlib.compress(draw().encode(), 1))
    return zlib.decompress(kept).decode()


def _kept_plan(
    profile: Profile, municipal: MunicipalPlan | None, tag: str, dossier_id: int | None
) -> dict[str, Any]:
    """The plan kept as ``marshal`` data, compressed: the plan is JSON as it stands (lists,
    text keys; tests/unit/rules/test_plan_is_json.py), so its copy equals the JSON one,
    and marshal writes it in 1.6 ms and reads it in 1.1 (JSON: 2.7 and 1.6 ms, Assen's
    plan, compressed alike). Only this worker's own bytes are read back as marshal; another
    worker's plan comes from the shared row as JSON (vve/services/shared_plans.py)."""
    day = clock.today()

    def made_or_shared() -> bytes:
        plan = None if dossier_id is None else shared_plans.read_plan(dossier_id, tag)
        if plan is None:
            plan = _plan(profile, municipal, day)
            if dossier_id is not None:
                shared_plans.write_plan(dossier_id, tag, plan)
        return zlib.compress(marshal.dumps(plan), 1)

    kept = _PLANS.get(tag, made_or_shared)
    plan: dict[str, Any] = marshal.loads(zlib.decompress(kept))
    return plan


def plan_for(profile: Profile, today: dt.date) -> dict[str, Any]:
    """Where the municipality decided for the neighbourhood, that decision goes into the plan
    (over the board's own answer), and the plan says so."""
    a = profile.association
    return _plan(profile, municipal_plan_for(a.postcode, a.municipality, a.neighbourhood), today)


def _plan(profile: Profile, municipal: MunicipalPlan | None, today: dt.date) -> dict[str, Any]:
    if municipal is not None:
        profile = _with_municipal_decision(profile, municipal)
    knowledge = load_knowledge()
    plan = plan_to_dict(build_plan(profile, today, knowledge))
    _check(plan, knowledge)
    plan["municipal_plan"] = None if municipal is None else _municipal_dict(municipal)
    return plan


def _inputs(dossier: Dossier) -> tuple[Profile, MunicipalPlan | None, str] | None:
    """The stored answers, the municipal plan that applies, and the plan's tag: a hash of
    everything the plan is made from (those two, the day, the knowledge's content and the
    engine's version), found without making the plan. None before the first step."""
    profile = dossier_profile(dossier)
    if profile is None:
        return None
    a = profile.association
    municipal = municipal_plan_for(a.postcode, a.municipality, a.neighbourhood)
    text = json.dumps(
        [
            __version__,
            load_knowledge().version,
            clock.today().isoformat(),
            dossier.profile,
            None if municipal is None else _municipal_dict(municipal),
        ],
        sort_keys=True,
        default=str,
    )
    return profile, municipal, hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


# At most this many plans and bytes per worker: a plan is about 120 kB of JSON, 15-20 kB
# compressed, so the bytes bound it at 2 MB of a worker's memory.
PLAN_CACHE_SIZE = 128
PLAN_CACHE_BYTES = 2 * 2**20
_PLANS = BytesLru(PLAN_CACHE_SIZE, PLAN_CACHE_BYTES)


def forget_plans() -> None:
    """Empty the plan cache and the plan page's parts (tests)."""
    _PLANS.clear()
    _PAGE_PARTS.clear()


def columns_for(profile: Profile, today: dt.date) -> tuple[Summary, dict[str, Any] | None]:
    """What ``plan_for`` would give as the dashboard's columns (``heat_route.id``,
    ``progress.stage``, ``progress.decisions_taken``) and as ``municipal_plan``, from the
    cheap parts of the engine (vve/rules/summary.py): a step save needs no whole plan."""
    a = profile.association
    municipal = municipal_plan_for(a.postcode, a.municipality, a.neighbourhood)
    if municipal is not None:
        profile = _with_municipal_decision(profile, municipal)
    summary = summarise_plan(profile, today, load_knowledge())
    return summary, None if municipal is None else _municipal_dict(municipal)


def _with_municipal_decision(profile: Profile, municipal: MunicipalPlan) -> Profile:
    """The municipality's decision wins where it decided something; the board's own answers
    stay where it did not (no year set, a plan still in preparation)."""
    own = profile.municipal
    data = profile.model_dump(mode="json")
    data["municipal"] = {
        "neighbourhood_plan": True if municipal.status == "adopted" else own.neighbourhood_plan,
        "preferred_route": municipal.preferred_route,
        "expected_year": municipal.expected_year or own.expected_year,
    }
    return parse_profile(data)


def _municipal_dict(municipal: MunicipalPlan) -> dict[str, Any]:
    return {
        "municipality": municipal.municipality,
        "neighbourhood": municipal.neighbourhood,
        "status": municipal.status,
        "preferred_route": municipal.preferred_route,
        "expected_year": municipal.expected_year,
        "notes": municipal.notes,
        "source": municipal.source,
        "updated_at": municipal.updated_at.date().isoformat() if municipal.updated_at else None,
        # the organisation whose advisor made the last change ("" before anyone did)
        "updated_by": (
            municipal.updated_by_organisation.name if municipal.updated_by_organisation else ""
        ),
    }


def _check(plan: dict[str, Any], knowledge: Knowledge) -> None:
    """The plan's invariants: an error in development and tests, a log line in production
    (a board still gets its plan, and the team hears about it)."""
    violations = check_plan(plan, knowledge)
    if not violations:
        return
    if current_app.config.get("VVE_ENV") == "production":
        current_app.logger.warning("plan inconsistent: %s", "; ".join(map(str, violations)))
    else:
        raise PlanInconsistent(violations)


def record_download(dossier: Dossier, user: User | None) -> PlanSnapshot | None:
    """The Word plan for whoever asks (a board or an advisor), kept as a snapshot; the
    caller hands it out with ``snapshot_download``. None before the first step.

    Asking again when nothing changed gives the stored snapshot, without a new one: known
    by the plan's tag (``_inputs``) without making the plan, else (a snapshot without a
    tag, or other inputs that may give the same plan) by comparing the plans. A save that
    lands meanwhile makes the plan again from the saved answers
    (concurrency.run_unit_of_work); StaleDossier only when saves keep landing."""
    found = _inputs(dossier)
    if found is None:
        return None
    who = audit.actor_of(user)
    first = [found]

    def work() -> PlanSnapshot:
        inputs = first.pop() if first else _inputs(dossier)  # again after a save landed
        if inputs is None:  # cannot happen: answers are never removed
            raise StaleDossier()
        last = _last_handed_out(dossier, who)
        if last is not None and last.plan_tag == inputs[2]:
            return last
        current = _kept_plan(*inputs, dossier.id)
        if last is not None and last.plan == current:  # its plan is read only now
            return last
        template, prepared_by = house_style.template_for(dossier, user)
        data = write_plan_docx(current, DocumentMeta(prepared_by=prepared_by), template)
        return record_snapshot(dossier, current, who, document=data, tag=inputs[2])

    return run_unit_of_work(work)


def _last_handed_out(dossier: Dossier, created_by: str) -> PlanSnapshot | None:
    """The dossier's last snapshot when it is this author's with its document, read
    without its plan (loaded only when compared) and without the document's bytes."""
    if dossier.id is None:
        return None
    found = db.session.execute(
        db.select(PlanSnapshot, PlanSnapshot.document.is_not(None))
        .options(defer(PlanSnapshot.plan))
        .where(PlanSnapshot.dossier_id == dossier.id)
        .order_by(PlanSnapshot.id.desc())
        .limit(1)
    ).first()
    if found is None:
        return None
    last, has_document = found
    return last if has_document and last.created_by == created_by else None


def record_snapshot(
    dossier: Dossier,
    plan: dict[str, Any],
    created_by: str,
    document: bytes | None = None,
    tag: str | None = None,
) -> PlanSnapshot:
    """Added to the session with its trail entry; the caller commits. ``tag``: the
    ``_inputs`` tag the plan was made from, when it was made from the stored answers."""
    snapshot = PlanSnapshot(
        dossier=dossier,
        created_by=created_by,
        engine_version=__version__,
        knowledge_version=plan["knowledge_version"],
        plan=plan,
        plan_tag=tag,
        document=document,
    )
    db.session.add(snapshot)
    dossier.status = "downloaded"
    audit.record(dossier, created_by, "plan_downloaded")
    return snapshot


def snapshot_list(dossier: Dossier) -> list[Any]:
    """The dossier's snapshots for its history, newest first: who made each, when, with
    which rules and knowledge, and whether its document is kept (neither the plan nor the
    document is read)."""
    return list(
        db.session.execute(
            db.select(
                PlanSnapshot.id,
                PlanSnapshot.created_at,
                PlanSnapshot.created_by,
                PlanSnapshot.engine_version,
                PlanSnapshot.knowledge_version,
                PlanSnapshot.document.is_not(None).label("has_document"),
            )
            .where(PlanSnapshot.dossier_id == dossier.id)
            .order_by(PlanSnapshot.id.desc())
        )
    )


def snapshot_download(dossier: Dossier, snapshot_id: int) -> Download | None:
    """A plan exactly as it was handed out, or None when this dossier has no such document.
    Read without the snapshot's plan (about 120 kB of JSON): its VvE name alone, for the
    file name."""
    found = db.session.execute(
        db.select(
            PlanSnapshot.id,
            PlanSnapshot.created_at,
            PlanSnapshot.document,
            PlanSnapshot.plan["association"]["name"].as_string(),
        ).where(PlanSnapshot.id == snapshot_id, PlanSnapshot.dossier_id == dossier.id)
    ).first()
    if found is None or found.document is None:
        return None
    made = found.created_at.date().isoformat() if found.created_at else str(found.id)
    return Download(found.document, f"plan-van-aanpak-{slug(found[3])}-{made}.docx")


@dataclass(frozen=True)
class Figure:
    """A timeline PNG and its tag (a hash of what it is drawn from), for HTTP caching."""

    png: bytes
    etag: str


# At most this many figures and bytes per worker (a figure is about 25-30 kB): the bytes
# bound it at 4 MB of a worker's memory, about 140 figures, the count when they are small.
TIMELINE_CACHE_SIZE = 256
TIMELINE_CACHE_BYTES = 4 * 2**20
_TIMELINES = BytesLru(TIMELINE_CACHE_SIZE, TIMELINE_CACHE_BYTES)


@dataclass(frozen=True)
class Timeline:
    """A dossier's timeline figure as asked for: its tag at once, the figure when needed
    (from the same answers, without reading them again)."""

    tag: str
    draw: Callable[[], bytes]

    def figure(self) -> Figure:
        return cached_figure(self.tag, self.draw)


def timeline(dossier: Dossier, narrow: bool = False) -> Timeline | None:
    """The plan's timeline: wide (labels left of the bars) or narrow (above them). Its tag,
    the plan's tag (``_inputs``) with the variant, is the figure's ETag and its key in the
    cache, so it is drawn only when its input is new to this worker. None before the first
    step."""
    inputs = _inputs(dossier)
    if inputs is None:
        return None
    variant = NARROW if narrow else WIDE
    tag = hashlib.sha256(f"{inputs[2]}{variant!r}".encode()).hexdigest()[:32]
    column: shared_plans.Figure = "narrow_png" if narrow else "wide_png"

    def drawn_or_shared() -> bytes:  # another worker's figure, else drawn and shared
        png = shared_plans.read(dossier.id, inputs[2], column)
        if png is None:
            png = timeline_png(_kept_plan(*inputs, dossier.id)["timeline"], variant)
            shared_plans.write_figure(dossier.id, inputs[2], column, png)
        return png

    return Timeline(tag, drawn_or_shared)


def cached_figure(tag: str, draw: Callable[[], bytes]) -> Figure:
    """The figure kept under this tag, or drawn and kept (least recently used first out,
    at most ``TIMELINE_CACHE_SIZE`` figures and ``TIMELINE_CACHE_BYTES``)."""
    return Figure(_TIMELINES.get(tag, draw), tag)


def forget_timelines() -> None:
    """Empty the figure cache (tests)."""
    _TIMELINES.clear()


def slug(name: str | None) -> str:
    """A file-name part from a VvE's name: lower-case ASCII words joined by hyphens."""
    text = re.sub(r"[^a-z0-9]+", "-", (name or "vve").lower()).strip("-")
    return text[:60] or "vve"
