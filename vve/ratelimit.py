"""Failed attempts per client address and kind: private links and share codes (``link``).
Counted in the database, so several app servers share the count. (Logins have their own
throttle per address and per account, vve.services.throttle, which uses ``client_key``.)

The address is stored only as an HMAC keyed with the app's secret: the table cannot be
reversed by hashing every IPv4 address. IPv6 addresses count per /64 (one subscriber's
network), so that rotating through one's own addresses does not reset the count.

API for callers (views, or services given the address):

- ``blocked(kind, address=None)``: has this address reached the limit for ``kind``?
- ``record_failure(kind, address=None)``: count one failure and commit; when this failure
  reaches the limit, a security event is stored (``THROTTLED_EVENTS``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import ipaddress

from flask import current_app, request

from .extensions import db
from .models import AccessFailure
from .services import audit

MAX_FAILURES = 20
WINDOW = dt.timedelta(minutes=10)
LIMITS = {"link": MAX_FAILURES}
# The security event written when an address reaches the limit (vocabulary/security.py).
THROTTLED_EVENTS = {"link": "link_guess_throttled"}


def _network(address: str) -> str:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)


def client_key(address: str | None = None) -> str:
    """The stored form of a client address: HMAC-SHA256 with a key derived from SECRET_KEY."""
    if address is None:
        address = request.remote_addr or "unknown"
    secret = str(current_app.config["SECRET_KEY"]).encode()
    key = hmac.new(secret, b"vve.ratelimit.client", hashlib.sha256).digest()
    return hmac.new(key, _network(address).encode(), hashlib.sha256).hexdigest()


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _count(kind: str, client: str) -> int:
    return db.session.execute(
        db.select(db.func.count())
        .select_from(AccessFailure)
        .where(
            AccessFailure.kind == kind,
            AccessFailure.client == client,
            AccessFailure.at > _now() - WINDOW,
        )
    ).scalar_one()


def blocked(kind: str = "link", address: str | None = None) -> bool:
    return _count(kind, client_key(address)) >= LIMITS[kind]


def record_failure(kind: str = "link", address: str | None = None) -> None:
    client = client_key(address)
    db.session.add(AccessFailure(kind=kind, client=client))
    db.session.execute(
        db.delete(AccessFailure).where(AccessFailure.at < _now() - dt.timedelta(days=1))
    )
    db.session.flush()
    if _count(kind, client) == LIMITS[kind]:
        # once per trip, not per refused request: no address, only the kind and window
        audit.security_event(
            THROTTLED_EVENTS[kind],
            actor=audit.SYSTEM,
            detail={"failures": LIMITS[kind], "minutes": int(WINDOW.total_seconds() // 60)},
        )
    db.session.commit()
