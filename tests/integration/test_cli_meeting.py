"""`vve meeting` as a secretary runs it: the pack's files in a folder, their paths printed,
exit 2 with a Dutch message for bad input."""

import io
import json
from pathlib import Path

import pytest
from docx import Document

from tests.conftest import EXAMPLES
from vve.cli import main

EMMEN = str(next(p for p in EXAMPLES if p.stem == "emmen-galerijflat"))
PARTS = ("oproeping", "agenda", "toelichting", "volmacht", "presentielijst", "notulen")


def test_the_pack_is_written_into_a_new_folder_and_each_path_printed(tmp_path, capsys):
    out = tmp_path / "stukken" / "alv-1"
    args = ["meeting", EMMEN, "--meeting", "1", "--out", str(out), "--as-of", "2027-01-04"]
    assert main([*args, "--place", "Buurthuis De Schakel", "--time", "19.30 uur"]) == 0
    printed = capsys.readouterr().out.split()
    assert printed == [str(out / f"vergadering-1-{part}.docx") for part in PARTS]
    convocation = Document(io.BytesIO(Path(printed[0]).read_bytes()))
    text = " ".join(p.text for p in convocation.paragraphs)
    assert "Buurthuis De Schakel" in text and "19.30 uur" in text


def test_an_unknown_meeting_exits_2_with_the_plans_meetings(tmp_path, capsys):
    args = ["meeting", EMMEN, "--meeting", "9", "--out", str(tmp_path), "--as-of", "2027-01-04"]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert "Vergadering 9 staat niet in dit plan" in err and "Kies uit: 1 (" in err
    assert not list(tmp_path.iterdir())  # nothing written


def test_an_unreadable_profile_exits_2(tmp_path, capsys):
    bad = tmp_path / "profiel.json"
    bad.write_text("{niet json", encoding="utf-8")
    assert main(["meeting", str(bad), "--meeting", "1", "--out", str(tmp_path / "x")]) == 2
    assert "geen geldig profiel" in capsys.readouterr().err
    missing = tmp_path / "weg.json"
    assert main(["meeting", str(missing), "--meeting", "1", "--out", str(tmp_path)]) == 2


@pytest.mark.parametrize(
    ("args", "dutch"),
    [
        (["--meeting", "een"], "geen geheel getal"),
        (["--meeting", "1"], "deze argumenten ontbreken: --out"),
    ],
)
def test_usage_errors_exit_2_in_dutch(args, dutch, capsys):
    with pytest.raises(SystemExit) as stopped:
        main(["meeting", EMMEN, *args])
    assert stopped.value.code == 2
    assert dutch in capsys.readouterr().err


def test_a_refused_house_style_exits_2(tmp_path, capsys):
    style = tmp_path / "huisstijl.docx"
    style.write_bytes(b"geen word-bestand")
    args = ["meeting", EMMEN, "--meeting", "1", "--out", str(tmp_path / "o")]
    assert main([*args, "--template", str(style)]) == 2
    assert "huisstijl" in capsys.readouterr().err


def test_a_second_meeting_after_a_recorded_missed_quorum(tmp_path, capsys):
    """The pack follows the plan the results make: meeting 2 is the second meeting."""
    from tests.unit.document.test_meeting_pack import _raw, second_meeting_plan

    plan = json.loads(second_meeting_plan())
    raw = _raw()
    raw["results"] = plan["answers"]["results"]
    profile = tmp_path / "profiel.json"
    profile.write_text(json.dumps(raw), encoding="utf-8")
    args = ["meeting", str(profile), "--meeting", "2", "--out", str(tmp_path / "o")]
    assert main([*args, "--as-of", plan["as_of"]]) == 0
    convocation = tmp_path / "o" / "vergadering-2-oproeping.docx"
    doc = Document(io.BytesIO(convocation.read_bytes()))
    assert doc.paragraphs[0].text == "Oproeping tweede vergadering van eigenaars"
