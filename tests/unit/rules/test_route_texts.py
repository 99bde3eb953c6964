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


# a title for a part whose only measure is that one (only_titles): "Installaties verbeteren"
# says nothing of what balancing the radiators is (the advisor's review, S2)
ONLY = {"hydronic_balancing": "Cv-installatie waterzijdig inregelen"}


def test_a_measure_alone_takes_its_only_title():
    assert (
        named_or_rest(["hydronic_balancing"], NAMES, REST, OWN, ONLY) == ONLY["hydronic_balancing"]
    )


def test_a_measure_with_others_leaves_the_rest_title_theirs():
    assert named_or_rest(["hydronic_balancing", "ventilation"], NAMES, REST, OWN, ONLY) == REST


def test_a_measure_with_a_named_one_takes_the_default():
    assert named_or_rest(["hydronic_balancing", "solar_panels"], NAMES, REST, OWN, ONLY) == OWN


@given(
    st.lists(IDS, max_size=4),
    st.dictionaries(IDS, st.sampled_from(["X", "Y"]), max_size=4),
    st.dictionaries(IDS, st.just("O"), max_size=4),
)
def test_an_only_title_is_used_for_its_measure_alone(ids, names, only):
    found = named_or_rest(ids, names, "R", "D", only)
    alone = set(ids) if len(set(ids)) == 1 else set()
    if alone & set(only):
        assert found == "O"
    else:
        assert found == named_or_rest(ids, names, "R", "D")


def test_the_knowledge_only_titles_are_of_known_measures_and_apart_from_the_others():
    from vve.knowledge import load_knowledge

    knowledge = load_knowledge()
    for entry in knowledge.decisions.values():
        assert set(entry.only_titles) <= set(knowledge.measures), entry.id
        others = {entry.title, entry.rest_title, *entry.part_titles.values()}
        assert not others & set(entry.only_titles.values()), entry.id
