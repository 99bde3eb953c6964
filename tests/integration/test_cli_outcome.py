"""``vve outcome``: the outcome of a count in numbers, with the exit status a script can use
(0 passed, 1 rejected or not taken, 2 bad input)."""

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import ROOT
from vve.cli import main

EMMEN = str(ROOT / "examples" / "emmen-galerijflat.json")  # 48 votes, model 1992
AS_OF = ["--as-of", "2026-11-24"]


def run(capsys, *args: str) -> tuple[int, str, str]:
    status = main(["outcome", EMMEN, *AS_OF, *args])
    out, err = capsys.readouterr()
    return status, out, err


def test_a_passed_decision_exits_0_with_its_numbers(capsys):
    status, out, _ = run(
        capsys,
        "--decision",
        "set_threshold",
        "--present",
        "30",
        "--yes",
        "25",
        "--no",
        "3",
        "--blank",
        "2",
    )
    assert status == 0
    assert "Aangenomen." in out and "30 van de 48" in out and "ten minste 15 stemmen voor" in out
    assert "2 blanco" in out


def test_a_missed_quorum_exits_1_and_offers_the_second_meeting(capsys):
    status, out, _ = run(
        capsys,
        *("--decision", "commission_advice", "--present", "31", "--yes", "31", "--no", "0"),
        *("--drempel", "boven"),
    )
    assert status == 1
    assert "quorum is niet gehaald" in out and "32 stemmen" in out and "tweede vergadering" in out


def test_the_second_meeting_decides_regardless_of_attendance(capsys):
    status, out, _ = run(
        capsys,
        "--decision",
        "commission_advice",
        "--present",
        "6",
        "--yes",
        "4",
        "--no",
        "2",
        "--second-meeting",
        "--drempel",
        "boven",
    )
    assert status == 0 and "ongeacht het aantal aanwezige stemmen" in out


def test_a_rejection_exits_1(capsys):
    status, out, _ = run(
        capsys, "--decision", "committee", "--present", "40", "--yes", "20", "--no", "20"
    )
    assert status == 2  # its majority depends on the threshold amount: say which case
    for case in ("boven", "niet-boven"):
        status, out, _ = run(
            capsys,
            *("--decision", "committee", "--present", "40", "--yes", "20", "--no", "20"),
            *("--drempel", case),
        )
        assert status == 1 and out.splitlines()[1].strip() == "Verworpen."


def test_a_budget_below_the_threshold_amount_needs_an_ordinary_majority(capsys):
    """29 of 48 present, 20 for: taken below the threshold amount, no quorum above it."""
    args = ("--decision", "committee", "--present", "29", "--yes", "20", "--no", "5")
    status, out, _ = run(capsys, *args, "--drempel", "niet-boven")
    assert status == 0 and "Aangenomen." in out
    status, out, _ = run(capsys, *args, "--drempel", "boven")
    assert status == 1 and "quorum is niet gehaald" in out
    status, _, err = run(capsys, *args)
    assert status == 2 and "drempelbedrag" in err


def test_bad_input_exits_2_in_dutch(capsys):
    status, _, err = run(capsys, "--decision", "nope", "--present", "1", "--yes", "1", "--no", "0")
    assert status == 2 and "geen besluit 'nope'" in err and "committee" in err
    status, _, err = run(
        capsys, "--decision", "committee", "--present", "10", "--yes", "8", "--no", "8"
    )
    assert status == 2 and "meer dan de 10 stemmen" in err
    status, _, err = run(
        capsys, "--decision", "committee", "--present", "49", "--yes", "1", "--no", "0"
    )
    assert status == 2 and "48" in err


@settings(max_examples=40, deadline=None)
@given(
    present=st.integers(-5, 60),
    yes=st.integers(-5, 60),
    no=st.integers(-5, 60),
    blank=st.integers(-5, 60),
    decision=st.sampled_from(["committee", "commission_advice", "vve_loan", "other"]),
    case=st.sampled_from([None, "boven", "niet-boven"]),
)
def test_any_count_gives_an_answer_never_a_traceback(present, yes, no, blank, decision, case):
    args = ["outcome", EMMEN, *AS_OF, "--decision", decision]
    args += ["--present", str(present), "--yes", str(yes), "--no", str(no), "--blank", str(blank)]
    args += ["--drempel", case] if case else []
    status = main(args)
    valid = min(present, yes, no, blank) >= 0 and yes + no + blank <= present <= 48
    both = decision in ("committee", "commission_advice")  # both cases in Emmen's plan
    if decision == "other" or not valid or both != (case is not None):
        assert status == 2
    else:
        assert status in (0, 1)
