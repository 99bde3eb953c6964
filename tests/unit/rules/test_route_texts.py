"""One rule names a decision or a part of it for the measures it decides: the title (or
reason) all of them share (part_titles, part_whys), the rest's where none of them has one
(rest_title, rest_why), else the decision's own (vve/rules/route_texts.py named_or_rest)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from vve.rules.route_texts import named_or_rest

NAMES = {"solar_panels": "Zonnepanelen plaatsen", "pv_battery": "Zonnepanelen plaatsen"}
REST = "Installaties verbeteren"
OWN = "Installaties verbeteren en zonnepanelen plaatsen"


def test_measures_sharing_a_name_take_it():
    assert named_or_rest(["solar_panels", "pv_battery"], NAMES, REST, OWN) == (
        "Zonnepanelen plaatsen"
    )


def test_measures_none_of_which_is_named_take_the_rest():
    assert named_or_rest(["hydronic_balancing"], NAMES, REST, OWN) == REST


def test_named_and_unnamed_measures_take_the_default():
    assert named_or_rest(["solar_panels", "hydronic_balancing"], NAMES, REST, OWN) == OWN


def test_without_a_rest_unnamed_measures_take_the_default():
    assert named_or_rest(["hydronic_balancing"], NAMES, None, None) is None


def test_no_measures_take_the_default():
    assert named_or_rest([], NAMES, REST, OWN) == OWN


IDS = st.sampled_from(["a", "b", "c", "d"])


@given(
    st.lists(IDS, max_size=4),
    st.dictionaries(IDS, st.sampled_from(["X", "Y"]), max_size=4),
    st.none() | st.just("R"),
)
def test_the_answer_is_a_shared_name_the_rest_or_the_default(ids, names, rest):
    found = named_or_rest(ids, names, rest, "D")
    shared = {names.get(m) for m in ids}
    if ids and len(shared) == 1 and None not in shared:
        assert found == shared.pop()
    elif ids and rest and not set(ids) & set(names):
        assert found == rest
    else:
        assert found == "D"
