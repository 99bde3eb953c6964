"""A second factor for advisors: a time-based one-time code (TOTP, RFC 6238) from an
authenticator app. Required for admins (they enrol at their next login), optional for
advisors.

- The secret is stored encrypted (Fernet, with a key derived from SECRET_KEY and its
  fallbacks, so a rotated key keeps working while it is listed in SECRET_KEY_FALLBACKS);
  it is never logged or audited.
- A code works once: the time step of the last accepted code is stored and only a later
  step is accepted (with one step of clock drift either way).
- Wrong codes count as failed logins (vve.services.throttle).
- An admin resets another account's second factor (a lost phone); the operator can do the
  same from the command line (``vve reset-second-factor``) for an organisation's only admin.
"""

from __future__ import annotations

import base64
import hmac
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pyotp
from flask import current_app

from vve.extensions import db
from vve.models import User
from vve.vocabulary.base import N_

from . import accounts, audit, sessions, throttle
from .accounts import AccountError, LoginRefused
from .clock import now

# cryptography and segno (7 MB) are imported where a second factor is used: an advisor's
# login or enrolment, not the boards' requests every worker serves.
if TYPE_CHECKING:
    from cryptography.fernet import MultiFernet

ISSUER = "VvE Warmteplan"
DRIFT = 1  # accept the code of one time step before or after the server's
ENROLMENT_SECONDS = 60 * 60  # a QR code shown this long ago can still be confirmed
WRONG_CODE = N_("Deze code klopt niet. Typ de zes cijfers die de app nu toont.")


def _fernet() -> MultiFernet:
    from cryptography.fernet import Fernet, MultiFernet

    keys = [
        current_app.config["SECRET_KEY"],
        *(current_app.config.get("SECRET_KEY_FALLBACKS") or ()),
    ]
    return MultiFernet([Fernet(_derive(key)) for key in keys])


def _derive(secret_key: str | bytes) -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    raw = secret_key.encode() if isinstance(secret_key, str) else secret_key
    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"vve totp secret").derive(raw)
    return base64.urlsafe_b64encode(key)


def _secret_of(user: User) -> str:
    from cryptography.fernet import InvalidToken

    try:
        return _fernet().decrypt((user.totp_secret or "").encode()).decode()
    except InvalidToken:
        raise AccountError(
            N_(
                "Uw tweede factor kan niet worden gelezen. Vraag een beheerder van uw "
                "organisatie om hem opnieuw in te stellen."
            )
        ) from None


def enabled(user: User) -> bool:
    return user.totp_enabled_at is not None and bool(user.totp_secret)


@dataclass(frozen=True)
class Enrolment:
    """What the enrolment page shows: the secret as text (for typing it in), as a QR code
    (an SVG data URI, made on the server), and the encrypted token its form posts back."""

    secret: str
    token: str
    qr_svg: str

    @property
    def grouped(self) -> str:
        return " ".join(self.secret[i : i + 4] for i in range(0, len(self.secret), 4))


def new_enrolment(user: User) -> Enrolment:
    """A fresh secret for ``user``; nothing is stored until a code confirms it."""
    secret = pyotp.random_base32()  # 160 bits, as RFC 4226 recommends
    token = _fernet().encrypt(f"{user.id}:{secret}".encode()).decode()
    return _enrolment(user, secret, token)


def enrolment_of(user: User, token: str) -> Enrolment | None:
    """The enrolment a form posted back, if it is this user's and recent enough."""
    from cryptography.fernet import InvalidToken

    try:
        text = _fernet().decrypt(token.encode(), ttl=ENROLMENT_SECONDS).decode()
    except (InvalidToken, ValueError):
        return None
    user_id, _, secret = text.partition(":")
    return _enrolment(user, secret, token) if user_id == str(user.id) else None


def _enrolment(user: User, secret: str, token: str) -> Enrolment:
    import segno

    uri = pyotp.TOTP(secret).provisioning_uri(name=user.email, issuer_name=ISSUER)
    qr = segno.make(uri, error="m").svg_data_uri(scale=5, border=2)
    return Enrolment(secret=secret, token=token, qr_svg=qr)


def _matching_step(secret: str, code: str, after: int | None) -> int | None:
    """The time step whose code ``code`` is, if it is later than ``after``."""
    code = "".join(code.split())
    if len(code) != 6 or not code.isdigit():
        return None
    totp = pyotp.TOTP(secret)
    current = totp.timecode(int(time.time()))
    for step in range(current - DRIFT, current + DRIFT + 1):
        if (after is None or step > after) and hmac.compare_digest(totp.generate_otp(step), code):
            return step
    return None


def enable(user: User, token: str, code: str, *, client: str, keep_session: str | None) -> None:
    """Confirm an enrolment with a code from the app: the second factor is on, and every
    other login of the user ends (they were made without it)."""
    if throttle.locked(user, client):
        raise LoginRefused(accounts.TOO_MANY)
    enrolment = enrolment_of(user, token)
    if enrolment is None:
        raise AccountError(
            N_("Deze QR-code is verlopen. Scan de nieuwe code hieronder en typ de code opnieuw.")
        )
    step = _matching_step(enrolment.secret, code, None)
    if step is None:
        throttle.record_failure(client, user, "totp_failed", step="enrolment")
        raise AccountError(WRONG_CODE)
    user.totp_secret = _fernet().encrypt(enrolment.secret.encode()).decode()
    user.totp_enabled_at = now()
    user.totp_last_step = step
    sessions.end_sessions(user, keep=keep_session)
    audit.security_event("totp_enabled", user, subject=accounts.subject_of(user))
    db.session.commit()


def verify(user: User, code: str, client: str) -> None:
    """Accept the code once, or count a failure and raise LoginRefused. The step is claimed
    with one conditional UPDATE: two requests with the same code cannot both pass."""
    if throttle.locked(user, client):
        raise LoginRefused(accounts.TOO_MANY)
    step = _matching_step(_secret_of(user), code, user.totp_last_step)
    claimed = step is not None and (
        db.session.execute(
            db.update(User)
            .where(
                User.id == user.id,
                (User.totp_last_step.is_(None)) | (User.totp_last_step < step),
            )
            .values(totp_last_step=step)
            .returning(User.id)
        ).scalar_one_or_none()
        is not None
    )
    if not claimed:
        throttle.record_failure(client, user, "totp_failed", step="code")
        raise LoginRefused(WRONG_CODE)
    db.session.commit()


def disable(user: User, password: str, *, client: str) -> None:
    """An advisor turns his own second factor off, with his password. Admins cannot."""
    if user.role == "admin":
        raise AccountError(N_("Voor beheerders is de tweede factor verplicht."))
    accounts.confirm_password(user, password, client=client)
    _clear(user)
    audit.security_event("totp_disabled", user, subject=accounts.subject_of(user))
    db.session.commit()


def reset(admin: User | None, user_id: int) -> User:
    """An admin turns another account's second factor off (a lost phone); ``None``: the
    operator, from the command line. An admin enrols again at the next login. Every login
    of the user ends."""
    user = accounts.managed_user(admin, user_id) if admin else db.session.get(User, user_id)
    if user is None:
        raise AccountError(N_("Deze gebruiker kunt u niet wijzigen."))
    _clear(user)
    sessions.end_sessions(user)
    audit.security_event(
        "totp_disabled",
        admin,
        actor=None if admin else audit.SYSTEM,
        organisation_id=user.organisation_id,
        subject=accounts.subject_of(user),
        detail={"reset": True},
    )
    db.session.commit()
    return user


def _clear(user: User) -> None:
    user.totp_secret = None
    user.totp_enabled_at = None
    user.totp_last_step = None
