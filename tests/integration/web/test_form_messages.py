"""WTForms' own messages come in the board's language, from catalogues read once per
worker (Flask-WTF reads one from disk for every request that builds a form)."""

from __future__ import annotations

from babel import support
from flask import session
from wtforms import StringField
from wtforms.validators import InputRequired

from vve import fields


class _Form(fields.BaseForm):
    name = StringField("Naam", validators=[InputRequired()])


def _message(app, lang: str) -> str:
    with app.test_request_context("/", method="POST", data={}):
        session["lang"] = lang
        form = _Form(meta={"csrf": False})
        assert not form.validate()
        return form.name.errors[0]


def test_wtforms_messages_follow_the_language_and_are_read_once(app, monkeypatch):
    fields._wtforms_catalogue.cache_clear()
    loads: list[tuple] = []
    real = support.Translations.load
    monkeypatch.setattr(
        support.Translations, "load", lambda *a, **k: loads.append(a) or real(*a, **k)
    )
    dutch = [_message(app, "nl") for _ in range(3)]
    english = [_message(app, "en") for _ in range(3)]
    assert dutch == ["Dit veld is vereist."] * 3
    assert english == ["This field is required."] * 3
    assert len(loads) == 2  # one catalogue per language, for the worker's life
