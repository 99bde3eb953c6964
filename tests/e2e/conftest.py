"""Browser tests: the app in a thread on 127.0.0.1, driven by Playwright with Debian's Chromium."""

from __future__ import annotations

import shutil
import sys
import threading
from functools import cache
from pathlib import Path

import pytest
from flask_migrate import upgrade
from werkzeug.serving import make_server

from tests.conftest import ROOT
from vve.i18n import compile_catalogs
from vve.web import create_app

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
SCREENSHOTS = ROOT / "artifacts" / "screenshots"
# axe-core from the npm registry, vendored with its licence (tests/e2e/vendor/README.md)
AXE = Path(__file__).parent / "vendor" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed")


def _read_whole(app):
    """The app with every response body read whole before it is sent. Werkzeug's
    development server skips the body's close() when the browser drops the connection
    mid-response (a navigation while the icon loads), leaving a static file open; the
    run's warnings-as-errors then fails whichever test is running with a ResourceWarning
    (seen in CI on 2026-11-27). With the body read and closed first, no file is open while
    a response is sent."""

    def wsgi(environ, start_response):
        body = app(environ, start_response)
        try:
            return [b"".join(body)]
        finally:
            if hasattr(body, "close"):
                body.close()

    return wsgi


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    compile_catalogs()
    db_path = tmp_path_factory.mktemp("e2e") / "e2e.sqlite3"
    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{db_path}",
            "SECRET_KEY": "e2e-secret",
            "VVE_ENV": "testing",
        }
    )
    with app.app_context():
        upgrade()
    _APP[:] = [app]
    httpd = make_server("127.0.0.1", 0, _read_whole(app), threaded=True)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, request):
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, locale="nl-NL", accept_downloads=True
    )
    page = context.new_page()
    yield page
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed:
        context.skip_axe = True  # a failed test keeps its own error, not a second one
    context.close()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.when == "call":
        item.rep_call = report


@pytest.fixture(autouse=True)
def _axe_when_a_context_closes(monkeypatch):
    """The states a test does not shoot: every page still open when its browser context
    closes (the test's last state, in each browser it used) passes axe-core too; not while
    an exception is on its way out of the test (the ``finally`` that closes a context)."""
    from playwright.sync_api import Browser, BrowserContext

    original, new_context = BrowserContext.close, Browser.new_context

    def make(self, *args, **kwargs):
        context = new_context(self, *args, **kwargs)
        # axe runs on promises and timers, which a page without scripts never settles;
        # such a page is the same template as with scripts, checked in the other tests
        context.no_script = kwargs.get("java_script_enabled") is False
        context.skip_axe = context.no_script
        return context

    def close(self, *args, **kwargs):
        if sys.exc_info()[0] is None and not getattr(self, "skip_axe", False):
            for open_page in self.pages:
                if open_page.url.startswith("http"):
                    check_accessibility(open_page, f"the last state of {open_page.url}")
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Browser, "new_context", make)
    monkeypatch.setattr(BrowserContext, "close", close)


@cache
def _axe_source() -> str:
    return AXE.read_text(encoding="utf-8")


def check_accessibility(page, name: str) -> None:
    """axe-core on the page as it stands: no violation of WCAG 2.0/2.1 A and AA, nor of
    axe's best practices. The app's CSP forbids inline scripts, so axe is evaluated
    through the DevTools protocol (not a <script> tag), once per document. A page
    without scripts is skipped: axe would wait for ever on its promises (the same
    template is checked with scripts elsewhere)."""
    if getattr(page.context, "no_script", False):
        return
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(_axe_source())
    violations = page.evaluate(
        """async (tags) => {
            const results = await axe.run(document, {
                runOnly: {type: "tag", values: tags}, resultTypes: ["violations"],
            });
            return results.violations.map((v) => ({
                id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                nodes: v.nodes.slice(0, 5).map((n) => n.target.join(" ")),
                more: Math.max(0, v.nodes.length - 5),
            }));
        }""",
        AXE_TAGS,
    )
    assert not violations, f"axe-core: {name} has violations:\n" + "\n".join(
        f"- {v['id']} ({v['impact']}): {v['help']} {v['helpUrl']}\n    "
        + "\n    ".join(v["nodes"])
        + (f"\n    … and {v['more']} more" if v["more"] else "")
        for v in violations
    )


def shoot(page, name: str) -> None:
    """Screenshot at 1280, 375 and 320 px wide; kept as artefacts of the run. Every page
    shot reflows (WCAG 1.4.10): nothing makes the page wider than the screen, wide tables
    scroll inside their own region. And every state shot passes axe-core at each width
    (check_accessibility)."""
    for width in (1280, 375, 320):
        page.set_viewport_size({"width": width, "height": 900})
        target = SCREENSHOTS / str(width) / f"{name}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(target), full_page=True)
        wide = page.evaluate("document.documentElement.scrollWidth")
        assert wide <= width, f"{name} is {wide} px wide at {width} px"
        check_accessibility(page, f"{name} at {width} px")
    page.set_viewport_size({"width": 1280, "height": 900})


def make_account(server: str, email: str, organisation: str, role: str) -> None:
    """Accounts are made with the CLI's operation against the server's own database."""
    from vve.services.accounts import create_user

    with _APP[0].app_context():
        create_user(email, email.split("@")[0], "een-lang-wachtwoord", organisation, role)


_APP: list = []
