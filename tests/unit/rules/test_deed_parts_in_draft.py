"""A draft that carries out HR++ glass or better ventilation holds them only as far as the
deed of division counts the frames with their glass and the ventilation among the common
parts: whether they are is for the board to check before the meeting (the decision's
explanation says so), and a resolution the ALV adopts unchanged must not decide on what
belongs to the apartments (advisor's review of Assen, S14)."""

import datetime as dt

from tests.example_plans import example_plan

AS_OF = dt.date(2026, 11, 28)


def _decision(stem: str, decision_id: str) -> dict:
    plan = example_plan(stem, AS_OF)
    return next(d for d in plan["decisions"] if d["id"] == decision_id)


def test_assens_insulation_holds_glass_and_ventilation_as_far_as_the_deed_says():
    draft = _decision("assen-zes-woningen", "insulate_common_parts")["draft_resolution"]
    # one condition per part: a deed may make the frames common and the vents private
    # (re-review: "als" for both together dropped the glass with the vents)
    assert (
        "HR++-glas valt alleen onder dit besluit voor zover de splitsingsakte de kozijnen "
        "met het glas tot de gemeenschappelijke delen rekent; betere ventilatie alleen voor "
        "zover zij de ventilatievoorzieningen daartoe rekent. Het bedrag wordt dan "
        "verminderd met het deel van de offerte voor wat buiten dit besluit valt." in draft
    )
    # after the resolution on the measures, before the authorisation for the subsidy,
    # which names the meeting ("Zij" would read as the deed)
    assert draft.index("splitsingsakte") < draft.index("De vergadering machtigt")
    assert "Zij machtigt" not in draft


def test_one_such_measure_reads_in_the_singular_and_opens_with_a_capital():
    draft = _decision("emmen-galerijflat", "insulate_common_parts")["draft_resolution"]
    assert (
        "Betere ventilatie valt alleen onder dit besluit voor zover de splitsingsakte de "
        "ventilatievoorzieningen tot de gemeenschappelijke delen rekent. Het bedrag" in draft
    )


def test_the_clause_goes_with_the_part_that_carries_the_glass():
    """Emmen's roof insulation in 2029 carries no glass; the later part for the frames in
    2031 does."""
    decision = _decision("emmen-galerijflat", "insulate_with_maintenance")
    assert "splitsingsakte" not in decision["draft_resolution"]
    (part,) = decision["later"]
    assert "voor zover de splitsingsakte de kozijnen met het glas" in part["draft_resolution"]


def test_a_draft_without_such_measures_has_no_clause():
    plan = example_plan("hoogeveen-corporatie", AS_OF)
    for d in plan["decisions"]:
        carried = set(d["measures"]) & {"glazing", "ventilation"}
        if not carried:
            assert "splitsingsakte de kozijnen" not in d["draft_resolution"], d["id"]


def test_a_measure_the_advice_must_confirm_is_named_only_between_brackets():
    """Tynaarlo's glass and ventilation rest on unknown answers: the clause that names them
    stands between brackets, as the measures themselves do."""
    draft = _decision("tynaarlo-weinig-bekend", "insulate_common_parts")["draft_resolution"]
    assert (
        "[Na het energieadvies, voor wat in de lijst blijft: HR++-glas valt alleen onder "
        "dit besluit voor zover de splitsingsakte de kozijnen met het glas tot de "
        "gemeenschappelijke delen rekent; betere ventilatie alleen voor zover zij de "
        "ventilatievoorzieningen daartoe rekent.] Het bedrag wordt dan verminderd" in draft
    )


def test_a_decision_of_only_that_measure_holds_as_far_as_the_deed_says():
    """Emmen's frames in 2031 carry HR++ glass alone: the whole decision holds only as far
    as the deed makes the glass common; no amount to reduce (advisor's re-review)."""
    (part,) = _decision("emmen-galerijflat", "insulate_with_maintenance")["later"]
    draft = part["draft_resolution"]
    assert draft.endswith(
        "Dit besluit geldt alleen voor zover de splitsingsakte de kozijnen met het glas tot "
        "de gemeenschappelijke delen rekent."
    )
    assert "HR++-glas valt" not in draft and "Het bedrag wordt dan verminderd" not in draft
