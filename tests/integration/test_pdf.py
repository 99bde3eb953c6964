"""The Word plan through LibreOffice: page count, the timeline figure, a filled-in TOC."""

import re
import shutil
import subprocess

import pytest

from tests.conftest import AS_OF, ROOT
from vve.document import write_plan_docx
from vve.document.pdf import docx_to_pdf, soffice_path
from vve.profile import load_profile
from vve.rules import build_plan
from vve.rules.serialize import plan_to_dict

pytestmark = pytest.mark.skipif(soffice_path() is None, reason="LibreOffice not installed")
POPPLER = shutil.which("pdftotext") and shutil.which("pdfinfo") and shutil.which("pdfimages")


@pytest.fixture(scope="module")
def pdf(tmp_path_factory):
    profile = load_profile((ROOT / "examples" / "emmen-galerijflat.json").read_text("utf-8"))
    data, toc_updated = docx_to_pdf(write_plan_docx(plan_to_dict(build_plan(profile, AS_OF))))
    path = tmp_path_factory.mktemp("pdf") / "plan.pdf"
    path.write_bytes(data)
    return path, toc_updated


def test_pdf_has_a_sensible_number_of_pages(pdf):
    path, _ = pdf
    data = path.read_bytes()
    assert data.startswith(b"%PDF")
    pages = len(re.findall(rb"/Type\s*/Page[^s]", data))
    # Emmen's plan: 42 pages since the later annual ALVs got their sections, steps and
    # resolutions (2026-11-27); the advisor's review asks for less repetition, not less
    assert 15 <= pages <= 45, pages


def test_pdf_contains_the_timeline_figure(pdf):
    path, _ = pdf
    assert re.search(rb"/Subtype\s*/Image", path.read_bytes())
    if POPPLER:
        listing = subprocess.run(
            ["pdfimages", "-list", str(path)], capture_output=True, text=True, check=True
        ).stdout
        kinds = [line.split()[2] for line in listing.splitlines()[2:] if line.strip()]
        assert kinds.count("image") == 1
        text = subprocess.run(
            ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert "Figuur 1. Tijdlijn van het plan van aanpak" in text


@pytest.mark.skipif(not POPPLER, reason="poppler-utils not installed")
def test_the_table_of_contents_is_filled_in(pdf):
    path, toc_updated = pdf
    if not toc_updated:
        pytest.skip("LibreOffice's Python bridge (python3-uno) is not installed")
    text = subprocess.run(
        ["pdftotext", "-layout", "-l", "4", str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert re.search(r"Samenvatting\.{5,}\s*\d+", text)
    assert re.search(r"Bijlage D\. Versies\.{5,}\s*\d+", text)
    assert "Inhoudsopgave bijwerken" not in text  # the note went with the update


@pytest.mark.skipif(not POPPLER, reason="poppler-utils not installed")
def test_the_pdf_is_tagged(pdf):
    path, _ = pdf
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Tagged:\s+yes", info, re.M)


def test_the_cli_pdf_has_a_filled_toc_and_tags(tmp_path):
    from vve.cli import main

    target = tmp_path / "plan.pdf"
    assert (
        main(
            [
                "plan",
                str(ROOT / "examples" / "emmen-galerijflat.json"),
                "--as-of",
                "2026-11-24",
                "--pdf",
                str(target),
            ]
        )
        == 0
    )
    if POPPLER:
        info = subprocess.run(
            ["pdfinfo", str(target)], capture_output=True, text=True, check=True
        ).stdout
        assert re.search(r"^Tagged:\s+yes", info, re.M)
        text = subprocess.run(
            ["pdftotext", "-layout", "-l", "4", str(target), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        assert "Samenvatting" in text and "Wat kost het en wie betaalt wat" in text


@pytest.mark.skipif(not POPPLER, reason="poppler-utils not installed")
def test_no_word_is_broken_at_a_plus_sign_or_before_its_bracket(pdf):
    """The advisor's review (27 November 2026) found "HR+" / "+-glas" and "(verwacht" / ")"
    in table cells; the export joins plus signs, and the copied text holds no joiner."""
    path, toc_updated = pdf
    if not toc_updated:
        pytest.skip("LibreOffice's Python bridge (python3-uno) is not installed")
    text = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    lines = [line.strip() for line in text.splitlines()]
    broken = [line for line in lines if line.startswith((")", "+")) or line.endswith("HR+")]
    assert broken == []
    assert "HR++-glas" in text and "\u2060" not in text


@pytest.mark.skipif(not POPPLER, reason="poppler-utils not installed")
@pytest.mark.parametrize("example", sorted(p.stem for p in (ROOT / "examples").glob("*.json")))
def test_the_cover_fits_its_page_and_the_contents_start_on_the_second(example, tmp_path):
    """A cover a few lines too long left them alone on a nearly empty second page (the
    advisor's review): every example's cover ends on page 1, page 2 is the contents."""
    profile = load_profile((ROOT / "examples" / f"{example}.json").read_text("utf-8"))
    data, _ = docx_to_pdf(write_plan_docx(plan_to_dict(build_plan(profile, AS_OF))))
    path = tmp_path / "plan.pdf"
    path.write_bytes(data)
    second = subprocess.run(
        ["pdftotext", "-f", "2", "-l", "2", "-layout", str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    lines = [line.strip() for line in second.splitlines() if line.strip()]
    assert lines[1] == "Inhoud", lines[:4]  # after the running header


@pytest.mark.skipif(not POPPLER, reason="poppler-utils not installed")
def test_the_voting_chapter_leaves_no_half_empty_pages(tmp_path):
    """Assen's plan was 52 pages (advisor's review, 27 November 2026): each decision's
    explanation was kept with its votes table, and a long one took heading, text, caption
    and table to the next page together, leaving half of the page before it blank. Only
    the caption keeps with the table now (test_voting_page_fill.py states the keeps).
    Judged by the chapter's pages themselves, not the plan's page count, which grows with
    its content (49 pages then, 52 after the work orders and permit steps of 28 November):
    every page of the chapter but its last is at least three fifths full."""
    profile = load_profile(
        (ROOT / "examples" / "assen-warmtenet-blokverwarming.json").read_text("utf-8")
    )
    data, _ = docx_to_pdf(write_plan_docx(plan_to_dict(build_plan(profile, AS_OF))))
    path = tmp_path / "plan.pdf"
    path.write_bytes(data)
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = [
        [line.strip() for line in page.splitlines() if line.strip()] for page in text.split("\f")
    ]
    full = max(len(page) for page in pages)
    first = next(i for i, p in enumerate(pages) if "Stemregels en besluitvorming" in p)
    after = next(i for i, p in enumerate(pages) if i > first and "Het plan in fasen" in p)
    short = {
        i + 1: len(p)
        for i, p in enumerate(pages[first : after - 1], first)
        if len(p) < full * 3 / 5
    }
    assert not short, (short, full)
