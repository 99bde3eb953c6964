"""Stored dossiers and the plans generated from them."""

from __future__ import annotations

import datetime as dt
from typing import Any, Optional

from sqlalchemy import JSON, DateTime, ForeignKey, Integer, String, func
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .extensions import db


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


class Dossier(db.Model):
    """One VvE's answers. Reachable only with its secret token, stored here as a hash."""

    __tablename__ = "dossier"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    public_id: Mapped[str] = mapped_column(String(32), unique=True, index=True)
    token_hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now,
                                                    onupdate=_now)
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    profile: Mapped[Optional[dict[str, Any]]] = mapped_column(JSON, nullable=True)
    furthest_step: Mapped[int] = mapped_column(Integer, default=0)

    snapshots: Mapped[list["PlanSnapshot"]] = relationship(
        back_populates="dossier", cascade="all, delete-orphan", order_by="PlanSnapshot.id")

    # Optimistic locking: a save based on an older version fails instead of overwriting.
    __mapper_args__ = {"version_id_col": version}


class PlanSnapshot(db.Model):
    """A plan as it was generated, with the engine and knowledge that made it."""

    __tablename__ = "plan_snapshot"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossier.id", ondelete="CASCADE"),
                                            index=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now,
                                                    server_default=func.now())
    created_by: Mapped[str] = mapped_column(String(80))
    engine_version: Mapped[str] = mapped_column(String(40))
    knowledge_version: Mapped[str] = mapped_column(String(40))
    plan: Mapped[dict[str, Any]] = mapped_column(JSON)

    dossier: Mapped[Dossier] = relationship(back_populates="snapshots")
