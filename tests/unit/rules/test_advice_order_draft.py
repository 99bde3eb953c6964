"""The advice order's concept-besluit: who pays (reserve fund or an extra contribution) and,
where the plan has a VvE loan from 8 dwellings, a DMJOP that runs at least to the end of the
loan term (financing.toml warmtefonds_loan: an MJOP covering at least the term)."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import AS_OF, ROOT
from vve.knowledge import load_knowledge
from vve.profile import load_profile
from vve.rules import build_plan

FINANCING = (
    "De kosten worden betaald uit [een eenmalige extra bijdrage van de eigenaars naar rato "
    "van hun breukdeel / het reservefonds]."
)

# the authorisation to apply for the SVVE advice subsidy (where the plan counts on it)
SUBSIDY = load_knowledge().decisions["commission_advice"].draft_subsidy


def plan_of(name, term=None):
    profile = load_profile((ROOT / "examples" / f"{name}.json").read_text(encoding="utf-8"))
    if term is not None:
        money = profile.money.model_copy(
            update={"loan_quote": profile.money.loan_quote.model_copy(update={"term_years": term})}
        )
        profile = profile.model_copy(update={"money": money})
    return build_plan(profile, AS_OF)


def advice(plan):
    return next(d for d in plan.decisions if d.id == "commission_advice")


def signed(plan):
    return next(a.start for s in plan.stages for a in s.actions if a.id == "sign_loan")


def test_emmen_the_dmjop_covers_a_deed_that_passes_as_late_as_the_rate_allows():
    """The rate comes with the notice (8 September 2028) and holds 6 months
    (financing.toml rate_fixed_months): the deed may pass in early 2029, so a loan of 20
    years runs into 2049 and the DMJOP must cover that year too."""
    plan = plan_of("emmen-galerijflat")
    assert signed(plan).year == 2028
    sentence = (
        "Het DMJOP loopt tot en met 2049, zodat het een lening van 20 jaar ook dekt als de "
        "akte pas begin 2029 passeert (voorwaarde van het Warmtefonds)."
    )
    assert sentence in advice(plan).draft.replace("\N{NO-BREAK SPACE}", " ")
    assert advice(plan).draft.endswith(f"{FINANCING} {SUBSIDY}")
    notes = " ".join(plan.money.notes)
    assert sentence in notes
    # the sentence says it: no second one on the MJOP covering the term
    assert "moet het MJOP ten minste de looptijd van de lening dekken" not in notes


def test_the_mjop_year_follows_the_latest_signing_the_rate_allows():
    import datetime as dt

    from vve.rules.money.apartments import loan_signed_by, mjop_until

    plan = plan_of("emmen-galerijflat")
    notice = max(
        a.start
        for s in plan.stages
        for a in s.actions
        if a.id == "send_notice" and a.start <= signed(plan)
    )
    lender = load_knowledge().financing.warmtefonds_loan
    latest = loan_signed_by(plan.stages, lender)
    months = lender.rate_fixed_months
    assert notice + dt.timedelta(days=30 * months) <= latest
    assert latest <= notice + dt.timedelta(days=31 * months)
    assert latest >= signed(plan)
    assert mjop_until(latest, 20) == latest.year + 20


@settings(max_examples=4, deadline=None)
@given(term=st.sampled_from([10, 15, 20, 30]))
def test_a_quoted_term_sets_the_year(term):
    plan = plan_of("emmen-galerijflat", term)
    end = 2029 + term
    sentence = f"loopt tot en met {end}, zodat het een lening van {term} jaar ook dekt"
    assert sentence in advice(plan).draft
    # the money chapter says the same year in the same words
    assert any(sentence in note for note in plan.money.notes)


def test_below_eight_dwellings_no_mjop_term_but_still_who_pays():
    draft = advice(plan_of("assen-zes-woningen")).draft
    assert "loopt tot en met" not in draft
    assert draft.endswith(FINANCING) or draft.endswith(f"{FINANCING} {SUBSIDY}")


@pytest.mark.parametrize(
    "name", ["emmen-galerijflat", "tynaarlo-weinig-bekend", "assen-warmtenet-blokverwarming"]
)
def test_the_svve_authorisation_comes_after_every_order_it_covers(name):
    """The advice subsidy is applied for afterwards, once, on the paid invoices of all advice
    and research together (CORRECTIONS.md a1), the asbestos inventory included (FACTS §4):
    the meeting first orders the advice and the surveys and says who pays, and only then
    authorises the board to apply, once, when everything is paid."""
    draft = advice(plan_of(name)).draft
    assert SUBSIDY in draft, "the plan counts on the advice subsidy in these examples"
    assert draft.endswith(SUBSIDY)
    for order in ("asbestinventarisatie", "ecologisch onderzoek", FINANCING):
        if order in draft:
            assert draft.index(order) < draft.index(SUBSIDY)
    assert "asbestinventarisatie" in draft  # all three buildings are from before 1994
    assert "in één keer" in SUBSIDY and "betaald" in SUBSIDY
