"""Emmen (MR 1992, no threshold amount set): the first meeting's committee budget and
advice order need an ordinary majority up to the threshold amount the meeting sets and
two thirds above it. The plan shows both, and does not predict that the meeting fails."""

import pytest

from tests.unit.document.test_first_decision_costs import _section, _text

COMMITTEE = "Duurzaamheidscommissie instellen met een budget"
ADVICE = "Opdracht geven voor een energieadvies en een duurzaam MJOP (DMJOP)"


# the coupled resolution's part the decision meeting takes (HR++ glass comes in 2030)
ROOF = "Isolatie meenemen met het geplande onderhoud: dakisolatie bij het onderhoud van het dak in 2029"


@pytest.fixture(scope="module")
def emmen():
    return [line.replace("\N{NO-BREAK SPACE}", " ") for line in _text("emmen-galerijflat")]


def test_table_1_gives_both_numbers(emmen):
    row = next(line for line in emmen if line.startswith(f"{COMMITTEE} | "))
    assert row.endswith(" | 25 of 32 van 48 (hangt af van het drempelbedrag)")


def test_table_1_says_the_reserve_fund_decides_too(emmen):
    # MR 1992: paying from the reserve fund needs two thirds whatever the amount
    row = next(line for line in emmen if line.startswith(f"{ADVICE} | "))
    assert row.endswith(
        " | 25 of 32 van 48 (hangt af van het drempelbedrag en of het reservefonds betaalt)"
    )


def test_table_1_gives_the_safe_route_and_the_reserve_fund_briefly(emmen):
    row = next(line for line in emmen if line.startswith(f"{ROOF} | "))
    assert row.endswith(" | 25 van 48; 32 bij twijfel of uit het reservefonds")


def test_the_advice_draft_says_who_pays_and_what_the_reserve_fund_needs(emmen):
    start = emmen.index("Concept-besluiten voor de ALV", emmen.index("Bijlage D. Versies"))
    draft = emmen.index(ADVICE, start)
    resolution = emmen[draft + 1]
    # who pays, then (applied for afterwards, once all is paid) the advice subsidy
    assert resolution.endswith(
        "De kosten worden betaald uit [een eenmalige extra bijdrage van de eigenaars naar "
        "rato van hun breukdeel / het reservefonds]. De vergadering machtigt het bestuur om de "
        "SVVE-subsidie aan te vragen voor het advies en het onderzoek die de regeling "
        "vergoedt: in één keer, als alle rekeningen daarvan betaald zijn."
    )
    needed = next(line for line in emmen[draft:] if line.startswith("Vereiste meerderheid"))
    assert needed.endswith(
        " Betaalt het reservefonds, dan is altijd de gekwalificeerde meerderheid nodig, ook "
        "onder het drempelbedrag (ten minste twee derde van de uitgebrachte stemmen; twee "
        "derde van alle stemmen aanwezig of vertegenwoordigd: ten minste 32 van de 48 "
        "stemmen; bij volledige opkomst 32 van de 48 stemmen voor)."
    )


def test_table_1_keeps_one_number_for_later_outlays(emmen):
    row = next(
        line
        for line in emmen
        if line.startswith("Isolatie en ventilatie van gemeenschappelijke delen uitvoeren | ")
    )
    assert row.endswith(" | 32 van 48")


@pytest.mark.parametrize(
    "title, words", [(COMMITTEE, "het budget"), (ADVICE, "het totaal van deze opdrachten")]
)
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
    turnout = next(
        line for line in section if line.startswith("Bij de opkomst die het bestuur schat")
    )
    assert turnout == (
        "Bij de opkomst die het bestuur schat (28 stemmen) | niet boven het drempelbedrag: 15 stemmen "
        "voor; erboven: geen geldig besluit in deze vergadering, want het quorum wordt niet "
        "gehaald"
    )


@pytest.fixture(scope="module")
def pack_texts():
    import io

    from docx import Document

    from tests.conftest import AS_OF
    from tests.example_plans import example_plan
    from vve.document.meeting import write_meeting_pack

    plan = example_plan("emmen-galerijflat", AS_OF)
    out = {}
    for name, data in write_meeting_pack(plan, 1):
        doc = Document(io.BytesIO(data))
        parts = [p.text for p in doc.paragraphs]
        for table in doc.tables:
            for row in table.rows:
                parts += [cell.text for cell in row.cells]
        out[name] = " ".join(" ".join(parts).replace("\N{NO-BREAK SPACE}", " ").split())
    return out


@pytest.mark.parametrize("part", ["agenda", "notulen"])
def test_the_meeting_pack_gives_both_cases(pack_texts, part):
    text = pack_texts[f"vergadering-1-{part}.docx"]
    assert (
        "Quorum en meerderheid: Ligt het budget niet boven het drempelbedrag dat de "
        "vergadering heeft vastgesteld: quorum ten minste 24 van de 48 stemmen aanwezig of "
        "vertegenwoordigd (de helft van alle stemmen), meerderheid meer dan de helft van de "
        "uitgebrachte stemmen; bij volledige opkomst 25 stemmen voor"
    ) in text
    assert (
        "Ligt het erboven: quorum ten minste 32 van de 48 stemmen aanwezig of "
        "vertegenwoordigd (twee derde van alle stemmen), meerderheid ten minste twee derde"
    ) in text


def test_the_attendance_list_gives_both_quorums(pack_texts):
    text = pack_texts["vergadering-1-presentielijst.docx"]
    assert "quorum 24 of 32 van 48 (hangt af van het drempelbedrag)" in text


def test_the_meeting_pack_names_the_reserve_fund_beside_both_cases():
    """The agenda's quorum-and-majority line: paying from the reserve fund needs two thirds
    whatever the amount (MR 1992), at a first and at a second meeting."""
    import json

    from tests.conftest import ROOT
    from vve.document.meeting.words import threshold_text

    plan = json.loads((ROOT / "tests" / "golden" / "emmen-galerijflat.plan.json").read_text())
    advice = next(d for d in plan["decisions"] if d["id"] == "commission_advice")
    committee = next(d for d in plan["decisions"] if d["id"] == "committee")
    first = threshold_text(advice, second=False).replace("\N{NO-BREAK SPACE}", " ")
    assert (
        " Ligt het erboven, of betaalt het reservefonds (dan ook onder het drempelbedrag): "
        "quorum ten minste 32 van de 48 stemmen" in first
    )
    assert "of betaalt het reservefonds" in threshold_text(advice, second=True)
    assert "reservefonds" not in threshold_text(committee, second=False)


def test_the_maintenance_draft_gives_the_reserve_fund_and_doubt_rule(emmen):
    # the draft offers "[reservefonds / lening / subsidie]": it gives the two-thirds rule
    # for the reserve fund and for doubt, as Tabel 1 does, with the rule's own numbers
    start = emmen.index("Concept-besluiten voor de ALV", emmen.index("Bijlage D. Versies"))
    draft = emmen.index(ROOF, start)
    needed = next(line for line in emmen[draft:] if line.startswith("Vereiste meerderheid"))
    assert needed.endswith(
        "Bij volledige opkomst: 25 van de 48 stemmen voor. Betaalt het reservefonds (een "
        "deel), of is er twijfel of het om noodzakelijk onderhoud gaat, dan is de "
        "gekwalificeerde meerderheid nodig: 32 van de 48 stemmen aanwezig of "
        "vertegenwoordigd, en ten minste twee derde van de uitgebrachte stemmen voor."
    )


def test_the_loan_draft_says_when_it_is_needed(emmen):
    start = emmen.index("Concept-besluiten voor de ALV", emmen.index("Bijlage D. Versies"))
    draft = emmen.index("Een VvE-lening aangaan (VvE Energiebespaarlening)", start)
    needed = next(line for line in emmen[draft:] if line.startswith("Vereiste meerderheid"))
    assert needed.endswith(
        "Alleen nodig als de VvE (een deel van) de maatregelen met een lening betaalt."
    )
    assert not any("deze kant op" in line for line in emmen)


def test_the_costs_per_year_do_not_call_a_gross_outlay_net(emmen):
    # the first meeting's year starts with what the VvE pays before the refund
    assert any(line.startswith("Jaar | Wat | Voor de VvE | ") for line in emmen)
    assert not any("Netto voor de VvE" in line for line in emmen)
