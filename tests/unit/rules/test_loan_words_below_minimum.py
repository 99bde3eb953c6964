"""Below the lender's minimum, the plan does not call the amount "te lenen": Assen's
"Te lenen voor wat nu een bedrag heeft: € 13.154 tot € 15.650" read as a loan that cannot
be had (advisor's review of Assen, S16). It says what the VvE would borrow."""

import datetime as dt

from tests.example_plans import example_plan, written_example

AS_OF = dt.date(2026, 11, 28)


def test_no_te_lenen_for_an_amount_below_the_minimum():
    plan = example_plan("assen-zes-woningen", AS_OF)
    cover = " ".join(plan["money"]["summary"])
    assert "Te lenen" not in cover
    # not "zou de VvE ... lenen" right after "Lenen kan alleen vanaf € 25.000" (re-review)
    assert "Wat nu een bedrag heeft, komt samen op" in cover and "lenen;" not in cover
    doc = written_example("assen-zes-woningen", AS_OF)
    assert not any("Te lenen" in p.text for p in doc.paragraphs)
