"""A draft that carries out HR++ glass or better ventilation: whether the frames with their
glass and the vents are common parts is the deed's, for the board to check before the
meeting (the decision's explanation says so). The draft tells the board, between brackets
as every part it fills in, to strike the measure from the decision and its amount where the
deed gives those parts to the apartments, one condition per part; a decision of that
measure alone opens with the condition (advisor's reviews of Assen, S14, and of this
change: a condition left in the adopted text would leave scope and amount open after the
vote)."""

import datetime as dt

from tests.example_plans import example_plan

AS_OF = dt.date(2026, 11, 28)
BOTH = (
    "[Rekent de splitsingsakte de kozijnen met het glas niet tot de gemeenschappelijke "
    "delen, schrap dan HR++-glas uit dit besluit en uit het bedrag; zo ook betere "
    "ventilatie als de ventilatievoorzieningen bij de appartementen horen.]"
)


def _decision(stem: str, decision_id: str) -> dict:
    plan = example_plan(stem, AS_OF)
    return next(d for d in plan["decisions"] if d["id"] == decision_id)


def test_assens_board_strikes_glass_or_ventilation_where_the_deed_says_so():
    draft = _decision("assen-zes-woningen", "insulate_common_parts")["draft_resolution"]
    assert BOTH in draft
    assert "voor zover de splitsingsakte" not in draft and "Het bedrag wordt dan" not in draft
    # after the resolution on the measures, before the authorisation for the subsidy,
    # which names the meeting ("Zij" would read as the deed)
    assert draft.index("splitsingsakte") < draft.index("De vergadering machtigt")
    assert "Zij machtigt" not in draft


def test_one_such_measure_among_others():
    draft = _decision("emmen-galerijflat", "insulate_common_parts")["draft_resolution"]
    assert (
        "[Rekent de splitsingsakte de ventilatievoorzieningen niet tot de gemeenschappelijke "
        "delen, schrap dan betere ventilatie uit dit besluit en uit het bedrag.]" in draft
    )


def test_a_decision_of_only_that_measure_opens_with_the_condition():
    """Emmen's roof insulation in 2029 carries no glass; the later part for the frames in
    2031 carries HR++ glass alone: the whole part rests on the deed."""
    decision = _decision("emmen-galerijflat", "insulate_with_maintenance")
    assert "splitsingsakte" not in decision["draft_resolution"]
    (part,) = decision["later"]
    assert part["draft_resolution"].startswith(
        "[Alleen als de splitsingsakte de kozijnen met het glas tot de gemeenschappelijke "
        "delen rekent:] De vergadering besluit"
    )
    assert part["draft_resolution"].count("splitsingsakte") == 1


def test_a_draft_without_such_measures_has_no_clause():
    plan = example_plan("hoogeveen-corporatie", AS_OF)
    for d in plan["decisions"]:
        carried = set(d["measures"]) & {"glazing", "ventilation"}
        # the loan lists no measures of its own: it finances the works' (tested above)
        if not carried and d["id"] != "vve_loan":
            assert "splitsingsakte de" not in d["draft_resolution"], d["id"]


def test_a_measure_the_advice_must_confirm_is_named_only_between_brackets():
    """Tynaarlo's glass and ventilation rest on unknown answers: the instruction that names
    them stands between brackets, as the measures themselves do."""
    draft = _decision("tynaarlo-weinig-bekend", "insulate_common_parts")["draft_resolution"]
    assert BOTH in draft


def test_the_loan_that_finances_them_says_the_same():
    """The loan decision financed HR++ glass and ventilation without the condition (second
    re-review): struck from the works, they are struck from the loan too."""
    assen = _decision("assen-zes-woningen", "vve_loan")["draft_resolution"]
    assert BOTH in assen
    emmen = _decision("emmen-galerijflat", "vve_loan")
    assert (
        "[Rekent de splitsingsakte de ventilatievoorzieningen niet tot de gemeenschappelijke "
        "delen, schrap dan betere ventilatie uit dit besluit en uit het bedrag.]"
        in emmen["draft_resolution"]
    )
    glass = next(p for p in emmen["later"] if "glazing" in p["measures"])
    assert glass["draft_resolution"].startswith(
        "[Alleen als de splitsingsakte de kozijnen met het glas tot de gemeenschappelijke "
        "delen rekent:] De vergadering besluit een lening"
    )
