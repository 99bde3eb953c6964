"""Stored dossiers and the plans generated from them."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    false,
    func,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .extensions import Base as Model

# Indexes migration f5a6b7c8d9e0 makes on PostgreSQL alone (a trigram index needs the
# pg_trgm extension, which a server may lack): not in the models, so schema comparisons
# (migrations/env.py) leave them out.
POSTGRESQL_ONLY_INDEXES = frozenset(
    {"ix_dossier_name_trgm", "ix_dossier_postcode_compact", "ix_dossier_summary"}
)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Dossier(Model):
    """One VvE's answers. Reachable only with its secret token, stored here as a hash."""

    __tablename__ = "dossier"
    # The dashboard's sort orders and filters, each ending in the id (the order's tiebreak):
    # a page deep in the list is found by walking the index alone, and a filter's dossiers
    # come in id order, to be merged with the live consents (vve/services/dashboard.py).
    __table_args__ = tuple(
        Index(f"ix_dossier_{column}_id", column, "id")
        for column in (
            "name",
            "municipality",
            "heat_route",
            "stage",
            "status",
            "updated_at",
            "rights",
            "furthest_step",
            "decisions_taken",
        )
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    public_id: Mapped[str] = mapped_column(String(32), unique=True, index=True)
    token_hash: Mapped[str] = mapped_column(String(64))
    # The token was handed out inside a URL path (links made before tokens moved to the
    # fragment), so it may be in access logs: it is replaced at its next use.
    token_in_path: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)
    updated_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), default=_now, onupdate=_now
    )
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    profile: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    furthest_step: Mapped[int] = mapped_column(Integer, default=0)
    # Copied from the profile and the plan on every save, so the advisors' dashboard can
    # filter, sort and count in SQL instead of reading every profile.
    name: Mapped[str] = mapped_column(String(200), default="")
    municipality: Mapped[str] = mapped_column(String(100), default="")
    postcode: Mapped[str] = mapped_column(String(7), default="", index=True)
    rights: Mapped[int | None] = mapped_column(Integer, nullable=True)
    heat_route: Mapped[str] = mapped_column(String(20), default="")
    stage: Mapped[str] = mapped_column(String(20), default="")
    status: Mapped[str] = mapped_column(String(20), default="started")
    # decisions the meetings took (recorded results that passed and stand)
    decisions_taken: Mapped[int] = mapped_column(Integer, default=0, server_default="0")

    snapshots: Mapped[list[PlanSnapshot]] = relationship(
        back_populates="dossier", cascade="all, delete-orphan", order_by="PlanSnapshot.id"
    )
    shares: Mapped[list[Share]] = relationship(cascade="all, delete-orphan", overlaps="dossier")
    audit: Mapped[list[AuditEvent]] = relationship(cascade="all, delete-orphan")

    # Optimistic locking: a save based on an older version fails instead of overwriting.
    __mapper_args__ = {"version_id_col": version}


class PlanSnapshot(Model):
    """A plan as it was generated, with the engine and knowledge that made it."""

    __tablename__ = "plan_snapshot"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    dossier_id: Mapped[int] = mapped_column(
        ForeignKey("dossier.id", ondelete="CASCADE"), index=True
    )
    created_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), default=_now, server_default=func.now()
    )
    created_by: Mapped[str] = mapped_column(String(80))
    engine_version: Mapped[str] = mapped_column(String(40))
    knowledge_version: Mapped[str] = mapped_column(String(40))
    plan: Mapped[dict[str, Any]] = mapped_column(JSON)
    # The tag of the inputs the plan was made from (vve/services/plans.py ``_inputs``): a
    # second download of unchanged answers is known by it, without making or reading the
    # plan. NULL for snapshots kept before it was (those are compared by their plan).
    plan_tag: Mapped[str | None] = mapped_column(String(32), nullable=True)
    # The document exactly as it was handed out, so it can be downloaded again unchanged;
    # read only when it is (about 100 kB: a list of snapshots needs none of them).
    document: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True, deferred=True)

    dossier: Mapped[Dossier] = relationship(back_populates="snapshots")


class SharedPlan(Model):
    """The plan last made from a dossier's answers, under its tag (vve/services/plans.py
    ``_inputs``), and its timeline figures once drawn: a worker that did not make them
    reads them here (vve/services/shared_plans.py) instead of making them again. A cache:
    a row of other answers is never used, any row may go; erased with its dossier."""

    __tablename__ = "shared_plan"

    dossier_id: Mapped[int] = mapped_column(
        ForeignKey("dossier.id", ondelete="CASCADE"), primary_key=True
    )
    tag: Mapped[str] = mapped_column(String(32))
    plan: Mapped[bytes] = mapped_column(LargeBinary)  # the plan's JSON, zlib-compressed
    wide_png: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True, deferred=True)
    narrow_png: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True, deferred=True)


class Organisation(Model):
    """An advisors' organisation (a regional team); owns its house-style template."""

    __tablename__ = "organisation"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    template: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    template_name: Mapped[str | None] = mapped_column(String(200), nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)

    users: Mapped[list[User]] = relationship(back_populates="organisation")


class User(Model):
    """An advisor or admin. Boards have no account: their right is the private link."""

    __tablename__ = "user_account"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True, index=True)
    name: Mapped[str] = mapped_column(String(200))
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(20), default="advisor")  # advisor | admin
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"), index=True)
    # an admin lets this advisor change the plans of the municipalities the organisation
    # maintains (admins always may)
    municipal_editor: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)
    # --- password and second factor (vve.services.accounts, vve.services.second_factor) ---
    # an admin's one-time password: valid until then, and changed at the next login
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False)
    password_expires_at: Mapped[dt.datetime | None] = mapped_column(
        DateTime(timezone=True), nullable=True
    )
    # the TOTP secret, encrypted (Fernet, key derived from SECRET_KEY); on once enabled_at is set
    totp_secret: Mapped[str | None] = mapped_column(String(255), nullable=True)
    totp_enabled_at: Mapped[dt.datetime | None] = mapped_column(
        DateTime(timezone=True), nullable=True
    )
    # the last time step whose code was accepted: a code works once
    totp_last_step: Mapped[int | None] = mapped_column(Integer, nullable=True)

    organisation: Mapped[Organisation] = relationship(back_populates="users")


class AdvisorSession(Model):
    """A login, kept on the server: the cookie holds a random token, this row its hash.

    Logging out deletes the row, so a copied cookie stops working; changing or resetting a
    password, blocking an account and resetting a second factor delete all of the user's."""

    __tablename__ = "advisor_session"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("user_account.id", ondelete="CASCADE"), index=True
    )
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), index=True)

    user: Mapped[User] = relationship()


class KeptInput(Model):
    """A form an advisor posted after his login had ended, kept until he logs in again.

    On the server, not in the cookie (which is readable and holds 4 KB): the cookie keeps a
    random token, this row its hash. Only the user whose login ended gets it back, once,
    on the page it was posted to; never a password, a token or a file
    (vve.services.kept_input)."""

    __tablename__ = "kept_input"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("user_account.id", ondelete="CASCADE"), index=True
    )
    path: Mapped[str] = mapped_column(String(500))
    fields: Mapped[list[Any]] = mapped_column(JSON)
    kept_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), index=True)


class LoginFailure(Model):
    """A wrong password or code, per client address (hashed as vve.ratelimit hashes it) and
    account (none when the e-mail address matches no account): the login's throttles count
    these rows per address, per account and address, and per account."""

    __tablename__ = "login_failure"
    __table_args__ = (
        Index("ix_login_failure_client_at", "client", "at"),
        Index("ix_login_failure_user_at", "user_id", "at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client: Mapped[str] = mapped_column(String(64))
    user_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="CASCADE"), nullable=True
    )
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)


class Share(Model):
    """A board's consent: the dossier is visible to one organisation until revoked."""

    __tablename__ = "share"
    # the dashboard's question: which dossiers may this organisation see?
    __table_args__ = (
        Index("ix_share_organisation_dossier", "organisation_id", "dossier_id", "revoked_at"),
        # the dashboard's count: an index-only scan of the live consents, in dossier order
        Index(
            "ix_share_live_organisation_dossier",
            "organisation_id",
            "dossier_id",
            postgresql_where=text("revoked_at IS NULL"),
            sqlite_where=text("revoked_at IS NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    dossier_id: Mapped[int] = mapped_column(
        ForeignKey("dossier.id", ondelete="CASCADE"), index=True
    )
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisation.id", ondelete="CASCADE"), nullable=True, index=True
    )
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    redeemed_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    revoked_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)

    dossier: Mapped[Dossier] = relationship()
    organisation: Mapped[Organisation | None] = relationship()


class AuditEvent(Model):
    """Who changed what in a dossier; deleted with the dossier."""

    __tablename__ = "audit_event"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    dossier_id: Mapped[int] = mapped_column(
        ForeignKey("dossier.id", ondelete="CASCADE"), index=True
    )
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)
    actor: Mapped[str] = mapped_column(String(120))
    action: Mapped[str] = mapped_column(String(40))
    detail: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)


class SecurityEvent(Model):
    """A security event of the whole app (logins, accounts, uploads, exports, reads, deletions).

    Not tied to a dossier by a foreign key: a deleted dossier leaves its tombstone here
    (its random public id and dates, never answers or names). The actor is a code
    ('board', 'advisor:<e-mail>', 'system'); the detail holds codes and counts only."""

    __tablename__ = "security_event"
    __table_args__ = (Index("ix_security_event_organisation_at", "organisation_id", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now, index=True)
    actor: Mapped[str] = mapped_column(String(120))
    action: Mapped[str] = mapped_column(String(40), index=True)
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisation.id", ondelete="SET NULL"), nullable=True
    )
    subject: Mapped[str] = mapped_column(String(120), default="")
    detail: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)


class MunicipalPlan(Model):
    """What a municipality decided for a neighbourhood (wijkuitvoeringsplan)."""

    __tablename__ = "municipal_plan"
    __table_args__ = (UniqueConstraint("municipality", "neighbourhood"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    municipality: Mapped[str] = mapped_column(String(100), index=True)
    neighbourhood: Mapped[str] = mapped_column(String(200), default="")  # "" = whole municipality
    status: Mapped[str] = mapped_column(
        String(20), default="none"
    )  # none | in_preparation | adopted
    preferred_route: Mapped[str | None] = mapped_column(String(20), nullable=True)
    expected_year: Mapped[int | None] = mapped_column(Integer, nullable=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(String(500), default="")
    updated_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), default=_now, onupdate=_now
    )
    updated_by: Mapped[str] = mapped_column(String(120), default="")
    # the organisation whose advisor made the last change; the board's page names it
    updated_by_organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisation.id", ondelete="SET NULL"), nullable=True
    )

    updated_by_organisation: Mapped[Organisation | None] = relationship()


class MunicipalityClaim(Model):
    """An organisation serves a municipality. Of the organisations that serve one, the one
    that registered first (lowest id) maintains its plans and postcode areas."""

    __tablename__ = "municipality_claim"
    __table_args__ = (UniqueConstraint("organisation_id", "municipality_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisation.id", ondelete="CASCADE"), index=True
    )
    # the name as matched (stripped, lower case) and as written
    municipality_key: Mapped[str] = mapped_column(String(100), index=True)
    municipality: Mapped[str] = mapped_column(String(100))
    claimed_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)
    claimed_by: Mapped[str] = mapped_column(String(120), default="")

    organisation: Mapped[Organisation] = relationship()


class PostcodeArea(Model):
    """Postcode (4 digits, or 4 digits + 2 letters) to municipality and neighbourhood."""

    __tablename__ = "postcode_area"

    postcode: Mapped[str] = mapped_column(String(7), primary_key=True)
    municipality: Mapped[str] = mapped_column(String(100))
    neighbourhood: Mapped[str] = mapped_column(String(200), default="")


class AccessFailure(Model):
    """A failed attempt (a private link or share code, a login), per client address and
    kind, for rate limiting. In the database, not in process memory: several app servers
    share the count. ``client`` is a keyed hash (HMAC) of the address, never the address."""

    __tablename__ = "access_failure"
    __table_args__ = (Index("ix_access_failure_kind_client_at", "kind", "client", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16), default="link", server_default="link")
    client: Mapped[str] = mapped_column(String(64))
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)
