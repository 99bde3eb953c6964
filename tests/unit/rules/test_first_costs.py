"""What the first meeting's decision (the advice and the research it orders) costs each
apartment: paid first by the VvE, refunded in part by the SVVE later."""

import datetime as dt
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import AS_OF, ROOT, make_profile
from tests.example_plans import example_plan
from vve.profile import load_profile
from vve.rules import build_plan
from vve.rules.serialize import plan_to_dict

EMMEN = ROOT / "examples" / "emmen-galerijflat.json"


def first_of(profile, as_of=AS_OF) -> dict:
    return plan_to_dict(build_plan(profile, as_of))["money"]["first_decision"]


def exact(cents: int) -> dict:
    return {"low_cents": cents, "typical_cents": cents, "high_cents": cents}


def test_emmen_apartment_pays_its_48th_of_the_advice_first_and_gets_75_percent_back_later():
    """€ 16,500 / 48 = € 343.75 first; the SVVE refunds 75% = € 12,375 for the VvE, so
    € 257.8125 per apartment, rounded half up to € 257.81, after the application on
    29 November 2027 (after the meeting that adopts the DMJOP)."""
    first = first_of(load_profile(EMMEN.read_text(encoding="utf-8")))
    assert first["decision"] == "commission_advice"
    assert first["advice"] == exact(1_650_000) and first["refund"] == exact(1_237_500)
    assert first["refund_reason"] == "counted" and first["application_date"] == "2027-11-29"
    assert first["certainty"] == "onzeker" and first["sources"] == ["svve-advice"]
    assert "achteraf" in first["refund_when"] and "noemen de bronnen niet" in first["refund_when"]
    (one,) = first["classes"]
    assert one["share"] == "1/48" and one["apartments"] == 48
    assert one["advice"] == exact(34_375) and one["refund"] == exact(25_781)
    # the ecological survey, ordered by the same decision: € 5,000–10,000, no subsidy
    assert [r["id"] for r in first["research"]] == ["ecological_survey"]
    assert one["research"] == {"low_cents": 10_417, "typical_cents": None, "high_cents": 20_833}
    assert one["first"] == {"low_cents": 44_792, "typical_cents": None, "high_cents": 55_208}
    assert one["net"] == {
        "low_cents": 44_792 - 25_781,
        "typical_cents": None,
        "high_cents": 55_208 - 25_781,
    }
    assert one["per_thousand_cents"] == 2_083 and one["refund_per_thousand_cents"] == 1_562
    # the survey only if no species plan covers the building: per saldo from without it
    assert "soortenmanagementplan" in first["research"][0]["if_needed"]
    assert one["net_without_research"] == exact(34_375 - 25_781)
    # the asbestos inventory is ordered too, but no source prices it
    assert first["unpriced"] == [
        {"id": "asbestos_survey", "short": "de asbestinventarisatie", "if_needed": None}
    ]


def test_an_unknown_advice_amount_is_given_per_thousand_euros_never_guessed():
    first = first_of(make_profile(building={"rights": {"dwellings": 6}}))
    assert first["advice"] is None and first["refund"] is None
    (one,) = first["classes"]
    assert one["advice"] is None and one["first"] is None and one["net"] is None
    assert first["per_euros"] == 1000
    assert one["per_thousand_cents"] == 16_667  # € 1,000 / 6, half up
    assert one["refund_per_thousand_cents"] == 12_500  # 75% of € 166.67


def test_no_refund_is_expected_after_the_scheme_ends():
    late = dt.date(2027, 10, 1)  # the advice's application falls after 30 December 2027
    first = first_of(
        make_profile(building={"rights": {"dwellings": 12}}, money={"advice_cost": 9000}), late
    )
    assert first["refund_reason"] == "after_end_date" and first["refund"] is None
    (one,) = first["classes"]
    assert one["refund"] is None and one["refund_per_thousand_cents"] is None
    assert one["advice"] == exact(75_000) and one["net"] == one["first"]


def test_without_the_number_of_rights_there_is_no_amount_per_apartment():
    first = first_of(make_profile(money={"advice_cost": 9000}))
    assert first["advice"] == exact(900_000) and first["classes"] == []


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    advice=st.integers(1, 60_000),
    table=st.lists(st.tuples(st.integers(1, 12), st.integers(1, 90)), min_size=1, max_size=4),
)
def test_the_classes_pay_the_whole_advice_and_get_the_whole_refund(advice, table):
    """Each class's apartments together pay its part; the parts add up to the building's
    amount within half a cent per apartment (each apartment's part is rounded once)."""
    rows = [
        {"label": f"Soort {i}", "apartments": n, "share": f"{w}/1000"}
        for i, (n, w) in enumerate(table)
    ]
    dwellings = sum(n for n, _ in table)
    profile = make_profile(
        building={"rights": {"dwellings": dwellings}},
        money={"advice_cost": advice, "cost_share_method": "table", "cost_shares": rows},
    )
    first = first_of(profile)
    total_share = sum(n * w for n, w in table)
    for key in ("advice", "refund"):
        if first[key] is None:
            continue
        whole = first[key]["high_cents"]
        paid = sum(c[key]["high_cents"] * c["apartments"] for c in first["classes"])
        assert abs(paid - whole) <= dwellings
        for c, (_n, w) in zip(first["classes"], table):
            exact_part = whole * w / total_share
            assert abs(c[key]["high_cents"] - exact_part) <= 1
    for c in first["classes"]:
        if c["refund"] is not None:
            assert c["net"]["high_cents"] == c["first"]["high_cents"] - c["refund"]["low_cents"]
    json.dumps(first)  # plain JSON


TYNAARLO = ROOT / "examples" / "tynaarlo-weinig-bekend.json"


def test_the_cover_gives_an_unknown_advice_per_thousand_euros_in_its_own_year():
    """Tynaarlo knows neither the advice's amount nor most measures: the cover still says
    what the first meeting's decision costs an apartment per € 1,000 of advice (2027), and
    apart from it that the measures (2028–2029 in this plan) cannot be priced yet."""
    money = example_plan(TYNAARLO.stem, AS_OF)["money"]
    advice, measures, *_ = (s.replace("\u00a0", " ") for s in money["summary"])
    assert advice.startswith(
        "In 2027 besluit de eerste ALV over het energieadvies en het DMJOP; het bedrag volgt "
        "uit de offertes."
    )
    # 1/18 of € 1,000 = € 55.56; 75% of it back = € 41.67
    assert "daarin is € 56 per € 1.000 advies" in advice
    assert "bij gelijke breukdelen, 1/18" in advice  # assumed, and said so
    assert "komt later naar verwachting € 42 per € 1.000 terug" in advice  # with its condition
    # the execution stage runs from November 2028 to August 2029
    assert measures.startswith(
        "Van november 2028 tot augustus 2029 voert de VvE de maatregelen uit."
    )
    assert "nog niet te geven" in measures


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(1, 200), st.one_of(st.none(), st.integers(1, 200_000)))
def test_the_cover_opens_with_the_first_meetings_year_and_the_measures_year(dwellings, advice):
    plan = plan_to_dict(
        build_plan(
            make_profile(
                building={"rights": {"dwellings": dwellings}}, money={"advice_cost": advice}
            ),
            AS_OF,
        )
    )
    first, measures, *_ = plan["money"]["summary"]
    meeting = next(d for d in plan["decisions"] if d["id"] == "commission_advice")
    assert first.startswith(f"In {meeting['meeting_date'][:4]} besluit de eerste ALV")
    execute = next(s for s in plan["stages"] if s["id"] == "execute")
    assert measures.startswith(("Van ", "In "))
    if plan["money"].get("later"):  # the months of the work decided now
        assert " voert de VvE de eerste ronde maatregelen uit." in measures
    else:
        assert f"{execute['end'][:4]} voert de VvE de maatregelen uit." in measures
    assert "niet met de lening" in first


def test_the_cover_says_no_refund_is_counted_and_other_breukdelen_pay_in_proportion():
    """Assen (six dwellings): the advice's refund falls after the scheme's end, so the
    cover counts none; Hoogeveen (dwellings and shops): a dwelling's amount, and the other
    breukdelen in proportion."""

    def cover(name: str) -> str:
        plan = example_plan(name, AS_OF)
        return plan["money"]["summary"][0].replace("\u00a0", " ")

    assert cover("assen-zes-woningen").endswith(
        "Een SVVE-vergoeding rekent dit plan niet mee: in deze planning valt de aanvraag na "
        "de einddatum (30 december 2027); of het bestuur die nog kan halen, staat onder "
        "'Belangrijkste risico's'."
    )
    hoogeveen = cover("hoogeveen-corporatie")
    assert "Het aandeel van een woning (breukdeel 27/1000: uw aandeel in de kosten) daarin" in (
        hoogeveen
    )
    assert "Bij een ander breukdeel is het naar verhouding." in hoogeveen


OWNER_CONDITION = "Als ten minste één eigenaar zelf in het gebouw woont, komt later"


def _cover_with_groups(groups: list[dict]) -> str:
    data = json.loads(EMMEN.read_text(encoding="utf-8"))
    data["owners"]["groups"] = groups
    plan = plan_to_dict(build_plan(load_profile(json.dumps(data)), AS_OF))
    return plan["money"]["summary"][0].replace("\u00a0", " ")


def test_tynaarlo_cover_gives_the_refund_only_with_an_owner_occupier_and_prices_the_survey():
    """Tynaarlo does not know its owner groups: the SVVE refund needs at least one
    owner-occupier (CORRECTIONS.md a1), so the cover says so. The survey the decision
    orders is priced as in Emmen: 1/18 of € 5,000–10,000 = € 277.78–555.56."""
    money = example_plan(TYNAARLO.stem, AS_OF)["money"]
    cover = money["summary"][0].replace("\u00a0", " ")
    assert (
        "Als ten minste één eigenaar zelf in het gebouw woont, komt later naar verwachting "
        "€ 42 per € 1.000 terug (SVVE-subsidie)."
    ) in cover
    assert (
        "per € 1.000 advies, plus € 278 tot € 556 of meer (de bedragen gelden voor woonhuizen) "
        "als het ecologisch onderzoek nodig is"
    ) in cover
    assert [r["id"] for r in money["first_decision"]["research"]] == ["ecological_survey"]


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.sampled_from(["owner_occupiers", "private_landlords", "investor"]),
        max_size=2,
        unique=True,
    )
)
def test_the_refund_condition_follows_what_the_profile_knows_of_owner_occupiers(kinds):
    groups = [
        {"kind": k, "name": k, "rights": 24, "votes": 24, "single_party": False} for k in kinds
    ]
    cover = _cover_with_groups(groups)
    if not kinds:  # unknown: the refund with its condition
        assert OWNER_CONDITION in cover
    elif "owner_occupiers" in kinds:  # known: no condition
        assert "terug (SVVE-subsidie)" in cover and "zelf in het gebouw woont" not in cover
    else:  # none: no refund
        assert "terug" not in cover and "zelf in het gebouw woont" not in cover
