"""The English catalog is complete: every Dutch string translated, placeholders intact."""

import re

from babel.messages.frontend import CommandLineInterface
from babel.messages.pofile import read_po

from tests.conftest import ROOT

PLACEHOLDER = re.compile(r"%\(\w+\)[sd]")


def _catalog(locale):
    with (ROOT / "translations" / locale / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        return read_po(handle, locale=locale)


def test_every_ui_string_has_an_english_translation():
    catalog = _catalog("en")
    messages = [m for m in catalog if m.id]
    assert len(messages) > 250
    untranslated = [m.id for m in messages if not all(_forms(m.string)) or m.fuzzy]
    assert not untranslated
    for m in messages:
        for source, text in zip(_forms(m.id), _forms(m.string)):
            assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(text)), m.id


def _forms(value):
    """Singular and plural of a plural entry, or the one string."""
    return list(value) if isinstance(value, (tuple, list)) else [value]


def test_the_catalogs_cover_every_string_in_the_code(tmp_path):
    """Extraction finds nothing the committed template lacks (run pybabel update otherwise)."""
    pot = tmp_path / "messages.pot"
    CommandLineInterface().run(
        [
            "pybabel",
            "-q",
            "extract",
            "-F",
            str(ROOT / "babel.cfg"),
            "-k",
            "_l",
            "-k",
            "lazy_gettext",
            "-k",
            "lazy_pgettext:1c,2",
            "-o",
            str(pot),
            "--no-location",
            str(ROOT),
        ]
    )
    with pot.open("rb") as handle:
        extracted = {_key(m) for m in read_po(handle) if m.id}
    english = {_key(m) for m in _catalog("en") if m.id}
    assert extracted <= english, sorted(extracted - english, key=str)[:5]


def _key(message):
    """A message's identity: its context (pgettext's) and its Dutch text."""
    return message.context, message.id if isinstance(message.id, str) else message.id[0]


def test_one_dutch_word_with_two_meanings_has_two_english_words():
    """ "Regel" is a voting rule in the plan's table and a row in a form's table."""
    catalog = _catalog("en")
    assert catalog.get("Regel", context="voting rule").string == "Rule"
    assert catalog.get("Regel %(n)s").string == "Row %(n)s"
