"""The vve command as a user runs it: exit codes, Dutch messages, no tracebacks."""

import json
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import EXAMPLES
from vve.cli import main


def run(*args):
    return subprocess.run([sys.executable, "-m", "vve.cli", *args], capture_output=True, text=True)


def test_check_accepts_a_valid_profile(capsys):
    assert main(["check", str(EXAMPLES[0])]) == 0
    assert "geldig profiel" in capsys.readouterr().out


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_plan_writes_json_with_the_numbers_per_decision(path, tmp_path):
    out = tmp_path / "plan.json"
    assert main(["plan", str(path), "--json", str(out), "--as-of", "2026-11-24"]) == 0
    plan = json.loads(out.read_text(encoding="utf-8"))
    for decision in plan["decisions"]:
        rule = decision["rule"]
        assert {"quorum", "majority", "base", "comparison"} <= set(rule)
        assert rule["explanation"]["ids"]
        if plan["votes"]["total"]:
            assert "min_yes_full_attendance" in rule["votes"]
            assert "min_yes_at_quorum" in rule["votes"]


def test_a_saved_version_1_file_is_still_read(capsys):
    old = sorted((EXAMPLES[0].parent.parent / "tests" / "fixtures" / "profile-v1").glob("*.json"))
    assert main(["check", str(old[0])]) == 0
    assert main(["plan", str(old[0]), "--as-of", "2026-11-24"]) == 0
    out = capsys.readouterr().out
    plan = json.loads(out[out.index("{") :])
    assert plan["profile_schema_version"] == 3 and plan["money"]["summary"]


def test_an_inconsistent_plan_fails_loudly_in_development(monkeypatch, capsys):
    from vve.rules.checks import Violation

    monkeypatch.setattr(
        "vve.cli.check_plan",
        lambda plan, knowledge: [Violation("meeting_not_on_a_meeting_day", "x")],
    )
    monkeypatch.delenv("VVE_ENV", raising=False)
    assert main(["plan", str(EXAMPLES[0]), "--as-of", "2026-11-24"]) == 4
    assert "meeting_not_on_a_meeting_day" in capsys.readouterr().err
    monkeypatch.setenv("VVE_ENV", "production")
    assert main(["plan", str(EXAMPLES[0]), "--as-of", "2026-11-24"]) == 0


def test_plan_to_stdout(capsys):
    assert main(["plan", str(EXAMPLES[0]), "--as-of", "2026-11-24"]) == 0
    assert json.loads(capsys.readouterr().out)["plan_format"] == 1


def test_missing_file_exits_2_in_dutch():
    result = run("plan", "bestaat-niet.json")
    assert result.returncode == 2
    assert "bestaat niet" in result.stderr and "Traceback" not in result.stderr


def test_invalid_json_exits_2_in_dutch(tmp_path):
    bad = tmp_path / "kapot.json"
    bad.write_text("{ niet af", encoding="utf-8")
    result = run("check", str(bad))
    assert result.returncode == 2 and "geen geldige JSON" in result.stderr


def test_schema_errors_list_every_field_path(tmp_path):
    bad = tmp_path / "fout.json"
    bad.write_text(
        json.dumps(
            {"association": {"name": "x"}, "building": {"storeys": -1, "glazing": "plexiglas"}}
        ),
        encoding="utf-8",
    )
    result = run("plan", str(bad))
    assert result.returncode == 2
    assert "building.storeys:" in result.stderr and "building.glazing:" in result.stderr
    assert "Traceback" not in result.stderr


def test_binary_garbage_exits_2(tmp_path):
    bad = tmp_path / "binair.json"
    bad.write_bytes(b"\xff\xfe\x00garbage")
    result = run("check", str(bad))
    assert result.returncode == 2 and "Traceback" not in result.stderr


def test_bad_date_option_exits_2():
    result = run("plan", str(EXAMPLES[0]), "--as-of", "morgen")
    assert result.returncode == 2 and "JJJJ-MM-DD" in result.stderr


def test_announced_rule_switch(capsys):
    assert (
        main(
            [
                "plan",
                str(EXAMPLES[0]),
                "--as-of",
                "2026-11-24",
                "--announced-rule-from",
                "2026-07-01",
            ]
        )
        == 0
    )
    plan = json.loads(capsys.readouterr().out)
    applied = {d["rule"]["applies"] for d in plan["decisions"] if d["sustainability"]}
    assert applied == {"announced_in_force"}


def test_examples_command_writes_every_plan(tmp_path, capsys):
    assert main(["examples", "--out", str(tmp_path), "--as-of", "2026-11-24"]) == 0
    assert len(list(tmp_path.glob("*.plan.json"))) == len(EXAMPLES)


@settings(max_examples=40, deadline=None)
@given(st.binary(max_size=300))
def test_no_input_file_makes_a_traceback(tmp_path_factory, content):
    path = tmp_path_factory.mktemp("fuzz") / "p.json"
    path.write_bytes(content)
    for command in ("check", "plan"):
        status = main(
            [command, str(path), "--json", str(path.with_suffix(".out"))]
            if command == "plan"
            else [command, str(path)]
        )
        assert status in (0, 2)


@pytest.mark.parametrize(
    "args, dutch",
    [
        (["plan"], "deze argumenten ontbreken"),
        (["plannen"], "ongeldige keuze"),
        (["check", "a.json", "--extra"], "onbekende argumenten"),
    ],
)
def test_usage_errors_are_dutch(args, dutch):
    result = run(*args)
    assert result.returncode == 2 and dutch in result.stderr


def test_far_dates_are_refused():
    result = run("plan", str(EXAMPLES[0]), "--as-of", "9999-12-30")
    assert result.returncode == 2 and "tussen 2000 en 2090" in result.stderr


def test_plan_to_word_with_a_house_style(tmp_path):
    from docx import Document

    house = Document()
    house.styles["Heading 1"].font.name = "Georgia"
    house.save(tmp_path / "huisstijl.docx")
    out = tmp_path / "plan.docx"
    assert (
        main(
            [
                "plan",
                str(EXAMPLES[0]),
                "--as-of",
                "2026-11-24",
                "--docx",
                str(out),
                "--template",
                str(tmp_path / "huisstijl.docx"),
                "--author",
                "Team Drenthe",
            ]
        )
        == 0
    )
    document = Document(out)
    assert document.styles["Heading 1"].font.name == "Georgia"
    assert document.core_properties.author == "Team Drenthe"


def test_a_refused_template_exits_2(tmp_path):
    from tests.house_styles import hostile_house_style

    bad = tmp_path / "huisstijl.docx"
    bad.write_bytes(hostile_house_style("vba_project"))
    result = run(
        "plan", str(EXAMPLES[0]), "--docx", str(tmp_path / "p.docx"), "--template", str(bad)
    )
    assert result.returncode == 2 and "macro" in result.stderr
    assert not (tmp_path / "p.docx").exists()


def test_pdf_without_libreoffice_says_so_and_keeps_the_word_file(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr("vve.document.pdf.soffice_path", lambda: None)
    out = tmp_path / "plan.docx"
    status = main(["plan", str(EXAMPLES[0]), "--docx", str(out), "--pdf", str(tmp_path / "p.pdf")])
    assert status == 3 and out.exists() and not (tmp_path / "p.pdf").exists()
    assert "LibreOffice" in capsys.readouterr().err
