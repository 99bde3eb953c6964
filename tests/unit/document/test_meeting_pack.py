"""The meeting pack read back with python-docx: six documents per meeting, in named styles
on A4, with the plan's dates, rules, proxies, votes and money, and the board's details or
a marked placeholder."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from functools import cache

import pytest
from docx import Document
from docx.oxml.ns import qn
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import EXAMPLES
from tests.strategies import profiles_with_votes
from vve.document import DocumentMeta
from vve.document.meeting import MeetingDetails, UnknownMeeting, attendance, write_meeting_pack
from vve.document.meeting.common import find_pack, new_document, to_bytes
from vve.document.text import date_nl
from vve.profile import ProfileError, parse_profile
from vve.rules import build_plan
from vve.rules.calculator import threshold_below
from vve.rules.outcomes import judge, next_meeting, result_fields
from vve.rules.serialize import plan_to_dict

PARTS = ("oproeping", "agenda", "toelichting", "volmacht", "presentielijst", "notulen")
EMMEN = next(p for p in EXAMPLES if p.stem == "emmen-galerijflat")
START = dt.date(2027, 1, 4)


def _raw(path=EMMEN) -> dict:
    raw = json.loads(path.read_text(encoding="utf-8"))
    raw["ambition"]["start_date"] = None
    return raw


def _plan(raw: dict, as_of: dt.date = START) -> dict:
    return plan_to_dict(build_plan(parse_profile(raw), as_of))


def _norm(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


def _text(data: bytes) -> str:
    doc = Document(io.BytesIO(data))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts += [cell.text for cell in row.cells]
    return _norm(" ".join(parts))


@cache
def emmen_plan() -> str:
    return json.dumps(_plan(_raw()))


@cache
def second_meeting_plan() -> str:
    """Emmen after meeting 1 missed the quorum for the energy advice (the others passed)."""
    raw = _raw()
    plan = json.loads(emmen_plan())
    meeting = next_meeting(plan)
    results = []
    for number, did in enumerate(meeting["decisions"], start=1):
        decision = next(d for d in plan["decisions"] if d["id"] == did)
        counts = (20, 15, 5, 0) if did == "commission_advice" else (40, 30, 5, 5)
        case = "above" if threshold_below(decision) else None  # the qualified rule
        fields = result_fields(judge(decision, plan["votes"]["total"], *counts, case=case))
        fields.update(
            id=number,
            meeting_date=meeting["date"],
            recorded_at=f"{meeting['date']}T22:00:00+00:00",
            recorded_by="board",
        )
        results.append(fields)
    raw["results"] = results
    return json.dumps(_plan(raw, dt.date.fromisoformat(meeting["date"]) + dt.timedelta(days=1)))


@pytest.fixture(scope="module")
def pack():
    plan = json.loads(emmen_plan())
    return plan, dict(write_meeting_pack(plan, 1))


def test_six_documents_named_by_meeting_and_part(pack):
    _, files = pack
    assert list(files) == [f"vergadering-1-{part}.docx" for part in PARTS]


def test_every_document_opens_on_a4_with_named_styles_only(pack):
    _, files = pack
    direct = {qn(t) for t in ("w:b", "w:i", "w:sz", "w:color", "w:rFonts", "w:u")}
    for name, data in files.items():
        doc = Document(io.BytesIO(data))
        section = doc.sections[0]
        size = sorted((round(section.page_width.cm, 1), round(section.page_height.cm, 1)))
        assert size == [21.0, 29.7], name
        if "presentielijst" in name:
            assert section.page_width > section.page_height
        for run in doc.element.body.iter(qn("w:r")):
            rpr = run.find(qn("w:rPr"))
            if rpr is not None:
                assert not [c.tag for c in rpr if c.tag in direct], name
        assert {t.style.name for t in doc.tables} <= {"VvE Tabel"}, name
        for table in doc.tables:
            header = table.rows[0]._tr.find(qn("w:trPr") + "/" + qn("w:tblHeader"))
            assert header is not None, name
        assert doc.core_properties.language == "nl-NL"


def test_the_convocation_says_when_to_send_it_and_how_that_is_counted(pack):
    plan, files = pack
    meeting = plan["meetings"][0]
    text = _text(files["vergadering-1-oproeping.docx"])
    assert _norm(f"uiterlijk {date_nl(meeting['send_by'])}") in text
    assert f"de oproeptermijn is {meeting['notice_days']} dagen" in text
    assert "vrije dagen" in text
    # Emmen follows MR 1992, whose period sources disagree on
    assert meeting["notice_certainty"] == "betwist"
    assert "controleer de oproeptermijn in uw eigen reglement" in text
    window = meeting["second_window"]
    assert _norm(f"tussen {date_nl(window['earliest'])} en {date_nl(window['latest'])}") in text


def test_missing_details_are_marked_placeholders_and_given_ones_are_used(pack):
    plan, files = pack
    text = _text(files["vergadering-1-oproeping.docx"])
    assert "[plaats en adres]" in text and "[aanvangstijd]" in text
    given_ = dict(write_meeting_pack(plan, 1, MeetingDetails("Buurthuis De Schakel", "19.30 uur")))
    text = _text(given_["vergadering-1-oproeping.docx"])
    assert "Buurthuis De Schakel" in text and "19.30 uur" in text
    assert "[plaats en adres]" not in text


def test_a_second_meeting_says_so_and_decides_regardless_of_attendance():
    plan = json.loads(second_meeting_plan())
    second = next(m for m in plan["meetings"] if m["kind"] == "second_meeting")
    first = next(m for m in plan["meetings"] if m["held"])
    files = dict(write_meeting_pack(plan, second["number"]))
    text = _text(files[f"vergadering-{second['number']}-oproeping.docx"])
    assert "Oproeping tweede vergadering" in text
    assert "ongeacht het aantal aanwezige of vertegenwoordigde stemmen" in text
    assert "met dezelfde meerderheid" in text
    assert _norm(f"De eerste vergadering was op {date_nl(first['date'])}") in text
    agenda = _text(files[f"vergadering-{second['number']}-agenda.docx"])
    assert "Opdracht geven voor een energieadvies" in agenda
    assert "Drempelbedrag" not in agenda  # taken at the first meeting
    assert "Quorum: geen: dit is een tweede vergadering" in agenda


def test_the_agenda_gives_each_rule_in_words_and_numbers(pack):
    plan, files = pack
    text = _text(files["vergadering-1-agenda.docx"])
    for did in plan["meetings"][0]["decisions"]:
        decision = next(d for d in plan["decisions"] if d["id"] == did)
        votes = decision["rule"]["votes"]
        assert _norm(decision["draft_resolution"]) in text
        assert f"ten minste {votes['quorum_votes']} van de {votes['total']} stemmen" in text
        assert f"bij volledige opkomst {votes['min_yes_full_attendance']} stemmen voor" in text


def test_the_agenda_gives_the_advice_per_apartment_from_the_plan(pack):
    plan, files = pack
    net = plan["money"]["advice"]["net"]["high_cents"]
    apartments = plan["money"]["apartments"]["classes"][0]["apartments"]
    each = round(net / apartments / 100)  # € 4.125 over 48 apartments
    text = _text(files["vergadering-1-agenda.docx"])
    assert f"€ {each} per appartement" in text


def test_the_agenda_says_the_vve_pays_the_whole_advice_before_the_refund(pack):
    """€ 16,500 / 48 = € 344 per apartment first; the SVVE's 75% comes after the
    application, so owners know what they pay before it comes back."""
    plan, files = pack
    first = plan["money"]["first_decision"]
    text = _text(files["vergadering-1-agenda.docx"])
    assert "Eerst betaalt de VvE het hele advies: € 344 per appartement (breukdeel 1/48)" in text
    assert "de SVVE-vergoeding komt pas later" in text
    assert first["refund_reason"] == "counted"


def test_the_note_says_why_and_what_follows_a_rejection(pack):
    plan, files = pack
    text = _text(files["vergadering-1-toelichting.docx"])
    for did in plan["meetings"][0]["decisions"]:
        decision = next(d for d in plan["decisions"] if d["id"] == did)
        assert _norm(decision["explanation"]["text"]) in text
    assert "komt terug in een volgende vergadering" in text
    assert "tweede vergadering" in text


def _proxy_text(model: str | None, limit: int | None = 0) -> str:
    raw = _raw()
    raw["voting"]["model_reglement"] = model
    raw["voting"]["proxy_limit"] = limit
    plan = _plan(raw)
    return _text(dict(write_meeting_pack(plan, 1))["vergadering-1-volmacht.docx"])


@pytest.mark.parametrize("model", ["2006", "2017"])
def test_no_board_member_may_hold_a_proxy_under_mr_2006_and_2017(model):
    text = _proxy_text(model)
    assert "mag een bestuurslid geen volmacht aannemen" in text
    assert "geen bestuurslid" in text


def test_under_mr_1992_a_board_member_may_hold_a_proxy():
    text = _proxy_text("1992")
    assert "bestuurslid" not in text


def test_an_unknown_reglement_names_the_rule_of_2006_and_2017_as_a_caution():
    text = _proxy_text(None, None)
    assert "Onder de modelreglementen van 2006 en 2017 mag een bestuurslid" in text
    assert "Zolang niet vaststaat wat ons reglement zegt" in text


def test_the_proxy_form_names_the_limit_per_holder_where_the_reglement_has_one():
    assert "ten hoogste 2 volmachten" in _proxy_text("2006", 2)
    assert "ten hoogste" not in _proxy_text("2006", 0)
    assert "geen maximum aan het aantal volmachten" in _proxy_text("2006", 0)
    assert "volmachten per persoon" not in _proxy_text("2006", None)


def test_the_proxy_form_has_a_voting_instruction_per_proposal(pack):
    plan, files = pack
    doc = Document(io.BytesIO(files["vergadering-1-volmacht.docx"]))
    instruction = next(t for t in doc.tables if t.rows[0].cells[0].text == "Punt")
    titles = [row.cells[1].text for row in instruction.rows[1:]]
    expected = [
        next(d["title"] for d in plan["decisions"] if d["id"] == did)
        for did in plan["meetings"][0]["decisions"]
    ]
    assert titles == expected


# --- the voting list ----------------------------------------------------------------------


def _attendance(plan: dict, number: int = 1):
    pack = find_pack(plan, number, MeetingDetails())
    doc, b = new_document(pack, attendance.TITLE, None, DocumentMeta(), landscape=True)
    attendance.write(b, pack)
    return pack, Document(io.BytesIO(to_bytes(doc)))


def _body(table) -> list:
    """The rows between the two header rows and the two totals rows."""
    return table.rows[2:-2]


def _totals(table) -> tuple[str, list[str]]:
    total, needed = table.rows[-2], table.rows[-1]
    unique = []
    for cell in needed.cells:  # merged cells repeat
        if not unique or cell._tc is not unique[-1]._tc:
            unique.append(cell)
    return total.cells[2].text, [c.text for c in unique[1:]]


def test_without_a_register_the_list_has_each_owner_group_and_a_row_per_right(pack):
    plan, _ = pack
    pack_, doc = _attendance(plan)
    table = doc.tables[0]
    owners = [row.cells[1].text for row in _body(table)]
    for party in plan["votes"]["parties"]:
        assert any(party["label"] in owner for owner in owners)
    assert len(_body(table)) == len(plan["votes"]["parties"]) + 48
    votes, needed = _totals(table)
    assert votes == "48"
    assert needed == [_quorum_cell(d, 48) for d in pack_.proposals]


def _quorum_cell(d: dict, total: int) -> str:
    """A proposal's quorum; both where the threshold amount decides the rule (MR 1992)."""
    quorum = d["rule"]["votes"]["quorum_votes"]
    below = next((a for a in d["alternatives"] if a["applies"] == "below_threshold"), None)
    if d["threshold_words"] and below and below["votes"]["quorum_votes"] != quorum:
        low = below["votes"]["quorum_votes"]
        # paying from the reserve fund needs the qualified quorum whatever the amount
        reserve = any(a["applies"] == "reserve_fund" for a in d["alternatives"])
        depends = " en of het reservefonds betaalt" if reserve else ""
        return f"quorum {low} of {quorum} van {total} (hangt af van het drempelbedrag{depends})"
    return f"quorum {quorum} van {total}"


apartment_numbers = st.lists(
    st.text(alphabet="0123456789ABC-", min_size=1, max_size=6).filter(lambda s: s.strip("-")),
    min_size=1,
    max_size=30,
    unique_by=lambda s: s.lower(),
)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    numbers=apartment_numbers,
    votes=st.lists(st.one_of(st.none(), st.integers(0, 5)), min_size=30, max_size=30),
)
def test_with_a_register_the_list_has_a_row_per_apartment_and_its_votes(numbers, votes):
    raw = _raw()
    raw["building"]["rights"] = {"dwellings": len(numbers)}
    raw["owners"]["groups"] = []
    raw["apartments"] = [
        {"number": n, "votes": v, "owner_name": f"Eigenaar {n}"} for n, v in zip(numbers, votes)
    ]
    plan = _plan(raw)
    _, doc = _attendance(plan)
    table = doc.tables[0]
    assert [row.cells[0].text for row in _body(table)] == numbers
    assert [row.cells[1].text for row in _body(table)] == [f"Eigenaar {n}" for n in numbers]
    expected = [1 if v is None else v for v in votes[: len(numbers)]]
    assert [row.cells[2].text for row in _body(table)] == [str(v) for v in expected]
    total, needed = _totals(table)
    assert total == str(sum(expected))
    for text, (_, decision) in zip(needed, find_pack(plan, 1, MeetingDetails()).numbered()):
        assert text == _quorum_cell(decision, len(numbers))


def test_many_proposals_continue_in_a_second_voting_table():
    plan = json.loads(emmen_plan())
    plan["meetings"][0]["decisions"] = [d["id"] for d in plan["decisions"]]  # all eleven
    pack_, doc = _attendance(plan)
    assert len(doc.tables) >= 2
    headers: set[str] = set()
    for table in doc.tables:
        headers |= set(re.findall(r"Punt (\d+)", " ".join(c.text for c in table.rows[0].cells)))
    assert headers == {str(n) for n, _ in pack_.numbered()}
    for table in doc.tables[1:]:  # the next tables repeat the apartment and its votes
        assert [c.text for c in table.rows[0].cells[:2]] == ["App.", "Stemmen"]
        assert len(_body(table)) == len(_body(doc.tables[0]))


# --- the minutes ----------------------------------------------------------------------------


def test_the_minutes_have_outcome_boxes_and_the_blank_votes_rule(pack):
    plan, files = pack
    text = _text(files["vergadering-1-notulen.docx"])
    assert "Blanco stemmen en onthoudingen tellen mee voor het quorum" in text
    assert text.count("☐ aangenomen") == len(plan["meetings"][0]["decisions"])
    assert "☐ niet genomen: quorum niet gehaald" in text
    assert "Besluitenlijst" in text


# --- house style and errors ---------------------------------------------------------------


def test_a_house_style_is_applied_to_every_document():
    house = Document()
    house.styles["Heading 2"].font.name = "Georgia"
    house.sections[0].header.paragraphs[0].text = "Adviesbureau Noord"
    out = io.BytesIO()
    house.save(out)
    plan = json.loads(emmen_plan())
    for name, data in write_meeting_pack(plan, 1, template=out.getvalue()):
        doc = Document(io.BytesIO(data))
        assert doc.styles["Heading 2"].font.name == "Georgia", name
        assert doc.sections[-1].header.paragraphs[0].text == "Adviesbureau Noord", name


@pytest.mark.parametrize("number", [0, 5, 99, -1])
def test_a_meeting_the_plan_does_not_have_is_refused_with_the_list(number):
    plan = json.loads(emmen_plan())
    with pytest.raises(UnknownMeeting) as caught:
        write_meeting_pack(plan, number)
    message = str(caught.value)
    assert f"Vergadering {number} staat niet in dit plan" in message
    for meeting in plan["meetings"]:
        assert f"{meeting['number']} ({date_nl(meeting['date'])})" in message


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(profiles_with_votes)
def test_no_engine_valid_plan_makes_the_pack_fail(data):
    try:
        profile = parse_profile(data)
    except ProfileError:
        return
    plan = plan_to_dict(build_plan(profile, START))
    for meeting in plan["meetings"]:
        files = write_meeting_pack(plan, meeting["number"])
        assert [name for name, _ in files] == [
            f"vergadering-{meeting['number']}-{part}.docx" for part in PARTS
        ]
        for _, data_ in files:
            assert Document(io.BytesIO(data_)).paragraphs


def test_a_proposal_that_waits_for_the_heat_route_says_it_may_move_on():
    tynaarlo = next(p for p in EXAMPLES if p.stem == "tynaarlo-weinig-bekend")
    plan = _plan(_raw(tynaarlo))
    meeting = next(m for m in plan["meetings"] if "choose_heat_source" in m["decisions"])
    files = dict(write_meeting_pack(plan, meeting["number"]))
    text = _text(files[f"vergadering-{meeting['number']}-agenda.docx"])
    assert (
        "Dit voorstel kan pas in stemming komen zodra de warmteroute bekend is; is dat nog niet "
        "zo, dan schuift het door naar een volgende vergadering." in text
    )
    assert text.count("zodra de warmteroute bekend is") == 1
