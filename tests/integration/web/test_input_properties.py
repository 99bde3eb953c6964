"""Whatever a board member types (or pastes: long texts, NUL bytes, numbers of thousands
of digits), the wizard answers with a page that keeps it, never a server error."""

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markupsafe import escape

from tests.integration.web.fuzzing import FUZZ, HUGE_NUMBERS
from vve.fields import EuroField
from vve.wizard.steps import STEPS

# One-line inputs: browsers strip line breaks from <input> values.
LINE = st.characters(codec="utf-8", exclude_categories=("Cs",), exclude_characters="\r\n")
TYPED = st.one_of(
    st.text(LINE, max_size=30),
    st.text(LINE, min_size=150, max_size=600),  # past the 200-character limit of a text
    st.text(LINE, max_size=20).map(lambda t: f"{t}\x00{t}"),
    HUGE_NUMBERS.filter(lambda n: len(n) < 20_000),  # several per post: under 2 MB
    st.integers(-(10**40), 10**40).map(str),
)
STEP_FIELDS = {
    s.slug: [q.name for q in s.questions if q.kind not in ("choice", "bool")]
    + [
        f"{t.name}-0-{c.key}"
        for t in s.tables
        if not t.keys
        for c in t.columns
        if c.kind not in ("choice", "bool")  # drop-down lists hold no typed text
    ]
    for s in STEPS
}


@pytest.mark.parametrize("slug", [s.slug for s in STEPS])
@FUZZ
@given(data=st.data())
def test_any_typed_text_gives_a_page_and_keeps_it(wizard, slug, data):
    names = STEP_FIELDS[slug]
    if not names:
        return
    typed = {name: data.draw(TYPED, label=name) for name in names}
    if slug == "vve" and not typed.get("association__name", "").strip():
        typed["association__name"] = "VvE Test"
    response = wizard.submit(slug, typed)
    assert response.status_code in (302, 400), response.status_code
    if response.status_code == 400:
        page = response.get_data(as_text=True)
        assert 'class="error-summary"' in page
        for value in typed.values():
            stripped = value.replace("\r\n", "\n").replace("\r", "\n")
            if stripped.strip() and "\x00" not in stripped:
                assert (
                    str(escape(stripped))[:10] in page or str(escape(stripped.strip()))[:10] in page
                )


@given(st.integers(0, 10**9))
def test_euro_field_reads_dutch_amounts(amount):
    dotted = f"{amount:,}".replace(",", ".")
    for text in (str(amount), dotted, f"€ {dotted}", f"{dotted},00"):
        field = EuroField()
        bound = field.bind(form=None, name="x", _meta=type("M", (), {"locales": False})())
        bound.process_formdata([text])
        assert bound.data == amount
