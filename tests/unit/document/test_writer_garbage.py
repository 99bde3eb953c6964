"""A Word document leaves nothing for the collector: python-docx's objects sit in
reference cycles (about 450 per document) that hold lxml trees, which a web worker would
keep until a rare full collection. The writers keep those cycles in the youngest
generation while they write and collect it when the document is done, so a worker stays
small without a full collection (which traverses every object of the worker) after each
download."""

from __future__ import annotations

import gc

import pytest

from tests.conftest import AS_OF, EXAMPLES
from tests.example_plans import example_plan
from vve.document import write_plan_docx
from vve.document.meeting import write_meeting_pack

PLAN = example_plan(EXAMPLES[0].stem, AS_OF)


def _docx_objects() -> int:
    return sum(
        1 for o in gc.get_objects() if str(getattr(type(o), "__module__", "")).startswith("docx.")
    )


@pytest.fixture
def collected_before() -> int:
    """python-docx objects alive for good (the prepared template, kept per template) once
    a first document was written and everything collected."""
    write_plan_docx(PLAN)
    write_meeting_pack(PLAN, 1)
    gc.collect()
    return _docx_objects()


@pytest.mark.parametrize(
    "write",
    [lambda: write_plan_docx(PLAN), lambda: write_meeting_pack(PLAN, 1)],
    ids=["plan", "meeting pack"],
)
def test_no_python_docx_object_outlives_its_document(collected_before, write):
    assert write()
    assert _docx_objects() == collected_before


def test_the_collector_is_on_again_after_a_document_and_after_an_error(collected_before):
    write_plan_docx(PLAN)
    assert gc.isenabled()
    with pytest.raises(KeyError):  # the traceback keeps the document: the collector's job
        write_plan_docx({})
    assert gc.isenabled()


def test_a_collector_switched_off_by_the_caller_stays_off(collected_before):
    gc.disable()
    try:
        write_plan_docx(PLAN)
        assert not gc.isenabled()
    finally:
        gc.enable()
