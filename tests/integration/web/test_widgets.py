"""vve/widgets.py draws inputs and selects exactly as WTForms' own widgets draw them."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from markupsafe import Markup
from wtforms import Form, IntegerField, SelectField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.meta import DefaultMeta
from wtforms.validators import DataRequired, Length, NumberRange, Optional
from wtforms.widgets import NumberInput

from vve import widgets
from vve.wizard.forms import FORMS

# What the project's templates pass (templates/macros/forms.html and the grids).
_KWARGS = [
    {},
    {"class": "input input--full"},
    {"class_": "select", "aria-invalid": "true", "aria_describedby": "x-error"},
    {"inputmode": "numeric", "autocomplete": "off", "disabled": True, "readonly": False},
]


def _fields(form):
    for field in form:
        if field.type == "FieldList":
            for entry in field:
                yield from _fields(entry.form) if hasattr(entry, "form") else [entry]
        elif field.type == "FormField":
            yield from _fields(field.form)
        else:
            yield field


def _same(field, kwargs):
    ours = widgets.render_field(field, dict(kwargs))
    theirs = DefaultMeta.render_field(field.meta, field, dict(kwargs))  # WTForms' own
    assert str(ours) == str(theirs), field.name
    return ours


def test_every_steps_fields_are_drawn_as_wtforms_draws_them(app):
    with app.test_request_context("/"):
        drawn = 0
        for form_class in FORMS.values():
            form = form_class(meta={"csrf": False})
            for field in _fields(form):
                if field.type in ("RadioField", "SubmitField"):
                    continue  # radio buttons: vve/filters.radio_options, tested on its own
                for kwargs in _KWARGS:
                    _same(field, kwargs)
                    drawn += 1
        assert drawn > 100  # the steps have dozens of inputs and selects


def test_the_steps_forms_use_the_fast_drawing(app):
    with app.test_request_context("/"):
        form = FORMS["vve"](meta={"csrf": False})
        field = next(f for f in _fields(form) if f.type == "StringField")
        assert str(field()) == str(widgets.render_field(field, {}))


_TEXT = st.text(alphabet=st.sampled_from("a<>&\"' é-_ 1"), min_size=0, max_size=6)


@settings(max_examples=200, deadline=None)
@given(
    kind=st.sampled_from(["string", "integer", "number", "select"]),
    data=st.one_of(st.none(), _TEXT, st.integers(-5, 5)),
    values=st.lists(_TEXT.filter(bool), min_size=1, max_size=4, unique=True),
    labels=st.lists(st.one_of(st.just(""), _TEXT), min_size=4, max_size=4),
    required=st.booleans(),
    limit=st.booleans(),
    render_kw=st.sampled_from(
        [
            None,
            {"data-x": '1"2'},
            {"data-y": Markup('<b>"</b>')},
            {"class": "a", "spellcheck": "false"},
        ]
    ),
    kwargs=st.sampled_from(_KWARGS),
)
def test_any_input_or_select_is_drawn_as_wtforms_draws_it(
    kind, data, values, labels, required, limit, render_kw, kwargs
):
    checks = [DataRequired() if required else Optional()]
    if kind == "select":
        field = SelectField(
            "Vraag",
            choices=[SelectChoice(v, label) for v, label in zip(values, labels)],
            validators=checks,
            render_kw=render_kw,
        )
    elif kind == "string":
        field = StringField(
            "Vraag", [*checks, *([Length(1, 9)] if limit else [])], render_kw=render_kw
        )
    else:
        widget = {"widget": NumberInput()} if kind == "number" else {}
        field = IntegerField(
            "Vraag",
            [*checks, *([NumberRange(0, 9)] if limit else [])],
            render_kw=render_kw,
            **widget,
        )

    class _One(Form):
        answer = field

    form = _One(data={"answer": values[0] if kind == "select" and data == 0 else data})
    _same(form.answer, kwargs)
