"""The one exception of the house-style sanitiser: a refusal, as a code with its Dutch word."""

from __future__ import annotations

from vve.vocabulary.house_style import HOUSE_STYLE_REFUSALS


class TemplateError(ValueError):
    """A template we refuse. ``code`` is in HOUSE_STYLE_REFUSALS; ``params`` fill its
    message (``limit``); ``str()`` is the Dutch message for the command line and logs."""

    def __init__(self, code: str, **params: str):
        self.code = code if code in HOUSE_STYLE_REFUSALS else "not_docx"
        self.params = params
        super().__init__(
            HOUSE_STYLE_REFUSALS[self.code].word % params
            if params
            else HOUSE_STYLE_REFUSALS[self.code].word
        )


def megabytes(size: int) -> str:
    """``2 MB``, ``1,5 MB``: a byte limit as the Dutch messages write it, with a no-break
    space so that the number and its unit stay on one line."""
    text = f"{size / (1024 * 1024):.1f}".rstrip("0").rstrip(".")
    return f"{text.replace('.', ',')}\u00a0MB"
