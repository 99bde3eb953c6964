"""Writes "Stemregels en besluitvorming" from the reglement, votes, meetings and decisions."""

from __future__ import annotations

from vve import labels
from vve.knowledge import load_knowledge
from vve.labels import lower_words
from vve.rules.parts import every_decision, parts_of

from ..builder import Builder, keep_next
from ..results import attempt_text
from ..text import date_nl, sentences
from ..wording import (
    MEMBERS_CONSENT_ROW,
    meeting_named,
    meeting_title,
    notice_line,
    quorum_in_words,
    rule_in_words,
    second_text,
    threshold_cases,
    votes_assumed,
    write_choices,
)
from . import blocking, decision_costs, financing
from .assumed import unsure
from .earlier_alv import earlier_alv_note
from .latest_source import latest_source

TITLE = "Stemregels en besluitvorming"


def write(b: Builder, plan: dict) -> None:
    b.heading(TITLE, 1)
    _introduction(b, plan)
    _rules_section(b, plan)
    blocking.write(b, plan)
    _meeting_sections(b, plan)


def _introduction(b: Builder, plan: dict) -> None:
    """Which model reglement the deed follows, the votes, and how early a meeting is called."""
    model = plan["model_reglement"]
    votes = plan["votes"]
    intro = (
        f"De splitsingsakte volgt {model['label'].lower()}."
        if model["known"]
        else "Welk modelreglement de splitsingsakte volgt, is nog niet bekend; dit plan rekent "
        "met de strengste regels tot dat is uitgezocht."
    )
    b.para(intro)
    if votes["total"]:
        assumed = votes_assumed(plan)
        b.para(
            f"De VvE heeft in totaal {votes['total']} stemmen{assumed}. Blanco stemmen en "
            "onthoudingen tellen mee voor het quorum, maar niet als uitgebrachte stem."
        )
    if model["known"]:
        b.para(
            f"Een vergadering wordt ten minste {model['notice_days']} dagen vooraf "
            "bijeengeroepen; de dag van oproeping en van de vergadering tellen niet mee."
        )
    else:
        b.para(
            f"Dit plan rekent met een oproep van ten minste {model['notice_days']} dagen "
            "vooraf, de langste termijn uit de modelreglementen, tot bekend is wat het eigen "
            "reglement zegt; de dag van oproeping en van de vergadering tellen niet mee."
        )


def _rules_section(b: Builder, plan: dict) -> None:
    b.heading("De regels in dit plan", 2)
    b.para(
        "Welke meerderheid en welk quorum een besluit vraagt, volgt uit het reglement en de "
        "wet. Dit zijn de regels die in dit plan voorkomen, met wat ze hier in stemmen "
        "betekenen; bij elk besluit hieronder staat welke geldt."
    )
    b.bullets(_rule_texts(plan))
    announced = _announced_note(plan)
    if announced:
        b.para(announced)


def _meeting_sections(b: Builder, plan: dict) -> None:
    """Per owners' meeting (plan["meetings"]): a held one with what it decided; one ahead with
    when to call it, why that date, a second meeting, and its decisions, the parts of
    decisions an earlier meeting left to it included."""
    notes = {s["id"]: s["meeting_note"] for s in plan["stages"]}
    decisions = {d["id"]: d for d in plan["decisions"]}
    told: set[str] = set()  # why a date was chosen, said at the first meeting it explains
    for meeting in plan["meetings"]:
        members = [decisions[i] for i in meeting["decisions"] if i in decisions]
        if meeting["held"]:  # with the parts it took of decisions an earlier meeting took
            _held_section(b, meeting, members + parts_of(plan, meeting))
            continue
        parts = parts_of(plan, meeting)
        b.heading(meeting_title(meeting, _meeting_name(meeting)), 2)
        earlier = earlier_alv_note(plan, meeting["stage"], "section", meeting["date"])
        if earlier and meeting["kind"] == "first":  # the day the board may choose instead
            keep_next(b.para(earlier)._p)  # with the notice line, as the heading is
        # why the plan chose a date: an annual ALV's day is the VvE's own
        note = (
            notes.get(meeting["stage"])
            if meeting["kind"] == "first" and not meeting.get("annual")
            else None
        )
        why = ""
        if note and note not in told:
            told.add(note)
            why = f" Gekozen datum: {note[:1].lower() + note[1:]}"
        b.para(notice_line(meeting, why))
        _kind_note(b, meeting, members)
        latest_source(b, plan, meeting)
        seconds = {
            d["second_meeting"]["planned"] or d["second_meeting"]["earliest"]: d["second_meeting"]
            for d in (*members, *parts)
            if d["second_meeting"]
        }
        for second in seconds.values():
            b.para(second_text(second, _second_meeting_known(plan), meeting.get("annual", False)))
        first = plan["money"].get("first_decision")
        for decision in members:
            _decision_section(b, decision, plan)
            if first and decision["id"] == first["decision"]:
                decision_costs.write(b, first, plan)
        for part in parts:
            _decision_section(b, part, plan)
        write_choices(b, plan, meeting)


def _kind_note(b: Builder, meeting: dict, members: list[dict]) -> None:
    """What a second meeting, or a meeting the proposals come back to, is."""
    if meeting["kind"] == "second_meeting":
        before = date_nl(members[0]["attempts"][-1]["meeting_date"]) if members else ""
        b.para(
            f"Dit is een tweede vergadering: de vergadering van {before} haalde voor deze "
            "voorstellen het quorum niet. Zij besluit ongeacht het aantal aanwezige "
            "stemmen, met dezelfde meerderheid; de oproep vermeldt dat het een tweede "
            "vergadering is. Zet alleen deze voorstellen op de agenda, in dezelfde "
            "bewoording: een gewijzigd voorstel kan als nieuw voorstel gelden en dan weer "
            "een quorum vragen; wat het eigen reglement daarover zegt, gaat voor."
        )
    elif meeting["kind"] == "again":
        b.para(
            "De voorstellen die de vorige vergadering niet aannam, komen hier terug, "
            "aangepast na overleg met de eigenaars."
        )


def see_first_costs(plan: dict) -> str | None:
    """Where the first decision's costs, and when the SVVE refund comes, are said in full:
    at that decision in this chapter; None without such a decision."""
    first = plan["money"].get("first_decision")
    title = next(
        (d["title"] for d in plan["decisions"] if first and d["id"] == first["decision"]), None
    )
    return f"zie '{title}' in het hoofdstuk '{TITLE}'" if title else None


def _meeting_name(meeting: dict) -> str:
    return {"second_meeting": "Tweede vergadering", "again": "ALV"}.get(meeting["kind"], "ALV")


def _held_section(b: Builder, meeting: dict, members: list[dict]) -> None:
    """What a meeting that was held decided, in numbers."""
    b.heading(f"{_meeting_name(meeting)} van {date_nl(meeting['date'])} (gehouden)", 2)
    day = meeting["date"]
    found = [
        (d, next((a for a in d["attempts"] if a["meeting_date"] == day), None)) for d in members
    ]
    b.bullets([f"{d['title']}: {attempt_text(a)}" for d, a in found if a is not None])


def _rule_texts(plan: dict) -> list[str]:
    """Every rule explanation of the plan, once: many decisions share a rule, and a variant
    (maintenance-coupled, safe route, reserve fund) repeats its rule's sentences, which are
    left out where an earlier paragraph already said them."""
    said: set[str] = set()
    out: list[str] = []
    for d in plan["decisions"]:
        for rule in (d["rule"], *d["alternatives"], *d["requirements"]):
            new = [s for s in sentences(rule["explanation"]["text"]) if s not in said]
            said.update(new)
            if new:
                out.append(" ".join(new))
    return out


def _announced_note(plan: dict) -> str | None:
    """Which decisions the announced rule would change, said once instead of in each table
    (that the board finds out whether it holds, says the rule's own explanation)."""
    concerned = [
        f"{lower_words(d['title'])} ({meeting_named(d)})"
        for d in every_decision(plan)
        if any(a["applies"] == "announced" for a in d["alternatives"])
    ]
    return (
        "Wordt de aangekondigde regel voor verduurzamingsbesluiten wet, dan geldt die mogelijk voor: "
        + "; ".join(concerned)
        + "."
        if concerned
        else None
    )


def _second_meeting_known(plan: dict) -> bool:
    """Whether the reglement's second-meeting rule is known: allowed, or the known model's."""
    voting = plan["answers"]["voting"]
    return voting["second_meeting"] == "allowed" or (
        voting["second_meeting"] == "as_model" and voting["model_reglement"] is not None
    )


def _decision_section(b: Builder, decision: dict, plan: dict) -> None:
    notice_days = plan["model_reglement"]["notice_days"]
    rule = decision["rule"]
    b.heading(decision["title"], 3)
    # the lender's conditions are said once, in the chapter on financing
    b.para(financing.without_loan_conditions(plan, decision["explanation"]["text"]))
    cases = threshold_cases(decision)
    applies = labels.ABOVE_THRESHOLD if cases else labels.APPLIES[rule["applies"]]
    rows = [
        ["Regel", f"{applies}: {rule_in_words(rule)}"],
        ["Quorum", quorum_in_words(rule)],
        *_votes_rows(rule, cases[0] if cases else None, _turnout_named(plan)),
    ]
    if decision["state"] == "second_meeting":  # no quorum: the quorum's rows do not apply
        rows = [
            rows[0],
            [
                "Quorum",
                "geen: een tweede vergadering besluit ongeacht het aantal aanwezige stemmen",
            ],
            *(r for r in rows[2:] if r[0] == "Nodig bij volledige opkomst"),
        ]
    if decision["notice_days"] > notice_days:
        rows.append(
            [
                "Oproep",
                f"ten minste {decision['notice_days']} dagen vooraf (de wet "
                f"vraagt dit voor dit besluit)",
            ]
        )
    rows.append(["Zekerheid", unsure(decision["certainty"])])
    for other in (*decision["alternatives"], *decision["requirements"]):
        if other["applies"] == "announced":  # said once, under "De regels in dit plan"
            continue
        full = other["votes"] and other["votes"]["min_yes_full_attendance"]
        numbers = f" — bij volledige opkomst {full} stemmen voor" if full else ""
        words = f"{rule_in_words(other)}; {quorum_in_words(other)}{numbers}"
        if other["applies"] == "lender":
            words = MEMBERS_CONSENT_ROW
        rows.append([labels.APPLIES[other["applies"]], words])
    b.table(
        ["", "Voor dit besluit"],
        rows,
        caption=f"Stemmen nodig: {decision['title']}",
        widths=[4.5, 11.5],
        keep_text=False,  # a long explanation would take its heading to the next page
    )


def _turnout_named(plan: dict) -> str:
    """The turnout the votes expected follow, named by its basis in the rules' own words
    (risks.toml low_turnout's named_estimate, named_recorded; vve/rules/turnout.py): a
    recorded ALV's once there is one, else the board's estimate as the board's."""
    parts = load_knowledge().risks["low_turnout"].parts
    recorded = plan["progress"].get("turnout")
    if recorded is None:
        return parts["named_estimate"]
    return parts["named_recorded"].format(date=date_nl(recorded["meeting"]))


def _votes_rows(rule: dict, below: dict | None, turnout: str) -> list[list[str]]:
    """``below``: the rule up to the threshold amount, where the plan cannot tell whether
    the decision's amount is above it; the turnout (``turnout``: which one) is then told
    under both."""
    votes = rule["votes"]
    if not votes:
        return [["Stemmen in aantallen", "onbekend: vul het aantal appartementsrechten in"]]
    rows = [
        [
            "Nodig bij volledige opkomst",
            f"{votes['min_yes_full_attendance']} stemmen voor (van {votes['total']})"
            if votes["min_yes_full_attendance"] is not None
            else "niet haalbaar",
        ]
    ]
    if votes["quorum_votes"] is not None:
        rows.append(
            [
                "Nodig bij precies het quorum",
                f"{votes['min_yes_at_quorum']} stemmen voor (bij {votes['quorum_votes']} aanwezig)",
            ]
        )
    if votes["expected_present"] is not None:
        told = _at_turnout(votes)
        if below is not None and below["votes"]:
            told = (
                f"niet boven het drempelbedrag: {_at_turnout(below['votes'], True)}; "
                f"erboven: {_at_turnout(votes, True)}"
            )
        rows.append([f"Bij {turnout} ({votes['expected_present']} stemmen)", told])
    return rows


def _at_turnout(votes: dict, in_sentence: bool = False) -> str:
    expected = votes["min_yes_expected_turnout"]
    if expected is not None:
        return f"{expected} stemmen voor"
    if in_sentence:  # after "erboven:", a second colon would not read
        return "geen geldig besluit in deze vergadering, want het quorum wordt niet gehaald"
    return "geen geldig besluit in deze vergadering: quorum niet gehaald"
