"""The day a recorded second meeting may be held at the earliest (vve/services/tally.py,
the bound of the meetings page's "too early" error) is the legal one: the reglement's
minimum weeks after the failed first meeting and the notice period counted from a notice
sent the day after it (voting.toml [second_meeting]). Not a day earlier, and never later
than the day the plan suggests, so the error and the plan do not contradict each other."""

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from vve.knowledge import load_knowledge
from vve.profile.meetings import DecisionResult
from vve.rules.progress import Agenda, replay
from vve.rules.voting import latest_notice_date
from vve.services.tally import second_meeting_for, second_window

K = load_knowledge()
DAYS = st.dates(dt.date(2026, 1, 1), dt.date(2040, 12, 31))
NOTICE = st.integers(0, 40)


def _decision(held: dt.date, notice: int) -> dict:
    return {
        "notice_days": notice,
        "rule": {"second_meeting_allowed": True},
        "attempts": [
            {"meeting_date": held.isoformat(), "outcome": "no_quorum", "second_meeting": False}
        ],
    }


def _legal(day: dt.date, held: dt.date, notice: int) -> bool:
    """Far enough after the first meeting, with the notice sent the day after it in time."""
    weeks = day >= held + dt.timedelta(weeks=K.second_meeting.min_weeks)
    return weeks and latest_notice_date(day, notice) >= held + dt.timedelta(days=1)


@given(DAYS, NOTICE)
def test_the_earliest_second_meeting_is_the_first_legal_day(held, notice):
    first, earliest, latest = second_window(_decision(held, notice), K)
    assert first == held
    assert _legal(earliest, held, notice)
    assert not _legal(earliest - dt.timedelta(days=1), held, notice)
    assert latest == held + dt.timedelta(weeks=K.second_meeting.max_weeks)
    decision = _decision(held, notice)
    assert second_meeting_for(decision, earliest - dt.timedelta(days=1), K) is None
    assert second_meeting_for(decision, earliest, K) is True


def test_fifteen_days_notice_after_the_4th_of_january_opens_on_the_21st():
    """Two weeks would be the 18th; the notice, sent on the 5th, needs 15 clear days."""
    _held, earliest, _latest = second_window(_decision(dt.date(2027, 1, 4), 15), K)
    assert earliest == dt.date(2027, 1, 21)


@given(DAYS, NOTICE, st.integers(1, 21))
def test_the_plans_second_meeting_is_never_before_the_legal_day(held, notice, later):
    """The plan gives the board time to prepare and picks a meeting evening: its day and
    the window it shows lie inside the legal bounds the error names."""
    result = DecisionResult(
        id=1,
        decision="committee",
        meeting_date=held,
        total=48,
        present=20,
        yes=15,
        no=5,
        outcome="no_quorum",
        rule="mr_1992",
        quorum_needed=32,
        yes_needed=11,
        recorded_at=dt.datetime(held.year, held.month, held.day, 21, tzinfo=dt.UTC),
        recorded_by="board",
    )
    agenda = [Agenda("committee", "organise", notice, True)]
    as_of = held + dt.timedelta(days=later)
    _first, earliest, latest = second_window(_decision(held, notice), K)
    for follow_up in replay([result], agenda, as_of, K).follow_ups:
        if follow_up.kind != "second_meeting":
            continue
        assert earliest <= follow_up.date <= latest
        assert follow_up.window is not None
        assert earliest <= follow_up.window[0] <= follow_up.window[1] <= latest
