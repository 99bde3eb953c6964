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
    years runs into 2049. The glass the ALV of 2030 decides and finances may get a loan of
    its own, signed as long after that meeting: into 2051, so the order asks a DMJOP that
    covers that year too. The resolution asks for it: it states no fact about a DMJOP that
    does not exist yet, and no reason (the lender's conditions are said in the chapter on
    financing)."""
    plan = plan_of("emmen-galerijflat")
    assert signed(plan).year == 2028
    sentence = "De opdracht vraagt een DMJOP dat ten minste tot en met 2051 loopt."
    draft = advice(plan).draft.replace("\N{NO-BREAK SPACE}", " ")
    assert sentence in draft
    assert "zodat" not in draft and "Warmtefonds" not in draft
    assert advice(plan).draft.endswith(f"{FINANCING} {SUBSIDY}")
    # why that year: in the explanation, not in the minutes
    why = advice(plan).explanation.text.replace("\N{NO-BREAK SPACE}", " ")
    assert (
        "Het DMJOP moet ten minste tot en met 2051 lopen: dan dekt het een lening van 20 jaar, "
        "ook als de akte pas begin 2029 passeert, en ook een lening van 20 jaar voor het werk "
        "waarover de ALV van 2030 besluit" in why
    )


@pytest.mark.parametrize(
    "name", ["emmen-galerijflat", "tynaarlo-weinig-bekend", "assen-warmtenet-blokverwarming"]
)
def test_the_money_chapter_leaves_the_lenders_conditions_to_the_chapter_on_financing(name):
    """The rate note says what the plan computes with, not when or on what terms the lender
    acts: those are said once, in the loan's section of the chapter on financing."""
    notes = " ".join(plan_of(name).money.notes)
    for condition in (
        "loopt tot en met",
        "voorwaarde van het Warmtefonds",
        "de geldgever noemt haar pas",
        "moet het MJOP ten minste de looptijd van de lening dekken",
    ):
        assert condition not in notes


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
    """The quoted term sets the year for the loan now; the glass the ALV of 2030 finances
    may get a loan of its own for the longest term the lender offers (20 years, into
    2051)."""
    plan = plan_of("emmen-galerijflat", term)
    end = max(2029 + term, 2051)
    assert f"ten minste tot en met {end} loopt." in advice(plan).draft


def test_the_dmjop_resolution_does_not_quote_the_lender():
    adopt = next(d for d in plan_of("emmen-galerijflat").decisions if d.id == "adopt_dmjop")
    assert "looptijd van de VvE-lening" in adopt.draft
    assert "geldgever" not in adopt.draft


def test_below_eight_dwellings_no_mjop_term_but_still_who_pays():
    draft = advice(plan_of("assen-zes-woningen")).draft
    assert "tot en met" not in draft
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
