"""A FlaskForm whose text fields drop characters no database or document can hold."""

from __future__ import annotations

from flask_wtf import FlaskForm

from vve.profile.model import clean_text


class CleanForm(FlaskForm):
    class Meta:
        def bind_field(self, form, unbound_field, options):
            filters = list(options.get("filters", ()))
            if unbound_field.field_class.__name__ in ("StringField", "TextAreaField",
                                                      "EmailField", "PasswordField"):
                filters.append(clean_text)
            options["filters"] = filters
            return unbound_field.bind(form=form, **options)
