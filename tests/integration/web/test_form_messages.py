"""WTForms' own messages come in the board's language, from catalogues read once per
worker (Flask-WTF reads one from disk for every request that builds a form)."""

from __future__ import annotations

import datetime as dt

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


# --- radio buttons drawn without a field per option -----------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from wtforms import Form, RadioField  # noqa: E402
from wtforms.fields.choices import SelectChoice  # noqa: E402
from wtforms.validators import DataRequired, Optional  # noqa: E402

from vve.filters import radio_options  # noqa: E402
from vve.wizard.forms import FORMS  # noqa: E402


def _as_wtforms_draws(field):
    return [(o.id, o.label.text, str(o(class_="radio__input"))) for o in field]


def _drawn(field):
    return [(i, label, str(markup)) for i, label, markup in radio_options(field)]


def test_every_steps_radio_buttons_are_drawn_as_wtforms_draws_them(app):
    with app.test_request_context("/"):
        for slug, form_class in FORMS.items():
            form = form_class(meta={"csrf": False})
            radios = [f for f in form if f.type == "RadioField"]
            for field in radios:
                for choice in [None, *(c.value for c in field.iter_choices())]:
                    field.data = choice
                    assert _drawn(field) == _as_wtforms_draws(field), (slug, field.name)


_TEXT = st.text(alphabet=st.sampled_from("a<>&\"' é-_ 1"), min_size=1, max_size=6)


@settings(max_examples=150, deadline=None)
@given(
    values=st.lists(_TEXT, min_size=1, max_size=4, unique=True),
    labels=st.lists(st.one_of(st.just(""), _TEXT), min_size=4, max_size=4),
    pick=st.integers(-1, 3),
    required=st.booleans(),
    render_kw=st.sampled_from([None, {"data-x": "1"}]),
)
def test_any_radio_field_is_drawn_as_wtforms_draws_it(values, labels, pick, required, render_kw):
    class _Radios(Form):
        answer = RadioField(
            "Vraag",
            choices=[SelectChoice(v, label) for v, label in zip(values, labels)],
            validators=[DataRequired() if required else Optional()],
            render_kw=render_kw,
        )

    form = _Radios(data={"answer": values[pick] if 0 <= pick < len(values) else None})
    assert _drawn(form.answer) == _as_wtforms_draws(form.answer)


def test_the_kept_catalogue_follows_force_locale_and_refresh(app):
    from flask_babel import force_locale, refresh

    from vve import translate

    with app.test_request_context("/"):
        assert translate.gettext("Uw plan van aanpak") == "Uw plan van aanpak"
        with force_locale("en_GB"):
            assert translate.gettext("Uw plan van aanpak") == "Your action plan"
            assert str(translate.locale()) == "en_GB"
        assert translate.gettext("Uw plan van aanpak") == "Uw plan van aanpak"
        session["lang"] = "en"
        refresh()
        assert translate.gettext("Uw plan van aanpak") == "Your action plan"


def test_the_date_filter_follows_the_language_for_the_same_date(app):
    from flask_babel import force_locale

    date = app.jinja_env.filters["date"]
    with app.test_request_context("/"):
        # no-break spaces: a date never breaks across two lines
        assert date("2027-11-22") == date(dt.date(2027, 11, 22)) == "22\u00a0november\u00a02027"
        with force_locale("en_GB"):
            assert date("2027-11-22") == "22\u00a0November\u00a02027"
            assert date("2027-11-22", "MMMM y") == "November\u00a02027"
        assert date("2027-11-22", "MMMM y") == "november\u00a02027"
        assert date(None) == date("") == ""
    assert translate_outside_a_request() == "Uw plan van aanpak"


def translate_outside_a_request():
    from vve import translate

    return translate.gettext("Uw plan van aanpak")
