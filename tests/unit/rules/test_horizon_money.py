"""The money follows the plan's own timing: work a later meeting decides on a quote (the
quote horizon, decisions.toml insulate_with_maintenance.quote_horizon) is not in the loan
decided now, the cover or the per-apartment amounts; it is shown apart as financed later
(vve/rules/coupled.py decided_later, vve/rules/money). Work beyond the horizon is never
decided "volgens de offerte" at a meeting that cannot have one."""

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import AS_OF, ROOT
from tests.example_plans import built_example
from vve.knowledge import load_knowledge
from vve.rules.coupled import decided_later
from vve.rules.explain import nl_euro_range
from vve.rules.money.amounts import total
from vve.rules.money.money_plan import missed_per_apartment

KNOWLEDGE = load_knowledge()
HORIZON = KNOWLEDGE.decisions["insulate_with_maintenance"].quote_horizon
NAMES = sorted(p.stem for p in (ROOT / "examples").glob("*.json"))


def _plan(name):
    return built_example(name, AS_OF)


def _decision(plan, did):
    return next(d for d in plan.decisions if d.id == did)


def _plain(text):
    return text.replace("\N{NO-BREAK SPACE}", " ")


def test_assen_finances_the_2032_roof_later_at_the_alv_of_2031():
    plan = _plan("assen-warmtenet-blokverwarming")
    later = decided_later(list(plan.decisions), list(plan.measures), KNOWLEDGE)
    assert later["roof_insulation"] == 2031
    assert "cavity_wall_insulation" not in later


def test_assen_loan_and_apartments_cover_only_the_2029_work():
    money = _plan("assen-warmtenet-blokverwarming").money
    now = total(
        [line.net for line in money.lines if line.payer == "vve" and line.year == 2029 and line.net]
    )
    assert money.now.net == now
    assert (money.now.net.low // 100, money.now.net.high // 100) == (88_451, 98_467)
    assert money.owners_pay == now
    assert money.loan.principal == now
    # the connection is decided in principle now, bindingly at the ALV of 2030; the panels
    # wait for the roof they lie on
    assert [(w.decided_in, w.measures) for w in money.later] == [
        (2030, ("heat_network_connection",)),
        (2031, ("roof_insulation", "solar_panels")),
    ]
    roof = money.later[1].net
    assert roof is not None and (roof.high + 50) // 100 == 35_237


def test_assen_cover_says_per_apartment_for_the_2029_work_and_names_the_roof_apart():
    cover = _plain(" ".join(_plan("assen-warmtenet-blokverwarming").money.summary))
    assert "€ 3.685 tot € 4.103 in één keer" in cover
    assert "€ 5.154" not in cover
    assert "dakisolatie" in cover and "ALV van 2031" in cover
    # a paragraph about what an apartment pays names the roof's part of one apartment
    # (1/24 of € 35.237), never the building's total; one figure is a rough estimate
    assert "€ 35.237" not in cover
    assert "dakisolatie (grove schatting € 1.468 per appartement)" in cover


def test_assen_loan_resolution_finances_the_work_decided_now_and_names_the_roof_later():
    draft = _plain(_decision(_plan("assen-warmtenet-blokverwarming"), "vve_loan").draft)
    assert "indicatief € 88.451 tot € 98.467" in draft
    financed = draft.split("ter financiering van ")[1].split(",")[0]
    assert "dakisolatie" not in financed
    assert "ALV van 2031" in draft and "dakisolatie" in draft


def test_assen_svve_loss_leaves_out_work_no_application_before_the_deadline_can_hold():
    plan = _plan("assen-warmtenet-blokverwarming")
    money = plan.money
    last = 2027 + HORIZON.years  # the fast route's meeting in 2027, and its quotes
    found = missed_per_apartment(money, last)
    assert found is not None and found != missed_per_apartment(money)
    roof = next(line for line in money.lines if line.measure == "roof_insulation")
    assert roof.subsidy.potential is not None
    others = total(
        [
            line.subsidy.potential
            for line in money.lines
            if line.subsidy.potential
            and line.measure != "roof_insulation"
            and line.subsidy.reason == "after_end_date"
        ]
    )
    assert found[1] == money.reference.of(others)
    risk = next(r for r in plan.risks if r.subject == "svve_measures")
    said = _plain(nl_euro_range(found[1].low, found[1].high))
    assert said in _plain(risk.text)


def test_assen_2028_meeting_decides_no_panels_or_connection_on_a_quote():
    plan = _plan("assen-warmtenet-blokverwarming")
    installs = _plain(_decision(plan, "installation_measures").draft)
    decided = installs.split(" Over ")[0]
    assert "zonnepanelen" not in decided and "waterzijdig inregelen" in decided
    # the panels are decided by a resolution of their own at the ALV of 2031
    assert "zonnepanelen" not in installs
    (part,) = _decision(plan, "installation_measures").later
    assert part.measures == ("solar_panels",) and part.date.year == 2031
    assert _decision(plan, "heat_installation").title.startswith("Principebesluit: ")
    heat = _plain(_decision(plan, "heat_installation").draft)
    assert "in principe" in heat and "volgens [offerte/aanbod]" not in heat
    assert "ALV van 2030" in heat


@settings(max_examples=6, deadline=None)
@given(name=st.sampled_from(NAMES))
def test_no_measure_beyond_the_horizon_is_decided_on_a_quote(name):
    plan = _plan(name)
    coupled = {m.id: m.coupled_year for m in plan.measures if m.coupled_year}
    later = decided_later(list(plan.decisions), list(plan.measures), KNOWLEDGE)
    for d in plan.decisions:
        for mid in d.measures:
            if mid in coupled and mid not in later:
                assert coupled[mid] - d.date.year <= HORIZON.years, (d.id, mid)


@settings(max_examples=6, deadline=None)
@given(name=st.sampled_from(NAMES))
def test_the_loan_and_the_later_work_add_up_to_all_the_vve_pays(name):
    money = _plan(name).money
    later = [w.net for w in money.later if w.net is not None]
    assert total([money.now.net, *later]) == money.vve.net


@settings(max_examples=6, deadline=None)
@given(name=st.sampled_from(sorted(p.stem for p in (ROOT / "examples").glob("*.json"))))
def test_the_loan_risk_counts_only_the_work_the_loan_finances(name):
    """'De lening wordt aan het begin van de uitvoering gesloten, maar een deel van het werk
    volgt pas in …' speaks of the loan decided now: work a later meeting decides and finances
    (money.later) is not in it, so it cannot make the loan wait."""
    plan = _plan(name)
    later = {m for work in plan.money.later for m in work.measures}
    risk = next((r for r in plan.risks if r.id == "loan_long_before_work"), None)
    financed = [
        line.year
        for line in plan.money.lines
        if line.payer == "vve" and line.investment is not None and line.measure not in later
    ]
    late = max(financed, default=None)
    expected = late is not None and late > plan.money.execution_year + 1
    assert (risk is not None) == (
        expected and plan.money.loan.principal.high >= plan.money.loan.min_amount
    )
    if risk is not None:
        assert f"pas in {late}" in risk.text


def test_the_cover_names_the_months_of_the_work_it_prices():
    """The per-apartment amount covers the work decided now (Assen: March 2029 to March
    2030, as the timeline shows it), so the cover's period is that work's, not the
    execution stage's up to the roof of 2032."""
    cover = _plain(" ".join(_plan("assen-warmtenet-blokverwarming").money.summary))
    assert "tot december 2032 voert" not in cover
    assert "Van maart 2029 tot maart 2030 voert de VvE de eerste ronde maatregelen uit." in cover
    emmen = _plain(" ".join(_plan("emmen-galerijflat").money.summary))
    assert "tot december 2031 voert" not in emmen  # its glass (2031) is decided in 2030
