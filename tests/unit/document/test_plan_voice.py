"""The Word plan is read by the owners at the meeting: it never speaks to the app's user
("vul in", "niet ingevuld"), says a thing once where it holds for a whole list, and lists
only the sources and assumptions its figures use."""

import io
import re

import pytest
from docx import Document

from tests.conftest import AS_OF
from tests.example_plans import example_plan
from vve.document import write_plan_docx

APP_WORDS = re.compile(r"\bvul\b|ingevuld|dit plan weet", re.IGNORECASE)


def _plan(name: str) -> dict:
    return example_plan(name, AS_OF)


def _lines(plan: dict) -> list[str]:
    doc = Document(io.BytesIO(write_plan_docx(plan)))
    out = []
    for el in doc.element.body.iter():
        if el.tag.endswith("}p"):
            text = "".join(t.text or "" for t in el.iter() if t.tag.endswith("}t"))
            out.append(text.replace("\N{NO-BREAK SPACE}", " "))
    return out


@pytest.fixture(scope="module")
def emmen() -> tuple[dict, list[str]]:
    plan = _plan("emmen-galerijflat")
    return plan, _lines(plan)


@pytest.fixture(scope="module")
def tynaarlo() -> tuple[dict, list[str]]:
    plan = _plan("tynaarlo-weinig-bekend")
    return plan, _lines(plan)


def _body(lines: list[str]) -> list[str]:
    """The plan itself: the agenda texts for the board ("Vul in wat tussen [haken]
    staat") are instructions to the board that prepares the meeting, and stay."""
    return [line for line in lines if "tussen [haken]" not in line]


@pytest.mark.parametrize("name", ["emmen", "tynaarlo"])
def test_the_plan_does_not_address_the_apps_user(name, request):
    _, lines = request.getfixturevalue(name)
    found = [line for line in _body(lines) if APP_WORDS.search(line)]
    assert found == []


def test_what_is_missing_says_what_the_board_does(tynaarlo):
    _, lines = tynaarlo
    text = " ".join(lines)
    assert "in de volgende versie van dit plan" in text
    assert "onbekend" in text


def test_the_separate_maintenance_decision_is_named_only_where_it_is_in_the_plan(emmen, tynaarlo):
    for plan, lines in (emmen, tynaarlo):
        ids = {d["id"] for d in plan["decisions"]}
        said = any("apart besluit" in line for line in lines)
        assert said == ("insulate_with_maintenance" in ids and "insulate_common_parts" in ids)


def test_unconfirmed_measures_say_so_once_above_the_list(tynaarlo):
    plan, lines = tynaarlo
    assert all(m["unconfirmed"] for m in plan["measures"])
    assert sum("Dit hangt af van wat nog niet bekend is" in line for line in lines) == 0
    assert (
        sum(
            line == "Elke maatregel hieronder is alleen nodig als de opname van de adviseur "
            "dat bevestigt."
            for line in lines
        )
        == 1
    )


def _appendix(lines: list[str], title: str) -> str:
    start = max(i for i, line in enumerate(lines) if line == title)  # past the contents
    end = next(
        (i for i in range(start + 1, len(lines)) if lines[i].startswith("Bijlage ")), len(lines)
    )
    return " ".join(lines[start:end])


def test_appendices_list_only_what_the_figures_use(tynaarlo):
    plan, lines = tynaarlo
    assert plan["money"]["vve"]["investment"]["high_cents"] == 0  # no amount for a measure
    sources = _appendix(lines, "Bijlage B. Bronnen")
    assumptions = _appendix(lines, "Bijlage C. Aannames")
    versions = _appendix(lines, "Bijlage D. Versies")
    assert "referentiewoning" not in sources + assumptions
    assert "landelijk gemiddelde" not in assumptions
    assert "3,69%" not in assumptions
    assert "april 2020" not in versions


def test_emmens_appendices_keep_what_its_amounts_use(emmen):
    _, lines = emmen
    sources = _appendix(lines, "Bijlage B. Bronnen")
    assumptions = _appendix(lines, "Bijlage C. Aannames")
    assert "referentiewoning" in sources.lower() or "referentiewoning" in assumptions
    assert "Energiebespaarlening" in sources


def test_the_summary_route_has_one_colon(emmen, tynaarlo):
    for _, lines in (emmen, tynaarlo):
        route = [line for line in lines if line.startswith("Route: ")]
        assert route
        assert all(line.count(":") == 1 or ". " in line.split(":", 2)[1] for line in route)
        assert not any(re.match(r"Route: [^:.]*: ", line) for line in route)


def test_a_second_meeting_is_worded_plainly(tynaarlo):
    _, lines = tynaarlo
    text = " ".join(lines)
    assert "dan besluit als uw reglement" not in text
    assert "als het reglement daarin voorziet, een tweede vergadering" in text


def test_a_flat_roof_is_not_told_about_pitched_roof_prices(emmen):
    plan, lines = emmen
    assert plan["answers"]["building"]["roof_type"] == "flat"
    assert not any("hellend dak" in line for line in lines)


def test_zero_euros_has_a_space(emmen):
    _, lines = emmen
    assert not any(re.search(r"€\d", line) for line in lines)
