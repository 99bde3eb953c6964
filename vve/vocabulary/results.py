"""Codes of the meetings' results: what kind a meeting is, what it decided on a proposal,
where a decision of the plan stands, and a tick on the voting list."""

from __future__ import annotations

from .base import N_, CodeSet, Term

# A meeting of the plan (plan JSON ``meetings[].kind``).
MEETING_KINDS = CodeSet(
    "meeting_kinds",
    Term("first", "vergadering", N_("Vergadering")),
    Term("second_meeting", "tweede vergadering", N_("Tweede vergadering")),
    Term(
        "again",
        "vergadering over voorstellen die het niet haalden",
        N_("Opnieuw: voorstellen die het niet haalden"),
    ),
)

# What a meeting decided on one proposal (a recorded result's ``outcome``).
OUTCOMES = CodeSet(
    "outcomes",
    Term("passed", "aangenomen", N_("Aangenomen")),
    Term("too_few_yes", "verworpen", N_("Verworpen")),
    Term("no_quorum", "niet genomen: quorum niet gehaald", N_("Niet genomen: quorum niet gehaald")),
    Term(
        "no_votes_cast",
        "niet genomen: geen stemmen voor of tegen",
        N_("Niet genomen: geen stemmen voor of tegen"),
    ),
)

# Where a decision of the plan stands (plan JSON ``decisions[].state``).
DECISION_STATES = CodeSet(
    "decision_states",
    Term("open", "nog te nemen", N_("Nog te nemen")),
    Term("taken", "genomen", N_("Genomen")),
    Term(
        "second_meeting", "terug in een tweede vergadering", N_("Terug in een tweede vergadering")
    ),
    Term("again", "terug in een nieuwe vergadering", N_("Terug in een nieuwe vergadering")),
)

# One apartment's vote on one proposal, as ticked on the voting list.
BALLOTS = CodeSet(
    "ballots",
    Term("yes", "voor", N_("Voor")),
    Term("no", "tegen", N_("Tegen")),
    Term("blank", "blanco", N_("Blanco")),
    Term("absent", "afwezig", N_("Afwezig")),
)
