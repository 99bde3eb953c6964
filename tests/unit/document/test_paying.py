"""What owners pay themselves: the asterisk's note explains what it marks."""

from docx import Document
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import AS_OF, EXAMPLES
from tests.example_plans import example_plan
from vve.document.builder import Builder
from vve.document.chapters.money import paying
from vve.document.styles import ensure_styles


def _note(name: str) -> str:
    plan = _plan(name)
    doc = Document()
    ensure_styles(doc)
    paying.private(Builder(doc), plan["money"], {})
    return doc.paragraphs[-1].text


def test_a_weak_cost_is_not_explained_as_an_isde_amount():
    note = _note("emmen")  # induction cooking from an old newspaper article, no ISDE
    assert "komt uit een zwakke of oude bron" in note and "ISDE" not in note


def test_isde_amounts_keep_their_own_explanation():
    note = _note("hoogeveen")  # an own heat pump: ISDE for owner-occupiers
    assert "De ISDE-bedragen voor 2026 zijn niet gevonden" in note


def _plan(name: str) -> dict:
    """The example whose file name holds ``name``, a copy of its own."""
    return example_plan(next(e.stem for e in EXAMPLES if name in e.name), AS_OF)


def test_the_financing_is_the_measures_and_says_the_first_meetings_costs_are_paid_before():
    """Emmen: the advice and the survey (2027) are paid then, not with the loan; the
    financing table starts from the measures' net, which is what the loan is."""
    from vve.document.text import euro_range

    plan = _plan("emmen")
    money = plan["money"]
    doc = Document()
    ensure_styles(doc)
    paying.financing(Builder(doc), plan, money)
    text = " ".join(p.text for p in doc.paragraphs)
    assert "eerste ALV in 2027" in text and "Ze zitten niet in de lening" in text
    rows = [[c.text for c in row.cells] for row in doc.tables[0].rows]
    # the 2031 glass is decided and financed by the ALV of 2030: shown apart, not in the loan
    assert rows[1] == [
        "Netto kosten van de eerste ronde maatregelen, zonder betere "
        "ventilatie en zonnepanelen (nog geen bedrag; komt er nog bij)",
        euro_range(money["now"]["net"]),
    ]
    assert money["loan"]["principal"] == money["now"]["net"]
    assert rows[-1][0].endswith("(ALV van 2030): HR++-glas")
    assert rows[-1][1] == "nog geen bedrag"


# --- the saving of a plan that connects to a heat network (advisor review, COULD 3) -------
# Table "Per appartement" values the saving at gas prices; once the building is on the
# heat network, the saving is in GJ at its tariff, which the plan has no figures for.
AFTER = "daarna rekent het energieadvies de besparing"


def _apartment_notes(plan: dict) -> str:
    return " ".join(paying._apartments_notes(plan, plan["money"]["apartments"], [10, 15, 20]))


def test_a_heat_network_plan_says_the_saving_is_at_gas_prices_until_the_connection():
    notes = _apartment_notes(_plan("warmtenet"))
    assert notes.count(AFTER) == 1
    assert "tot de aansluiting op het warmtenet (2031); " + AFTER in notes


@settings(max_examples=20, deadline=None)
@given(st.integers(2027, 2050))
def test_the_year_is_the_plans_connection_year(year):
    plan = _plan("warmtenet")
    for line in plan["money"]["measures"]:
        if line["id"] == "heat_network_connection":
            line["year"] = year
    assert f"tot de aansluiting op het warmtenet ({year}); " in _apartment_notes(plan)


def test_a_plan_without_a_heat_network_says_nothing_of_it():
    for name in ("emmen", "hoogeveen", "zes-woningen", "meppel", "tynaarlo"):
        plan = _plan(name)
        if any(line["id"] == "heat_network_connection" for line in plan["money"]["measures"]):
            continue
        assert AFTER not in _apartment_notes(plan), name
