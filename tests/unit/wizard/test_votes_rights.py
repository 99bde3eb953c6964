"""The owner groups' rights against the building's: which sums can be compared, and the
difference the step reports (fewer: a warning; more: an error)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from vve.wizard.votes_page import rights_gap

RIGHTS = st.integers(min_value=0, max_value=100_000)


def test_thirty_of_thirty_six_leaves_six():
    assert rights_gap([20, 10], 36) == 6


def test_forty_of_thirty_six_is_four_too_many():
    assert rights_gap([30, 10], 36) == -4


def test_nothing_to_compare_without_groups_or_building():
    assert rights_gap([], 36) is None
    assert rights_gap([20], None) is None


def test_a_group_without_its_rights_makes_the_sum_unknown():
    assert rights_gap([20, None], 36) is None


@given(st.lists(RIGHTS, min_size=1, max_size=50), RIGHTS)
def test_the_gap_and_the_groups_add_up_to_the_building(rights, building):
    assert rights_gap(rights, building) + sum(rights) == building


@given(st.lists(st.one_of(st.none(), RIGHTS), min_size=1, max_size=50), RIGHTS)
def test_any_unknown_group_means_no_comparison(rights, building):
    gap = rights_gap(rights, building)
    assert (gap is None) == (None in rights)
