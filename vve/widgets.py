"""WTForms' inputs and selects drawn without WTForms' per-attribute ``Markup.format``.

A step page draws a few dozen inputs and selects; WTForms formats each attribute through
``string.Formatter`` and lists the field's flags with ``dir()``, about half of a step page's
rendering. ``render_field`` draws the widgets WTForms' own classes would draw (an
``Input`` whose call is WTForms' own, a ``Select``), with the same markup, character for
character (tests/integration/web/test_widgets.py compares them for every step and for any input);
every other widget, a choice of its own attributes or a datalist, is left to WTForms.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup, escape
from wtforms.widgets import Input, Select
from wtforms.widgets.core import clean_key


def attributes(**kwargs: Any) -> str:
    """WTForms' ``html_params``: sorted by the given keys, ``True`` bare, ``False`` left out,
    values escaped and double quotes as ``&quot;``."""
    parts = []
    for key, value in sorted(kwargs.items()):
        if value is True:
            parts.append(clean_key(key))
        elif value is not False:
            parts.append(f'{escape(clean_key(key))}="{_value(value)}"')
    return " ".join(parts)


def _flags(widget, field, kwargs: dict[str, Any]) -> None:
    """The field's flags the widget writes as attributes (``required``, ``maxlength`` …),
    where the caller gave none: the flags WTForms' ``dir(field.flags)`` would find."""
    flags = getattr(field, "flags", None)
    own = vars(flags) if flags is not None else {}
    for key in widget.validation_attrs:
        if key in own and key not in kwargs:
            value = own[key]
            kwargs[key] = value() if callable(value) else value


def _input(widget: Input, field, kwargs: dict[str, Any]) -> Markup:
    kwargs.setdefault("id", field.id)
    kwargs.setdefault("type", widget.input_type)
    if "value" not in kwargs:
        kwargs["value"] = field._value()
    _flags(widget, field, kwargs)
    return Markup(f"<input {attributes(name=field.name, **kwargs)}>")


def _select(widget: Select, field, kwargs: dict[str, Any]) -> Markup | None:
    kwargs.setdefault("id", field.id)
    if widget.multiple:
        kwargs["multiple"] = True
    _flags(widget, field, kwargs)
    html = [f"<select {attributes(name=field.name, **kwargs)}>"]
    for choice in field._iter_choices_normalized():
        if choice.render_kw:
            return None  # a choice of its own attributes: as WTForms draws it
        value = str(choice.value) if isinstance(choice.value, bool) else choice.value
        selected = " selected" if choice.selected else ""
        label = escape(choice.label or choice.value)
        html.append(f'<option{selected} value="{_value(value)}">{label}</option>')
    html.append("</select>")
    return Markup("".join(html))


def _value(value: Any) -> str:
    return str(escape(value)).replace('"', "&quot;")


def render_field(field, render_kw: dict[str, Any]) -> Markup:
    """``Meta.render_field``: WTForms' keyword handling, then the widget drawn here where
    it is one of WTForms' own, else by WTForms."""
    kwargs = {clean_key(k): v for k, v in render_kw.items()}
    other = getattr(field, "render_kw", None)
    if other is not None:
        kwargs = dict({clean_key(k): v for k, v in other.items()}, **kwargs)
    widget = field.widget
    if getattr(field, "_datalist", None) is None:
        if isinstance(widget, Input) and type(widget).__call__ is Input.__call__:
            return _input(widget, field, dict(kwargs))
        if type(widget) is Select and not field.has_groups():
            drawn = _select(widget, field, dict(kwargs))
            if drawn is not None:
                return drawn
    return widget(field, **kwargs)
