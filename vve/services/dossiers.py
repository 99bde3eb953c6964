"""A board's dossier: start, private link, saving answers, export, import and deletion."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import re
import secrets
from dataclasses import dataclass
from typing import Any

from vve.extensions import db
from vve.models import Dossier, User
from vve.profile import FieldError, Profile, ProfileError, load_profile, parse_profile
from vve.profile.paths import get_path, set_path

from . import audit, kept_input
from .concurrency import StaleDossier, merge_answers, run_unit_of_work
from .plans import Download, slug
from .summaries import summarise

TOKEN_BYTES = 32  # 256 bits
PUBLIC_ID_BYTES = 9
MAX_IMPORT_BYTES = 256 * 1024
_PUBLIC_ID = re.compile(r"[A-Za-z0-9_-]{1,32}")


@dataclass(frozen=True)
class NewDossier:
    dossier: Dossier
    token: str  # shown once, never stored


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_dossier(
    profile: dict[str, Any] | None = None,
    user: User | None = None,
    action: str = "dossier_created",
    trail: str | None = None,
) -> NewDossier:
    """A dossier in the session with the security event ``action`` (``dossier_created``
    or ``dossier_imported``) and the first entry of its own trail (``trail``, by default
    the same code); the caller commits."""
    token = secrets.token_urlsafe(TOKEN_BYTES)
    dossier = Dossier(
        public_id=secrets.token_urlsafe(PUBLIC_ID_BYTES),
        token_hash=_hash(token),
        profile=profile,
        furthest_step=0,
    )
    db.session.add(dossier)
    db.session.flush()  # the trail entry needs the dossier's id
    audit.record(dossier, audit.actor_of(user), trail or action)
    audit.security_event(action, user, subject=dossier.public_id)
    return NewDossier(dossier, token)


def start_dossier(user: User | None = None) -> NewDossier:
    """An empty dossier, started by a board (or by ``user``, an advisor)."""
    new = new_dossier(user=user)
    db.session.commit()
    return new


def find_dossier(public_id: str) -> Dossier | None:
    if not _PUBLIC_ID.fullmatch(public_id or ""):
        return None  # no odd bytes reach the database (PostgreSQL refuses NUL)
    return db.session.execute(
        db.select(Dossier).where(Dossier.public_id == public_id)
    ).scalar_one_or_none()


def replace_token(dossier: Dossier, actor: str = audit.BOARD, reason: str | None = None) -> str:
    """A new private link; the old one, and every browser that opened it, lose access."""
    token = secrets.token_urlsafe(TOKEN_BYTES)

    def work() -> str:
        dossier.token_hash = _hash(token)
        dossier.token_in_path = False
        audit.record(dossier, actor, "link_replaced", {"reason": reason} if reason else None)
        return token

    return run_unit_of_work(work)


@dataclass(frozen=True)
class Opened:
    dossier: Dossier
    new_token: str | None  # set when the link was replaced on opening: show it once


def open_dossier(public_id: str, token: str, *, from_path: bool = False) -> Opened | None:
    """The dossier this private link opens, or None (wrong link or no such dossier).

    A token that travelled in a URL path (``from_path``, or any token handed out before
    links moved to the fragment) may be in an access log: it is replaced now, and the
    caller shows the board the new link. The board keeps its access; the old link ends.
    """
    dossier = find_dossier(public_id)
    if dossier is None or not token_matches(dossier, token):
        return None
    if from_path or dossier.token_in_path:
        return Opened(dossier, replace_token(dossier, reason="token_in_url"))
    return Opened(dossier, None)


def token_matches(dossier: Dossier, token: str) -> bool:
    return hmac.compare_digest(dossier.token_hash, _hash(token))


@dataclass(frozen=True)
class Saved:
    profile: Profile
    theirs: list[str]  # answers of the step someone else changed meanwhile, kept as saved


def save_step(
    dossier: Dossier,
    values: dict[str, Any],
    step_number: int,
    expected_version: int | None,
    original: dict[str, str] | None = None,
    actor: str = audit.BOARD,
    total_steps: int | None = None,
) -> Saved:
    """Merge one step's answers, validate the whole profile, commit with an audit entry
    that lists every changed answer with its old and new value.

    ``expected_version`` is the version the form was loaded with and ``original`` the
    digests of its answers then (concurrency.digests). Over a newer version, or without
    a version, the answers are merged per field (concurrency.merge_answers). Raises
    ProfileError (Dutch, with field paths) or StaleDossier with the conflicts; nothing is
    saved then.
    """

    def work() -> Saved:
        before = dossier.profile or {}
        wanted, theirs = values, list[str]()
        if expected_version is None or expected_version != dossier.version:
            wanted, theirs = _merged(before, values, original or {})
        profile = _with_answers(before, wanted)
        dossier.profile = profile.model_dump(mode="json")
        dossier.furthest_step = max(dossier.furthest_step, step_number)
        changes = [
            {"path": path, "old": get_path(before, path), "new": get_path(dossier.profile, path)}
            for path in wanted
            if get_path(before, path) != get_path(dossier.profile, path)
        ]
        if changes:
            audit.record(dossier, actor, "answers_changed", {"changes": changes})
        with db.session.no_autoflush:  # the columns' lookups need not store the answers
            summarise(dossier, profile, total_steps)  # first: one UPDATE, at the commit
        return Saved(profile, theirs)

    return run_unit_of_work(work)


def _with_answers(before: dict[str, Any], values: dict[str, Any]) -> Profile:
    data = json.loads(json.dumps(before))
    data.setdefault("association", {})
    for path, value in values.items():
        set_path(data, path, value)
    return parse_profile(data)


def _merged(
    before: dict[str, Any], values: dict[str, Any], original: dict[str, str]
) -> tuple[dict[str, Any], list[str]]:
    """The answers to save of a form loaded before the last save; StaleDossier with the
    conflicts, and the stored profile with this form's own changes, when both changed."""
    normalised = _with_answers(before, values).model_dump(mode="json")
    merge = merge_answers(before, normalised, values, original)
    if merge.conflicts:
        mine = {**merge.values, **{c.path: values[c.path] for c in merge.conflicts}}
        try:
            proposal: dict[str, Any] | None = _with_answers(before, mine).model_dump(mode="json")
        except ProfileError:
            proposal = None  # the form shows what was posted; the merge runs again
        raise StaleDossier(tuple(merge.conflicts), proposal)
    return merge.values, merge.theirs


def delete_dossier(dossier: Dossier) -> None:
    """Really gone: answers, plans, shares and the dossier's own trail (cascades). What
    stays is a tombstone in the security log: the random public id, the dates and the
    number of plans made, no answers or names."""

    def work() -> None:
        tombstone = {
            "created": dossier.created_at.date().isoformat(),
            "deleted": dt.date.today().isoformat(),
            "snapshots": len(dossier.snapshots),
        }
        audit.security_event(
            "dossier_deleted", actor=audit.BOARD, subject=dossier.public_id, detail=tombstone
        )
        kept_input.forget_dossier(dossier.public_id)
        db.session.delete(dossier)

    run_unit_of_work(work)


def export_profile(dossier: Dossier, names: bool = True) -> Download:
    """The answers as a profile file the board can keep, and import again later; without
    ``names`` (for an advisor) the apartment register's owner names are left out."""
    profile = dict(dossier.profile or {})
    if not names and profile.get("apartments"):
        profile["apartments"] = [{**a, "owner_name": None} for a in profile["apartments"]]
    text = json.dumps(profile, ensure_ascii=False, indent=2) + "\n"
    name = (dossier.profile or {}).get("association", {}).get("name", "vve")
    return Download(text.encode("utf-8"), f"profiel-{slug(name)}.json", "application/json")


def import_profile(data: bytes, furthest_step: int) -> NewDossier:
    """A new dossier from an exported profile, open at every step; ProfileError in Dutch."""
    if len(data) > MAX_IMPORT_BYTES:
        raise ProfileError([FieldError("", "Dit bestand is te groot voor een profiel.")])
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise ProfileError([FieldError("", "Dit bestand is geen tekst (UTF-8).")]) from None
    profile = load_profile(text)
    new = new_dossier(profile.model_dump(mode="json"), action="dossier_imported")
    new.dossier.furthest_step = furthest_step
    summarise(new.dossier, profile, furthest_step)
    db.session.commit()
    return new
