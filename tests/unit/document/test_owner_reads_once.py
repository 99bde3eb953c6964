"""What an owner of a small VvE reads about his own money and the loan, for every example
plan: one amount per apartment for the measures, or each labelled so he sees why two
differ; and, where the lender asks every member's consent, that condition beside the
majority wherever the plan gives the loan's votes."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from docx import Document

from tests.conftest import EXAMPLES
from tests.example_plans import example_plan, written_example

AS_OF = dt.date(2026, 11, 27)
STEMS = [p.stem for p in EXAMPLES]
LOAN_TITLE = "Een VvE-lening aangaan (VvE Energiebespaarlening)"


def written(stem: str) -> tuple[dict, Document]:
    return example_plan(stem, AS_OF), written_example(stem, AS_OF)


def _text(s: str) -> str:
    return s.replace("\N{NO-BREAK SPACE}", " ")


def _table(doc: Document, caption: str) -> list[list[str]] | None:
    """The rows (header first) of the table whose caption starts with ``caption``."""
    body = doc.element.body
    captions = [p for p in doc.paragraphs if caption in _text(p.text)]
    if not captions:
        return None
    after = captions[0]._p.getnext()
    while after is not None and not after.tag.endswith("}tbl"):
        after = after.getnext()
    assert after is not None, caption
    table = next(t for t in doc.tables if t._tbl is after)
    assert body is not None
    return [[_text(c.text) for c in row.cells] for row in table.rows]


@pytest.mark.parametrize("stem", STEMS)
def test_the_costs_per_year_say_they_come_before_the_reserve_fund(stem):
    plan, doc = written(stem)
    rows = _table(doc, "Kosten per jaar")
    if rows is None or not plan["money"]["reserve_used_cents"]:
        return
    assert "vóór bijdrage reservefonds" in rows[0][-1], rows[0]


@pytest.mark.parametrize("stem", STEMS)
def test_the_apartment_table_says_it_comes_after_the_reserve_fund(stem):
    plan, doc = written(stem)
    caption = [_text(p.text) for p in doc.paragraphs if "Per appartement, voor de maat" in p.text]
    if not caption or not plan["money"]["reserve_used_cents"]:
        return
    assert caption[0].startswith("Tabel") and re.search(
        r"Per appartement, voor de maatregel(en)?( met een bedrag \([^)]*\))?, "
        r"na bijdrage reservefonds:",
        caption[0],
    ), caption


@pytest.mark.parametrize("stem", STEMS)
def test_the_cover_gives_what_the_apartment_table_gives(stem):
    """The cover's amount "in één keer" is the one the owner pays: the table's."""
    _plan, doc = written(stem)
    text = " ".join(_text(p.text) for p in doc.paragraphs)
    found = re.search(
        r"\(breukdeel (\d+/\d+)\) naar schatting € ([\d.]+) tot € ([\d.]+) in één", text
    )
    rows = _table(doc, "Per appartement, voor de maatregelen")
    if found is None or rows is None:
        return
    share, low, high = found.groups()
    row = next(r for r in rows[1:] if f"({share})" in r[0])
    assert row[2].replace(" ", "").replace("\n", "") == f"€{low}–{high}".replace(" ", "")


def _lender_consent(plan: dict) -> bool:
    loan = next((d for d in plan["decisions"] if d["id"] == "vve_loan"), None)
    return loan is not None and any(r["applies"] == "lender" for r in loan["requirements"])


def test_an_example_has_a_small_vve_with_a_loan():
    assert any(_lender_consent(written(stem)[0]) for stem in STEMS)


@pytest.mark.parametrize("stem", STEMS)
def test_the_decisions_table_gives_the_lenders_consent_beside_the_votes(stem):
    plan, doc = written(stem)
    rows = _table(doc, "Besluiten in dit plan")
    assert rows is not None
    row = next((r for r in rows if r[0].startswith("Een VvE-lening aangaan")), None)
    if row is None:
        return
    if _lender_consent(plan):
        assert "akkoordverklaring van ieder lid" in row[2], row
    else:
        assert "akkoordverklaring" not in row[2], row


@pytest.mark.parametrize("stem", STEMS)
def test_the_draft_loan_resolution_states_the_lenders_consent(stem):
    plan, doc = written(stem)
    if not _lender_consent(plan):
        return
    paragraphs = [
        _text(p.text)
        for p in doc.paragraphs
        if not p.style.name.startswith("TOC")  # the contents repeat the headings
    ]
    start = paragraphs.index("Concept-besluiten voor de ALV")
    heading = paragraphs.index(LOAN_TITLE, start)
    draft, majority = paragraphs[heading + 1], paragraphs[heading + 2]
    assert "akkoordverklaring" in draft and "ieder lid" in draft, draft
    assert majority.startswith("Vereiste meerderheid")
    assert "akkoordverklaring van ieder lid" in majority, majority
    # the lender's terms may have changed: the board asks the lender before the notice
    assert "vraagt vóór de oproep bij de geldgever na" in majority, majority


@pytest.mark.parametrize("stem", STEMS)
def test_the_meeting_pack_says_a_proposals_amount_comes_before_the_reserve_fund(stem):
    """A proposal's own cost per apartment is before the reserve fund's part (that part is
    for the measures together): the explanatory note says so where the fund pays."""
    from vve.document.meeting.common import Pack
    from vve.document.meeting.words import money_lines
    from vve.knowledge import load_knowledge

    plan, _doc = written(stem)
    for meeting in plan["meetings"]:
        pack = Pack(plan, meeting, None, load_knowledge())  # type: ignore[arg-type]
        for d in (d for d in plan["decisions"] if d["id"] in meeting["decisions"]):
            lines = money_lines(pack, d)
            per_apartment = [line for line in lines if "in één keer" in line]
            if not per_apartment or d["id"] in ("vve_loan", "commission_advice"):
                continue
            said = "vóór bijdrage reservefonds" in per_apartment[0]
            assert said is bool(plan["money"]["reserve_used_cents"]), (stem, d["id"], lines)


@pytest.mark.parametrize("stem", STEMS)
def test_the_apartment_table_names_what_it_counts_where_some_measures_have_no_amount(stem):
    """Meppel's cover said no amount per apartment can be given yet, and its table gave
    "€ 747–996" "voor de maatregelen": floor insulation alone (advisor's review, M3). The
    caption names the measures it counts where some of this round's have no amount."""
    plan, doc = written(stem)
    caption = [_text(p.text) for p in doc.paragraphs if "Per appartement, voor de maat" in p.text]
    if not caption:
        return
    money = plan["money"]
    later = {m for work in money["later"] for m in work["measures"]}
    ours = [m for m in money["measures"] if m["payer"] == "vve" and m["id"] not in later]
    priced = [m["short"] for m in ours if m["investment"] is not None]
    if len(priced) == len(ours):
        assert "met een bedrag" not in caption[0]
    else:
        which = "de maatregel" if len(priced) == 1 else "de maatregelen"
        assert f"Per appartement, voor {which} met een bedrag (" in caption[0]
        for short in priced:
            assert short in caption[0].split("):")[0]
