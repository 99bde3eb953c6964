"""Where the board does not know whether shops, garages or storage rooms have their own
apartment right, the plan's vote total counts the dwellings only: the summary and the
voting chapter say so beside the number (advisor's review of Tynaarlo, S8: '18 stemmen'
stood as a fact while the other rights were 'onbekend')."""

from docx import Document

from tests.conftest import AS_OF
from tests.example_plans import example_plan
from vve.document.builder import Builder
from vve.document.chapters import summary, voting
from vve.document.styles import ensure_styles

UNKNOWN = "of er ook winkels, garages of bergingen met een eigen appartementsrecht zijn"


def _texts(plan: dict, chapter) -> str:
    doc = Document()
    ensure_styles(doc)
    chapter.write(Builder(doc), plan)
    return " ".join(p.text for p in doc.paragraphs)


def test_tynaarlo_says_the_total_counts_the_dwellings_only():
    plan = example_plan("tynaarlo-weinig-bekend", AS_OF)
    for chapter in (summary, voting):
        text = _texts(plan, chapter)
        assert "18 stemmen (aangenomen: één stem per appartementsrecht" in text
        assert UNKNOWN in text and "nog niet bekend" in text


def test_known_rights_need_no_such_clause():
    plan = example_plan("hoogeveen-corporatie", AS_OF)
    rights = plan["answers"]["building"]["rights"]
    assert rights["commercial_units"] is not None and rights["parking_or_storage"] is not None
    for chapter in (summary, voting):
        assert UNKNOWN not in _texts(plan, chapter)
