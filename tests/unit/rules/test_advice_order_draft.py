"""The advice order's concept-besluit: who pays (reserve fund or an extra contribution) and,
where the plan has a VvE loan from 8 dwellings, a DMJOP that runs at least to the end of the
loan term (financing.toml warmtefonds_loan: an MJOP covering at least the term)."""

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import AS_OF, ROOT
from vve.profile import load_profile
from vve.rules import build_plan

FINANCING = (
    "De kosten worden betaald uit [een eenmalige extra bijdrage van de eigenaars naar rato "
    "van hun breukdeel / het reservefonds]."
)


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


def test_emmen_the_dmjop_runs_to_the_end_of_the_longest_term():
    plan = plan_of("emmen-galerijflat")
    end = signed(plan).year + 20
    assert (
        f"Het duurzaam meerjarenonderhoudsplan loopt tot en met {end}, zodat het een lening van "
        "20 jaar dekt (voorwaarde van het Warmtefonds)."
    ) in advice(plan).draft.replace("\N{NO-BREAK SPACE}", " ")
    assert advice(plan).draft.endswith(FINANCING)


@settings(max_examples=4, deadline=None)
@given(term=st.sampled_from([10, 15, 20, 30]))
def test_a_quoted_term_sets_the_year(term):
    plan = plan_of("emmen-galerijflat", term)
    end = signed(plan).year + term
    sentence = f"loopt tot en met {end}, zodat het een lening van {term} jaar dekt"
    assert sentence in advice(plan).draft
    # the money chapter says the same year in the same words
    assert any(sentence in note for note in plan.money.notes)


def test_below_eight_dwellings_no_mjop_term_but_still_who_pays():
    draft = advice(plan_of("assen-zes-woningen")).draft
    assert "loopt tot en met" not in draft
    assert draft.endswith(FINANCING)
