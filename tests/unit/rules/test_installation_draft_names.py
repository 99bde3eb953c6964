"""The installations' resolution names what the meeting decides to have done, not a bare
noun after "besluit tot": "het plaatsen van zonnepanelen op het gemeenschappelijk dak",
"het waterzijdig inregelen van de cv-installatie" (advisor's review of Assen, C17)."""

import datetime as dt

from tests.example_plans import example_plan

AS_OF = dt.date(2026, 11, 28)
SOLAR = "het plaatsen van zonnepanelen op het gemeenschappelijk dak"
BALANCE = "het waterzijdig inregelen van de cv-installatie"


def _installations(stem: str) -> dict:
    plan = example_plan(stem, AS_OF)
    return next(d for d in plan["decisions"] if d["id"] == "installation_measures")


def test_solar_panels_alone():
    draft = _installations("emmen-galerijflat")["draft_resolution"]
    assert draft.startswith(f"De vergadering besluit tot {SOLAR}, volgens de offerte van ")


def test_the_advice_must_confirm_them_the_condition_keeps_the_short_name():
    draft = _installations("assen-zes-woningen")["draft_resolution"]
    assert draft.startswith(
        f"[Alleen als het energieadvies zonnepanelen aanraadt:] De vergadering besluit tot "
        f"{SOLAR}, volgens"
    )


def test_between_brackets_and_in_a_later_part():
    draft = _installations("tynaarlo-weinig-bekend")["draft_resolution"]
    assert draft.startswith(
        "De vergadering besluit tot [voor zover aangeraden in het energieadvies: "
        f"{BALANCE} en {SOLAR}], volgens"
    )
    decision = _installations("assen-warmtenet-blokverwarming")
    assert decision["draft_resolution"].startswith(f"De vergadering besluit tot {BALANCE}, ")
    (part,) = decision["later"]
    assert part["draft_resolution"].startswith(f"De vergadering besluit tot {SOLAR}, ")


def test_the_loan_keeps_the_short_names():
    plan = example_plan("emmen-galerijflat", AS_OF)
    loan = next(d for d in plan["decisions"] if d["id"] == "vve_loan")["draft_resolution"]
    assert SOLAR not in loan and "zonnepanelen" in loan
