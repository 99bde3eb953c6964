"""Where the reglement's model is not known (or deviates), the threshold's draft cannot
say which the reglement ties the amount to: expenditure outside maintenance (MR 1973 to
1992) or financial obligations (MR 2006, 2017). It offers both between brackets (advisor's
review of Tynaarlo, S5: the old models' wording stood as if it were known)."""

import datetime as dt

from tests.example_plans import example_plan

AS_OF = dt.date(2026, 11, 28)
BOTH = "waarboven voor [uitgaven buiten het gewone onderhoud / het aangaan van financiële verplichtingen"


def _threshold(stem: str) -> dict | None:
    plan = example_plan(stem, AS_OF)
    return next((d for d in plan["decisions"] if d["id"] == "set_threshold"), None)


def test_an_unknown_model_gets_both_wordings():
    d = _threshold("tynaarlo-weinig-bekend")
    assert d is not None and BOTH in d["draft_resolution"]
    # one verb for either choice (re-review: "verplichtingen ... vragen")
    assert "een besluit met gekwalificeerde meerderheid nodig is" in d["draft_resolution"]
    assert d["title"] == (
        "Drempelbedrag vaststellen voor uitgaven buiten het onderhoud of financiële verplichtingen"
    )


def test_a_known_model_keeps_its_own_wording():
    for stem, words in (
        ("meppel-beschermd-stadsgezicht", "waarboven uitgaven buiten het gewone onderhoud"),
        ("hoogeveen-corporatie", "waarboven het aangaan van financiële verplichtingen"),
    ):
        d = _threshold(stem)
        if d is not None:
            assert words in d["draft_resolution"] and BOTH not in d["draft_resolution"]
