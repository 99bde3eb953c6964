"""Writes "Het plan in fasen" from plan["stages"], the decisions' titles and the risks; the
open questions found out in a phase get one row per who, referring to their chapter."""

from __future__ import annotations

from vve import labels
from vve.rules.explain import nl_months

from ..builder import Builder, keep_next
from ..text import date_nl, month_nl
from ..wording import CHOICE_ROW, CHOICES, choices_of, numbered_risks, waits_in_words
from . import questions, risks

TITLE = "Het plan in fasen"


def write(b: Builder, plan: dict) -> None:
    b.heading(TITLE, 1)
    titles = {
        d["id"]: f"{d['title']} ({waits})" if (waits := waits_in_words(d)) else d["title"]
        for d in plan["decisions"]
    }
    # the summary's choices, on the agenda of the meeting that makes them (plan["meetings"])
    choices = {m["date"]: choices_of(m) for m in plan["meetings"]}
    parts = _parts_by_stage(plan)
    for index, stage in enumerate(plan["stages"], start=1):
        b.heading(f"Fase {index}. {stage['title']}", 2)
        # heading, goal, period and ALV line start on the page where the actions start
        keep_next(b.labelled("Doel", stage["goal"])._p)
        period = nl_months(stage["start"], stage["end"])
        if note := stage.get("period_note"):  # a plan stored before it has no key
            period = f"{period}. {note}"
        keep_next(b.labelled("Periode", period)._p)
        _meeting_line(b, stage)
        # each open question is said once, in its own chapter; here one row per who
        actions = [a for a in stage["actions"] if a["origin"] != questions.FIND_OUT]
        rows = [
            [
                _with_choices(a, choices.get(stage["meeting_date"], [])),
                labels.WHO.get(a["who"], a["who"]),
                _period(a["start"], a["end"]),
                f"{a['weeks']} {'week' if a['weeks'] == 1 else 'weken'}",
            ]
            for a in (*actions, *questions.phase_rows(stage["actions"]))
        ]
        b.table(
            ["Wat", "Wie", "Wanneer", "Duur"],
            rows,
            caption=f"Acties in fase {index}",
            widths=[7.5, 3.2, 3.6, 1.7],
            keep_rows=False,  # the table may continue on the next page, not the block move
        )
        chosen = [
            f"{CHOICES[r]} (zie de samenvatting)" for r in choices.get(stage["meeting_date"], [])
        ]
        decided = _decided(plan, stage, titles, parts.get(stage["id"], []))
        if decided or chosen:
            b.heading("Besluiten", 3)
            b.bullets([*decided, *chosen])
        b.heading("Mijlpalen", 3)
        b.bullets(stage["milestones"])
        numbers = [number for number, risk in numbered_risks(plan) if risk["stage"] == stage["id"]]
        if numbers:  # said once, in the chapter on risks; here a reference
            b.labelled(
                "Risico's in deze fase", f"{', '.join(numbers)} (zie het hoofdstuk '{risks.TITLE}')"
            )


def _meeting_line(b: Builder, stage: dict) -> None:
    """The phase's ALV: held, held with proposals coming back, or planned (none without)."""
    if stage["state"] == "done":
        b.labelled(
            "ALV",
            f"gehouden op {date_nl(stage['meeting_date'])}; de besluiten van "
            "deze fase zijn genomen",
        )
    elif stage["state"] == "held":
        b.labelled(
            "ALV",
            "gehouden; de voorstellen die het niet haalden, komen terug op "
            f"{date_nl(stage['meeting_date'])}",
        )
    elif stage["meeting_date"]:
        b.labelled("ALV", date_nl(stage["meeting_date"]))


def _with_choices(action: dict, chosen: list[str]) -> str:
    """What the meeting's own row does, with the summary's choices it makes."""
    if action["who"] != "meeting" or not chosen:
        return action["what"]
    return f"{action['what']}; en {' en '.join(CHOICE_ROW[r] for r in chosen)}"


def _period(start: str, end: str) -> str:
    """ "januari 2028 – maart 2028", or one month once."""
    first, last = month_nl(start), month_nl(end)
    return first if first == last else f"{first} – {last}"


def _decided(
    plan: dict, stage: dict, titles: dict[str, str], later: list[tuple[str, str]]
) -> list[str]:
    """The titles of a stage's decisions, with the parts later annual ALVs take in it
    (``later``: meeting date, title) in the order of their meetings."""
    if not later:
        return [titles[d] for d in stage["decisions"]]
    dates = {d["id"]: d["meeting_date"] or "" for d in plan["decisions"]}
    both = [(dates[d], titles[d]) for d in stage["decisions"]] + later
    return [title for _, title in sorted(both, key=lambda x: x[0])]


def _parts_by_stage(plan: dict) -> dict[str, list[tuple[str, str]]]:
    """Stage id -> (meeting date, title) of the parts later annual ALVs take
    (decision["later"]), in the stage their meeting falls in (after the last, the last)."""
    out: dict[str, list[tuple[str, str]]] = {}
    stages = plan["stages"]
    for d in plan["decisions"]:
        for part in d.get("later", ()):
            day = part["meeting_date"]
            stage = next((s for s in stages if s["start"] <= day <= s["end"]), stages[-1])
            out.setdefault(stage["id"], []).append((day, part["title"]))
    return out
