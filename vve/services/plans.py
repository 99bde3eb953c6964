"""The plan of a dossier as it stands, its downloads and the snapshots kept of them."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from flask import current_app

from vve import __version__
from vve.document import DocumentMeta, write_plan_docx
from vve.document.timeline import NARROW, WIDE, Variant, timeline_png
from vve.extensions import db
from vve.knowledge import Knowledge, load_knowledge
from vve.lru import BytesLru
from vve.models import Dossier, MunicipalPlan, PlanSnapshot, User
from vve.profile import Profile, parse_profile
from vve.rules import build_plan
from vve.rules.checks import PlanInconsistent, check_plan
from vve.rules.serialize import plan_to_dict
from vve.rules.summary import Summary, summarise_plan

from . import audit, clock, house_style
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
    """The plan JSON for the dossier as it stands, or None before the first step."""
    profile = dossier_profile(dossier)
    if profile is None:
        return None
    return plan_for(profile, today or clock.today())


def plan_for(profile: Profile, today: dt.date) -> dict[str, Any]:
    """Where the municipality decided for the neighbourhood, that decision goes into the plan
    (over the board's own answer), and the plan says so."""
    a = profile.association
    municipal = municipal_plan_for(a.postcode, a.municipality, a.neighbourhood)
    if municipal is not None:
        profile = _with_municipal_decision(profile, municipal)
    knowledge = load_knowledge()
    plan = plan_to_dict(build_plan(profile, today, knowledge))
    _check(plan, knowledge)
    plan["municipal_plan"] = None if municipal is None else _municipal_dict(municipal)
    return plan


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


def record_download(dossier: Dossier, plan: dict[str, Any], user: User | None) -> PlanSnapshot:
    """The Word plan for whoever asks (a board or an advisor), kept as a snapshot; the
    caller hands it out with ``snapshot_download``.

    Asking again when nothing changed gives the stored snapshot, without a new one. A save
    that lands meanwhile makes the plan again from the saved answers
    (concurrency.run_unit_of_work); StaleDossier only when saves keep landing."""
    who = audit.actor_of(user)
    first = [plan]

    def work() -> PlanSnapshot:
        current = first.pop() if first else make_plan(dossier)
        if current is None:  # cannot happen: answers are never removed
            raise StaleDossier()
        same = _same_snapshot(dossier, current, who)
        if same is not None and same.document is not None:
            return same
        template, prepared_by = house_style.template_for(dossier, user)
        data = write_plan_docx(current, DocumentMeta(prepared_by=prepared_by), template)
        return record_snapshot(dossier, current, created_by=who, document=data)

    return run_unit_of_work(work)


def _same_snapshot(dossier: Dossier, plan: dict[str, Any], created_by: str) -> PlanSnapshot | None:
    last = dossier.snapshots[-1] if dossier.snapshots else None
    if (
        last is not None
        and last.plan == plan
        and last.created_by == created_by
        and last.document is not None
    ):
        return last
    return None


def record_snapshot(
    dossier: Dossier, plan: dict[str, Any], created_by: str, document: bytes | None = None
) -> PlanSnapshot:
    """Added to the session with its trail entry; the caller commits."""
    snapshot = PlanSnapshot(
        dossier=dossier,
        created_by=created_by,
        engine_version=__version__,
        knowledge_version=plan["knowledge_version"],
        plan=plan,
        document=document,
    )
    db.session.add(snapshot)
    dossier.status = "downloaded"
    audit.record(dossier, created_by, "plan_downloaded")
    return snapshot


def snapshot_download(dossier: Dossier, snapshot_id: int) -> Download | None:
    """A plan exactly as it was handed out, or None when this dossier has no such document."""
    found = db.session.get(PlanSnapshot, snapshot_id)
    if found is None or found.dossier_id != dossier.id or found.document is None:
        return None
    name = slug((found.plan.get("association") or {}).get("name"))
    made = found.created_at.date().isoformat() if found.created_at else str(found.id)
    return Download(found.document, f"plan-van-aanpak-{name}-{made}.docx")


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


def timeline_image(dossier: Dossier, narrow: bool = False, tag: str | None = None) -> Figure | None:
    """The plan's timeline figure: wide (labels left of the bars) or narrow (above them),
    drawn only when its input is new to this worker (``timeline_tag``, passed in when the
    caller has it)."""
    tag = tag or timeline_tag(dossier, narrow)
    if tag is None:
        return None
    return cached_figure(tag, lambda: _draw(dossier, NARROW if narrow else WIDE))


def _draw(dossier: Dossier, variant: Variant) -> bytes:
    plan = make_plan(dossier)
    if plan is None:  # cannot happen: a tag needs answers, and answers are never removed
        raise StaleDossier()
    return timeline_png(plan["timeline"], variant)


def timeline_tag(dossier: Dossier, narrow: bool = False) -> str | None:
    """A hash of everything the figure is drawn from, without making the plan: the stored
    answers, the municipal plan that applies, the day, the knowledge's content and the
    engine's version, and the variant. The figure's ETag and its key in the cache; None
    before the first step."""
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
            repr(NARROW if narrow else WIDE),
            dossier.profile,
            None if municipal is None else _municipal_dict(municipal),
        ],
        sort_keys=True,
        default=str,
    )
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


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
