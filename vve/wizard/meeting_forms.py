"""The forms of the meetings page, built for the meeting at hand: the next meeting's
result (four counts per proposal on its agenda, or the voting list: a choice per
apartment per proposal) and the correction of one recorded result.

Whole numbers are typed as text (``TolerantIntegerField``: "1970-1975" is kept and
refused next to its field, never dropped by the browser). A proposal left empty was not
dealt with. The service judges what the fields allow (vve/services/meetings.py)."""

from __future__ import annotations

from typing import Any

from wtforms import DateField, HiddenField, RadioField, StringField
from wtforms.validators import InputRequired, Length, Optional

from vve.fields import Between, CleanForm, TolerantIntegerField, choices
from vve.rules.calculator import threshold_below
from vve.services.meetings import MAX_REASON, Count
from vve.terms import lazy_pairs
from vve.translate import gettext as _
from vve.translate import lazy_gettext as _l
from vve.vocabulary import BALLOTS

DATE_FORMATS = ["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"]
MAX_VOTES = 100_000_000
PARTS = (
    ("present", _l("Aanwezig of vertegenwoordigd")),
    ("yes", _l("Voor")),
    ("no", _l("Tegen")),
    ("blank", _l("Blanco of onthouding")),
)
REQUIRED_PARTS = ("present", "yes", "no")  # blank may stay empty: none
VOTE_PARTS = PARTS[1:]  # per proposal; who is present is the meeting's, from the list
ATTENDANCE = _l("Aanwezig of vertegenwoordigd volgens de presentielijst")
ATTENDANCE_HINT = _l(
    "De stemmen van iedereen die tekende of een volmacht gaf, ook van wie blanco of niet "
    "stemde: het quorum telt van deze lijst, voor elk voorstel van deze vergadering."
)
FILL_IN = _l("Vul dit in, ook als het 0 is.")
CASE_LABEL = _l("Lag het bedrag boven het drempelbedrag?")
CASE_HINT = _l(
    "Daarvan hangt de meerderheid af. Staat het drempelbedrag niet in de notulen, kijk dan "
    "in het reglement of vraag het de voorzitter."
)
CASE_CHOICES = (
    ("below", _l("Nee, niet boven het drempelbedrag")),
    ("above", _l("Ja, boven het drempelbedrag")),
)
CHOOSE_CASE = _l("Kies of het bedrag boven het drempelbedrag lag.")
# where the reserve fund pays, two thirds hold below the threshold amount too
RESERVE_CASE_LABEL = _l("Lag het bedrag boven het drempelbedrag, of betaalt het reservefonds?")
RESERVE_CASE_CHOICES = (
    ("below", _l("Nee: niet boven het drempelbedrag en niet uit het reservefonds")),
    ("above", _l("Ja: boven het drempelbedrag, of uit het reservefonds")),
)


class MeetingDateField(DateField):
    """A date as a board types it (or the browser's date picker sends it), refused in
    Dutch; what was typed stays in the field."""

    def process_formdata(self, valuelist):
        try:
            super().process_formdata(valuelist)
        except ValueError:
            raise ValueError(str(_l("Vul een datum in, bijvoorbeeld 12-03-2027."))) from None


def _date_field(label):
    return MeetingDateField(
        label,
        format=DATE_FORMATS,
        validators=[InputRequired(_l("Vul de datum van de vergadering in."))],
    )


def _count(label, description=""):
    return TolerantIntegerField(
        label, validators=[Optional(), Between(0, MAX_VOTES)], description=description
    )


def meeting_key(meeting: dict[str, Any] | None) -> str:
    """The meeting a form records: its number, kind and proposals. Someone who recorded
    it meanwhile makes another meeting the next one, and the older form is refused."""
    if meeting is None:
        return ""
    return f"{meeting['number']}:{meeting['kind']}:{','.join(meeting['decisions'])}"


def count_name(decision_id: str, part: str) -> str:
    return f"{decision_id}-{part}"


def case_field(decision: dict[str, Any] | None = None) -> RadioField:
    """Whether the decision's amount was above the threshold amount, where the plan shows
    both cases (``threshold_below``): the board says which, as the minutes do. Where the
    reserve fund may pay, paying from it counts as above (two thirds)."""
    reserve = decision is not None and any(
        a["applies"] == "reserve_fund" for a in decision["alternatives"]
    )
    return RadioField(
        RESERVE_CASE_LABEL if reserve else CASE_LABEL,
        choices=choices(RESERVE_CASE_CHOICES if reserve else CASE_CHOICES),
        description=CASE_HINT,
        validators=[Optional()],
    )


def _add_cases(form_class, agenda: list[dict[str, Any]]) -> None:
    for decision in agenda:
        if threshold_below(decision):
            setattr(form_class, count_name(decision["id"], "case"), case_field(decision))


def read_case(form, decision: dict[str, Any]) -> tuple[str | None, bool]:
    """The case chosen for the decision (None where it has one rule) and whether it is
    given where needed (else the error is next to its field)."""
    name = count_name(decision["id"], "case")
    if name not in form:
        return None, True
    field = form[name]
    field.errors = list(field.errors)
    if not field.data:
        field.errors = [*field.errors, CHOOSE_CASE]
        return None, False
    return field.data, not field.errors


def ballot_name(decision_id: str, number: str) -> str:
    """Named by the apartment's number (hex, so any number makes a safe name and id): a
    register changed between showing and posting the list never shifts a tick to
    another apartment."""
    return f"{decision_id}-a{number.encode('utf-8').hex()}"


def counts_form(agenda: list[dict[str, Any]], formdata=None, data=None):
    """Date and attendance (the attendance list's, once for the meeting), then per
    proposal: yes, no, blank."""

    class CountsForm(CleanForm):
        meeting = HiddenField()  # which meeting the form was shown for (meeting_key)
        meeting_date = _date_field(_l("Datum van de vergadering"))
        present = _count(ATTENDANCE, ATTENDANCE_HINT)

    for decision in agenda:
        for part, label in VOTE_PARTS:
            setattr(CountsForm, count_name(decision["id"], part), _count(label))
    _add_cases(CountsForm, agenda)
    form = CountsForm(formdata=formdata, data=data)
    _summary_labels(form, agenda, [part for part, _label in VOTE_PARTS])
    return form


def ballots_form(agenda: list[dict[str, Any]], numbers: list[str], formdata=None, data=None):
    """Date, then per proposal a choice per apartment of the register (absent unless
    ticked otherwise)."""

    class BallotsForm(CleanForm):
        meeting = HiddenField()  # which meeting the form was shown for (meeting_key)
        meeting_date = _date_field(_l("Datum van de vergadering"))

    pairs = choices(lazy_pairs(BALLOTS))
    for decision in agenda:
        for number in numbers:
            field = RadioField(number, choices=pairs, default="absent", validate_choice=False)
            setattr(BallotsForm, ballot_name(decision["id"], number), field)
    _add_cases(BallotsForm, agenda)
    form = BallotsForm(formdata=formdata, data=data)
    _summary_labels(form, agenda, [])
    for decision in agenda:
        for number in numbers:
            form[ballot_name(decision["id"], number)].summary_label = _(
                "%(decision)s, appartement %(number)s", decision=decision["title"], number=number
            )
    return form


def _summary_labels(form, agenda, parts) -> None:
    """ "Commissie instellen: Voor" in the error summary, where the page shows "Voor"
    inside the proposal's fieldset (the case question: the proposal's title alone)."""
    for decision in agenda:
        for part in parts:
            field = form[count_name(decision["id"], part)]
            field.summary_label = f"{decision['title']}: {field.label.text}"
        case = count_name(decision["id"], "case")
        if case in form:
            form[case].summary_label = decision["title"]


def read_counts(form, agenda: list[dict[str, Any]]) -> dict[str, Count] | None:
    """The counts per proposal that was filled in; None with errors next to the fields
    when a filled proposal misses a number."""
    counts, ok = {}, True
    present = form.present
    present.errors = list(present.errors)  # a form not validated yet has a tuple
    for decision in agenda:
        fields = {part: form[count_name(decision["id"], part)] for part, _label in VOTE_PARTS}
        for f in fields.values():
            f.errors = list(f.errors)
        if all(f.data is None and not f.errors for f in fields.values()):
            continue  # not dealt with at this meeting
        for part in ("yes", "no"):
            if fields[part].data is None and not fields[part].errors:
                fields[part].errors = [*fields[part].errors, FILL_IN]
        if present.data is None and not present.errors:
            present.errors = [*present.errors, FILL_IN]
        case, case_ok = read_case(form, decision)
        if any(f.errors for f in fields.values()) or present.errors or not case_ok:
            ok = False
            continue
        values = {part: f.data or 0 for part, f in fields.items()}
        counts[decision["id"]] = Count(present=present.data, **values, case=case)
    return counts if ok else None


def read_ballots(form, agenda: list[dict[str, Any]], numbers: list[str]) -> dict:
    """Per proposal: apartment number -> the choice posted (absent when none)."""
    return {
        decision["id"]: {
            number: form[ballot_name(decision["id"], number)].data or "absent" for number in numbers
        }
        for decision in agenda
    }


def read_ballot_cases(form, agenda: list[dict[str, Any]], ballots: dict) -> dict | None:
    """Per proposal voted on (an apartment not absent) whose majority depends on the
    threshold amount: the case chosen; None with the error next to a field left empty."""
    cases, ok = {}, True
    for decision in agenda:
        if not any(b != "absent" for b in ballots.get(decision["id"], {}).values()):
            continue  # not dealt with at this meeting
        case, given = read_case(form, decision)
        ok = ok and given
        if case is not None:
            cases[decision["id"]] = case
    return cases if ok else None


def ballot_field(form, decision_id: str, number: str, numbers: list[str]):
    """The field of one apartment's choice on one proposal (for an error of the service)."""
    name = ballot_name(decision_id, number)
    return form[name] if number in numbers and name in form else None


class CorrectionForm(CleanForm):
    meeting_date = _date_field(_l("Datum van de vergadering"))
    present = _count(PARTS[0][1])
    yes = _count(PARTS[1][1])
    no = _count(PARTS[2][1])
    blank = _count(PARTS[3][1])
    reason = StringField(
        _l("Reden van de correctie"),
        description=_l(
            "Waarom klopte de uitslag niet? Bijvoorbeeld: de volmachten waren niet meegeteld."
        ),
        validators=[
            InputRequired(_l("Schrijf op waarom u deze uitslag corrigeert.")),
            Length(max=MAX_REASON, message=_l("Gebruik hoogstens %(max)d tekens.")),
        ],
    )

    def count(self) -> Count | None:
        """The corrected count; None with errors next to the fields that miss a number
        (or the case, where the decision's majority depends on the threshold amount)."""
        for name in REQUIRED_PARTS:
            field = self[name]
            if field.data is None and not field.errors:
                field.errors = [*field.errors, FILL_IN]
        case = None
        if "case" in self and self.case is not None:
            self.case.errors = list(self.case.errors)
            if not self.case.data:
                self.case.errors.append(CHOOSE_CASE)
            case = self.case.data
        if any(
            self[name].errors for name in ("present", "yes", "no", "blank", "case") if name in self
        ):
            return None
        return Count(self.present.data, self.yes.data, self.no.data, self.blank.data or 0, case)


def correction_form(both_cases: dict[str, Any] | None, formdata=None, data=None) -> CorrectionForm:
    """The correction of a result; with the case question where the decision's majority
    depends on the threshold amount (``both_cases``: that decision)."""
    if both_cases is None:
        return CorrectionForm(formdata=formdata, data=data)

    class WithCase(CorrectionForm):
        case = case_field(both_cases)

    return WithCase(formdata=formdata, data=data)
