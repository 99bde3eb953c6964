"""The financing phase is a planning default of half a year, while its steps take about
three months: the order then waited three months with nothing planned, and the plan did
not say why (advisor's review of Assen, S13). Its period says when the steps are done, that
the rest is slack for the beschikking and the lender, and that the order can come earlier
once all is in place (re-review: name the month the steps end; the permit may hold the
order too; no promise about the loan's timing, whose rate runs out)."""

import datetime as dt

from tests.example_plans import example_plan, written_example

AS_OF = dt.date(2026, 11, 28)
NOTE = (
    "De stappen van deze fase zijn naar verwachting in december 2028 klaar; de rest is "
    "speling voor de beschikking op een subsidieaanvraag, want hoe lang die duurt staat niet "
    "vast. Voor een lening geldt die speling niet: sluit die zolang de rente geldt, uiterlijk "
    "6 maart 2029. Is alles eerder rond (de financiering en, waar nodig, de vergunning), geef "
    "de opdracht dan eerder, want dan zijn de offertes minder oud; dat geldt niet voor werk "
    "dat aan gepland onderhoud vastzit."
)


def test_the_loans_day_is_the_rates_last():
    """The lender fixes the rate with the decision meeting's notice, for six months
    (financing.toml): the phase's slack is not the loan's (re-review: Assen's phase ran to
    26 March 2029, its rate to 6 March)."""
    from tests.example_plans import built_example

    plan = built_example("assen-zes-woningen", AS_OF)
    notice = next(a.start for w in plan.stages for a in w.actions if a.id == "send_notice")
    assert plan.money.loan_signed_by == dt.date(2029, 3, 6)
    assert (plan.money.loan_signed_by - notice).days == 183


def test_without_a_loan_the_note_says_nothing_of_it():
    from dataclasses import replace

    from tests.example_plans import built_example
    from vve.rules.quote_age import period_note

    plan = built_example("assen-zes-woningen", AS_OF)
    finance = next(w for w in plan.stages if w.id == "finance")
    with_loan = period_note(finance, plan.knowledge, plan.money.loan_signed_by)
    assert with_loan and "6 maart 2029" in with_loan.replace("\u00a0", " ")
    unsigned = replace(finance, actions=tuple(a for a in finance.actions if a.id != "sign_loan"))
    without = period_note(unsigned, plan.knowledge, plan.money.loan_signed_by)
    assert without and "lening" not in without and "rente" not in without


def test_the_financing_phase_says_when_its_steps_are_done():
    plan = example_plan("assen-zes-woningen", AS_OF)
    notes = {s["id"]: s["period_note"] for s in plan["stages"]}
    assert notes.pop("finance").replace("\u00a0", " ") == NOTE
    assert set(notes.values()) == {None}


def test_the_word_plan_gives_it_after_the_period():
    texts = [
        p.text.replace("\u00a0", " ")
        for p in written_example("assen-zes-woningen", AS_OF).paragraphs
    ]
    assert f"Periode: september 2028 tot maart 2029. {NOTE}" in texts
    assert sum(NOTE in t for t in texts) == 1


def test_a_stored_plan_without_the_key_reads_as_before():
    from vve.document import write_plan_docx

    plan = example_plan("assen-zes-woningen", AS_OF)
    for stage in plan["stages"]:
        del stage["period_note"]
    assert write_plan_docx(plan)
