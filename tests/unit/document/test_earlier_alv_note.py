"""Where the plan offers an earlier first ALV to still reach the SVVE advice subsidy
(``earlier_meeting`` on its stage), the Word plan says so in one sentence under Tabel 1
and at the start of that ALV's section in the voting chapter, pointing to where the
choice is explained (the board's step in "De eerste drie stappen" and the risk); nowhere
else, and a plan stored without the key still renders (advisor's review of Meppel,
2026-11-27)."""

from __future__ import annotations

import datetime as dt
import io

from docx import Document

from tests.conftest import EXAMPLES
from tests.example_plans import example_plan, written_example
from vve.document import write_plan_docx

AS_OF = dt.date(2026, 11, 27)
MEPPEL = "meppel-beschermd-stadsgezicht"
OTHERS = tuple(p.stem for p in EXAMPLES if p.stem != MEPPEL)
WANT = "Wil de VvE de SVVE-subsidie voor het energieadvies nog halen"
POINTER = "(zie stap 2 van 'De eerste drie stappen' en 'Belangrijkste risico's')."


def _body(doc) -> list[tuple[str, str, str]]:
    """(kind, style, text) of each paragraph and table in the body, in order."""
    out = []
    for element in doc.element.body.iterchildren():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag == "tbl":
            out.append(("table", "", ""))
        elif tag == "p":
            text = "".join(t.text or "" for t in element.iter() if t.tag.endswith("}t"))
            style = element.find(".//{*}pStyle")
            out.append(("p", style.get(style.keys()[0]) if style is not None else "", text))
    return out


def _after_table_one(body) -> str:
    caption = next(i for i, (_, _, t) in enumerate(body) if t.startswith("Tabel 1. "))
    table = next(i for i in range(caption, len(body)) if body[i][0] == "table")
    _, style, text = next(b for b in body[table + 1 :] if b[2])  # after the table's spacer
    assert not style.startswith("Heading")
    return text


def _after_heading(body, heading: str) -> str:
    at = [i for i, (_, style, t) in enumerate(body) if style == "Heading2" and t == heading]
    assert len(at) == 1, at  # the voting chapter's section, not its line in the contents
    return body[at[0] + 1][2]


def test_meppel_names_the_june_alv_under_table_one():
    text = _after_table_one(_body(written_example(MEPPEL, AS_OF)))
    assert text == (
        f"{WANT}, dan vergadert de ALV van 23\xa0september\xa02027 al op 24\xa0juni\xa02027 "
        f"{POINTER}"
    )


def test_meppel_names_it_at_the_start_of_that_alvs_section():
    text = _after_heading(_body(written_example(MEPPEL, AS_OF)), "ALV van 23\xa0september\xa02027")
    assert text == f"{WANT}, dan vergadert deze ALV al op 24\xa0juni\xa02027 {POINTER}"


def test_meppel_says_it_twice_only():
    paragraphs = [p.text for p in written_example(MEPPEL, AS_OF).paragraphs]
    assert len([t for t in paragraphs if t.startswith(WANT)]) == 2


def test_the_others_say_nothing_of_it():
    for stem in OTHERS:
        texts = [p.text for p in written_example(stem, AS_OF).paragraphs]
        assert not [t for t in texts if "Wil de VvE de SVVE-subsidie" in t], stem


def test_a_plan_stored_without_the_key_still_renders():
    plan = example_plan(MEPPEL, AS_OF)
    for stage in plan["stages"]:
        del stage["earlier_meeting"]
    doc = Document(io.BytesIO(write_plan_docx(plan)))
    assert not [p for p in doc.paragraphs if p.text.startswith(WANT)]


def test_for_the_whole_advice_where_the_dmjop_can_still_be_adopted():
    """Assen-zes starting mid-February 2027 (tests/unit/rules/test_svve_advice_step.py):
    the earlier first ALV is for the advice and the DMJOP together."""
    from tests.unit.rules.test_svve_advice_step import FEASIBLE_START, plan_of

    plan = plan_of("assen-zes-woningen", AS_OF, FEASIBLE_START)
    assert [s["id"] for s in plan["stages"] if s["earlier_meeting"]] == ["organise"]
    doc = Document(io.BytesIO(write_plan_docx(plan)))
    texts = [p.text for p in doc.paragraphs if p.text.startswith("Wil de VvE de SVVE-subsidie")]
    assert len(texts) == 2
    assert all(t.startswith("Wil de VvE de SVVE-subsidie voor het advies nog halen") for t in texts)
    assert all("stap " in t and "'Belangrijkste risico's'" in t for t in texts)
