"""Web fixtures: a test client and a wizard actions helper (the database fixtures are in
tests/integration/conftest.py)."""

from __future__ import annotations

import io
import re
from html.parser import HTMLParser

import pytest


@pytest.fixture
def client(app):
    return app.test_client()


_CSRF = re.compile(
    r'name="csrf_token" type="hidden" value="([^"]+)"|name="csrf_token" value="([^"]+)"'
)
_VERSION = re.compile(r'id="version" name="version" type="hidden" value="(\d*)"')


def csrf_of(html: str) -> str:
    match = _CSRF.search(html)
    assert match, "no CSRF token on the page"
    return match.group(1) or match.group(2)


class _FormValues(HTMLParser):
    """What a browser would post for the page's form as it stands."""

    def __init__(self):
        super().__init__()
        self.values: dict[str, str] = {}
        self._select = None
        self._first_option = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        name = a.get("name")
        if tag == "input" and name and a.get("type") not in ("submit", "file", "button"):
            if a.get("type") in ("radio", "checkbox"):
                if "checked" in a:
                    self.values[name] = a.get("value", "y")
            else:
                self.values[name] = a.get("value", "")
        elif tag == "select" and name:
            self._select, self._first_option = name, None
        elif tag == "option" and self._select:
            if self._first_option is None:
                self._first_option = a.get("value", "")
                self.values.setdefault(self._select, self._first_option)
            if "selected" in a:
                self.values[self._select] = a.get("value", "")

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None


def open_link(client, link: str, **kwargs):
    """What a browser does with a private link ``…/toegang/<id>#<token>``: load the page
    (the fragment stays in the browser) and post the code, as static/access.js does."""
    url, _, token = link.partition("#")
    path = "/" + url.split("://", 1)[-1].split("/", 1)[1]
    page = client.get(path).get_data(as_text=True)
    return client.post(path, data={"csrf_token": csrf_of(page), "token": token}, **kwargs)


def download_plan(client, public_id: str):
    """The plan page's download button: a POST that keeps a snapshot, then its download."""
    page = client.get(f"/d/{public_id}/plan").get_data(as_text=True)
    return client.post(
        f"/d/{public_id}/plan.docx", data={"csrf_token": csrf_of(page)}, follow_redirects=True
    )


def import_example(client, example) -> str:
    """A board imports an example profile (a path) from the start page; its public id."""
    page = client.get("/").get_data(as_text=True)
    created = client.post(
        "/importeren",
        data={"csrf_token": csrf_of(page), "profile": (io.BytesIO(example.read_bytes()), "p.json")},
        content_type="multipart/form-data",
    )
    return created.headers["Location"].split("/")[2]


def form_values(html: str) -> dict[str, str]:
    parser = _FormValues()
    parser.feed(html)
    return parser.values


class Wizard:
    """Drive the wizard as a board member would: start, answer steps, read pages."""

    def __init__(self, client):
        self.client = client
        self.public_id = None
        self.link = None

    def start(self):
        page = self.client.get("/").get_data(as_text=True)
        response = self.client.post("/start", data={"csrf_token": csrf_of(page)})
        assert response.status_code == 302
        created = self.client.get(response.headers["Location"]).get_data(as_text=True)
        self.link = re.search(
            r'id="private-link" type="text" readonly value="([^"]+)"', created
        ).group(1)
        self.public_id = response.headers["Location"].split("/")[2]
        return self

    @property
    def token(self) -> str:
        """The private link's code: the part after '#'."""
        return self.link.partition("#")[2]

    def url(self, slug):
        return f"/d/{self.public_id}/stap/{slug}"

    def submit(self, slug, data=None, button="next", follow=False):
        page = self.client.get(self.url(slug)).get_data(as_text=True)
        form = form_values(page)
        form[button] = ""
        form.update(data or {})
        return self.client.post(self.url(slug), data=form, follow_redirects=follow)


@pytest.fixture
def wizard(client):
    return Wizard(client).start()
