"""How fast is a plan made? Engine, engine + Word, and two baselines in the same run.

    python benchmarks/generate.py [--runs 15]

For every example: the median over many runs of
  - the engine alone (profile -> plan JSON),
  - the engine plus the Word writer,
  - the floor: python-docx writing a document with the same number of paragraphs, the
    same tables (rows x columns) and the same figure, with nothing else to decide,
  - the peer: docxtpl rendering an equivalent template (the same paragraphs, tables and figure),
and the timeline figure alone. It prints the ratios against the goals of issue 6.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from docx import Document  # noqa: E402
from docx.shared import Cm  # noqa: E402

from vve.document import write_plan_docx  # noqa: E402
from vve.document.timeline import timeline_png  # noqa: E402
from vve.profile import load_profile  # noqa: E402
from vve.rules import build_plan  # noqa: E402
from vve.rules.serialize import plan_to_dict  # noqa: E402

AS_OF = dt.date(2026, 11, 24)


def median_ms(action, runs: int) -> float:
    action()  # warm caches (knowledge, fonts) once, as a long-running server would
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def shape_of(docx: bytes):
    """Paragraph texts and table cell texts of a document, to rebuild its shape."""
    doc = Document(io.BytesIO(docx))
    paragraphs = [p.text for p in doc.paragraphs]
    tables = [[[c.text for c in row.cells] for row in t.rows] for t in doc.tables]
    return paragraphs, tables


def floor(paragraphs, tables, png: bytes) -> bytes:
    doc = Document()
    for text in paragraphs:
        doc.add_paragraph(text)
    for rows in tables:
        table = doc.add_table(rows=0, cols=len(rows[0]))
        for row in rows:
            for cell, text in zip(table.add_row().cells, row):
                cell.text = text
    doc.add_picture(io.BytesIO(png), width=Cm(16))
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def docxtpl_template(tables) -> bytes:
    """A template with a paragraph loop, one row-loop table per table shape, and an image."""
    doc = Document()
    doc.add_paragraph("{%p for text in paragraphs %}")
    doc.add_paragraph("{{ text }}")
    doc.add_paragraph("{%p endfor %}")
    for index, rows in enumerate(tables):
        columns = len(rows[0])
        table = doc.add_table(rows=3, cols=columns)
        table.rows[0].cells[0].text = f"{{%tr for row in tables[{index}] %}}"
        for column in range(columns):
            table.rows[1].cells[column].text = f"{{{{ row[{column}] }}}}"
        table.rows[2].cells[0].text = "{%tr endfor %}"
    doc.add_paragraph("{{ figure }}")
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def docxtpl_render(template: bytes, paragraphs, tables, png: bytes) -> bytes:
    from docxtpl import DocxTemplate, InlineImage

    tpl = DocxTemplate(io.BytesIO(template))
    tpl.render(
        {
            "paragraphs": paragraphs,
            "tables": tables,
            "figure": InlineImage(tpl, io.BytesIO(png), width=Cm(16)),
        }
    )
    out = io.BytesIO()
    tpl.save(out)
    return out.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    try:
        import docxtpl  # noqa: F401

        has_docxtpl = True
    except ImportError:
        has_docxtpl = False
        print("docxtpl is not installed (pip install docxtpl): the peer column is skipped.")

    print(
        f"{'example':36} {'engine':>8} {'eng+doc':>8} {'floor':>8} {'docxtpl':>8} "
        f"{'figure':>7} {'doc/floor':>9} {'doc/tpl':>8} {'engine%':>8}"
    )
    ok = True
    for path in sorted((ROOT / "examples").glob("*.json")):
        profile = load_profile(path.read_text(encoding="utf-8"))
        plan = plan_to_dict(build_plan(profile, AS_OF))
        docx = write_plan_docx(plan)
        paragraphs, tables = shape_of(docx)
        png = timeline_png(plan["timeline"])
        engine = median_ms(lambda: plan_to_dict(build_plan(profile, AS_OF)), args.runs)
        full = median_ms(
            lambda: write_plan_docx(plan_to_dict(build_plan(profile, AS_OF))), args.runs
        )
        base = median_ms(lambda: floor(paragraphs, tables, png), args.runs)
        figure = median_ms(lambda: timeline_png(plan["timeline"]), args.runs)
        peer = None
        if has_docxtpl:
            template = docxtpl_template(tables)
            peer = median_ms(lambda: docxtpl_render(template, paragraphs, tables, png), args.runs)
        share = engine / full * 100
        ok &= full <= 1.2 * base and share < 5 and figure < 15 and (peer is None or full < peer)
        print(
            f"{path.stem:36} {engine:8.1f} {full:8.1f} {base:8.1f} "
            f"{(peer or float('nan')):8.1f} {figure:7.1f} {full / base:9.2f} "
            f"{(full / peer if peer else float('nan')):8.2f} {share:7.1f}%"
        )
        print(
            f"{'':36} ({len(paragraphs)} paragraphs, {len(tables)} tables, "
            f"{sum(len(t) for t in tables)} rows)"
        )
    print(
        "\nGoals: eng+doc <= 1.2 x floor, faster than docxtpl, engine < 5% of the total, "
        "figure < 15 ms."
    )
    print("All goals met." if ok else "Not every goal is met: see the columns above.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
