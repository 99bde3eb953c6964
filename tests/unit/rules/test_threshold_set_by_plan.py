"""A plan that proposes setting the threshold amount at its first ALV (MR 1983/1992 art. 38
lid 5) computes the decisions of later meetings as "threshold set, amount not known to the
plan" and names the ALV that sets it; decisions at that ALV or before it keep the two
readings of an unset threshold. Once the meeting's result is recorded, a rejection brings
the two readings back; an adoption is the board's "set" answer."""

import datetime as dt
import json

from tests.conftest import ROOT
from tests.example_plans import built_example
from vve.profile import load_profile
from vve.rules import build_plan

STEM = "meppel-beschermd-stadsgezicht"
AS_OF = dt.date(2026, 11, 27)
UNSET = "Zolang de vergadering geen drempelbedrag heeft vastgesteld"
SET = "De vergadering heeft een drempelbedrag vastgesteld"
BY_PLAN = "na de ALV van 23 september 2027 waarvoor het reglement een drempelbedrag kent"


def text(rule) -> str:
    return rule.explanation.text.replace("\N{NO-BREAK SPACE}", " ")


def by_id(plan, did):
    return next(d for d in plan.decisions if d.id == did)


def with_threshold_result(outcome: str) -> tuple:
    """Meppel's plan after its first ALV, with only the threshold decision recorded."""
    raw = json.loads((ROOT / "examples" / f"{STEM}.json").read_text(encoding="utf-8"))
    passed = outcome == "passed"
    raw["results"] = [
        {
            "id": 1,
            "decision": "set_threshold",
            "meeting_date": "2027-09-23",
            "total": 12,
            "present": 12,
            "yes": 9 if passed else 3,
            "no": 3 if passed else 9,
            "outcome": outcome,
            "rule": "ordinary_quorum_half",
            "quorum_needed": 6,
            "yes_needed": 7,
            "recorded_at": "2027-09-23T21:00:00+00:00",
            "recorded_by": "board",
        }
    ]
    return build_plan(load_profile(json.dumps(raw)), dt.date(2027, 10, 1))


def test_the_threshold_decision_is_at_the_first_alv():
    plan = built_example(STEM, AS_OF)
    assert by_id(plan, "set_threshold").date == dt.date(2027, 9, 23)


def test_later_decisions_count_with_the_threshold_the_first_alv_sets():
    d = by_id(built_example(STEM, AS_OF), "insulate_common_parts")
    assert d.date > dt.date(2027, 9, 23)
    assert d.rule.spec.kind == "qualified" and d.rule.applies == "primary"
    said = text(d.rule)
    assert UNSET not in said
    assert BY_PLAN in said
    assert "Dit plan rekent voor die besluiten met de gekwalificeerde meerderheid" in said
    # the qualified majority holds whatever the amount, but whether this decision lies
    # above an amount not yet set is not known: not "zeker" (advisor's re-review, S1)
    assert d.rule.certainty == "onzeker"
    assert "because:threshold_not_set" not in d.rule.explanation.ids
    assert "because:threshold_set_by_plan" in d.rule.explanation.ids


def test_the_rule_names_only_the_decisions_it_is_for():
    """The bullet in "De regels in dit plan" read as if every later decision needed two
    thirds, beside 7 of 12 for the DMJOP and the loan (advisor's re-review, MUST)."""
    said = text(by_id(built_example(STEM, AS_OF), "insulate_common_parts").rule)
    assert "Voor besluiten na de ALV" not in said
    assert "waarvoor het reglement een drempelbedrag kent" in said


def test_decisions_at_the_first_alv_keep_the_unset_reading():
    plan = built_example(STEM, AS_OF)
    for did in ("committee", "commission_advice"):
        d = by_id(plan, did)
        assert d.date == dt.date(2027, 9, 23)
        assert UNSET in text(d.rule)
        assert d.rule.certainty == "betwist"
        assert "ALV van 23 september 2027" not in text(d.rule)


def test_a_rejected_threshold_brings_the_two_readings_back():
    d = by_id(with_threshold_result("too_few_yes"), "insulate_common_parts")
    assert d.rule.spec.kind == "qualified"
    assert UNSET in text(d.rule)
    assert "ALV van 23 september 2027" not in text(d.rule)
    assert d.rule.certainty == "betwist"


def test_an_adopted_threshold_is_the_meetings_set_amount():
    d = by_id(with_threshold_result("passed"), "insulate_common_parts")
    assert d.rule.spec.kind == "qualified"
    assert SET in text(d.rule)
    assert UNSET not in text(d.rule)
    assert d.rule.certainty == "bron"
