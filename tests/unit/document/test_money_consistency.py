"""The money chapters follow the plan's own decisions, for every example plan: amounts in a
per-apartment passage are per apartment, every measure decided now is either in the loan
or said to be outside it, the reserve fund's course follows what the plan decides (a
bridged boiler, a raised contribution), and the DMJOP covers every loan the plan foresees."""

import re

import pytest

from tests.conftest import AS_OF, ROOT
from vve.profile import load_profile
from vve.rules import build_plan
from vve.rules.explain import nl_euro_range
from vve.rules.money.apartments import mjop_until

EXAMPLES = sorted(p.stem for p in (ROOT / "examples").glob("*.json"))


@pytest.fixture(scope="module", params=EXAMPLES)
def made(request):
    path = ROOT / "examples" / f"{request.param}.json"
    profile = load_profile(path.read_text(encoding="utf-8"))
    return profile, build_plan(profile, AS_OF)


def _decision(plan, did):
    return next((d for d in plan.decisions if d.id == did), None)


def test_no_building_total_in_the_per_apartment_summary(made):
    _, plan = made
    money = plan.money
    for work in money.later:
        if work.net is None:
            continue
        building = nl_euro_range(work.net.low, work.net.high)
        for sentence in (*money.summary, money.summary_measures):
            for part in re.findall(r"\((?:indicatief|grove schatting) [^)]*\)", sentence):
                assert "per appartement" in part or "voor een" in part, part
                assert "gebouw" in part or building not in part, part


def test_every_measure_decided_now_is_in_the_loan_or_said_outside_it(made):
    profile, plan = made
    loan = _decision(plan, "vve_loan")
    if loan is None:
        return
    later = {mid for work in plan.money.later for mid in work.measures}
    text = loan.draft
    financed, _, outside = text.partition("Niet in deze lening")
    for line in plan.money.lines:
        if line.payer != "vve":
            continue
        short = plan_short(line.measure)
        where = outside if line.measure in later else financed
        assert short in where, (line.measure, text)


def plan_short(mid: str) -> str:
    from vve.knowledge import load_knowledge

    return load_knowledge().measures[mid].short


def test_the_reserve_fund_keeps_a_bridged_boilers_money(made):
    profile, plan = made
    if _decision(plan, "bridge_boiler") is None:
        return
    boiler = profile.money.planned.collective_boiler
    for year in plan.money.reserve.projection:
        if year.year == boiler:
            assert year.committed == 0, year


def test_the_reserve_fund_follows_a_raised_contribution(made):
    profile, plan = made
    raise_ = _decision(plan, "raise_reserve")
    reserve = plan.money.reserve
    if raise_ is None or not reserve.projection or reserve.minimum_basis != "rebuild_value":
        return
    later = [y for y in reserve.projection if y.year > raise_.date.year]
    assert later
    assert all(y.contribution >= reserve.minimum.low for y in later)


def test_the_dmjop_covers_every_loan_the_plan_foresees(made):
    profile, plan = made
    advice = _decision(plan, "commission_advice")
    loan = _decision(plan, "vve_loan")
    found = re.search(r"ten minste tot en met (\d{4})", advice.draft) if advice else None
    if loan is None or found is None:
        return
    years = profile.money.loan_quote.term_years or 20
    offset = plan.money.loan_signed_by.year - loan.date.year
    for work in plan.money.later:
        signed = work.decided_in + offset
        assert int(found.group(1)) >= signed + years
    assert int(found.group(1)) >= mjop_until(plan.money.loan_signed_by, years)
