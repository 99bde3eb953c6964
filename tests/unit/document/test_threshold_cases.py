"""Emmen (MR 1992, no threshold amount set): the first meeting's committee budget and
advice order need an ordinary majority up to the threshold amount the meeting sets and
two thirds above it. The plan shows both, and does not predict that the meeting fails."""

import pytest

from tests.unit.document.test_first_decision_costs import _section, _text

COMMITTEE = "Duurzaamheidscommissie instellen met een budget"
ADVICE = "Opdracht geven voor een energieadvies en een duurzaam MJOP (DMJOP)"


@pytest.fixture(scope="module")
def emmen():
    return [line.replace("\N{NO-BREAK SPACE}", " ") for line in _text("emmen-galerijflat")]


@pytest.mark.parametrize("title", [COMMITTEE, ADVICE])
def test_table_1_gives_both_numbers(emmen, title):
    row = next(line for line in emmen if line.startswith(f"{title} | "))
    assert row.endswith(" | 25 of 32 van 48 (hangt af van het drempelbedrag)")


def test_table_1_keeps_one_number_for_later_outlays(emmen):
    row = next(
        line
        for line in emmen
        if line.startswith("Isolatie en ventilatie van gemeenschappelijke delen uitvoeren | ")
    )
    assert row.endswith(" | 32 van 48")


@pytest.mark.parametrize("title, words", [(COMMITTEE, "het budget"), (ADVICE, "het bedrag")])
def test_the_draft_states_both_cases(emmen, title, words):
    start = emmen.index("Concept-besluiten voor de ALV", emmen.index("Bijlage D. Versies"))
    draft = emmen.index(title, start)
    needed = next(line for line in emmen[draft:] if line.startswith("Vereiste meerderheid"))
    assert needed.startswith(
        f"Vereiste meerderheid: Ligt {words} niet boven het drempelbedrag dat de vergadering "
        "heeft vastgesteld, dan besluit de vergadering met gewone meerderheid (meer dan de "
        "helft van de uitgebrachte stemmen; de helft van alle stemmen aanwezig of "
        "vertegenwoordigd: ten minste 24 van de 48 stemmen; bij volledige opkomst 25 van de 48 "
        "stemmen voor); ligt het erboven, dan is de gekwalificeerde meerderheid nodig (ten "
        "minste twee derde van de uitgebrachte stemmen; twee derde van alle stemmen aanwezig "
        "of vertegenwoordigd: ten minste 32 van de 48 stemmen; bij volledige opkomst 32 van de "
        "48 stemmen voor)."
    )


@pytest.mark.parametrize("title", [COMMITTEE, ADVICE])
def test_the_votes_table_does_not_predict_the_meeting_fails(emmen, title):
    section = _section(emmen, title, "Stemregels en besluitvorming")
    assert "Regel | Boven het drempelbedrag: ten minste twee derde van de uitgebrachte stemmen" in (
        "\n".join(section)
    )
    turnout = next(line for line in section if line.startswith("Bij de gebruikelijke opkomst"))
    assert turnout == (
        "Bij de gebruikelijke opkomst (29 stemmen) | niet boven het drempelbedrag: 15 stemmen "
        "voor; erboven: geen geldig besluit in deze vergadering, want het quorum wordt niet "
        "gehaald"
    )
