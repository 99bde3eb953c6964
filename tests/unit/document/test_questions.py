"""Each open question is said once, in the chapter "Open vragen", with the phase in which it
is found out; the phase tables give one row per group of questions (who finds them out, and
when) that refers to that chapter, instead of repeating every question."""

import io

import pytest
from docx import Document
from hypothesis import HealthCheck, given, settings

from tests.conftest import AS_OF
from tests.example_plans import example_plan, written_example
from tests.strategies import profile_data
from vve import labels
from vve.document import write_plan_docx
from vve.profile import ProfileError, parse_profile
from vve.rules import build_plan
from vve.rules.serialize import plan_to_dict

REFERENCE = "(zie het hoofdstuk 'Open vragen')"


def _plan(name: str) -> dict:
    return example_plan(name, AS_OF)


def _text(doc) -> str:
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            seen = []  # a merged cell comes back once per grid column
            for cell in row.cells:
                if cell._tc not in seen:
                    seen.append(cell._tc)
                    parts.append(cell.text)
    return "\n".join(parts).replace("\N{NO-BREAK SPACE}", " ")


def _table(doc, header: tuple[str, ...]):
    """The table whose header row starts with these column names."""
    return next(
        t for t in doc.tables if tuple(c.text for c in t.rows[0].cells)[: len(header)] == header
    )


@pytest.fixture(scope="module", params=["tynaarlo-weinig-bekend", "emmen-galerijflat"])
def written(request):
    return _plan(request.param), written_example(request.param, AS_OF)


def _assert_each_question_once(plan: dict, text: str) -> None:
    hows = [u["how_to_find_out"] for u in plan["unknowns"]]
    for how in set(hows):
        assert text.count(how) == hows.count(how), how


def test_each_open_question_is_said_once(written):
    plan, doc = written
    assert plan["unknowns"]  # both examples leave something unknown
    _assert_each_question_once(plan, _text(doc))


def test_every_open_question_keeps_its_row_with_who_and_the_phase(written):
    plan, doc = written
    table = _table(doc, ("Vraag", "Hoe uit te zoeken", "Wie", "Wanneer"))
    rows = [[c.text for c in r.cells] for r in table.rows[1:]]
    assert sorted(r[1] for r in rows) == sorted(u["how_to_find_out"] for u in plan["unknowns"])
    phase_of = {
        a["id"]: index
        for index, stage in enumerate(plan["stages"], start=1)
        for a in stage["actions"]
    }
    by_how = {u["how_to_find_out"]: u for u in plan["unknowns"]}
    assert [r[3] for r in rows] == [f"fase {phase_of[by_how[r[1]]['action']]}" for r in rows]
    assert [r[2] for r in rows] == [labels.WHO[by_how[r[1]]["who"]] for r in rows]
    # a working list: by phase, and within a phase one group per who
    phases = [int(r[3].split()[1]) for r in rows]
    assert phases == sorted(phases)
    groups = [(r[3], r[2]) for r in rows]
    assert len(set(groups)) == len(
        [g for i, g in enumerate(groups) if i == 0 or g != groups[i - 1]]
    )


def test_a_phase_table_refers_to_the_open_questions_once_per_who():
    plan = _plan("tynaarlo-weinig-bekend")
    doc = Document(io.BytesIO(write_plan_docx(plan)))
    tables = [
        t
        for t in doc.tables
        if [c.text for c in t.rows[0].cells] == ["Wat", "Wie", "Wanneer", "Duur"]
    ]
    assert len(tables) == len(plan["stages"])
    for stage, table in zip(plan["stages"], tables, strict=True):
        asked = [a for a in stage["actions"] if a["origin"] == "unknown"]
        whos = sorted({a["who"] for a in asked})
        rows = [[c.text for c in r.cells] for r in table.rows[1:]]
        refer = [r for r in rows if REFERENCE in r[0]]
        assert len(rows) == len(stage["actions"]) - len(asked) + len(whos)
        assert sorted(int(r[0].split()[0]) for r in refer) == sorted(
            sum(a["who"] == w for a in asked) for w in whos
        )


def test_the_intro_says_the_table_names_who_and_when():
    plan = _plan("tynaarlo-weinig-bekend")
    text = _text(Document(io.BytesIO(write_plan_docx(plan))))
    assert "de planning staat bij fase" not in text
    assert (
        "De tabel noemt wie het uitzoekt en in welke fase, in de volgorde van de fasen; "
        "wanneer precies, staat bij die fase."
    ) in text


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(profile_data)
def test_no_profile_gets_an_open_question_twice(data):
    try:
        profile = parse_profile(data)
    except ProfileError:
        return
    plan = plan_to_dict(build_plan(profile, AS_OF))
    _assert_each_question_once(plan, _text(Document(io.BytesIO(write_plan_docx(plan)))))
