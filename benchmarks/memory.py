"""Does a worker's memory stay flat while it writes Word plans?

    python benchmarks/memory.py [--documents 200] [--every 50]

Runs the same loop in three fresh processes, one after the other: write the Word plan of
each example in turn (the plans are made once, before the loop), and read the process's
RSS and PSS from /proc/self/smaps_rollup every ``--every`` documents.

  bare    nothing done about memory: the writer without its own collection
          (``write_plan_docx.__wrapped__``), the interpreter's collections only;
  full    the fix before: start-up frozen out of the collector (gc.freeze,
          deploy/gunicorn.conf.py when_ready) and a full collection after each document;
  young   as the writer and the web workers now run: start-up frozen, and the writer keeps
          the collector off while it writes and collects the youngest generation when done
          (vve/document/garbage.py, ``young_garbage``).

python-docx keeps each document in reference cycles holding lxml trees, which only a
collection of the generation they are in frees; left alone, the collector promotes them
to the oldest generation while the document is written, and rarely collects that one. The report gives the
growth from the first sample to the last, the CPU time per document in each mode, and
whether the memory goal of issue 15 (worker RSS under 120 MB and flat within 5 %) holds
for the writer in this loop. Linux only (/proc).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

AS_OF = dt.date(2026, 11, 24)
GOAL_RSS_MB = 120
GOAL_FLAT = 0.05
MODES = ("bare", "full", "young")


def rss_pss_mb() -> tuple[float, float]:
    """Resident and proportional set size of this process, in MB."""
    values = {}
    for line in Path("/proc/self/smaps_rollup").read_text().splitlines():
        parts = line.split()
        if parts and parts[0] in ("Rss:", "Pss:"):
            values[parts[0]] = int(parts[1]) / 1024
    return values["Rss:"], values["Pss:"]


def child(mode: str, documents: int, every: int) -> None:
    from vve.document import DocumentMeta, write_plan_docx
    from vve.profile import load_profile
    from vve.rules import build_plan
    from vve.rules.serialize import plan_to_dict

    paths = sorted((ROOT / "examples").glob("*.json"))
    plans = [
        plan_to_dict(build_plan(load_profile(p.read_text(encoding="utf-8")), AS_OF)) for p in paths
    ]
    write = write_plan_docx if mode == "young" else write_plan_docx.__wrapped__
    write(plans[0], DocumentMeta())  # warm-up: imports, fonts, the template
    if mode != "bare":
        gc.collect()
        gc.freeze()
    samples = [(0, *rss_pss_mb())]
    cpu = 0.0
    for n in range(1, documents + 1):
        start = time.process_time()
        write(plans[n % len(plans)], DocumentMeta())
        if mode == "full":
            gc.collect()
        cpu += time.process_time() - start
        if n % every == 0 or n == documents:
            samples.append((n, *rss_pss_mb()))
    print(json.dumps({"mode": mode, "samples": samples, "cpu_ms": cpu * 1000 / documents}))


def measure(mode: str, documents: int, every: int) -> dict:
    done = subprocess.run(
        [sys.executable, __file__, "--child", mode, "--documents", str(documents)]
        + ["--every", str(every)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def report(results: list[dict]) -> None:
    print(f"{'mode':6} {'documents':>9} {'RSS MB':>8} {'PSS MB':>8}")
    for result in results:
        for n, rss, pss in result["samples"]:
            print(f"{result['mode']:6} {n:9d} {rss:8.1f} {pss:8.1f}")
    print()
    for result in results:
        first, last = result["samples"][1], result["samples"][-1]
        growth = (last[1] - first[1]) / first[1]
        met = last[1] < GOAL_RSS_MB and growth <= GOAL_FLAT
        print(
            f"{result['mode']:6} RSS {first[1]:.1f} MB after {first[0]} documents -> "
            f"{last[1]:.1f} MB after {last[0]} ({growth:+.1%}); "
            f"CPU per document {result['cpu_ms']:.1f} ms (collection included); "
            f"goal 3 for the writer (RSS < {GOAL_RSS_MB} MB, flat within {GOAL_FLAT:.0%}): "
            f"{'met' if met else 'NOT met'}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=200)
    parser.add_argument("--every", type=int, default=50)
    parser.add_argument("--child", choices=MODES, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.documents, args.every)
        return
    report([measure(mode, args.documents, args.every) for mode in MODES])


if __name__ == "__main__":
    main()
