"""The financing phase is a planning default of half a year, while its steps take about
three months: the order then waited three months with nothing planned, and the plan did
not say why (advisor's review of Assen, S13). Its period says that it is taken wide, why,
and that the order can come earlier once the money is in place."""

import datetime as dt

from tests.example_plans import example_plan, written_example

AS_OF = dt.date(2026, 11, 28)
NOTE = (
    "ruim genomen, want hoe lang de beschikking op een subsidieaanvraag en het sluiten "
    "van de lening duren, staat niet vast; is de financiering eerder rond, dan kan de "
    "opdracht eerder, behalve voor werk dat op gepland onderhoud wacht"
)


def test_the_financing_phase_says_its_period_is_taken_wide():
    plan = example_plan("assen-zes-woningen", AS_OF)
    notes = {s["id"]: s["period_note"] for s in plan["stages"]}
    assert notes.pop("finance") == NOTE
    assert set(notes.values()) == {None}


def test_the_word_plan_gives_it_beside_the_period():
    texts = [p.text for p in written_example("assen-zes-woningen", AS_OF).paragraphs]
    assert f"Periode: september 2028 tot maart 2029 ({NOTE})" in [
        t.replace("\u00a0", " ") for t in texts
    ]
    assert sum(NOTE in t for t in texts) == 1


def test_a_stored_plan_without_the_key_reads_as_before():
    from vve.document import write_plan_docx

    plan = example_plan("assen-zes-woningen", AS_OF)
    for stage in plan["stages"]:
        del stage["period_note"]
    assert write_plan_docx(plan)
