"""The voting chapter's sentence on the second meeting: a day in the holidays is proposed
with what makes it one (vve/document/wording.py). After an annual ALV whose day is the VvE's own, the second
meeting is named in weeks after it."""

from vve.document.wording import second_text
from vve.knowledge import load_knowledge


def _second_text(second, known=True, annual=False):
    """The sentence with its dates' no-break spaces as plain ones."""
    return second_text(second, known, annual).replace("\N{NO-BREAK SPACE}", " ")


SECOND = {
    "earliest": "2027-07-04",
    "latest": "2027-07-29",
    "planned": "2027-07-05",
    "notice_days": 15,
}


def test_a_second_meeting_in_the_holidays_says_why_it_falls_there():
    text = _second_text({**SECOND, "in_holidays": True})
    assert "op 5 juli 2027" in text
    assert "in die weken valt geen doordeweekse avond buiten de vakanties" in text


def test_a_second_meeting_outside_the_holidays_says_nothing_of_them():
    for second in ({**SECOND, "in_holidays": False}, SECOND):  # SECOND: a plan from before
        assert "vakanties" not in _second_text(second)


def test_the_window_runs_from_its_first_to_its_last_weekday_evening():
    """Not from the legal first day when that is a Sunday (4 July 2027)."""
    text = _second_text({**SECOND, "first_evening": "2027-07-05", "last_evening": "2027-07-29"})
    assert "tussen 5 juli 2027 en 29 juli 2027" in text
    assert "4 juli" not in text


def test_after_an_annual_alv_the_second_meeting_is_named_in_weeks():
    second = {**SECOND, "first_meeting": "2027-06-20", "earliest": "2027-07-04"}
    second["latest"] = "2027-08-01"
    text = _second_text(second, annual=True)
    assert "een tweede vergadering 2 tot 6 weken later" in text
    assert "juli" not in text


def test_after_an_annual_alv_the_weeks_are_the_reglements_not_a_clipped_window():
    """An annual ALV's day is the VvE's own: a window the placeholder day's holidays cut
    short (22 November to 19 December 2029) is not the rule; the reglement's is."""
    sm = load_knowledge().second_meeting
    second = {**SECOND, "first_meeting": "2029-11-22", "earliest": "2029-12-10"}
    second["latest"] = "2029-12-19"
    for known in (True, False):
        text = _second_text(second, known, annual=True)
        assert f"een tweede vergadering {sm.min_weeks} tot {sm.max_weeks} weken later" in text
        assert "2 tot 3 weken" not in text


def test_a_window_of_evenings_outside_the_holidays_says_so():
    """The window shown keeps to the evenings outside the holidays (the legal bounds stay in
    the plan's data): the sentence says so, and does not call it what the law allows."""
    second = {
        **SECOND,
        "in_holidays": False,
        "earliest": "2027-10-21",
        "latest": "2027-11-15",
        "planned": "2027-10-25",
        "first_evening": "2027-10-25",
        "last_evening": "2027-11-15",
    }
    text = _second_text(second)
    assert "tussen 25 oktober 2027 en 15 november 2027, buiten de vakanties" in text
    assert "21 oktober" not in text and "het mag" not in text
