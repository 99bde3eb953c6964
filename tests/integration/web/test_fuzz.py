"""Hostile input to every form and to the JSON import: never a server error, the dossier
stays valid, and the answer is a page (Dutch by default)."""

import io
import json

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from tests.integration.web.conftest import csrf_of, form_values
from tests.integration.web.test_advisors import login, make_user
from vve.extensions import db
from vve.models import Dossier, MunicipalPlan, User
from vve.profile import parse_profile
from vve.services import maintainers
from vve.wizard.steps import STEPS, VOTES_STEP

HOSTILE = st.one_of(
    st.text(max_size=50),
    st.sampled_from(
        [
            "<script>alert(1)</script>",
            "' OR 1=1 --",
            "\x00",
            "-1",
            "1e309",
            "9" * 400,
            "NaN",
            "",
            " ",
            "../../etc/passwd",
            "=cmd|' /C calc'!A0",
            "😀" * 100,
            "\u202e",
            "2/0",
            "0/0",
            "yes",
            "on",
        ]
    ),
    st.integers(-(10**12), 10**12).map(str),
)
# Generate only: the app's database keeps state between examples, so shrinking a failure
# replays it against a changed database and turns into a slow, flaky search. A failure
# still shows the example that caused it.
SETTINGS = settings(
    max_examples=15,
    deadline=None,
    phases=[Phase.generate],
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


# Steps with tables (rows of inputs) get their own draws: their forms are the most complex.
TABLE_STEPS = [s.slug for s in STEPS if s.tables or s.slug == VOTES_STEP]


def _post_routes(app, public_id):
    fill = {
        "public_id": public_id,
        "token": "x" * 43,
        "action": "blokkeren",
        "share_id": 1,
        "snapshot_id": 1,
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
        for slug in (TABLE_STEPS if "slug" in rule.arguments else [None])
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
        assert response.status_code < 500, (url, form)
    with app.app_context():
        profile = db.session.execute(
            db.select(Dossier.profile).where(Dossier.public_id == wizard.public_id)
        ).scalar_one()
        parse_profile(profile)  # what is stored is still a valid profile


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
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
    body = json.dumps(value).encode()
    response = client.post(
        "/importeren",
        data={"csrf_token": csrf_of(page), "profile": (io.BytesIO(body), "p.json")},
        content_type="multipart/form-data",
    )
    assert response.status_code in (302, 400)
    if response.status_code == 400:
        assert 'class="error-summary"' in response.get_data(as_text=True)
