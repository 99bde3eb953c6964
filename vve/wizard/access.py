"""The private link: ``/toegang/<public_id>#<token>``.

The token is in the fragment, which browsers never send: it reaches no access log, proxy
log or Referer. The page at ``/toegang/<public_id>`` posts it (CSRF-protected, the token in
the body): a small script (static/access.js) does that at once; without JavaScript the
board pastes the code, the part of its link after '#', into the field.

Links of the old form (``/toegang/<public_id>/<token>``) are still in boards' mailboxes. Their
token is in every log the request passed, so it must end, without locking the board out:
the old URL shows a page with one button (a POST, so mail scanners that fetch links change
nothing); the first use opens the dossier, replaces the link and shows the new one.
"""

from __future__ import annotations

import re

from flask import Blueprint, flash, make_response, redirect, render_template, url_for
from flask_babel import get_locale
from wtforms import HiddenField, StringField
from wtforms.validators import InputRequired, Length

from vve import ratelimit
from vve.fields import CleanForm
from vve.profile.paths import get_path
from vve.security import grant, remember_new_token
from vve.services import dossiers
from vve.translate import gettext as _
from vve.translate import lazy_gettext as _l

from .steps import STEPS
from .views import resume_url

bp = Blueprint("access", __name__)
MAX_CODE = 300


class AccessForm(CleanForm):
    token = StringField(
        _l("Toegangscode"),
        description=_l(
            "De code is het deel van uw persoonlijke link na het teken #. "
            "U mag ook de hele link plakken."
        ),
        validators=[
            InputRequired(_l("Plak de code uit uw persoonlijke link.")),
            Length(max=MAX_CODE, message=_l("Dit is langer dan een toegangscode.")),
        ],
    )
    from_path = HiddenField()


def token_from_input(text: str) -> str:
    """The token from what a board pasted: the code, or its whole link (either form)."""
    code = re.sub(r"\s", "", text or "")
    if "#" in code:
        return code.rsplit("#", 1)[1]
    if "/toegang/" in code:
        return code.rstrip("/").rsplit("/", 1)[1]
    return code


def _private(response):
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.get("/toegang/<public_id>")
def access_page(public_id):
    """The same page for every id: it tells a stranger nothing about which dossiers exist."""
    return _private(make_response(render_template("wizard/access.html", form=AccessForm())))


@bp.post("/toegang/<public_id>")
def access(public_id):
    form = AccessForm()
    if not form.validate():
        return _private(make_response(render_template("wizard/access.html", form=form), 400))
    if ratelimit.blocked("link"):
        return render_template("errors/429.html"), 429
    opened = dossiers.open_dossier(
        public_id, token_from_input(form.token.data), from_path=form.from_path.data == "1"
    )
    if opened is None:
        ratelimit.record_failure("link")
        form.token.errors = [
            _(
                "Deze link of code opent geen dossier. Controleer of u de hele link hebt "
                "gebruikt. Werkte hij eerder wel? Een oude link wordt bij het eerste gebruik "
                "vervangen; vraag de nieuwe aan wie hem opende."
            )
        ]
        return _private(make_response(render_template("wizard/access.html", form=form), 404))
    grant(opened.dossier)
    if opened.new_token is not None:
        remember_new_token(opened.dossier.public_id, opened.new_token)
        flash(
            _(
                "Uw persoonlijke link is vervangen door een nieuwe: de oude stond in de "
                "adresregel en kon zo in logbestanden terechtkomen. De oude link werkt niet "
                "meer. Bewaar de nieuwe en stuur hem naar de andere bestuursleden."
            ),
            "info",
        )
        return redirect(url_for("wizard.created", public_id=opened.dossier.public_id))
    flash(_welcome(opened.dossier), "info")
    return redirect(resume_url(opened.dossier))


def _welcome(dossier) -> str:
    """Back with the link: the answers are kept, and where the wizard resumes."""
    name = get_path(dossier.profile, "association.name")
    hello = _("Welkom terug bij %(name)s.", name=name) if name else _("Welkom terug.")
    if dossier.furthest_step >= len(STEPS):
        where = _("Uw antwoorden zijn bewaard; u gaat verder bij de controle van uw antwoorden.")
    else:
        where = _(
            "Uw antwoorden zijn bewaard; u gaat verder bij stap %(n)s.",
            n=dossier.furthest_step + 1,
        )
    return f"{hello} {where}"


@bp.get("/toegang/<public_id>/<path:token>")
def old_link(public_id, token):
    """A link of the old form: one button opens the dossier and replaces the link. Nothing
    is looked up here, so a GET (a mail scanner's, too) changes nothing and tells nothing."""
    form = AccessForm(data={"token": token, "from_path": "1"})
    other = "en" if str(get_locale()) == "nl" else "nl"
    page = render_template(
        "wizard/access_old_link.html",
        form=form,
        public_id=public_id,
        # the language switch must not copy this URL (and its token) into another one
        switch_url=url_for(
            "wizard.language", code=other, next=url_for(".access_page", public_id=public_id)
        ),
    )
    response = _private(make_response(page))
    # the button's POST must not carry this URL (and its token) in its Referer
    response.headers["Referrer-Policy"] = "origin"
    return response
