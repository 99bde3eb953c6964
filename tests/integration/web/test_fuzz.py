"""Hostile input to every form and to the JSON import: never a server error, the dossier
stays valid, and the answer is a page (Dutch by default) whose size does not grow with
the post. Long strings, NUL bytes, numbers of thousands of digits, fields repeated
thousands of times and row numbers far beyond a table's end, on every step; and two
browsers saving the same step in any order, with saves landing in between, never lose an
answer a save confirmed. Examples per test: the ``fuzz`` settings profile (fuzzing.py)."""

import io
import json
import re

from hypothesis import given
from hypothesis import strategies as st
from werkzeug.datastructures import FileStorage, MultiDict
from werkzeug.test import encode_multipart

from tests.integration.web.conftest import csrf_of, form_values
from tests.integration.web.fuzzing import FUZZ, HOSTILE, HUGE_NUMBERS, NUL_TEXT
from tests.integration.web.test_advisors import login, make_user
from tests.integration.web.test_concurrency import saved_meanwhile, second_browser
from vve.extensions import db
from vve.models import Dossier, MunicipalPlan, User
from vve.profile import parse_profile
from vve.services import maintainers
from vve.wizard import bounds
from vve.wizard.steps import STEPS

SETTINGS = FUZZ
STEP_SLUGS = [s.slug for s in STEPS]


def _post_routes(app, public_id):
    fill = {
        "public_id": public_id,
        "token": "x" * 43,
        "action": "blokkeren",
        "share_id": 1,
        "snapshot_id": 1,
        "result_id": 1,
        "number": 1,
        "user_id": 1,
        "plan_id": 1,
        "claim_id": 999999,  # not the fuzz user's own registration: it stays
        "state": "aan",
        "code": "en",
    }
    return [
        (rule.build({a: fill.get(a, slug) for a in rule.arguments})[1], rule.endpoint)
        for rule in app.url_map.iter_rules()
        if "POST" in rule.methods and rule.endpoint not in ("board.delete", "auth.logout")
        for slug in (STEP_SLUGS if "slug" in rule.arguments else [None])
    ]


@SETTINGS
@given(data=st.data())
def test_every_post_route_survives_hostile_values(app, wizard, data):
    wizard.submit("vve", {"association__name": "VvE Fuzz"})
    if not getattr(app, "_fuzz_user", None):
        user_id = make_user(app, "fuzz@drenthe.nl", role="admin")
        with app.app_context():  # it maintains plan 1's municipality: its edit page is fuzzed
            user = db.session.get(User, user_id)
            maintainers.claim_municipality(user, db.session.get(MunicipalPlan, 1).municipality)
    app._fuzz_user = True
    login(wizard.client, "fuzz@drenthe.nl")
    for url, endpoint in _post_routes(app, wizard.public_id):
        page = wizard.client.get(
            url if endpoint.startswith(("wizard.step", "advisor.", "auth.")) else "/"
        )
        fields = form_values(page.get_data(as_text=True)) if page.status_code == 200 else {}
        token = csrf_of(wizard.client.get("/").get_data(as_text=True))
        names = sorted(n for n in fields if n != "csrf_token") or ["x"]
        # a fixed number of draws per route, whatever the page shows this time
        values = data.draw(
            st.lists(st.tuples(st.integers(0, 999), HOSTILE), min_size=4, max_size=4), label=url
        )
        form = {**fields, "csrf_token": token}
        form.update({names[i % len(names)]: v for i, v in values})
        response = wizard.client.post(url, data=form)
        assert response.status_code < 500, (url, {k: v[:80] for k, v in form.items()})
    with app.app_context():
        profile = db.session.execute(
            db.select(Dossier.profile).where(Dossier.public_id == wizard.public_id)
        ).scalar_one()
        parse_profile(profile)  # what is stored is still a valid profile


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    | st.text(max_size=200)
    | NUL_TEXT
    | HUGE_NUMBERS.map(lambda digits: _Raw(digits)),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=20,
)


@SETTINGS
@given(
    st.one_of(
        json_values,
        st.fixed_dictionaries(
            {
                "association": st.dictionaries(
                    st.sampled_from(["name", "postcode", "municipality", "x"]),
                    json_values,
                    max_size=4,
                )
            }
        ),
    )
)
def test_the_json_import_survives_anything(client, value):
    page = client.get("/").get_data(as_text=True)
    body = _dumps(value).encode()
    # encoded in memory: the test client spools a large multipart body to a temporary file
    # it never closes (a ResourceWarning at some later garbage collection)
    boundary, encoded = encode_multipart(
        {"csrf_token": csrf_of(page), "profile": FileStorage(io.BytesIO(body), "p.json")}
    )
    response = client.post(
        "/importeren", data=encoded, content_type=f"multipart/form-data; boundary={boundary}"
    )
    assert response.status_code in (302, 400, 413)
    if response.status_code == 400:
        assert 'class="error-summary"' in response.get_data(as_text=True)


class _Raw(str):
    """Digits written into the JSON as a number, not as a string."""


def _dumps(value) -> str:
    """JSON text in which _Raw digits stand as numbers of any length (json.dumps cannot
    write an int of more than 4,300 digits)."""
    if isinstance(value, _Raw):
        return str.__str__(value)
    if isinstance(value, list):
        return "[" + ",".join(_dumps(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ",".join(f"{json.dumps(k)}:{_dumps(v)}" for k, v in value.items()) + "}"
    return json.dumps(value)


# --- repeated fields: the work and the answer stay bounded ------------------------------

INPUTS = re.compile(r"<(?:input|select|textarea)\b")
LARGEST_PAGE = max(bounds.max_fields(slug) for slug in STEP_SLUGS) + 100


@FUZZ
@given(data=st.data())
def test_repeated_fields_and_far_rows_on_every_step_give_a_bounded_page(app, wizard, data):
    """Issue 12, High 1: thousands of repeated fields or rows are refused or ignored; the
    answer never echoes them (it has no more inputs than the largest step can have)."""
    slug = data.draw(st.sampled_from(STEP_SLUGS), label="step")
    fields = form_values(wizard.client.get(wizard.url(slug)).get_data(as_text=True))
    names = sorted(n for n in fields if n not in ("csrf_token", "version", "original"))
    rows = [n.split("-")[0] for n in names if re.match(r"^\w+-\d+-", n)] or ["owners"]
    post = MultiDict(fields)
    for _draw in range(data.draw(st.integers(1, 3), label="draws")):
        kind = data.draw(st.sampled_from(["repeat", "rows", "far"]), label="kind")
        count = data.draw(st.integers(1, 30_000), label="count")
        value = data.draw(st.one_of(HOSTILE.filter(lambda v: len(v) < 40)), label="value")
        if kind == "repeat":  # the same field over and over
            post.setlist(data.draw(st.sampled_from(names)), [value] * count)
        elif kind == "rows":  # a table with thousands of rows
            table, column = data.draw(st.sampled_from(rows)), data.draw(st.sampled_from(names))
            column = column.split("-")[-1]
            post.update({f"{table}-{i}-{column}": value for i in range(count)})
        else:  # one row far beyond the table's end, or numbered with other digits
            table = data.draw(st.sampled_from(rows))
            index = data.draw(
                st.integers(50, 10**15).map(str) | st.text("²³¹٣०߁", min_size=1, max_size=3)
            )
            post[f"{table}-{index}-kind"] = value
    post["next"] = ""
    response = wizard.client.post(wizard.url(slug), data=post)
    page = response.get_data(as_text=True)
    assert response.status_code < 500, slug
    assert len(INPUTS.findall(page)) <= LARGEST_PAGE, (slug, response.status_code)


# --- two browsers, and saves landing in between --------------------------------------

TEXTS = ["association__street_address", "association__place", "association__neighbourhood"]
WORDS = st.text(alphabet="abcXYZ19 ", max_size=8)


def _norm(value):
    return (value or "").strip() or None


def _stored(app, public_id) -> dict:
    with app.app_context():
        profile = db.session.execute(
            db.select(Dossier.profile).where(Dossier.public_id == public_id)
        ).scalar_one()
    return {name: _norm((profile or {}).get("association", {}).get(name[13:])) for name in TEXTS}


ACTIONS = st.lists(
    st.tuples(
        st.sampled_from("AB"),  # which browser
        st.booleans(),  # it reloads the page first
        st.dictionaries(st.sampled_from(TEXTS), WORDS, max_size=2),  # what it types
        st.none() | st.tuples(st.sampled_from(TEXTS), WORDS),  # a save landing meanwhile
        st.sampled_from(["mine", "saved"]),  # its choice, should a conflict come
    ),
    min_size=1,
    max_size=6,
)


@FUZZ
@given(actions=ACTIONS)
def test_interleaved_saves_never_lose_a_confirmed_answer(app, wizard, actions):
    """Issue 12, High 2 and Medium 5: whatever the order of two browsers' saves on the
    same step, with another save landing at the database during a post, every answer
    equals the last one a save confirmed (or a board chose); never a server error."""
    wizard.submit("vve", {"association__name": "VvE Fuzz"})
    clients = {"A": wizard.client, "B": second_browser(app, wizard)}
    url = wizard.url("vve")
    expected = _stored(app, wizard.public_id)
    # per browser: its form as shown, the answers it was loaded with, what its user typed
    forms: dict[str, tuple[dict, dict, dict] | None] = {"A": None, "B": None}
    for who, reload, typed, meanwhile, choice in actions:
        client = clients[who]
        if reload or forms[who] is None:
            form = form_values(client.get(url).get_data(as_text=True))
            forms[who] = (form, {n: _norm(form.get(n)) for n in TEXTS}, {})
        form, loaded, intent = forms[who]
        form.update(typed)
        intent.update(typed)
        if meanwhile is not None:
            expected[meanwhile[0]] = _norm(meanwhile[1])
            change = {meanwhile[0].replace("__", "."): _norm(meanwhile[1])}
            with saved_meanwhile(app, wizard.public_id, change):
                response = client.post(url, data={**form, "next": ""})
        else:
            response = client.post(url, data={**form, "next": ""})
        kept_saved = set()
        if response.status_code == 409:  # the board chooses, and saves the page as shown
            page = response.get_data(as_text=True)
            asked = set(re.findall(r'name="(keep__[a-z_]+)"', page))
            kept_saved = {n[6:] for n in asked} if choice == "saved" else set()
            shown = {**form_values(page), **dict.fromkeys(asked, choice), "next": ""}
            response = client.post(url, data=shown)
        assert response.status_code == 302, response.get_data(as_text=True)[:3000]
        for name, value in intent.items():  # what this board changed, and only that
            if _norm(value) != loaded[name] and name not in kept_saved:
                expected[name] = _norm(value)
        forms[who] = None  # the browser went on to the next step
        assert _stored(app, wizard.public_id) == expected, (who, typed, meanwhile, choice)
