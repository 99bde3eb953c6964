"""The meetings page: every meeting of the plan, the next meeting's result recorded (the
counts per proposal, or the voting list when the dossier has an apartment register), and
a recorded result corrected with a reason.

Open to the board and to advisors of an organisation the board shared the dossier with,
like the plan page: an advisor's read is a security event (vve/reads.py), his writes are
in the dossier's trail under his own name (vve/services/meetings.py)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from flask import Blueprint, abort, flash, g, redirect, render_template, request, url_for
from flask_babel import format_date

from vve.document.meeting import MeetingDetails
from vve.responses import attachment
from vve.rules.calculator import threshold_below
from vve.rules.outcomes import next_meeting
from vve.rules.parts import proposal_of, recordable_parts
from vve.security import actor, current_user, dossier_required
from vve.services import clock, dossiers, meetings, plans
from vve.services import papers as papers_service
from vve.services.tally import apartment_votes
from vve.terms import labels
from vve.translate import gettext as _
from vve.vocabulary import BALLOTS

from .meeting_forms import (
    ballot_field,
    ballot_name,
    ballots_form,
    correction_form,
    count_name,
    counts_form,
    meeting_key,
    read_ballot_cases,
    read_ballots,
    read_counts,
)
from .saving import changed_meanwhile
from .steps import STEPS

bp = Blueprint("meetings", __name__)
bp.register_error_handler(dossiers.StaleDossier, changed_meanwhile)

COUNTS, VOTING_LIST = "aantallen", "stemlijst"  # ?invoer=: how the result is entered


def _register(dossier) -> list[str]:
    return [a["number"] for a in (dossier.profile or {}).get("apartments") or []]


def _agenda(plan) -> tuple[dict | None, list[dict]]:
    meeting = next_meeting(plan)
    if meeting is None:
        return None, []
    wanted = set(meeting["decisions"])
    parts = recordable_parts(plan, meeting)
    return meeting, [d for d in plan["decisions"] if d["id"] in wanted] + parts


def _record_form(plan, numbers, mode, formdata=None):
    meeting, agenda = _agenda(plan)
    planned = dt.date.fromisoformat(meeting["date"]) if meeting else None
    data = {
        "meeting": meeting_key(meeting),
        "meeting_date": planned if planned and planned <= clock.today() else None,
    }
    if mode == VOTING_LIST:
        return ballots_form(agenda, numbers, formdata, data), meeting, agenda
    return counts_form(agenda, formdata, data), meeting, agenda


@bp.route("/d/<public_id>/vergaderingen", methods=["GET", "POST"])
@dossier_required
def show(dossier):
    plan = plans.make_plan(dossier)
    if plan is None:  # nothing answered yet
        if g.get("csrf_failed"):
            return render_template("errors/csrf.html"), 400
        return redirect(url_for("wizard.step", public_id=dossier.public_id, slug=STEPS[0].slug))
    numbers = _register(dossier)
    mode = VOTING_LIST if numbers and request.args.get("invoer") != COUNTS else COUNTS
    posted = request.method == "POST"
    form, meeting, agenda = _record_form(plan, numbers, mode, request.form if posted else None)
    message = None
    if posted and g.get("csrf_failed"):
        message = g.csrf_message
    elif posted and form.meeting.data != meeting_key(meeting):
        message = _(
            "Intussen is de uitslag van deze vergadering al vastgelegd, misschien door een "
            "ander bestuurslid. Er is niets opgeslagen; bekijk de uitslag hieronder."
        )
        form, meeting, agenda = _record_form(plan, numbers, mode)
    elif posted:
        valid = form.validate()  # then every missing number is marked too
        wanted: dict[str, Any]
        if mode == VOTING_LIST:
            ballots = read_ballots(form, agenda, numbers)
            wanted = {"ballots": ballots, "cases": read_ballot_cases(form, agenda, ballots)}
        else:
            wanted = {"counts": read_counts(form, agenda)}
        if valid and all(value is not None for value in wanted.values()):
            try:
                recorded = meetings.record_results(
                    dossier, form.meeting_date.data, actor=actor(), **wanted
                )
            except meetings.ResultRefused as exc:
                attach(form, exc.problems, agenda, numbers)
            else:
                return _recorded(dossier, recorded)
    return render_template(
        "meetings/meetings.html",
        dossier=dossier,
        plan=plan,
        form=form,
        meeting=meeting,
        agenda=agenda,
        numbers=numbers,
        mode=mode,
        modes={"counts": COUNTS, "list": VOTING_LIST},
        message=message,
        recorded=request.args.get("vastgelegd", ""),
        votes=_votes(dossier) if numbers else {},
        ballot_words=labels(BALLOTS),
        ballot_name=ballot_name,
    ), 400 if posted else 200


@bp.get("/d/<public_id>/vergaderingen/<int:number>/stukken.zip")
@dossier_required
def papers(dossier, number: int):
    """The meeting's six papers in Word, in one zip; place and time as typed on the page
    (or a marked placeholder). A read: nothing is stored."""
    details = MeetingDetails(
        place=(request.args.get("plaats") or "")[:200] or None,
        time=(request.args.get("aanvang") or "")[:40] or None,
    )
    try:
        download = papers_service.meeting_papers(dossier, number, details, current_user())
    except papers_service.UnknownMeeting:
        abort(404)
    if download is None:
        return redirect(url_for("wizard.step", public_id=dossier.public_id, slug=STEPS[0].slug))
    response = attachment(download)
    response.headers["Cache-Control"] = "no-store"
    return response


def _votes(dossier) -> dict[str, int | None]:
    profile = plans.dossier_profile(dossier)
    return apartment_votes(profile) if profile is not None else {}


def _recorded(dossier, recorded):
    day = recorded.judged[0].entry["meeting_date"]
    number = max(
        (m["number"] for m in recorded.plan["meetings"] if m["held"] and m["date"] == day),
        default=None,
    )
    flash(
        _(
            "De uitslag van de vergadering van %(date)s is vastgelegd. Hieronder staat per "
            "voorstel wat de vergadering besloot, en waarom.",
            date=format_date(dt.date.fromisoformat(day), "long"),
        ),
        "info",
    )
    anchor = f"vergadering-{number}" if number else "vergaderingen"
    return redirect(
        url_for(".show", public_id=dossier.public_id, vastgelegd=day, _anchor=anchor), 303
    )


def problem_text(problem) -> str:
    """A service's problem in the reader's language, its dates written out."""
    params = {
        key: format_date(value, "long") if isinstance(value, dt.date) else value
        for key, value in problem.params.items()
    }
    return _(problem.message, **params)


def attach(form, problems, agenda, numbers) -> None:
    """Each problem next to its field; what has no field goes to the top of the form."""
    titles = {d["id"]: d["title"] for d in agenda}
    for problem in problems:
        text = problem_text(problem)
        field = _field_of(form, problem.field, titles, numbers)
        if field is not None:
            field.errors = [*field.errors, text]
        elif problem.field in titles:
            form.form_errors.append(f"{titles[problem.field]}: {text}")
        else:
            form.form_errors.append(text)


def _field_of(form, where: str, titles, numbers):
    if where in ("meeting_date", "reason", "present", "yes", "no", "blank") and where in form:
        return form[where]
    if where.startswith("ballots."):
        _prefix, decision, number = where.split(".", 2)
        return ballot_field(form, decision, number, numbers)
    decision, _sep, part = where.partition(".")
    if part in form:  # the correction's own count fields
        return form[part]
    name = count_name(decision, part or "present")
    return form[name] if name in form else None  # noqa: SIM401 (a form has no .get)


# --- correcting a recorded result ---------------------------------------------------------


def _chain(entries: list[dict], result_id: int) -> list[dict]:
    """The versions of one result, oldest first: what it corrected and what corrected it."""
    by_id = {e["id"]: e for e in entries}
    first = by_id[result_id]
    while first.get("replaces") in by_id:
        first = by_id[first["replaces"]]
    chain = [first]
    while True:
        later = next((e for e in entries if e.get("replaces") == chain[-1]["id"]), None)
        if later is None:
            return chain
        chain.append(later)


@bp.route("/d/<public_id>/uitslagen/<int:result_id>", methods=["GET", "POST"])
@dossier_required
def correct(dossier, result_id):
    entries = (dossier.profile or {}).get("results") or []
    if not any(e["id"] == result_id for e in entries):
        if g.get("csrf_failed"):  # a post without a valid token is refused as such
            return render_template("errors/csrf.html"), 400
        abort(404)
    chain = _chain(entries, result_id)
    target = next(e for e in entries if e["id"] == result_id)
    posted = request.method == "POST"
    decision = _decision(dossier, target["decision"], target.get("part"))
    form = correction_form(
        decision if decision is not None and threshold_below(decision) else None,
        formdata=request.form if posted else None,
        data={**target, "meeting_date": dt.date.fromisoformat(target["meeting_date"])},
    )
    message = g.csrf_message if posted and g.get("csrf_failed") else None
    if posted and message is None and form.validate() and (count := form.count()) is not None:
        try:
            meetings.correct_result(
                dossier, result_id, count, form.reason.data, form.meeting_date.data, actor()
            )
        except meetings.ResultRefused as exc:
            attach(form, exc.problems, [], [])
        else:
            flash(
                _("De correctie is vastgelegd; de eerdere uitslag blijft in de geschiedenis."),
                "info",
            )
            return redirect(url_for(".show", public_id=dossier.public_id, _anchor="vergaderingen"))
    return render_template(
        "meetings/correct.html",
        dossier=dossier,
        form=form,
        target=target,
        chain=chain,
        standing=chain[-1],
        title=decision["title"] if decision else target["decision"],
        message=message,
    ), 400 if posted else 200


def _decision(dossier, decision_id: str, part: str | None = None) -> dict | None:
    plan = plans.make_plan(dossier) or {"decisions": []}
    return proposal_of(plan, decision_id, part)
