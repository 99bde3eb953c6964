"""The voting chapter's sentence on the second meeting: a day in the holidays is proposed
with what makes it one (vve/document/chapters/voting.py)."""

from vve.document.chapters.voting import _second_text

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
