"""The first steps read right for the VvE they are for (advisor's review of Assen's six and
Tynaarlo): the documents to gather name an MJOP as certain only where the VvE has one, and
the boiler letter goes out before the first ALV, not 'nu al' on a start months ahead."""

from tests.conftest import AS_OF
from tests.example_plans import example_plan, plan_action


def test_documents_without_an_mjop():
    plan = example_plan("assen-zes-woningen", AS_OF)
    what = plan_action(plan, "gather_documents")["what"]
    assert "reglement, MJOP," not in what and "als dat er is, het MJOP" in what
    hoogeveen = plan_action(example_plan("hoogeveen-corporatie", AS_OF), "gather_documents")
    assert "reglement, MJOP, notulen" in hoogeveen["what"]


def test_the_boiler_letter_goes_out_before_the_first_alv():
    for stem in ("assen-zes-woningen", "hoogeveen-corporatie"):
        letter = plan_action(example_plan(stem, AS_OF), "boiler_letter")
        if letter is None:
            continue
        assert "nu al" not in letter["what"]
        assert letter["what"].startswith("Eigenaars al vóór de eerste ALV per brief vragen")


def test_the_boiler_letter_names_the_isde_where_it_suggests_a_heat_pump(knowledge):
    """Advisor's review (S5): the letter suggests an owner's own (hybrid) heat pump; an
    owner-occupier can get ISDE for it (costs.toml isde.*), a VvE cannot."""
    entry = next(a for s in knowledge.stages for a in s.actions if a.id == "boiler_letter")
    for what in (entry.what, entry.what_source_open, entry.what_no_heat_pump):
        assert what is not None
        assert ("warmtepomp" in what) == ("ISDE-subsidie" in what), what
        if "ISDE" in what:
            assert "eigenaar-bewoner" in what


def test_the_advice_draft_names_the_advisor_and_the_quote():
    """The first ALV chooses an advisor from two or three quotes (advisor_quotes): its
    draft names him and the quote, not "een onder BRL 9500 gecertificeerde adviseur"
    (advisor's review of Tynaarlo and Assen, S6)."""
    for stem in ("tynaarlo-weinig-bekend", "assen-zes-woningen", "emmen-galerijflat"):
        plan = example_plan(stem, AS_OF)
        d = next(d for d in plan["decisions"] if d["id"] == "commission_advice")
        assert "door [naam adviseur]" in d["draft_resolution"], stem
        assert "volgens de offerte d.d. [datum]" in d["draft_resolution"], stem


def test_a_small_vve_is_not_told_the_dmjop_is_its_loan_condition():
    """Assen (6 dwellings): "de voorwaarde voor de VvE Energiebespaarlening bij 8 of meer
    woningen" read as if it applied to it (re-review of Assen, COULD)."""
    assen = example_plan("assen-zes-woningen", AS_OF)
    why = next(d for d in assen["decisions"] if d["id"] == "commission_advice")
    assert "voor deze VvE" in why["explanation"]["text"]
    tynaarlo = example_plan("tynaarlo-weinig-bekend", AS_OF)
    why = next(d for d in tynaarlo["decisions"] if d["id"] == "commission_advice")
    assert "bij 8 of meer woningen" in why["explanation"]["text"]
    assert "voor deze VvE" not in why["explanation"]["text"]
