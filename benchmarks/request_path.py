"""What a step save and a plan-page view cost the server, before and after issue 15.

    python benchmarks/request_path.py [--runs 200]

In one run, alternating, CPU time (time.process_time), for every example:
  - the dashboard's columns: from a whole plan (engine, JSON, checks; what a step save
    did before) against the cheap parts of the engine (vve/rules/summary.py);
  - the timeline figure: the plan made and the figure drawn (what every request for it
    did before) against a hit in the cache (vve/services/plans.py: the tag hashed from the
    answers and the other inputs, then looked up; also what a 304 costs);
  - the plan: made anew (what the plan page, the figure and each download did before)
    against the worker's kept plan (vve/services/plans.py ``make_plan``: the tag, then the
    compressed JSON decompressed and loaded, a copy of the caller's own).
Prints min / median / max in ms and the ratio of the medians. No database: the municipal
plan's lookup (one indexed query) is on both sides and left out.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import statistics
import sys
import time
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from vve import __version__  # noqa: E402
from vve.document.timeline import WIDE, draw_timeline_png  # noqa: E402
from vve.knowledge import load_knowledge  # noqa: E402
from vve.profile import load_profile, parse_profile  # noqa: E402
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

        def whole(profile=profile) -> None:
            made = plan_to_dict(build_plan(profile, AS_OF, knowledge))
            check_plan(made, knowledge)

        def cheap(profile=profile) -> None:
            summarise_plan(profile, AS_OF, knowledge)

        raw = json.loads(path.read_text(encoding="utf-8"))

        def draw(profile=profile) -> None:
            made = plan_to_dict(build_plan(profile, AS_OF, knowledge))
            draw_timeline_png(made["timeline"], WIDE)  # drawn, as before any cache

        def hit(raw=raw) -> None:
            parse_profile(raw)  # as plans.timeline: the stored answers, parsed
            text = json.dumps(
                [__version__, knowledge.version, AS_OF.isoformat(), repr(WIDE), raw, None],
                sort_keys=True,
                default=str,
            )
            tag = hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]
            plans.cached_figure(tag, lambda: b"")

        kept = zlib.compress(
            json.dumps(plan_to_dict(build_plan(profile, AS_OF, knowledge))).encode(), 1
        )

        def reuse(raw=raw, kept=kept) -> None:
            parse_profile(raw)  # as plans.make_plan: the stored answers, parsed, and its tag
            text = json.dumps([__version__, knowledge.version, raw], sort_keys=True)
            hashlib.sha256(text.encode("utf-8")).hexdigest()
            json.loads(zlib.decompress(kept))  # the kept plan, a copy of the caller's own

        hit()  # fills the cache
        for what, before, after in (
            ("columns", whole, cheap),
            ("timeline", draw, hit),
            ("plan", whole, reuse),
        ):
            before(), after()
            a, b = [], []
            for _ in range(args.runs):  # alternated: the same machine state for both
                a.append(cpu_ms(before))
                b.append(cpu_ms(after))
            ratio = statistics.median(a) / max(statistics.median(b), 1e-6)
            print(f"{path.stem:32} {what:10} {spread(a):>22} {spread(b):>22} {ratio:5.0f}x")


if __name__ == "__main__":
    main()
