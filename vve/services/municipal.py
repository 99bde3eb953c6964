"""Municipal heat plans (wijkuitvoeringsplannen): editing one, and what a change does.

Who may change which municipality is ``vve.services.maintainers``' rule. A change moves
the routes of the dossiers in the municipality (``summaries.refresh_municipalities``);
each dossier whose plan changed gets an entry in its own trail (the board sees it), and
the security log gets one event with the effect in counts: how many dossiers, how many
changed route, and the routes before and after. The change, the dossiers and both trails
are committed together."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, func, or_

from vve.extensions import db
from vve.models import MunicipalityClaim, MunicipalPlan, User

from . import audit, maintainers, summaries
from .concurrency import retried
from .maintainers import MunicipalAccess, municipality_key

PLAN_FIELDS = ("status", "preferred_route", "expected_year", "notes", "source")


class MunicipalConflict(ValueError):
    """Another plan already covers this municipality and neighbourhood; Dutch message."""


class NotMaintained(ValueError):
    """The plan names a municipality the user's organisation does not maintain."""

    def __init__(self, names: list[str]):
        self.names = names
        super().__init__(
            " ".join(
                f"Uw organisatie beheert de gemeente {name} niet; de organisatie die haar "
                f"beheert, wijzigt haar plannen. Een beheerder van uw organisatie kan een "
                f"gemeente die nog niemand beheert registreren."
                for name in names
            )
        )


def area_key(municipality: str, neighbourhood: str) -> tuple[str, str]:
    return municipality_key(municipality), neighbourhood.strip().lower()


@dataclass(frozen=True)
class Overview:
    """The municipal page: every plan, who maintains each municipality, what this user
    may change, and the municipalities the user's organisation serves."""

    plans: list[MunicipalPlan]
    maintainer: dict[int, str]  # plan id -> name of the organisation maintaining it
    editable: set[int]  # plan ids
    claims: list[tuple[MunicipalityClaim, str]]  # a registration and its maintainer's name
    may_change: bool


def overview(user: User) -> Overview:
    plans = municipal_plans()
    owners = maintainers.maintainers()
    owner_of = {
        p.id: owner for p in plans if (owner := owners.get(municipality_key(p.municipality)))
    }
    may_change = maintainers.may_change_municipal(user)
    return Overview(
        plans=plans,
        maintainer={plan_id: owner.name for plan_id, owner in owner_of.items()},
        editable={
            plan_id
            for plan_id, owner in owner_of.items()
            if may_change and owner.id == user.organisation_id
        },
        claims=[
            (c, owners[c.municipality_key].name)
            for c in maintainers.claims_of(user.organisation_id)
        ],
        may_change=may_change,
    )


def municipal_plans() -> list[MunicipalPlan]:
    return list(
        db.session.execute(
            db.select(MunicipalPlan).order_by(
                MunicipalPlan.municipality, MunicipalPlan.neighbourhood
            )
        ).scalars()
    )


def municipal_plan(plan_id: int) -> MunicipalPlan | None:
    return db.session.get(MunicipalPlan, plan_id)


def plan_for_editing(user: User, plan_id: int) -> MunicipalPlan | None:
    """The plan, None when there is none, MunicipalAccess when the user may not change it."""
    plan = db.session.get(MunicipalPlan, plan_id)
    if plan is not None and maintainers.not_maintained(user, [plan.municipality]):
        raise MunicipalAccess("Dit plan wijzigt de organisatie die de gemeente beheert.")
    return plan


@retried
def save_municipal_plan(
    values: dict[str, Any], user: User, plan_id: int | None = None
) -> MunicipalPlan:
    """Create or change a plan of a municipality the user's organisation maintains; the
    dossiers there follow. Saving the same values again changes and records nothing."""
    maintainers.require_editor(user)
    plan = plan_for_editing(user, plan_id) if plan_id else None
    if plan_id and plan is None:
        raise MunicipalConflict("Dit plan bestaat niet meer.")
    refused = maintainers.not_maintained(user, [values["municipality"]])
    if refused:
        raise NotMaintained(refused)
    same_area = _plan_for_area(values["municipality"], values["neighbourhood"])
    touched = {area_key(plan.municipality, plan.neighbourhood)} if plan is not None else set()
    names = {plan.municipality} if plan is not None else set()
    if plan is None and same_area is not None:
        plan = same_area  # the existing plan keeps its spelling of the name
    elif plan is None:
        plan = MunicipalPlan(
            municipality=values["municipality"], neighbourhood=values["neighbourhood"]
        )
        db.session.add(plan)
    elif same_area is not None and same_area.id != plan.id:
        raise MunicipalConflict("Voor deze gemeente en wijk bestaat al een plan; wijzig dat plan.")
    names_changed = (plan.municipality, plan.neighbourhood) != (
        values["municipality"],
        values["neighbourhood"],
    )
    if names_changed and plan_id:  # an explicit edit of this plan may correct its names
        plan.municipality, plan.neighbourhood = values["municipality"], values["neighbourhood"]
    if not assign(plan, values, user) and not (names_changed and plan_id):
        return plan
    mark_changed(plan, user)
    db.session.flush()
    touched.add(area_key(plan.municipality, plan.neighbourhood))
    apply_change(
        user,
        "municipal_plan_changed",
        names=names | {plan.municipality},
        changed_areas=touched,
        subject=plan.municipality,
        detail={"plan": plan.id},
    )
    db.session.commit()
    return plan


def assign(plan: MunicipalPlan, values: dict[str, Any], user: User) -> bool:
    """Set the plan's content; True when something differs from what was stored."""
    wanted = {key: values.get(key) for key in PLAN_FIELDS}
    wanted["notes"] = wanted["notes"] or ""
    wanted["source"] = wanted["source"] or ""
    wanted["preferred_route"] = wanted["preferred_route"] or None
    changed = plan.id is None or any(getattr(plan, k) != v for k, v in wanted.items())
    if changed:
        for key, value in wanted.items():
            setattr(plan, key, value)
    return changed


def changed_by(user: User) -> dict[str, Any]:
    """Who changed a plan last: the advisor (for the security log's reader) and the
    organisation (named to the board)."""
    return {"updated_by": user.email[:120], "updated_by_organisation_id": user.organisation_id}


def mark_changed(plan: MunicipalPlan, user: User) -> None:
    for key, value in changed_by(user).items():
        setattr(plan, key, value)


def apply_change(
    user: User,
    action: str,
    *,
    names: Collection[str],
    changed_areas: Collection[tuple[str, str]],
    subject: str,
    detail: dict[str, Any],
) -> dict[str, Any]:
    """After plans or postcode areas changed (flushed, not committed): the dossiers in
    these municipalities follow, and both trails record it. Returns the effect."""
    refreshed = summaries.refresh_municipalities(names)
    actor = audit.organisation_actor(user.organisation)
    for r in refreshed:
        follows = r.municipal is not None and (
            area_key(r.municipal["municipality"], r.municipal["neighbourhood"]) in changed_areas
        )
        if r.before != r.after or follows:
            entry = {"from": r.before, "to": r.after}
            if r.municipal is not None:
                entry["municipality"] = r.municipal["municipality"]
            audit.record(r.dossier, actor, "municipal_plan_applied", entry)
    effect = {
        "dossiers": len(refreshed),
        "route_changed": sum(r.before != r.after for r in refreshed),
        "routes_before": dict(Counter(r.before for r in refreshed)),
        "routes_after": dict(Counter(r.after for r in refreshed)),
    }
    audit.security_event(action, user, subject=subject, detail={**detail, **effect})
    return effect


def _plan_for_area(municipality: str, neighbourhood: str) -> MunicipalPlan | None:
    # SQLite's lower() folds ASCII only: the exact names are matched too, or a name with
    # "Ø" would miss its own plan and break the unique constraint.
    return (
        db.session.execute(
            db.select(MunicipalPlan)
            .where(
                or_(
                    and_(
                        func.lower(MunicipalPlan.municipality) == municipality.lower(),
                        func.lower(MunicipalPlan.neighbourhood) == neighbourhood.lower(),
                    ),
                    and_(
                        MunicipalPlan.municipality == municipality,
                        MunicipalPlan.neighbourhood == neighbourhood,
                    ),
                )
            )
            .order_by(MunicipalPlan.id)
        )
        .scalars()
        .first()
    )
