"""``vve outcome``: what a meeting's count means for one decision of the plan.

Exit status: 0 the proposal passed, 1 it was rejected or could not be taken (no quorum,
no votes cast), 2 bad input (an unreadable profile, an unknown decision, counts no
meeting can have, the total votes unknown).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from vve.knowledge import load_knowledge
from vve.profile import Profile
from vve.rules import build_plan
from vve.rules.outcomes import BadCount, explain, judge
from vve.rules.serialize import plan_to_dict

EXIT_BAD_INPUT = 2


THRESHOLD_CASES = {"boven": "above", "niet-boven": "below"}


def add_outcome_command(sub: argparse._SubParsersAction, date_type) -> None:
    outcome = sub.add_parser(
        "outcome", help="Zeg of een besluit is genomen, met de aantallen stemmen."
    )
    outcome.add_argument("profile", type=Path)
    outcome.add_argument("--decision", required=True, help="Het besluit, bijv. vve_loan.")
    for name, meaning in (
        ("present", "stemmen aanwezig of vertegenwoordigd"),
        ("yes", "stemmen voor"),
        ("no", "stemmen tegen"),
        ("blank", "blanco stemmen en onthoudingen"),
    ):
        outcome.add_argument(
            f"--{name}", type=int, required=name != "blank", default=0, help=meaning
        )
    outcome.add_argument(
        "--second-meeting",
        action="store_true",
        help="Het was een tweede vergadering (besluit ongeacht het aantal aanwezigen).",
    )
    outcome.add_argument(
        "--drempel",
        choices=sorted(THRESHOLD_CASES),
        default=None,
        help="Waar de meerderheid afhangt van het drempelbedrag: lag het bedrag erboven?",
    )
    outcome.add_argument("--as-of", type=date_type, default=None, help="Datum van het plan.")


def run_outcome(profile: Profile, args: argparse.Namespace) -> int:
    knowledge = load_knowledge()
    plan = plan_to_dict(build_plan(profile, args.as_of or dt.date.today(), knowledge))
    decision = next((d for d in plan["decisions"] if d["id"] == args.decision), None)
    if decision is None:
        known = ", ".join(d["id"] for d in plan["decisions"])
        print(f"vve: het plan heeft geen besluit {args.decision!r}; wel: {known}.", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        judged = judge(
            decision,
            plan["votes"]["total"],
            args.present,
            args.yes,
            args.no,
            args.blank,
            args.second_meeting,
            THRESHOLD_CASES.get(args.drempel or ""),
        )
    except BadCount as exc:
        print(f"vve: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    sm = knowledge.second_meeting
    print(f"{decision['title']} ({decision['rule']['label']})")
    for line in explain(judged, (sm.min_weeks, sm.max_weeks)):
        print(f"  {line}")
    return 0 if judged.passed else 1
