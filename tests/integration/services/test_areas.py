"""The municipality a postcode lies in, from the advisors' postcode table: offered to the
board, never written over its own answer."""

from __future__ import annotations

import pytest

from vve.extensions import db
from vve.models import PostcodeArea
from vve.services import areas


@pytest.fixture
def table(app):
    with app.app_context():
        db.session.add_all(
            [
                PostcodeArea(postcode="7811 AB", municipality="Emmen", neighbourhood="Centrum"),
                PostcodeArea(postcode="9401", municipality="Assen", neighbourhood=""),
            ]
        )
        db.session.commit()
        yield


def test_a_known_postcode_offers_its_municipality_when_the_board_gave_none(table):
    offer = areas.municipality_offer("7811ab", "")
    assert offer == areas.MunicipalityOffer("7811 AB", "Emmen", "")
    assert not offer.differs


def test_a_four_digit_area_answers_for_its_full_postcodes(table):
    offer = areas.municipality_offer("9401 ZZ", None)
    assert offer is not None and offer.municipality == "Assen" and offer.postcode == "9401 ZZ"


def test_the_board_agreeing_with_the_table_needs_no_offer(table):
    assert areas.municipality_offer("7811 AB", " emmen ") is None


def test_a_different_answer_is_offered_as_a_question_not_replaced(table):
    offer = areas.municipality_offer("7811 AB", "Coevorden")
    assert offer is not None and offer.differs and offer.typed == "Coevorden"


def test_an_unknown_or_missing_postcode_offers_nothing(table):
    assert areas.municipality_offer("1234 AB", "") is None
    assert areas.municipality_offer(None, "") is None
    assert areas.municipality_offer("", "Emmen") is None


def test_the_suggestions_are_the_known_municipalities_and_the_tables(table):
    names = areas.known_municipalities()
    assert "Emmen" in names and "Westerveld" in names  # Drenthe's twelve from the knowledge
    assert names == sorted(set(names), key=str.lower)


@pytest.mark.parametrize("typed", ["\x00", "7811\x00AB", "x" * 500, "1234 AB 5"])
def test_what_is_not_a_postcode_is_not_looked_up(table, typed):
    """Whatever was typed in the postcode field (an error is shown beside it) asks the
    database nothing: PostgreSQL refuses a NUL byte, and a long text is no key."""
    assert areas.area_for(typed) is None
    assert areas.municipality_offer(typed, "") is None


@pytest.fixture
def plans_table(app):
    from vve.models import MunicipalPlan

    with app.app_context():
        db.session.add_all(
            [
                PostcodeArea(postcode="7999 AB", municipality="Zandveen", neighbourhood="Centrum"),
                MunicipalPlan(municipality="Zandveen", neighbourhood="Centrum", status="none"),
                MunicipalPlan(
                    municipality="Zandveen",
                    neighbourhood="",
                    status="adopted",
                    preferred_route="all_electric",
                ),
                MunicipalPlan(
                    municipality="heidebos",
                    neighbourhood="Noord",
                    status="draft",
                    preferred_route="heat_network",
                ),
            ]
        )
        db.session.commit()
        yield


def _statements(run):
    from sqlalchemy import event

    seen: list[str] = []

    def count(*args):
        seen.append(args[2])

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        return run(), seen
    finally:
        event.remove(db.engine, "before_cursor_execute", count)


@pytest.mark.parametrize(
    ("postcode", "municipality", "neighbourhood", "route"),
    [
        (
            "7999 AB",
            "",
            None,
            "all_electric",
        ),  # the area's plan decided nothing: the municipality's
        ("7999 AB", "Heidebos", "noord", "all_electric"),  # the table's area comes first
        ("1234 AB", "HEIDEBOS", "NOORD", "heat_network"),  # the board's own answers, any case
        ("1234 AB", "Heidebos", "", None),  # no plan for Heidebos as a whole
        (None, None, None, None),
    ],
)
def test_the_municipal_plan_is_the_first_that_decided_in_one_statement(
    plans_table, postcode, municipality, neighbourhood, route
):
    found, statements = _statements(
        lambda: areas.municipal_plan_for(postcode, municipality, neighbourhood)
    )
    assert (found.preferred_route if found else None) == route
    plan_queries = [s for s in statements if "municipal_plan" in s]
    assert len(plan_queries) <= 1, plan_queries
    assert len([s for s in statements if "postcode_area" in s]) <= 1, statements
