"""Golden plans of the examples: reviewed line by line before they were frozen.

After a deliberate change, regenerate with
``VVE_UPDATE_GOLDEN=1 python -m pytest tests/integration/test_golden.py``
and review the diff (git diff tests/golden) before committing.
"""

import json
import os

import pytest

from tests.conftest import AS_OF, EXAMPLES, ROOT
from vve.profile import load_profile
from vve.rules import build_plan
from vve.rules.serialize import plan_to_dict

GOLDEN = ROOT / "tests" / "golden"
VOLATILE = ("engine_version", "knowledge_version")


def _stable(plan: dict) -> dict:
    return {k: v for k, v in plan.items() if k not in VOLATILE}


@pytest.mark.golden
@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_example_plan_matches_golden(path):
    plan = _stable(plan_to_dict(build_plan(load_profile(path.read_text(encoding="utf-8")), AS_OF)))
    golden = GOLDEN / f"{path.stem}.plan.json"
    if os.environ.get("VVE_UPDATE_GOLDEN"):
        golden.write_text(json.dumps(plan, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    assert golden.exists(), f"no golden file; run with VVE_UPDATE_GOLDEN=1 and review {golden}"
    assert plan == json.loads(golden.read_text(encoding="utf-8"))
