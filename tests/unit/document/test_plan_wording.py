"""The Word plan speaks to the owners, not about the tool: no "standaardwaarde van VvE
Warmteplan", no open question that only the app's postcode lookup needs, and the
version rows of Bijlage D named for people."""

import pytest

from tests.conftest import AS_OF
from tests.example_plans import written_example


def _text(name: str) -> str:
    doc = written_example(name, AS_OF)
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts).replace("\N{NO-BREAK SPACE}", " ")


@pytest.fixture(scope="module", params=["emmen-galerijflat", "tynaarlo-weinig-bekend"])
def text(request) -> str:
    return _text(request.param)


def test_the_phase_durations_are_a_common_estimate_not_the_tools(text):
    assert "standaardwaarde van vve warmteplan" not in text.lower()
    assert (
        "Gerekend met een gangbare duur van de fasen; het bestuur past de planning aan de "
        "eigen VvE aan."
    ) in text
    assert "Gangbare schatting (geen externe bron)" in text


def test_the_version_rows_are_named_for_people(text):
    assert "Versie van de rekenregels" in text and "Versie van het planformaat" in text
    assert "\nRekenregels\n" not in text and "\nPlanformaat\n" not in text


def test_no_open_question_asks_for_the_postcode_only_the_app_uses():
    text = _text("tynaarlo-weinig-bekend")
    assert "Noteer de postcode" not in text


def test_a_missing_area_says_the_amounts_follow_from_it():
    text = _text("tynaarlo-weinig-bekend")
    assert "geeft het plan voor de maatregelen geen bedragen" not in text
    assert "daarmee volgen de eerste bedragen." in text


def test_the_narrow_question_column_names_the_mjop_short():
    doc = written_example("tynaarlo-weinig-bekend", AS_OF)
    questions = next(
        t
        for t in doc.tables
        if [c.text for c in t.rows[0].cells][:2] == ["Vraag", "Hoe uit te zoeken"]
    )
    asked = [row.cells[0].text for row in questions.rows[1:]]
    assert "MJOP" in asked and "Meerjarenonderhoudsplan" not in asked
