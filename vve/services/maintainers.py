"""Who maintains which municipality's heat plans and postcode areas.

The rule, which the municipal pages and imports enforce:

- An organisation's admin registers the municipalities its team serves. Several
  organisations may serve one municipality; its **maintainer** is the organisation that
  registered it first among those still registered (the registration with the lowest id,
  so two admins registering at the same moment cannot both become maintainer).
- Only the maintainer's admins, and the advisors its admins name municipal editors, change
  the municipality's plans and the postcode areas that point into it (a postcode moved from
  one municipality to another needs both).
- When the maintainer stops serving a municipality, the organisation that registered next
  becomes its maintainer. A municipality that no organisation serves can be read by every
  advisor but changed by no one until an admin registers it.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy.exc import IntegrityError

from vve.extensions import db
from vve.models import MunicipalityClaim, Organisation, User

from . import audit

MAX_NAME = 100


class MunicipalAccess(PermissionError):
    """This user may not do this to municipal plans at all (the page answers 403)."""


class ClaimError(ValueError):
    """A registration that cannot be made or ended; Dutch message for the admin."""


def municipality_key(name: str) -> str:
    """How municipality names match: stripped, in lower case (in Python, for every
    alphabet; SQLite's lower() folds ASCII only)."""
    return name.strip().lower()


def may_change_municipal(user: User) -> bool:
    """An admin, or an advisor an admin named municipal editor (for the municipalities
    the organisation maintains)."""
    return user.active and (user.role == "admin" or bool(user.municipal_editor))


def require_editor(user: User) -> None:
    if not may_change_municipal(user):
        raise MunicipalAccess("Alleen beheerders en gemeente-editors wijzigen warmteplannen.")


def maintainers(names: Iterable[str] | None = None) -> dict[str, Organisation]:
    """Municipality key -> the organisation that maintains it (all, or of ``names``)."""
    statement = db.select(MunicipalityClaim).order_by(MunicipalityClaim.id)
    if names is not None:
        keys = {municipality_key(n) for n in names}
        if not keys:
            return {}
        statement = statement.where(MunicipalityClaim.municipality_key.in_(sorted(keys)))
    found: dict[str, Organisation] = {}
    for claim in db.session.execute(statement).scalars():
        found.setdefault(claim.municipality_key, claim.organisation)
    return found


def not_maintained(user: User, names: Iterable[str]) -> list[str]:
    """Those of ``names`` this user may not change, in the order given, each once."""
    wanted = list(dict.fromkeys(n for n in names))
    if not may_change_municipal(user):
        return wanted
    owners = maintainers(wanted)
    return [
        n
        for n in wanted
        if (owner := owners.get(municipality_key(n))) is None or owner.id != user.organisation_id
    ]


def claims_of(organisation_id: int) -> list[MunicipalityClaim]:
    """The municipalities an organisation serves, by name."""
    return list(
        db.session.execute(
            db.select(MunicipalityClaim)
            .where(MunicipalityClaim.organisation_id == organisation_id)
            .order_by(MunicipalityClaim.municipality_key)
        ).scalars()
    )


def claim_municipality(admin: User, name: str) -> MunicipalityClaim:
    """The admin's organisation serves the municipality from now on; it maintains it when
    no other organisation registered it before. Commits and audits."""
    _require_admin(admin)
    name = " ".join(name.split())
    key = municipality_key(name)
    if not key or len(name) > MAX_NAME:
        raise ClaimError(f"Vul de naam van de gemeente in (hoogstens {MAX_NAME} tekens).")
    already = ClaimError(f"Uw organisatie staat al geregistreerd voor de gemeente {name}.")
    if any(c.municipality_key == key for c in claims_of(admin.organisation_id)):
        raise already
    claim = MunicipalityClaim(
        organisation_id=admin.organisation_id,
        municipality_key=key,
        municipality=name,
        claimed_by=audit.actor_of(admin),
    )
    db.session.add(claim)
    try:
        db.session.flush()
    except IntegrityError:  # the same organisation, registering twice at once
        db.session.rollback()
        raise already from None
    maintains = maintainers([key])[key].id == admin.organisation_id
    audit.security_event(
        "municipality_claimed", admin, subject=name, detail={"maintainer": maintains}
    )
    db.session.commit()
    return claim


def release_municipality(admin: User, claim_id: int) -> None:
    """The admin's organisation no longer serves the municipality; when it maintained it,
    the organisation that registered next takes over (and its log says so)."""
    _require_admin(admin)
    claim = db.session.get(MunicipalityClaim, claim_id)
    if claim is None or claim.organisation_id != admin.organisation_id:
        raise ClaimError("Deze registratie bestaat niet (meer).")
    key, name = claim.municipality_key, claim.municipality
    was_maintainer = maintainers([key])[key].id == admin.organisation_id
    db.session.delete(claim)
    db.session.flush()
    successor = maintainers([key]).get(key) if was_maintainer else None
    audit.security_event(
        "municipality_released",
        admin,
        subject=name,
        detail={"was_maintainer": was_maintainer, "successor": successor and successor.id},
    )
    if successor is not None:
        audit.security_event(
            "municipality_claimed",
            admin,
            organisation_id=successor.id,
            subject=name,
            detail={"maintainer": True, "succeeded": admin.organisation_id},
        )
    db.session.commit()


def set_municipal_editor(admin: User, user_id: int, allowed: bool) -> None:
    """An admin lets an advisor of the same organisation change its municipalities' plans,
    or stops it. Commits and audits."""
    _require_admin(admin)
    user = db.session.get(User, user_id)
    if user is None or user.organisation_id != admin.organisation_id:
        raise ClaimError("Deze gebruiker kunt u niet wijzigen.")
    if bool(user.municipal_editor) == allowed:
        return
    user.municipal_editor = allowed
    audit.security_event(
        "municipal_editor_granted" if allowed else "municipal_editor_revoked",
        admin,
        subject=f"user:{user.id}",
    )
    db.session.commit()


def _require_admin(user: User) -> None:
    if user.role != "admin" or not user.active:
        raise MunicipalAccess("Alleen een beheerder registreert gemeenten en editors.")
