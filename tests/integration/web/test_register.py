"""The apartment register in the wizard (issue 13, point 1): rows typed, removed and
pasted from a spreadsheet without JavaScript, each number once with the row named, a
full register within the request bounds, warnings that never refuse, and owner names
that only the board ever sees."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.integration.web.conftest import form_values
from tests.integration.web.fuzzing import FUZZ
from tests.integration.web.test_advisors import login, make_user, share_with
from tests.integration.web.test_money_web import text_of
from vve.extensions import db
from vve.models import Dossier
from vve.profile.limits import MAX_APARTMENTS
from vve.wizard import bounds

STEP = "appartementen"
SECRET = "Jansen-Geheimnaam"


def stored(app) -> list[dict]:
    with app.app_context():
        profile = db.session.execute(db.select(Dossier.profile)).scalar_one()
    return (profile or {}).get("apartments", [])


def row(index: int, number: str, **values) -> dict[str, str]:
    return {f"apartments-{index}-number": number} | {
        f"apartments-{index}-{key}": value for key, value in values.items()
    }


def post(wizard, data: dict, button: str = "next", value: str = "", follow=False):
    """The step's page as a browser posts it, with ``data`` typed and ``button`` pressed."""
    page = wizard.client.get(wizard.url(STEP)).get_data(as_text=True)
    form = form_values(page)
    form.update(data)
    form[button] = value
    return wizard.client.post(wizard.url(STEP), data=form, follow_redirects=follow)


def with_rows(wizard, *rows: dict):
    data = {}
    for index, values in enumerate(rows):
        data.update(row(index, **values))
    response = post(wizard, data)
    assert response.status_code == 302, text_of(response)[:3000]
    return response


@pytest.fixture
def board(wizard):
    wizard.submit("vve", {"association__name": "VvE De Linde"})
    wizard.submit("gebouw", {"building__rights__dwellings": "3"})
    return wizard


def test_the_register_comes_after_the_votes_and_may_stay_empty(app, board):
    response = board.submit("stemmen")
    assert response.headers["Location"].endswith(f"/stap/{STEP}")
    page = board.client.get(board.url(STEP)).get_data(as_text=True)
    assert "presentielijst" in page and "niet verplicht" in page
    assert "Adviseurs met wie u het dossier deelt, zien geen namen" in page
    response = post(board, {})
    assert response.headers["Location"].endswith("/stap/gemeente")
    assert stored(app) == []


def test_saving_rows(app, board):
    with_rows(
        board,
        {
            "number": "1",
            "kind": "dwelling",
            "votes": "1",
            "cost_share": "210/10000",
            "owner_kind": "owner_occupiers",
            "owner_name": "J. de Vries",
            "resident": "yes",
        },
        {"number": " 2A ", "kind": "commercial", "votes": "3", "resident": "no"},
    )
    assert stored(app) == [
        {
            "number": "1",
            "kind": "dwelling",
            "votes": 1,
            "cost_share": "210/10000",
            "owner_kind": "owner_occupiers",
            "owner_name": "J. de Vries",
            "resident": True,
        },
        {
            "number": "2A",
            "kind": "commercial",
            "votes": 3,
            "cost_share": None,
            "owner_kind": None,
            "owner_name": None,
            "resident": False,
        },
    ]
    page = board.client.get(board.url(STEP)).get_data(as_text=True)
    values = form_values(page)
    assert values["apartments-1-number"] == "2A" and values["apartments-1-resident"] == "no"
    assert values["apartments-2-number"] == ""  # one empty row more


def test_removing_a_row_saves_the_list_and_stays_on_the_step(app, board):
    with_rows(board, {"number": "1"}, {"number": "2"}, {"number": "3"})
    response = post(board, {}, button="remove", value="1")
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/stap/{STEP}")
    assert [a["number"] for a in stored(app)] == ["1", "3"]
    page = text_of(board.client.get(response.headers["Location"]))
    assert "Rij 2 (nummer 2) is weggehaald. De lijst is opgeslagen." in page


def test_removing_the_last_row_empties_the_register(app, board):
    with_rows(board, {"number": "1"})
    post(board, {}, button="remove", value="0")
    assert stored(app) == []


def test_removing_a_row_keeps_what_was_typed_when_the_page_has_errors(app, board):
    with_rows(board, {"number": "1"}, {"number": "2"})
    response = post(board, {"apartments-1-votes": "veel"}, button="remove", value="0")
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "Rij 1 (nummer 1) is weggehaald. Er is nog niets opgeslagen." in text_of(response)
    assert form_values(page)["apartments-0-votes"] == "veel"  # row 2 is row 1 now
    assert "Rij 1: Vul een geheel getal in" in text_of(response)
    assert [a["number"] for a in stored(app)] == ["1", "2"]


PASTED = (
    "Nummer\tSoort\tStemmen\tBreukdeel\tEigenaar\tNaam\tWoont er\n"
    "1\twoning\t1\t210/10.000\teigenaar-bewoner\tJ. de Vries\tja\n"
    "2\tBedrijfsruimte\t3\t1000/10000\tbelegger\t\tnee\n"
    "G1\tparkeerplaats\t0\t\t\t\t\n"
)


def test_pasted_rows_fill_the_table_and_are_saved(app, board):
    with_rows(board, {"number": "1", "votes": "9"}, {"number": "7"})
    response = post(board, {"paste": PASTED}, button="paste_rows")
    assert response.status_code == 302, text_of(response)[:3000]
    assert response.headers["Location"].endswith(f"/stap/{STEP}")
    register = stored(app)
    assert [a["number"] for a in register] == ["1", "7", "2", "G1"]
    assert register[0]["votes"] == 1 and register[0]["cost_share"] == "210/10000"
    assert register[2] == {
        "number": "2",
        "kind": "commercial",
        "votes": 3,
        "cost_share": "1000/10000",
        "owner_kind": "investor",
        "owner_name": None,
        "resident": False,
    }
    page = text_of(board.client.get(response.headers["Location"]))
    assert "2 rijen toegevoegd, 1 bijgewerkt." in page
    assert "De eerste regel was een kopregel en is overgeslagen." in page


def test_a_paste_may_replace_the_whole_list(app, board):
    with_rows(board, {"number": "9"})
    post(board, {"paste": "1;woning\n2;woning", "paste_mode": "replace"}, button="paste_rows")
    assert [a["number"] for a in stored(app)] == ["1", "2"]


def test_text_left_in_the_paste_box_is_taken_with_save(app, board):
    response = post(board, {"paste": "1\n2\n"})
    assert response.headers["Location"].endswith(f"/stap/{STEP}")  # to check them
    assert [a["number"] for a in stored(app)] == ["1", "2"]


def test_bad_pasted_lines_are_named_and_nothing_is_taken(app, board):
    with_rows(board, {"number": "5"})
    text = "1;woning;1\n2;schuur\n3;woning;1500\n\n1;woning\n4;woning;1;0,021"
    response = post(board, {"paste": text, "apartments-0-votes": "2"}, button="paste_rows")
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    words = text_of(response)
    assert "Regel 2: de soort 'schuur' ken ik niet" in words
    assert "Regel 3: Stemmen '1500': Vul een getal van 0 tot en met 1.000 in." in words
    assert "Regel 5: nummer 1 staat ook op regel 1." in words
    assert "Regel 6: Breukdeel '0,021': Vul een breukdeel in als breuk" in words
    assert 'href="#paste"' in page  # the summary leads to the box
    values = form_values(page)
    assert values["apartments-0-votes"] == "2"  # nothing typed is lost
    assert "2;schuur" in page and "<details" in page and 'id="plakken" open' in page
    assert [a["number"] for a in stored(app)] == ["5"]


def test_duplicate_numbers_are_refused_at_the_later_row(app, board):
    response = post(
        board,
        {
            **row(0, "1"),
            **row(1, "2", votes="5"),
            **row(2, " 1 ", owner_name="Piet"),
        },
    )
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    words = text_of(response)
    assert "Rij 3: Nummer 1 staat ook in rij 1; elk nummer komt één keer voor." in words
    assert "Elk appartementsnummer mag maar één keer in de lijst staan." in words
    assert 'href="#apartments-2-number"' in page
    values = form_values(page)
    assert values["apartments-1-votes"] == "5" and values["apartments-2-owner_name"] == "Piet"
    assert stored(app) == []


def test_out_of_range_votes_and_a_bad_breukdeel_name_their_row(board):
    response = post(board, {**row(0, "1"), **row(1, "2", votes="1001", cost_share="3/0")})
    assert response.status_code == 400
    words = text_of(response)
    assert "Rij 2: Vul een getal van 0 tot en met 1.000 in." in words
    assert "Rij 2: Het getal onder de breukstreep mag geen 0 zijn." in words
    assert "Appartementsrechten, Stemmen: Rij 2:" in words  # the summary says where


def test_a_row_without_a_number_is_an_error_not_dropped(board):
    response = post(board, {"apartments-0-votes": "2"})
    assert response.status_code == 400
    assert "Rij 1: Vul dit ook in, of maak de hele regel leeg." in text_of(response)


def test_enter_in_a_field_saves_and_goes_on(board):
    page = board.client.get(board.url(STEP)).get_data(as_text=True)
    form = page[page.index("<form") :]
    first = re.search(r"<button[^>]*>", form).group(0)
    assert 'name="next"' in first  # the browser's default button, before any row's own


def test_more_rows(board):
    response = post(board, {}, button="more_rows")
    assert response.headers["Location"].endswith(f"/stap/{STEP}?rijen=13")
    page = board.client.get(response.headers["Location"]).get_data(as_text=True)
    assert len(re.findall(r'name="apartments-\d+-number"', page)) == 13


def full_register(wizard, rows: int) -> dict[str, str]:
    form = form_values(wizard.client.get(wizard.url(STEP)).get_data(as_text=True))
    for index in range(rows):
        form.update(
            row(
                index,
                f"A-{index + 1}",
                kind="dwelling",
                votes="1",
                cost_share="1/250",
                owner_kind="owner_occupiers",
                owner_name=f"Eigenaar {index + 1}",
                resident="yes",
            )
        )
    return form


def test_a_full_register_is_accepted_and_one_more_is_refused(app, board):
    assert bounds.max_fields(STEP) < app.config["MAX_FORM_PARTS"]
    form = full_register(board, MAX_APARTMENTS)
    assert len(form) + 1 < app.config["MAX_FORM_PARTS"]
    response = board.client.post(board.url(STEP), data={**form, "next": ""})
    assert response.status_code == 302, text_of(response)[:2000]
    assert len(stored(app)) == MAX_APARTMENTS
    page = board.client.get(board.url(STEP)).get_data(as_text=True)
    assert len(re.findall(r'name="apartments-\d+-number"', page)) == MAX_APARTMENTS
    assert "De lijst is vol: er passen hoogstens 250 rijen in." in text_of_html(page)
    response = post(board, {"paste": "nieuw"}, button="paste_rows")
    assert response.status_code == 400
    assert (
        "Met de geplakte regels komt de lijst op 251 appartementen; er passen er hoogstens "
        "250 in. Er is niets overgenomen."
    ) in text_of(response)
    more = {**form, **row(MAX_APARTMENTS, "nieuw"), "next": ""}
    assert board.client.post(board.url(STEP), data=more).status_code == 413
    assert len(stored(app)) == MAX_APARTMENTS


def text_of_html(page: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page))


def test_too_many_pasted_lines_are_refused(board):
    text = "\n".join(str(n) for n in range(MAX_APARTMENTS + 1))
    response = post(board, {"paste": text}, button="paste_rows")
    assert response.status_code == 400
    assert "U plakte 251 regels; het register kan hoogstens 250 appartementen bevatten." in (
        text_of(response)
    )


def test_warnings_on_the_step_and_the_check_page_never_refuse(app, board):
    board.submit("stemmen", {"voting__votes_per_right": "one_each"})
    response = with_rows(
        board, {"number": "1", "votes": "2"}, {"number": "2", "kind": "commercial"}
    )
    page = text_of(board.client.get(board.url(STEP)))
    assert "Woningen: 1 in deze lijst, 3 bij het gebouw (stap Gebouw)." in page
    assert "Bedrijfsruimten: 1 in deze lijst, 0 bij het gebouw (stap Gebouw)." in page
    assert (
        "De stemmen in deze lijst tellen op tot 3; volgens de stap Eigenaars en stemmen heeft "
        "de VvE 3 stemmen."
    ) not in page
    check = text_of(board.client.get(f"/d/{board.public_id}/controle"))
    assert "2 appartementsrechten: 1 woning, 1 bedrijfsruimte" in check
    assert "Woningen: 1 in deze lijst, 3 bij het gebouw" in check
    assert response.status_code == 302 and len(stored(app)) == 2


def test_register_votes_against_the_total(board):
    board.submit("stemmen", {"voting__votes_per_right": "one_each"})
    with_rows(board, {"number": "1", "votes": "2"}, {"number": "2"}, {"number": "3"})
    page = text_of(board.client.get(board.url(STEP)))
    assert (
        "De stemmen in deze lijst tellen op tot 4; volgens de stap Eigenaars en stemmen heeft "
        "de VvE 3 stemmen. Een rij zonder stemmen telt als één stem."
    ) in page


def test_owner_names_are_for_the_board_only(app, board):
    with_rows(board, {"number": "1", "owner_name": SECRET, "votes": "1"}, {"number": "2"})
    make_user(app, "anna@drenthe.nl")
    advisor = login(app.test_client(), "anna@drenthe.nl")
    share_with(board, advisor)
    board_check = board.client.get(f"/d/{board.public_id}/controle").get_data(as_text=True)
    assert SECRET in board_check
    for path in (
        "/adviseur/",
        "/adviseur/export.csv",
        "/adviseur/overzicht",
        f"/d/{board.public_id}/stap/{STEP}",
        f"/d/{board.public_id}/controle",
        f"/d/{board.public_id}/geschiedenis",
        f"/d/{board.public_id}/plan",
        f"/d/{board.public_id}/profiel.json",
    ):
        response = advisor.get(path)
        assert response.status_code == 200, path
        assert SECRET not in response.get_data(as_text=True), path
    exported = json.loads(advisor.get(f"/d/{board.public_id}/profiel.json").data)
    assert [a["owner_name"] for a in exported["apartments"]] == [None, None]
    mine = json.loads(board.client.get(f"/d/{board.public_id}/profiel.json").data)
    assert mine["apartments"][0]["owner_name"] == SECRET  # exported with the dossier

    adviser = type(board)(advisor)
    adviser.public_id = board.public_id
    page = advisor.get(adviser.url(STEP)).get_data(as_text=True)
    form = form_values(page)
    assert "apartments-0-owner_name" not in form
    form.update({"apartments-0-votes": "2", "apartments-1-owner_name": "Door adviseur"})
    response = advisor.post(adviser.url(STEP), data={**form, "next": ""})
    assert response.status_code == 302
    register = stored(app)
    assert register[0]["owner_name"] == SECRET and register[0]["votes"] == 2
    assert register[1]["owner_name"] is None  # an advisor writes no names either


@FUZZ
@given(text=st.text(max_size=300))
def test_any_pasted_text_gives_rows_or_dutch_errors(app, board, text):
    response = post(board, {"paste": text}, button="paste_rows")
    assert response.status_code in (302, 400)
    if response.status_code == 400:
        assert "Controleer wat u hebt ingevuld" in response.get_data(as_text=True)


def test_the_register_speaks_english_too(board):
    board.client.get("/taal/en")
    page = text_of(board.client.get(board.url(STEP)))
    assert "Apartment rights" in page and "Paste rows from a spreadsheet" in page
    response = post(board, {"paste": "1;dwelling;1\n2;schuur"}, button="paste_rows")
    words = text_of(response)
    assert "Line 2: the kind 'schuur' is unknown" in words
    typed = text_of(post(board, {**row(0, "1", votes="2.000", cost_share="1/0")}))
    pasted = text_of(post(board, {"paste": "1;;2.000\n2;;1;1/0"}, button="paste_rows"))
    for message in ("Enter a number from 0 to 1,000.", "The number below the fraction bar"):
        assert message in typed
    assert "Line 1: Votes '2.000': Enter a number from 0 to 1,000." in pasted
    assert "Line 2: Share (breukdeel) '1/0': The number below the fraction bar cannot" in pasted
    response = post(board, {"paste": "1;dwelling;1;;landlord;;yes"}, button="paste_rows")
    assert response.status_code == 302
    page = text_of(board.client.get(response.headers["Location"]))
    assert "1 row added, 0 updated. The list has been saved." in page
