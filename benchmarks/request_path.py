"""What a step save and a plan-page view cost the server, before and after issue 15.

    python benchmarks/request_path.py [--runs 200]

In one run, alternating, CPU time (time.process_time), for every example:
  - the dashboard's columns: from a whole plan (engine, JSON, checks; what a step save
    did before) against the cheap parts of the engine (vve/rules/summary.py);
  - the timeline figure: drawn (what every plan-page view did before) against a hit in
    the per-content cache (vve/services/plans.py, cached_timeline: hashing the input).
Prints min / median / max in ms and the ratio of the medians. No database: the municipal
plan's lookup (one indexed query) is the same on both sides and left out.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from vve.document.timeline import WIDE, timeline_png  # noqa: E402
from vve.knowledge import load_knowledge  # noqa: E402
from vve.profile import load_profile  # noqa: E402
from vve.rules import build_plan  # noqa: E402
from vve.rules.checks import check_plan  # noqa: E402
from vve.rules.serialize import plan_to_dict  # noqa: E402
from vve.rules.summary import summarise_plan  # noqa: E402
from vve.services import plans  # noqa: E402

AS_OF = dt.date(2026, 11, 24)


def cpu_ms(action) -> float:
    start = time.process_time()
    action()
    return (time.process_time() - start) * 1000


def spread(samples: list[float]) -> str:
    return f"{min(samples):6.2f} {statistics.median(samples):6.2f} {max(samples):6.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args()
    knowledge = load_knowledge()
    print(
        f"{'example':32} {'what':10} {'before: min med max':>22} {'after: min med max':>22} ratio"
    )
    for path in sorted((ROOT / "examples").glob("*.json")):
        profile = load_profile(path.read_text(encoding="utf-8"))
        plan = plan_to_dict(build_plan(profile, AS_OF, knowledge))

        def whole(profile=profile) -> None:
            made = plan_to_dict(build_plan(profile, AS_OF, knowledge))
            check_plan(made, knowledge)

        def cheap(profile=profile) -> None:
            summarise_plan(profile, AS_OF, knowledge)

        def draw(plan=plan) -> None:
            timeline_png(plan["timeline"], WIDE)

        def hit(plan=plan) -> None:
            plans.cached_timeline(plan["timeline"], WIDE)

        hit()  # fills the cache
        for what, before, after in (("columns", whole, cheap), ("timeline", draw, hit)):
            before(), after()
            a, b = [], []
            for _ in range(args.runs):  # alternated: the same machine state for both
                a.append(cpu_ms(before))
                b.append(cpu_ms(after))
            ratio = statistics.median(a) / max(statistics.median(b), 1e-6)
            print(f"{path.stem:32} {what:10} {spread(a):>22} {spread(b):>22} {ratio:5.0f}x")


if __name__ == "__main__":
    main()
