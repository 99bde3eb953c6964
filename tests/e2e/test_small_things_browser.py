"""Issue 14's small things in a real browser: no console error or 404 on a page (the
favicon), and after a failed save the focus on the error summary, whose alert is inside."""

from playwright.sync_api import expect

from tests.e2e.conftest import shoot
from tests.e2e.test_browser import save, start


def test_a_failed_save_focuses_the_summary_without_a_console_error(page, server):
    problems: list[str] = []  # the failed save's own page answers 400, as it should
    page.on(
        "console",
        lambda m: problems.append(m.text) if m.type == "error" and "400" not in m.text else None,
    )
    page.on(
        "response",
        lambda r: (
            problems.append(r.url)
            if r.status >= 400 and r.request.resource_type != "document"
            else None
        ),
    )
    start(page, server)
    page.get_by_role("link", name="Naar de eerste vraag").click()
    page.get_by_label("Naam van de VvE").fill("VvE De Favicon")
    save(page)
    page.get_by_label("Bouwjaar").fill("negentienzeventig")
    save(page)
    summary = page.locator("#error-summary")
    expect(summary).to_be_focused()
    expect(summary.get_by_role("alert")).to_contain_text("Bouwjaar")
    shoot(page, "14-foutsamenvatting")
    assert page.request.get(page.url.split("/d/")[0] + "/favicon.ico").ok
    assert not problems, problems
