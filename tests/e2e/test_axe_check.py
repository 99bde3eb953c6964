"""The accessibility check itself: axe-core finds a violation and names it readably, and a
clean page passes (so that zero violations elsewhere means something)."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import check_accessibility


def test_axe_names_each_violation_with_its_rule_impact_selector_and_help(page):
    page.set_content(
        '<!doctype html><html lang="nl"><head><title>t</title></head><body><main>'
        '<h1>Kop</h1><img src="data:," id="plaatje"><input id="naamloos"></main></body></html>'
    )
    with pytest.raises(AssertionError) as failure:
        check_accessibility(page, "a page with faults")
    text = str(failure.value)
    assert "image-alt (critical)" in text and "#plaatje" in text
    assert "label (critical)" in text and "#naamloos" in text
    assert "https://dequeuniversity.com/rules/axe/" in text
    page.set_content(
        '<!doctype html><html lang="nl"><head><title>t</title></head><body><main>'
        '<h1>Kop</h1><img src="data:," alt="Logo"></main></body></html>'
    )
    check_accessibility(page, "a clean page")


def test_every_page_state_of_the_start_passes_axe(server, page):
    page.goto(server + "/")
    check_accessibility(page, "the start page")
    page.goto(server + "/adviseur/inloggen")
    check_accessibility(page, "the advisors' login")


def test_a_page_left_open_is_checked_when_its_browser_context_closes(browser, server):
    context = browser.new_context()
    faulty = context.new_page()
    faulty.route(
        server + "/zonder-alt",
        lambda route: route.fulfill(
            content_type="text/html",
            body='<!doctype html><html lang="nl"><title>t</title><main><h1>K</h1>'
            '<img src="data:," id="zonder-alt"></main></html>',
        ),
    )
    faulty.goto(server + "/zonder-alt")
    with pytest.raises(AssertionError, match="image-alt"):
        context.close()
    context.skip_axe = True
    context.close()
