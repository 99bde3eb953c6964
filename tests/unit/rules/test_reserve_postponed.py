"""The reserve fund's course follows the plan's decisions (a raised contribution, a bridged
boiler) and, since an advisor's review, its proposal to postpone maintenance: Meppel's
first ALV may postpone the frames (MJOP 2027) and the roof (2028) to 2029, so that
insulation joins them; Tabel 35 booked them in 2027 and 2028 all the same."""

import datetime as dt

from tests.example_plans import example_plan, written_example

AS_OF = dt.date(2026, 11, 27)
MEPPEL = "meppel-beschermd-stadsgezicht"


def test_postponed_maintenance_is_spent_in_the_year_it_moves_to():
    reserve = example_plan(MEPPEL, AS_OF)["money"]["reserve"]
    moved = {i["component"]: (i["year"], i["planned_year"]) for i in reserve["unknown_spending"]}
    assert moved == {"window_frames": (2029, 2027), "roof": (2029, 2028)}


def test_maintenance_not_postponed_keeps_its_year():
    for stem in ("hoogeveen-corporatie", "emmen-galerijflat", "assen-zes-woningen"):
        plan = example_plan(stem, AS_OF)
        postponed = {m["component"] for m in plan["measures"] if m["postponed_from"]}
        for item in plan["money"]["reserve"]["unknown_spending"]:
            if item["component"] not in postponed:
                assert item["year"] == item["planned_year"]


def test_table_35_shows_both_in_2029_with_where_they_came_from():
    doc = written_example(MEPPEL, AS_OF)
    table = next(t for t in doc.tables if "Reservering" in [c.text for c in t.rows[0].cells])
    rows = {r.cells[0].text: r.cells[3].text for r in table.rows[1:]}
    assert rows["2027"] == rows["2028"] == ""
    assert "de kozijnen" in rows["2029"] and "het dak" in rows["2029"]
    assert "uitgesteld uit 2027" in rows["2029"] and "uitgesteld uit 2028" in rows["2029"]


def test_the_note_says_the_postponement_is_the_meetings_to_decide():
    doc = written_example(MEPPEL, AS_OF)
    notes = [p.text for p in doc.paragraphs if p.text.startswith("Het eerste jaar telt")]
    assert len(notes) == 1
    assert "als de ALV tot uitstel besluit" in notes[0]
