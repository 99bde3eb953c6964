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
