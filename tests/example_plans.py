"""The example plans (``examples/<stem>.json``) as the tests read them, built once per
example and date for the whole run instead of once per test module.

Pass the date the module's assertions were written for: ``tests.conftest.AS_OF``
(24 November 2026) or the date the advisor rendered the plans on (27 November 2026, most
modules' own ``AS_OF``). ``example_plan`` hands out a copy, so a test may change it; the
built ``Plan`` (frozen) and the written document are shared and only read.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
from functools import cache

from docx import Document
from docx.document import Document as WordDocument

from tests.conftest import ROOT
from vve.document import write_plan_docx
from vve.profile import load_profile
from vve.rules import build_plan
from vve.rules.plan import Plan
from vve.rules.serialize import plan_to_dict


@cache
def built_example(stem: str, as_of: dt.date) -> Plan:
    """The engine's plan for ``examples/<stem>.json`` on ``as_of``."""
    text = (ROOT / "examples" / f"{stem}.json").read_text(encoding="utf-8")
    return build_plan(load_profile(text), as_of)


@cache
def _plan_dict(stem: str, as_of: dt.date) -> dict:
    return plan_to_dict(built_example(stem, as_of))


def example_plan(stem: str, as_of: dt.date) -> dict:
    """The plan as the document writer gets it (``plan_to_dict``); a copy of its own."""
    return copy.deepcopy(_plan_dict(stem, as_of))


@cache
def written_example(stem: str, as_of: dt.date) -> WordDocument:
    """The Word plan of ``example_plan(stem, as_of)``, written with the default meta."""
    return Document(io.BytesIO(write_plan_docx(_plan_dict(stem, as_of))))


def plan_action(plan: dict, action_id: str) -> dict | None:
    """The step ``action_id`` of a plan dict, ``None`` where the plan has no such step."""
    found = plan_action_stage(plan, action_id)
    return None if found is None else found[1]


def plan_action_stage(plan: dict, action_id: str) -> tuple[str, dict] | None:
    """(the stage's id, the step) for the step ``action_id``, ``None`` where there is none."""
    return next(
        ((s["id"], a) for s in plan["stages"] for a in s["actions"] if a["id"] == action_id),
        None,
    )
