"""Failed guesses of private links and share codes, limited per client address."""

from __future__ import annotations

import datetime as dt
import hashlib

from flask import request

from .extensions import db
from .models import AccessFailure

MAX_FAILURES = 20
WINDOW = dt.timedelta(minutes=10)


def _client() -> str:
    # hashed: the table holds no IP addresses, only what is needed to count
    address = request.remote_addr or "unknown"
    return hashlib.sha256(address.encode()).hexdigest()


def client_key() -> str:
    """The client address as this module stores it (hashed): the logins' throttle counts
    its failures per client with the same key (vve.services.throttle)."""
    return _client()


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def blocked() -> bool:
    since = _now() - WINDOW
    count = db.session.execute(
        db.select(db.func.count())
        .select_from(AccessFailure)
        .where(AccessFailure.client == _client(), AccessFailure.at > since)
    ).scalar_one()
    return count >= MAX_FAILURES


def record_failure() -> None:
    db.session.add(AccessFailure(client=_client()))
    db.session.execute(
        db.delete(AccessFailure).where(AccessFailure.at < _now() - dt.timedelta(days=1))
    )
    db.session.commit()
