"""The parts later annual ALVs take (vve/rules/parts.py) recorded like decisions: a part's
result (the profile's ``results.*.part``) is replayed after its decision passed; a part
that passed is taken, one that was rejected comes back at a later meeting, like a
rejected decision; a part's result before its decision passed is set aside."""

import datetime as dt
import io

from docx import Document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.unit.rules.test_progress import _raw, decision, plan_of, record
from vve.document import write_plan_docx
from vve.profile import parse_profile
from vve.rules.checks import check_plan
from vve.rules.outcomes import judge, next_meeting, result_fields
from vve.rules.parts import as_decision
from vve.rules.progress import part_key

from .test_progress import START, K

ASSEN = "assen-warmtenet-blokverwarming"


def _through_decide() -> tuple[dict, dict]:
    """Assen with its three stage meetings held and every proposal passed, the plan made
    the day after the decision meeting: next comes the binding heat-network decision with
    the loan for it. Its boiler due in 2029, within the quote horizon of the 2027 meeting,
    so that meeting decides the amount for bridging it (vve/rules/bridging.py;
    test_bridging_later.py has the later ALV that decides it otherwise)."""
    raw = _raw(ASSEN)
    raw["money"]["planned"]["collective_boiler"] = 2029
    raw["money"]["reserve_commitments"][0]["year"] = 2029
    plan = plan_of(raw, START)
    for _ in range(3):
        meeting = next_meeting(plan)
        assert meeting["decisions"]
        day = dt.date.fromisoformat(meeting["date"])
        total = plan["votes"]["total"]
        raw = record(raw, plan, day, dict.fromkeys(meeting["decisions"], (total, total, 0, 0)))
        plan = plan_of(raw, day + dt.timedelta(days=1))
    return raw, plan


def _part(plan: dict, did: str, kind: str) -> dict:
    return next(p for p in decision(plan, did)["later"] if p["kind"] == kind)


def record_part(raw: dict, plan: dict, day: dt.date, did: str, kind: str, count: tuple) -> dict:
    """The profile with a part's result, as the app records it."""
    part = _part(plan, did, kind)
    judged = judge(as_decision(decision(plan, did), part), plan["votes"]["total"], *count)
    entry = result_fields(judged) | {
        "id": len(raw["results"]) + 1,
        "part": part["key"],
        "meeting_date": day.isoformat(),
        "recorded_at": f"{day.isoformat()}T21:00:00+00:00",
        "recorded_by": "board",
    }
    return {**raw, "results": [*raw["results"], entry]}


def test_a_meeting_of_parts_only_is_next_and_its_parts_have_keys():
    _raw_, plan = _through_decide()
    meeting = next_meeting(plan)
    assert meeting["decisions"] == [] and meeting["parts"] == ["heat_installation", "vve_loan"]
    part = _part(plan, "heat_installation", "binding")
    assert part["key"] == f"binding_{meeting['date'][:4]}"
    assert part["state"] == "open" and part["attempts"] == []


def test_a_passed_part_is_taken_and_the_plan_moves_on():
    raw, plan = _through_decide()
    meeting = next_meeting(plan)
    day = dt.date.fromisoformat(meeting["date"])
    total = plan["votes"]["total"]
    raw = record_part(raw, plan, day, "heat_installation", "binding", (total, total, 0, 0))
    plan = plan_of(raw, day + dt.timedelta(days=1))
    part = _part(plan, "heat_installation", "binding")
    assert part["state"] == "taken" and part["meeting_date"] == day.isoformat()
    assert [a["outcome"] for a in part["attempts"]] == ["passed"]
    held = next(m for m in plan["meetings"] if m["date"] == day.isoformat())
    assert held["held"] and held["parts"] == ["heat_installation"]
    assert plan["progress"]["last_meeting"] == day.isoformat()
    assert plan["progress"]["ignored_results"] == []
    following = next_meeting(plan)
    assert following["date"] > day.isoformat() and "heat_installation" not in following["parts"]
    assert not check_plan(plan, K)


def test_a_rejected_part_comes_back_like_a_rejected_decision():
    raw, plan = _through_decide()
    meeting = next_meeting(plan)
    day = dt.date.fromisoformat(meeting["date"])
    total = plan["votes"]["total"]
    raw = record_part(raw, plan, day, "heat_installation", "binding", (total, 1, total - 1, 0))
    plan = plan_of(raw, day + dt.timedelta(days=3))
    part = _part(plan, "heat_installation", "binding")
    assert part["state"] == "again"
    assert [a["outcome"] for a in part["attempts"]] == ["too_few_yes"]
    key = part_key("heat_installation", part["key"])
    follow_up = next(f for f in plan["progress"]["follow_ups"] if key in f["decisions"])
    assert follow_up["kind"] == "again" and follow_up["after"] == day.isoformat()
    again = next_meeting(plan)
    assert again["kind"] == "again" and again["parts"] == ["heat_installation"]
    assert again["date"] == part["meeting_date"] == follow_up["date"]
    weeks = (dt.date.fromisoformat(again["date"]) - day).days / 7
    assert weeks >= K.follow_up.again_weeks
    # the decision itself stays taken
    assert decision(plan, "heat_installation")["state"] == "taken"
    assert not check_plan(plan, K)


def test_a_part_lacking_its_quorum_goes_to_a_second_meeting_where_the_rule_allows():
    raw, plan = _through_decide()
    meeting = next_meeting(plan)
    day = dt.date.fromisoformat(meeting["date"])
    total = plan["votes"]["total"]
    raw = record_part(raw, plan, day, "heat_installation", "binding", (1, 1, 0, 0))
    plan = plan_of(raw, day + dt.timedelta(days=1))
    part = _part(plan, "heat_installation", "binding")
    allowed = decision(plan, "heat_installation")["rule"]["second_meeting_allowed"]
    assert part["state"] == ("second_meeting" if allowed else "again")
    follow_up = next_meeting(plan)
    assert follow_up["parts"] == ["heat_installation"]
    assert total and not check_plan(plan, K)


def test_a_part_at_the_meeting_that_passed_its_decision_is_set_aside():
    raw, plan = _through_decide()
    day = dt.date.fromisoformat(decision(plan, "heat_installation")["meeting_date"])
    total = plan["votes"]["total"]
    raw = record_part(raw, plan, day, "heat_installation", "binding", (total, total, 0, 0))
    plan = plan_of(raw, day + dt.timedelta(days=1))
    assert plan["progress"]["ignored_results"] == [raw["results"][-1]["id"]]
    assert _part(plan, "heat_installation", "binding")["state"] == "open"
    assert next_meeting(plan)["parts"] == ["heat_installation", "vve_loan"]


def _word(plan: dict) -> list[str]:
    doc = Document(io.BytesIO(write_plan_docx(plan)))
    texts = [p.text for p in doc.paragraphs]
    texts += [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return [t.replace("\N{NO-BREAK SPACE}", " ") for t in texts]


def test_the_word_plan_shows_a_part_with_its_own_result():
    raw, plan = _through_decide()
    meeting = next_meeting(plan)
    day = dt.date.fromisoformat(meeting["date"])
    total = plan["votes"]["total"]
    raw = record_part(raw, plan, day, "heat_installation", "binding", (total, 1, total - 1, 0))
    plan = plan_of(raw, day + dt.timedelta(days=3))
    texts = _word(plan)
    # the chapter on voting, after the contents
    held = max(i for i, t in enumerate(texts) if t == "ALV van 25 september 2030 (gehouden)")
    assert texts[held + 1].startswith(
        "Bindend besluit: aansluiting op het warmtenet volgens het aanbod: op 25 september 2030 "
        "verworpen (1 voor, 23 tegen"
    )
    # in the table of decisions, an open part shows the votes it needs, not its decision's
    # result
    title = "Zonnepanelen plaatsen bij het onderhoud van het dak in 2032"
    panels = max(i for i, t in enumerate(texts) if t == title)  # the table, in the annex
    assert texts[panels + 1] == "jaarlijkse ALV 2031 (datum volgt)"
    assert not texts[panels + 2].startswith("aangenomen")


def test_results_stored_before_parts_keep_every_answer():
    """A result stored without ``part`` (every dossier before it) reads as its decision's,
    with every stored key unchanged: no migration is needed."""
    raw, _plan = _through_decide()
    stored = parse_profile(raw).model_dump(mode="json")  # as the app stores a profile
    for r in stored["results"]:
        r.pop("part", None)
    again = parse_profile(stored).model_dump(mode="json")
    for before, after in zip(stored["results"], again["results"], strict=True):
        assert after == {**before, "part": None}
    with_part = record_part(
        raw, plan_of(raw, START), START, "heat_installation", "binding", (1, 1, 0, 0)
    )
    kept = parse_profile(with_part).model_dump(mode="json")["results"][-1]
    assert kept["part"] == "binding_2030"


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    rounds=st.lists(
        st.tuples(
            st.integers(0, 30),  # days after the planned date the meeting is held
            st.integers(1, 90),  # days after it the plan is made again
            st.lists(st.tuples(st.integers(0, 100), st.integers(0, 100)), min_size=3),
        ),
        min_size=1,
        max_size=4,
    )
)
def test_any_result_of_parts_keeps_the_plan_whole_and_a_taken_part_taken(rounds):
    raw, plan = _through_decide()
    taken: dict[str, str] = {}
    for late, after, picks in rounds:
        meeting = next_meeting(plan)
        if meeting is None:
            break
        day = max(dt.date.fromisoformat(meeting["date"]), dt.date.fromisoformat(plan["as_of"]))
        day += dt.timedelta(days=late)
        total = plan["votes"]["total"]
        counts = iter(picks)
        chosen = {}
        for did in meeting["decisions"]:
            present, yes = next(counts)
            p = present * total // 100
            chosen[did] = (p, yes * p // 100, p - yes * p // 100, 0)
        raw = record(raw, plan, day, chosen) if chosen else raw
        for did in meeting["parts"]:
            for part in decision(plan, did)["later"]:
                if part["state"] == "taken" or part["meeting_date"][:4] != meeting["date"][:4]:
                    continue
                present, yes = next(counts, (100, 100))
                p = present * total // 100
                count = (p, yes * p // 100, p - yes * p // 100, 0)
                raw = record_part(raw, plan, day, did, part["kind"], count)
        plan = plan_of(raw, day + dt.timedelta(days=after))
        assert not check_plan(plan, K), check_plan(plan, K)
        for d in plan["decisions"]:
            for part in d["later"]:
                key = part_key(d["id"], part["key"])
                if key in taken:
                    assert part["state"] == "taken" and part["meeting_date"] == taken[key]
                elif part["state"] == "taken":
                    taken[key] = part["meeting_date"]


def test_a_day_moved_to_another_year_keeps_29_february_as_28_where_there_is_none():
    """Found by Hypothesis: a loan signed by 29 February 2028 and a later meeting three
    years on (the MJOP's cover for a later loan) raised instead of giving a day."""
    from vve.rules.calendar import same_day_in

    assert same_day_in(dt.date(2028, 2, 29), 2031) == dt.date(2031, 2, 28)
    assert same_day_in(dt.date(2028, 2, 29), 2032) == dt.date(2032, 2, 29)
    assert same_day_in(dt.date(2028, 3, 1), 2031) == dt.date(2031, 3, 1)
