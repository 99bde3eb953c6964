"""Every subsidy with an end date says it where the plan explains the subsidy: the date
to apply by, and, when this planning applies too late, that the VvE cannot count on it."""

import io

from docx import Document

from tests.unit.rules.test_progress import START, _raw, plan_of
from vve.document import DocumentMeta, write_plan_docx
from vve.document.text import date_nl


def _text(plan: dict) -> str:
    doc = Document(io.BytesIO(write_plan_docx(plan, DocumentMeta())))
    return "\n".join(p.text for p in doc.paragraphs)


def test_the_advice_subsidy_says_its_end_date():
    plan = plan_of(_raw("tynaarlo-weinig-bekend"), START)
    advice = next(i for i in plan["financing"] if i["id"] == "svve_advice")
    assert not advice["facts"].get("after_end_date")
    text = _text(plan)
    until = date_nl(advice["facts"]["open_until"])
    assert f"Einddatum: aanvragen kan tot uiterlijk {until}" in text


def test_a_subsidy_this_planning_applies_for_too_late_is_not_counted_on():
    plan = plan_of(_raw("tynaarlo-weinig-bekend"), START)
    late = next(i for i in plan["financing"] if i["facts"].get("after_end_date"))
    text = _text(plan)
    assert "reken niet op deze subsidie, tenzij de regeling wordt verlengd" in text
    assert "na de einddatum (uiterlijk" in text and "; vervroeg de aanvraag." not in text
    assert date_nl(late["facts"]["open_until"]) in text


def test_a_second_meeting_is_stated_as_fact_only_when_the_reglement_is_known():
    """With the reglement and its second-meeting rule unknown, the plan says the second
    meeting can decide 'if the reglement provides for it', not as a fact."""
    unknown = _text(plan_of(_raw("tynaarlo-weinig-bekend"), START))
    assert "als het reglement daarin voorziet, een tweede vergadering" in unknown
    known = _text(plan_of(_raw("emmen-galerijflat"), START))
    assert "als het reglement daarin voorziet" not in known
    assert "dan besluit een tweede vergadering" in known


def test_the_measures_subsidy_choice_has_its_own_place_in_the_summary():
    """Not one bullet among the risks: a heading of its own, said once in the summary."""
    plan = plan_of(_raw("emmen-galerijflat"), START)
    (choice,) = [r for r in plan["risks"] if r["id"] == "svve_measures_not_reached"]
    doc = Document(io.BytesIO(write_plan_docx(plan, DocumentMeta())))
    paras = doc.paragraphs  # the table of contents repeats the headings: take the real ones
    texts = [p.text for p in paras]

    def heading(text: str) -> int:
        return next(
            i for i, p in enumerate(paras) if p.text == text and p.style.name == "Heading 2"
        )

    choice_at, risks_at = (
        heading("De SVVE-subsidie voor de maatregelen: een keuze"),
        heading("Belangrijkste risico's"),
    )
    assert choice_at < risks_at
    # the text in its blocks: a paragraph, the points that make the route tight as
    # bullets, and the rest
    written = [(texts[i], paras[i].style.name) for i in range(choice_at + 1, risks_at)]
    wanted = []
    for block in choice["blocks"]:
        wanted.append((block["text"], "Normal"))
        wanted += [(point, "List Bullet") for point in block["points"]]
    # then the meeting that makes the choice (test_meeting_svve_choice.py)
    (first,) = [m["date"] for m in plan["meetings"] if choice["id"] in m["choices"]]
    assert written[:-1] == wanted
    assert written[-1][0].startswith(
        f"Deze keuze staat op de agenda van de ALV van {date_nl(first)}"
    )
    end = next(
        i for i in range(risks_at + 1, len(paras)) if paras[i].style.name.startswith("Heading")
    )
    assert choice["blocks"][0]["text"] not in texts[risks_at:end]
    assert texts.count(choice["blocks"][0]["text"]) == 1  # the risks chapter has a table


def test_what_makes_the_route_tight_is_a_list_of_short_points():
    """Emmen's route to the end date is tight for four reasons: the summary lists them,
    each short, instead of one long sentence with semicolons."""
    plan = plan_of(_raw("emmen-galerijflat"), START)
    (choice,) = [r for r in plan["risks"] if r["id"] == "svve_measures_not_reached"]
    first, rest = choice["blocks"]
    assert first["text"].endswith("Dat is krap:") and not rest["points"]
    points = first["points"]
    assert len(points) == 4
    for word, point in zip(("offertes", "leningaanvraag", "ecologisch", "quorum"), points):
        assert word in point and ";" not in point and len(point.split()) <= 25
    # the prose in the plan says the same
    assert "Dat is krap:" in choice["text"] and rest["text"] in choice["text"]


CHOICE_TITLE = "De SVVE-subsidie voor de maatregelen: een keuze"
SEE = f"Zie '{CHOICE_TITLE}' in de samenvatting."


def _all_text(plan: dict) -> str:
    """Paragraphs and table cells: the risks chapter is a table."""
    doc = Document(io.BytesIO(write_plan_docx(plan, DocumentMeta())))
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


def test_the_choice_is_said_in_full_once_and_referred_to_elsewhere():
    """The risks table, the money chapter and the subsidy chapter point to the summary
    instead of repeating the route and the amount an apartment misses."""
    plan = plan_of(_raw("emmen-galerijflat"), START)
    (choice,) = [r for r in plan["risks"] if r["id"] == "svve_measures_not_reached"]
    text = _all_text(plan)
    assert text.count(choice["blocks"][0]["text"]) == 1
    assert text.count("Wie de subsidie wil halen") == 1
    assert text.count(SEE) >= 3  # risks table, money chapter, subsidy chapter
    assert "Lukt de aanvraag eerder, dan scheelt dat" not in text


def test_the_measures_application_is_dated_by_the_decision_meeting_and_the_schedule():
    """The application follows the decision meeting, in the months the schedule gives it;
    the meeting's date is not called the application date."""
    plan = plan_of(_raw("emmen-galerijflat"), START)
    decide = next(s for s in plan["stages"] if s["id"] == "decide")
    apply = next(
        a for s in plan["stages"] for a in s["actions"] if a["id"] == "apply_svve_measures"
    )
    text = _text(plan)
    assert f"valt de aanvraag op {date_nl(decide['meeting_date'])}" not in text
    from vve.document.text import month_nl

    assert (
        f"na de ALV van {date_nl(decide['meeting_date'])} die over de maatregelen besluit, in "
        f"{month_nl(apply['start'])} – {month_nl(apply['end'])}" in text
    )


def test_the_end_date_is_the_last_day_to_apply_everywhere():
    """RVO's end date is the last day applications are accepted: 'uiterlijk' or 'tot en
    met', never 'vóór' that date."""
    for name in ("emmen-galerijflat", "tynaarlo-weinig-bekend"):
        plan = plan_of(_raw(name), START)
        until = date_nl(
            next(i for i in plan["financing"] if i["id"] == "svve_measures")["facts"]["open_until"]
        )
        text = _all_text(plan)
        assert f"vóór {until}" not in text and f"uiterlijk {until}" in text


def test_the_advice_subsidy_says_what_its_single_application_leaves_out_and_the_fallback():
    """One application, after the DMJOP meeting: the process advisor the committee's budget
    pays is not covered after it, and if that meeting fails the board applies after the
    second meeting, still by the end date."""
    plan = plan_of(_raw("emmen-galerijflat"), START)
    first = plan["money"]["first_decision"]
    assert first["refund_reason"] == "counted"
    applied, until = date_nl(first["application_date"]), date_nl(first["open_until"])
    dmjop = next(d for d in plan["decisions"] if d["id"] == "adopt_dmjop")
    second = date_nl(dmjop["second_meeting"]["planned"])
    text = _text(plan)
    assert f"Facturen van de procesbegeleider na {applied} krijgen geen subsidie." in text
    assert (
        f"Lukt de ALV van {date_nl(dmjop['meeting_date'])} niet, vraag dan aan na de tweede "
        f"vergadering ({second}), uiterlijk {until}." in text
    )
