"""The profile: JSON round trip, unknowns, Dutch errors with field paths, published schema."""

import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from tests.conftest import EXAMPLES, ROOT, make_profile
from tests.strategies import profile_data
from vve.profile import (
    ProfileError,
    errors,
    json_schema,
    load_profile,
    parse_profile,
    profile_to_json,
)


def _errors(data):
    with pytest.raises(ProfileError) as info:
        parse_profile(data)
    return {e.path: e.message for e in info.value.errors}


def test_a_name_alone_is_a_valid_profile_with_everything_unknown():
    profile = make_profile()
    assert profile.building.construction_year is None
    assert profile.voting.model_reglement is None
    assert profile.total_votes() is None


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_examples_round_trip_exactly(path):
    profile = load_profile(path.read_text(encoding="utf-8"))
    text = profile_to_json(profile)
    assert load_profile(text) == profile
    assert profile_to_json(load_profile(text)) == text


def test_errors_are_dutch_and_name_the_field_path():
    errors = _errors(
        {
            "association": {"name": ""},
            "building": {
                "construction_year": "negentienzeventig",
                "storeys": 0,
                "heritage": "kasteel",
            },
            "voting": {"overrides": {"qualified": {"majority": "3/2"}}},
            "onbekend": 1,
        }
    )
    assert errors["association.name"] == "Dit veld mag niet leeg zijn."
    assert "geheel getal" in errors["building.construction_year"]
    assert errors["building.storeys"] == "Vul een getal van minstens 1 in."
    assert "protected_townscape" in errors["building.heritage"]
    assert "tussen 0 en 1" in errors["voting.overrides.qualified.majority"]
    assert errors["onbekend"].startswith("Onbekend veld")


def test_missing_name_is_required():
    assert _errors({"association": {}}) == {"association.name": "Dit veld is verplicht."}


def test_postcode_is_normalised_and_checked():
    assert (
        make_profile(association={"name": "x", "postcode": "7811ab"}).association.postcode
        == "7811 AB"
    )
    assert (
        "1234 AB"
        in _errors({"association": {"name": "x", "postcode": "0811 AB"}})["association.postcode"]
    )


def test_a_vote_table_that_disagrees_with_the_rights_is_a_plan_risk_not_a_block():
    """Answered on different steps: refusing the save would leave the board stuck."""
    from tests.conftest import AS_OF
    from vve.rules import build_plan

    profile = make_profile(
        building={"rights": {"dwellings": 10}},
        voting={
            "votes_per_right": "weighted",
            "weights": [{"label": "woning", "rights": 9, "votes_per_right": 1}],
        },
    )
    risks = {r.id: r.text for r in build_plan(profile, AS_OF).risks}
    assert "9 appartementsrechten" in risks["weights_mismatch"]


def test_owner_votes_over_the_total_are_a_plan_risk():
    from tests.conftest import AS_OF
    from vve.rules import build_plan

    profile = make_profile(
        building={"rights": {"dwellings": 10}},
        owners={"groups": [{"kind": "investor", "votes": 11}]},
    )
    assert "owner_votes_exceed_total" in {r.id for r in build_plan(profile, AS_OF).risks}


def test_weighted_total_votes():
    profile = make_profile(
        building={"rights": {"dwellings": 10, "commercial_units": 2}},
        voting={
            "votes_per_right": "weighted",
            "weights": [
                {"label": "woning", "rights": 10, "votes_per_right": 1},
                {"label": "winkel", "rights": 2, "votes_per_right": 3},
            ],
        },
    )
    assert profile.total_votes() == 16


def test_json_errors_and_versions_are_dutch():
    with pytest.raises(ProfileError, match="geen geldige JSON"):
        load_profile("{")
    with pytest.raises(ProfileError, match="Schemaversie 4"):
        parse_profile({"schema_version": 4, "association": {"name": "x"}})
    with pytest.raises(ProfileError, match="Schemaversie 'twee'"):
        parse_profile({"schema_version": "twee", "association": {"name": "x"}})
    with pytest.raises(ProfileError, match="JSON-object"):
        parse_profile([1, 2])


def test_published_schema_is_generated_from_the_model():
    published = json.loads((ROOT / "docs" / "profile.schema.json").read_text(encoding="utf-8"))
    assert published == json_schema(), "run: vve schema --out docs/profile.schema.json"


def _leaf_paths(schema, node=None, prefix=""):
    node = node if node is not None else schema
    if "$ref" in node:
        node = schema["$defs"][node["$ref"].split("/")[-1]]
    if "anyOf" in node:
        for option in node["anyOf"]:
            if option.get("type") != "null":
                yield from _leaf_paths(schema, option, prefix)
        return
    if node.get("type") == "array" and "$ref" in node.get("items", {}):
        yield from _leaf_paths(schema, node["items"], prefix + ".*")
        return
    if "properties" in node:
        for key, child in node["properties"].items():
            yield from _leaf_paths(schema, child, f"{prefix}.{key}" if prefix else key)
        return
    yield prefix


def test_docs_describe_every_field():
    doc = (ROOT / "docs" / "profile.md").read_text(encoding="utf-8")
    missing = [p for p in _leaf_paths(json_schema()) if f"`{p}`" not in doc]
    assert not missing, f"docs/profile.md lacks {missing}"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(profile_data)
def test_anything_the_schema_allows_parses_or_fails_in_dutch(data):
    try:
        profile = parse_profile(data)
    except ProfileError as exc:
        assert exc.errors and all(e.message for e in exc.errors)
        return
    assert parse_profile(json.loads(profile_to_json(profile))) == profile


def test_votes_derived_from_rights_count_towards_the_total():
    profile = make_profile(
        building={"rights": {"dwellings": 10}},
        owners={"groups": [{"kind": "investor", "votes": 6}, {"kind": "other", "rights": 10}]},
    )
    assert profile.owner_votes() == 16


def test_a_vve_without_votes_is_refused():
    errors = _errors({"association": {"name": "x"}, "building": {"rights": {"dwellings": 0}}})
    assert "0 stemmen" in errors["building.rights.dwellings"]


def test_dates_far_away_are_refused_in_dutch():
    errors = _errors({"association": {"name": "x"}, "ambition": {"start_date": "9999-01-01"}})
    assert errors["ambition.start_date"] == "Vul een datum tussen 2000 en 2090 in."


@pytest.mark.parametrize("digits", [31, 4301, 200_000])
@pytest.mark.parametrize("sign", ["", "-"])
def test_a_number_with_too_many_digits_is_a_field_error_not_a_crash(digits, sign):
    """Python refuses to convert more than 4,300 digits (ValueError): the profile says which
    field instead, in Dutch, wherever the number is (nested in lists too)."""
    number = sign + "9" * digits
    text = (
        '{"association": {"name": "x"}, "building": {"construction_year": NUMBER}, '
        '"owners": {"groups": [{"kind": "investor", "votes": NUMBER}]}}'
    ).replace("NUMBER", number)
    with pytest.raises(ProfileError) as info:
        load_profile(text)
    assert {(e.path, e.message) for e in info.value.errors} == {
        ("building.construction_year", "Dit getal heeft meer dan 30 cijfers."),
        ("owners.groups.0.votes", "Dit getal heeft meer dan 30 cijfers."),
    }


def test_a_long_number_as_text_is_a_dutch_error_too():
    assert _errors(
        {"association": {"name": "x"}, "building": {"construction_year": "9" * 5000}}
    ) == {"building.construction_year": "Dit getal heeft te veel cijfers."}


def test_a_quorum_of_more_than_all_votes_is_refused_not_a_crash_in_the_plan():
    """Found by the money property test: "more than 1/1" can never be present, and the
    vote arithmetic refused it with a ValueError (a server error after a profile import)."""
    rule = {"majority": "1/2", "quorum": "1/1", "quorum_comparison": "more_than"}
    assert _errors({"association": {"name": "x"}, "voting": {"overrides": {"ordinary": rule}}}) == {
        "voting.overrides.ordinary": (
            "Een quorum van meer dan alle stemmen wordt nooit gehaald; "
            "bedoelt u ten minste alle stemmen (at_least)?"
        )
    }
    rule["quorum_comparison"] = "at_least"  # everybody present: strict, but possible
    parse_profile({"association": {"name": "x"}, "voting": {"overrides": {"ordinary": rule}}})


def test_every_own_message_code_is_raised_by_a_validator():
    """A Dutch message whose code no validator raises is dead text that drifts from the
    risks that took its place (weights and owner votes became plan risks)."""
    source = "\n".join(
        path.read_text(encoding="utf-8")
        for path in Path(errors.__file__).parent.glob("*.py")
        if path.name != "errors.py"
    )
    raised = set(re.findall(r'ValueError\(f?"([a-z_]+)', source))
    assert set(errors._CUSTOM) <= raised, set(errors._CUSTOM) - raised
    assert set(errors._CUSTOM_PATH) <= raised, set(errors._CUSTOM_PATH) - raised
