"""Municipal heat plans: who maintains which municipality, what a change does to the
dossiers there (and says so in both audit trails), and imports that are all or nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import event

from vve.extensions import db
from vve.models import AuditEvent, MunicipalPlan, PostcodeArea, SecurityEvent
from vve.services import (
    accounts,
    audit,
    dossiers,
    maintainers,
    municipal,
    municipal_csv,
    sharing,
    summaries,
)

MUNICIPAL_EVENTS = (  # what a municipal change may log (a login logs an event of its own)
    "municipal_plan_changed",
    "municipal_plans_imported",
    "postcodes_imported",
    "municipality_claimed",
    "municipality_released",
    "municipal_editor_granted",
    "municipal_editor_revoked",
)

EXAMPLES = Path(__file__).parents[3] / "examples"
EMMEN = json.loads((EXAMPLES / "emmen-galerijflat.json").read_text(encoding="utf-8"))
PASSWORD = "een lang genoeg wachtwoord"


@pytest.fixture
def ctx(app):
    with app.app_context():
        yield app


def _user(email, organisation, role="advisor"):
    return accounts.create_user(email, email.split("@")[0], PASSWORD, organisation, role)


@pytest.fixture
def people(ctx):
    """Team Drenthe maintains Emmen; Bureau Elders serves it too, next in line."""
    team = {
        "admin": _user("admin@drenthe.nl", "Team Drenthe", "admin"),
        "advisor": _user("anna@drenthe.nl", "Team Drenthe"),
        "editor": _user("eva@drenthe.nl", "Team Drenthe"),
        "other_admin": _user("admin@elders.nl", "Bureau Elders", "admin"),
        "other_advisor": _user("bart@elders.nl", "Bureau Elders"),
    }
    maintainers.claim_municipality(team["admin"], "Emmen")
    maintainers.claim_municipality(team["other_admin"], "emmen")
    maintainers.set_municipal_editor(team["admin"], team["editor"].id, True)
    return team


def _emmen_plan(route="heat_network", neighbourhood=""):
    return {
        "municipality": "Emmen",
        "neighbourhood": neighbourhood,
        "status": "adopted",
        "preferred_route": route,
        "expected_year": 2030,
        "notes": "",
        "source": "Raadsbesluit Emmen 2026",
    }


def _dossier_shared_with(user):
    """The Emmen example, shared with the user's organisation only."""
    dossier = dossiers.import_profile(json.dumps(EMMEN).encode("utf-8"), furthest_step=10).dossier
    sharing.redeem_share(user, sharing.create_share_code(dossier))
    return dossier


def _state():
    """Everything a municipal change may touch."""
    plans = [
        (p.municipality, p.neighbourhood, p.status, p.preferred_route, p.source, p.updated_by)
        for p in db.session.execute(db.select(MunicipalPlan).order_by(MunicipalPlan.id)).scalars()
    ]
    areas = db.session.execute(db.select(PostcodeArea.postcode, PostcodeArea.municipality)).all()
    trails = db.session.execute(db.select(AuditEvent.action).order_by(AuditEvent.id)).all()
    security = db.session.execute(
        db.select(SecurityEvent.action).where(SecurityEvent.action.in_(MUNICIPAL_EVENTS))
    ).all()
    return plans, sorted(areas), trails, security


def test_the_first_organisation_to_register_maintains_and_the_next_takes_over(people):
    emmen = maintainers.maintainers(["emmen"])["emmen"]
    assert emmen.name == "Team Drenthe"
    with pytest.raises(maintainers.ClaimError):  # registered already
        maintainers.claim_municipality(people["admin"], " EMMEN ")
    with pytest.raises(maintainers.MunicipalAccess):  # only admins register
        maintainers.claim_municipality(people["advisor"], "Assen")
    claim = next(c for c in maintainers.claims_of(people["admin"].organisation_id))
    maintainers.release_municipality(people["admin"], claim.id)
    assert maintainers.maintainers(["emmen"])["emmen"].name == "Bureau Elders"
    events = db.session.execute(
        db.select(SecurityEvent.action, SecurityEvent.organisation_id, SecurityEvent.detail)
        .where(SecurityEvent.action.in_(["municipality_claimed", "municipality_released"]))
        .order_by(SecurityEvent.id)
    ).all()
    drenthe, elders = people["admin"].organisation_id, people["other_admin"].organisation_id
    assert [(a, o) for a, o, _ in events] == [
        ("municipality_claimed", drenthe),
        ("municipality_claimed", elders),
        ("municipality_released", drenthe),
        ("municipality_claimed", elders),  # the successor's own log says so
    ]
    assert events[0][2] == {"maintainer": True} and events[1][2] == {"maintainer": False}
    assert events[2][2] == {"was_maintainer": True, "successor": elders}


@pytest.mark.parametrize("who", ["advisor", "other_admin", "other_advisor"])
def test_no_one_but_the_maintainers_admins_and_editors_changes_its_plans(people, who):
    dossier = _dossier_shared_with(people["other_advisor"])
    route = dossier.heat_route
    plan = municipal.save_municipal_plan(_emmen_plan("hybrid"), people["admin"])
    before = _state()
    user = people[who]
    with pytest.raises((maintainers.MunicipalAccess, municipal.NotMaintained)):
        municipal.save_municipal_plan(_emmen_plan("all_electric"), user)
    with pytest.raises(maintainers.MunicipalAccess):
        municipal.save_municipal_plan(_emmen_plan("all_electric"), user, plan.id)
    with pytest.raises((maintainers.MunicipalAccess, municipal_csv.CsvError)):
        municipal_csv.import_municipal_plans(
            b"gemeente;wijk;status;route;jaar;toelichting;bron\nEmmen;;adopted;all_electric;;;\n",
            user,
        )
    with pytest.raises((maintainers.MunicipalAccess, municipal_csv.CsvError)):
        municipal_csv.import_postcodes(b"postcode;gemeente;wijk\n7824;Emmen;Emmerhout\n", user)
    db.session.rollback()
    assert _state() == before
    db.session.refresh(dossier)
    assert dossier.heat_route == "hybrid" != route


def test_an_unclaimed_municipality_is_changed_by_no_one(people):
    with pytest.raises(municipal.NotMaintained) as refused:
        municipal.save_municipal_plan(dict(_emmen_plan(), municipality="Assen"), people["admin"])
    assert "Assen" in str(refused.value)
    seeded = next(p for p in municipal.municipal_plans() if p.municipality == "Assen")
    with pytest.raises(maintainers.MunicipalAccess):
        municipal.plan_for_editing(people["admin"], seeded.id)


def test_the_maintainers_change_moves_the_routes_and_both_trails_say_so(people):
    """A dossier shared only with another organisation follows the maintainer's plan; the
    security log has the effect in counts, the dossier's own trail the route it got."""
    dossier = _dossier_shared_with(people["other_advisor"])
    assen = dict(EMMEN, association=dict(EMMEN["association"], municipality="Assen"))
    bystander = dossiers.import_profile(json.dumps(assen).encode("utf-8"), 10).dossier
    before = dossier.heat_route
    assert before != "heat_network"
    municipal.save_municipal_plan(_emmen_plan("heat_network"), people["editor"])
    db.session.refresh(dossier)
    assert dossier.heat_route == "heat_network"
    event_ = db.session.execute(
        db.select(SecurityEvent).where(SecurityEvent.action == "municipal_plan_changed")
    ).scalar_one()
    assert event_.actor == "advisor:eva@drenthe.nl" and event_.subject == "Emmen"
    assert event_.organisation_id == people["editor"].organisation_id
    assert event_.detail["dossiers"] == 1 and event_.detail["route_changed"] == 1
    assert event_.detail["routes_before"] == {before: 1}
    assert event_.detail["routes_after"] == {"heat_network": 1}
    assert EMMEN["association"]["name"] not in json.dumps(event_.detail)
    trail = [(e.actor, e.action, e.detail) for e in audit.log_of(dossier)]
    assert trail[0] == (
        "organisation:Team Drenthe",
        "municipal_plan_applied",
        {"municipality": "Emmen", "from": before, "to": "heat_network"},
    )
    assert all(e.action != "municipal_plan_applied" for e in audit.log_of(bystander))
    plan = municipal.municipal_plans()
    emmen = next(p for p in plan if p.municipality == "Emmen" and not p.neighbourhood)
    assert emmen.updated_by_organisation.name == "Team Drenthe"


def test_saving_the_same_values_again_changes_nothing_and_records_nothing(people):
    municipal.save_municipal_plan(_emmen_plan(), people["admin"])
    before = _state()
    municipal.save_municipal_plan(_emmen_plan(), people["editor"])
    assert _state() == before


def test_renaming_a_plan_needs_both_municipalities(people):
    plan = municipal.save_municipal_plan(_emmen_plan(), people["admin"])
    maintainers.claim_municipality(people["other_admin"], "Coevorden")
    with pytest.raises(municipal.NotMaintained):
        municipal.save_municipal_plan(
            dict(_emmen_plan(), municipality="Coevorden"), people["admin"], plan.id
        )
    db.session.rollback()
    assert municipal.municipal_plan(plan.id).municipality == "Emmen"


# --- imports -----------------------------------------------------------------------------

PLAN_HEADER = "gemeente;wijk;status;route;jaar;toelichting;bron\n"


def test_a_plan_import_refuses_every_row_of_a_municipality_it_does_not_maintain(people):
    maintainers.claim_municipality(people["other_admin"], "Coevorden")
    before = _state()
    data = (
        PLAN_HEADER
        + "Emmen;Angelslo;adopted;heat_network;2030;;\n"
        + "Coevorden;;adopted;all_electric;;;\n"
        + "Borger-Odoorn;;adopted;hybrid;;;\n"
    ).encode()
    with pytest.raises(municipal_csv.CsvError) as refused:
        municipal_csv.import_municipal_plans(data, people["admin"])
    assert refused.value.errors == [
        "Regel 3: uw organisatie beheert de gemeente Coevorden niet.",
        "Regel 4: uw organisatie beheert de gemeente Borger-Odoorn niet.",
    ]
    assert _state() == before


@pytest.mark.parametrize("kind", ["plans", "postcodes"])
def test_one_bad_row_at_the_end_writes_nothing(people, kind):
    _dossier_shared_with(people["advisor"])
    before = _state()
    if kind == "plans":
        good = "".join(f"Emmen;Wijk {n};adopted;heat_network;2030;;\n" for n in range(300))
        data = (PLAN_HEADER + good + "Emmen;Laatste;bijna;x;1999;;\n").encode()
        call = municipal_csv.import_municipal_plans
    else:
        good = "".join(f"{7800 + n % 100} {chr(65 + n // 100)}A;Emmen;Wijk\n" for n in range(300))
        data = ("postcode;gemeente;wijk\n" + good + "78AB;Emmen;Wijk\n").encode()
        call = municipal_csv.import_postcodes
    with pytest.raises(municipal_csv.CsvError) as refused:
        call(data, people["editor"])
    assert refused.value.errors[0].startswith("Regel 302:")
    db.session.rollback()
    assert _state() == before


def test_an_import_lists_at_most_twenty_errors_and_counts_the_rest(people):
    data = (PLAN_HEADER + "Emmen;;bijna;;;;\n" * 25).encode()
    with pytest.raises(municipal_csv.CsvError) as refused:
        municipal_csv.import_municipal_plans(data, people["admin"])
    assert len(refused.value.errors) == 21
    assert refused.value.errors[-1] == "En nog 5 regels met een fout."


def test_a_postcode_cannot_be_moved_out_of_a_municipality_maintained_by_another(people):
    maintainers.claim_municipality(people["other_admin"], "Coevorden")
    municipal_csv.import_postcodes(
        b"postcode;gemeente;wijk\n7741;Coevorden;Centrum\n", people["other_admin"]
    )
    before = _state()
    with pytest.raises(municipal_csv.CsvError) as refused:
        municipal_csv.import_postcodes(
            b"postcode;gemeente;wijk\n7741;Emmen;Noord\n", people["admin"]
        )
    assert refused.value.errors == [
        "Regel 2: postcode 7741 hoort bij de gemeente Coevorden, die uw organisatie niet beheert."
    ]
    assert _state() == before


def test_a_postcode_import_moves_the_routes_of_the_dossiers_there(people):
    dossier = _dossier_shared_with(people["other_advisor"])
    municipal.save_municipal_plan(_emmen_plan("hybrid", "Noord"), people["admin"])
    db.session.refresh(dossier)
    assert dossier.heat_route != "hybrid"  # the dossier is in Emmerhout, not Noord
    count = municipal_csv.import_postcodes(
        b"postcode;gemeente;wijk\n7824 KL;Emmen;Noord\n", people["admin"]
    )
    assert count == 1
    db.session.refresh(dossier)
    assert dossier.heat_route == "hybrid"
    imported = db.session.execute(
        db.select(SecurityEvent).where(SecurityEvent.action == "postcodes_imported")
    ).scalar_one()
    assert imported.detail["rows"] == 1 and imported.detail["route_changed"] == 1
    assert audit.log_of(dossier)[0].detail["to"] == "hybrid"


def _statements(app):
    counted = []

    def count(*_args):
        counted.append(1)

    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", count)
    return counted, lambda: event.remove(engine, "before_cursor_execute", count)


@pytest.mark.parametrize("kind", ["plans", "postcodes"])
def test_a_large_import_is_one_transaction_of_bounded_statements(ctx, people, monkeypatch, kind):
    """1,000 rows cost about what 10 rows cost; each dossier is refreshed once."""
    for _ in range(3):
        _dossier_shared_with(people["advisor"])
    summarised = []
    real = summaries.summarise

    def spy(dossier, profile, total):
        summarised.append(dossier.id)
        return real(dossier, profile, total)

    monkeypatch.setattr(summaries, "summarise", spy)
    commits = []
    monkeypatch.setattr(
        db.session, "commit", lambda real=db.session.commit: commits.append(1) or real()
    )
    maintainers.claim_municipality(people["admin"], "Coevorden")
    costs = []
    for rows in (10, 1000):
        if kind == "plans":
            body = "".join(
                f"{'Emmen' if n % 2 else 'Coevorden'};Wijk {rows}-{n};adopted;heat_network;2030;;\n"
                for n in range(rows)
            )
            data, call = (PLAN_HEADER + body).encode(), municipal_csv.import_municipal_plans
        else:
            body = "".join(
                f"{1000 + n + rows} AB;{'Emmen' if n % 2 else 'Coevorden'};Wijk\n"
                for n in range(rows)
            )
            data, call = (
                ("postcode;gemeente;wijk\n" + body).encode(),
                municipal_csv.import_postcodes,
            )
        summarised.clear()
        commits.clear()
        counted, stop = _statements(ctx)
        assert call(data, people["editor"]) == rows
        stop()
        costs.append(len(counted))
        assert len(commits) == 1
        assert sorted(summarised) == sorted(set(summarised)) and len(summarised) == 3
    assert costs[1] <= costs[0] + 5, costs
    assert costs[1] < 60, costs
