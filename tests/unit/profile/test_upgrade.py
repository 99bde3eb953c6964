"""Older profiles (files and stored dossiers) become the current version without losing an
answer."""

import json

import pytest

from tests.conftest import ROOT
from vve.profile import SCHEMA_VERSION, parse_profile
from vve.profile.upgrade import CURRENT, upgrade, v1_to_v2, v2_to_v3

V1 = sorted((ROOT / "tests" / "fixtures" / "profile-v1").glob("*.json"))


def _leaves(value, prefix=""):
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _leaves(item, f"{prefix}.{key}" if prefix else key)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _leaves(item, f"{prefix}.{index}")
    else:
        yield prefix, value


def test_the_fixtures_are_version_1_and_the_code_reads_version_3():
    assert V1 and all(json.loads(p.read_text())["schema_version"] == 1 for p in V1)
    assert SCHEMA_VERSION == CURRENT == 3


@pytest.mark.parametrize("path", V1, ids=lambda p: p.stem)
def test_every_v1_example_upgrades_keeping_every_answer(path):
    old = json.loads(path.read_text(encoding="utf-8"))
    new = upgrade(old)
    assert new["schema_version"] == 3
    new_leaves = dict(_leaves(new))
    for leaf, value in _leaves(old):
        if leaf != "schema_version":
            assert new_leaves[leaf] == value, leaf
    # the frozen steps write exactly the canonical current form of the model
    assert parse_profile(old).model_dump(mode="json") == new
    assert old["schema_version"] == 1, "the step must not change its input"


def test_a_v1_file_without_the_new_sections_upgrades_too():
    new = v1_to_v2({"schema_version": 1, "association": {"name": "VvE Klein"}})
    assert new["money"]["cost_shares"] == [] and new["building"]["volume"] is None
    assert parse_profile(new).association.name == "VvE Klein"


def test_an_upgrade_keeps_what_a_board_already_typed_in_a_new_field():
    # a file written by a newer tool, marked version 1 by mistake: nothing is overwritten
    data = {"schema_version": 1, "association": {"name": "x"}, "money": {"advice_cost": 12_000}}
    assert upgrade(data)["money"]["advice_cost"] == 12_000


def test_versions_the_code_does_not_know_are_left_for_the_parser_to_refuse():
    assert upgrade({"schema_version": 7})["schema_version"] == 7
    assert upgrade({"schema_version": True})["schema_version"] is True


def test_a_version_1_file_with_a_broken_section_gets_a_dutch_message_not_a_crash():
    from vve.profile import ProfileError, load_profile

    for broken in ('"money": []', '"building": "gebouw"'):
        with pytest.raises(ProfileError):
            load_profile('{"schema_version": 1, "association": {"name": "x"}, ' + broken + "}")
    assert load_profile('{"schema_version": 1, "association": {"name": "x"}, "building": null}')


def test_version_3_adds_an_empty_register_and_no_results_and_keeps_everything_else():
    v2 = v1_to_v2({"schema_version": 1, "association": {"name": "VvE Klein"}})
    v3 = v2_to_v3(v2)
    assert v3["apartments"] == [] and v3["results"] == [] and v3["schema_version"] == 3
    assert {
        k: v for k, v in v3.items() if k not in ("apartments", "results", "schema_version")
    } == {k: v for k, v in v2.items() if k != "schema_version"}
    assert v2["schema_version"] == 2, "the step must not change its input"
    assert parse_profile(v3).apartments == [] == parse_profile(v2).results
