"""The board's consent and privacy pages: sharing with advisors, history, deletion."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from wtforms import BooleanField
from wtforms.validators import InputRequired

from vve.fields import BaseForm
from vve.responses import attachment
from vve.security import dossier_required, drop_grant, grant, remember_new_token
from vve.services import audit, dossiers, plans, sharing
from vve.translate import gettext as _
from vve.translate import lazy_gettext as _l

from .changes import change_lines
from .saving import changed_meanwhile

bp = Blueprint("board", __name__)
bp.register_error_handler(dossiers.StaleDossier, changed_meanwhile)


@bp.route("/d/<public_id>/delen", methods=["GET", "POST"])
@dossier_required(board_only=True)
def share(dossier):
    form = BaseForm()
    code = None
    if form.validate_on_submit():
        code = sharing.create_share_code(dossier)
    return render_template(
        "board/share.html",
        dossier=dossier,
        form=form,
        code=code,
        shares=sharing.shares_of(dossier),
        days=sharing.SHARE_CODE_DAYS,
    )


@bp.post("/d/<public_id>/delen/<int:share_id>/intrekken")
@dossier_required(board_only=True)
def revoke(dossier, share_id):
    form = BaseForm()
    if not form.validate_on_submit():
        abort(400)
    try:
        sharing.revoke_share(dossier, share_id)
    except sharing.ShareError:
        abort(404)
    flash(_("De deling is ingetrokken: die organisatie ziet het dossier niet meer."), "info")
    return redirect(url_for("board.share", public_id=dossier.public_id))


@bp.post("/d/<public_id>/nieuwe-link")
@dossier_required(board_only=True)
def new_link(dossier):
    """Replace the private link: whoever had the old one (an advisor who started the
    dossier, a lost phone) can no longer get in."""
    form = BaseForm()
    if not form.validate_on_submit():
        abort(400)
    token = dossiers.replace_token(dossier)
    grant(dossier)
    remember_new_token(dossier.public_id, token)
    return redirect(url_for("wizard.created", public_id=dossier.public_id))


@bp.get("/d/<public_id>/geschiedenis")
@dossier_required
def history(dossier):
    return render_template(
        "board/history.html",
        dossier=dossier,
        snapshots=plans.snapshot_list(dossier),
        events=audit.log_of(dossier),
        change_lines=change_lines,
    )


@bp.get("/d/<public_id>/plannen/<int:snapshot_id>.docx")
@dossier_required
def snapshot_document(dossier, snapshot_id):
    found = plans.snapshot_download(dossier, snapshot_id)
    if found is None:
        abort(404)
    return attachment(found)


class DeleteForm(BaseForm):
    confirm = BooleanField(
        _l(
            "Ik begrijp dat alle antwoorden, plannen en delingen van deze VvE "
            "definitief worden verwijderd."
        ),
        validators=[InputRequired(_l("Vink aan dat u het dossier echt wilt verwijderen."))],
    )


@bp.route("/d/<public_id>/verwijderen", methods=["GET", "POST"])
@dossier_required(board_only=True)
def delete(dossier):
    form = DeleteForm()
    if form.validate_on_submit():
        public_id = dossier.public_id
        dossiers.delete_dossier(dossier)
        drop_grant(public_id)
        flash(_("Het dossier is verwijderd."), "info")
        return redirect(url_for("wizard.start"))
    return render_template(
        "board/delete.html", dossier=dossier, form=form
    ), 400 if form.errors else 200
