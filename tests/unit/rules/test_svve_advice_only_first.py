"""Where the DMJOP cannot be adopted in time even with the earliest first ALV, the energy
advice alone can still reach the SVVE advice subsidy if that earlier first ALV lets the
adviser start sooner (advisor's review of Meppel, 2026-11-27: the first ALV on 23
September 2027, the quotes in by May, and the plan wrote the subsidy off while a June
ALV gives an energy advice before the end date). One application per VvE for all advice
and research together (CORRECTIONS.md a1): the DMJOP then falls outside. The days come
from the plan's own durations, never a date of its own."""

from __future__ import annotations

import datetime as dt

from tests.example_plans import built_example, example_plan
from vve.knowledge import load_knowledge
from vve.rules.risks.svve_advice import advice_only_days

AS_OF = dt.date(2026, 11, 27)
MEPPEL = "meppel-beschermd-stadsgezicht"


def _risk_text(stem: str) -> str:
    plan = example_plan(stem, AS_OF)
    return next(
        r["text"]
        for r in plan["risks"]
        if r["id"] == "subsidy_may_have_ended" and r.get("subject") == "svve_advice"
    )


def _step(stem: str) -> str | None:
    plan = example_plan(stem, AS_OF)
    return next(
        (a["what"] for s in plan["stages"] for a in s["actions"] if a["id"] == "svve_advice_reach"),
        None,
    )


def test_meppels_risk_offers_the_energy_advice_alone_with_a_june_alv():
    text = _risk_text(MEPPEL)
    assert "is het DMJOP pas klaar op 6\xa0januari\xa02028" in text  # the DMJOP: still out of reach
    assert (
        "alleen voor het energieadvies aanvragen als de eerste ALV al op 24\xa0juni\xa02027 vergadert"
        in text
    )
    assert "dan klaar op 9\xa0december\xa02027" in text
    assert "zoals het DMJOP, valt er dan buiten" in text


def test_meppels_board_chooses_in_phase_one():
    step = _step(MEPPEL)
    assert step is not None
    assert step.startswith("Kiezen of de VvE de SVVE-subsidie voor het energieadvies")
    assert "de eerste ALV al op 24\xa0juni\xa02027 houden" in step
    assert "uiterlijk 30\xa0december\xa02027" in step


def test_the_days_keep_the_application_by_the_end_date_for_every_example():
    knowledge = load_knowledge()
    until = knowledge.financing.svve_advice.open_until
    for stem in ("meppel-beschermd-stadsgezicht", "assen-zes-woningen", "emmen-galerijflat"):
        plan = built_example(stem, AS_OF)
        for notice_days in (8, 15):
            days = advice_only_days(plan.stages, knowledge, AS_OF, notice_days)
            if days is not None:
                assert AS_OF < days.first < days.advice < days.done <= until, stem


def _action(stem: str, action_id: str) -> str:
    plan = example_plan(stem, AS_OF)
    return next(a["what"] for s in plan["stages"] for a in s["actions"] if a["id"] == action_id)


def test_meppel_says_a_second_meeting_would_make_the_energy_advice_too_late():
    """The June ALV's second meeting (two to six weeks later) falls in the summer holiday,
    and the energy advice after it misses the end date: the quorum has to be reached at
    that first ALV, with proxies (advisor's re-review, 2026-11-27)."""
    text = _risk_text(MEPPEL)
    assert "Een tweede vergadering na die ALV" in text and "volmachten" in text
    step = _step(MEPPEL)
    assert step is not None
    assert "een tweede vergadering past daarna niet meer, dus tijdig volmachten verzamelen" in step


def test_the_risk_does_not_write_off_what_it_then_offers():
    text = _risk_text(MEPPEL)
    assert "Voor het energieadvies alleen kan het wel" in text


def test_phase_two_applies_only_if_the_energy_advice_was_not_applied_for_alone():
    """One application per VvE (CORRECTIONS.md a1): the later application for all advice
    and research is no step if the board already applied for the energy advice alone."""
    apply = _action(MEPPEL, "apply_svve_advice")
    assert "al alleen voor het energieadvies aangevraagd" in apply
    assert "één aanvraag per VvE" in apply
    # where no such way is offered, the step is as before
    assert "alleen voor het energieadvies aangevraagd" not in _action(
        "emmen-galerijflat", "apply_svve_advice"
    )


def test_the_financing_chapter_points_to_what_the_board_can_still_do():
    """ "Reken niet op deze subsidie" in the financing chapter, where the plan still offers
    a way in the summary, points there (advisor's re-review of Meppel, p. 31)."""
    from tests.example_plans import written_example

    def texts(stem):
        return [p.text for p in written_example(stem, AS_OF).paragraphs]

    pointer = "Wat het bestuur nog kan doen om die datum te halen, staat bij"
    meppel = [t for t in texts(MEPPEL) if t.startswith("Let op:") and pointer in t]
    assert len(meppel) == 1
    emmen = [t for t in texts("emmen-galerijflat") if pointer in t]  # its own way reaches it
    assert not emmen
