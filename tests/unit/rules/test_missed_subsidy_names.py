"""What an apartment misses without the SVVE measures subsidy is counted for the work an
application before the end date could hold; the plan now names that work, so an owner
does not read it as the subsidy for every measure (advisor's review: Hoogeveen's € 458 to
€ 916 is the HR++ glass alone, the roof of 2030 is lost either way)."""

import datetime as dt

from tests.example_plans import example_plan

AS_OF = dt.date(2026, 11, 27)


def test_the_missed_amount_names_its_measures():
    plan = example_plan("hoogeveen-corporatie", AS_OF)
    choice = next(r for r in plan["risks"] if r["id"] == "svve_measures_not_reached")
    assert "naar schatting € 458 tot € 916 meer voor HR++-glas" in choice["text"].replace(
        "\u00a0", " "
    )


def test_work_no_application_can_hold_is_named_apart():
    """The roof insulation of 2030 is left out of the amount; the plan says why (advisor's
    re-review, S7)."""
    plan = example_plan("hoogeveen-corporatie", AS_OF)
    choice = next(r for r in plan["risks"] if r["id"] == "svve_measures_not_reached")
    assert "Dakisolatie (werk in 2030) telt hier niet mee" in choice["text"]
