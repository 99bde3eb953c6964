"""The attendance and voting list (presentielijst en stemlijst), on landscape pages.

One row per apartment of the register (its number, owner and votes); without a register
one row per owner group with its votes, followed by an empty row to sign for each of its
apartment rights. Columns: votes, present or by proxy (to whom), signature, and per
proposal yes / no / blank. Below: the totals, and per proposal the quorum it needs.
"""

from __future__ import annotations

from dataclasses import dataclass

from vve.profile.limits import MAX_APARTMENTS
from vve.rules.register import apartment_votes

from ..builder import Builder
from .common import Pack, text_width_cm
from .grid import Cell, Row, grid
from .words import decision_quorum, majority_text, needed_quorum, threshold_text

TITLE = "Presentielijst en stemlijst"
UNKNOWN_VOTES = "[ ]"
# least column widths in cm: apartment, owner, votes, present or proxy, signature
PRESENCE = (1.3, 2.6, 2.2, 2.6, 2.7)
# a further voting table for the proposals that did not fit: apartment (or group), votes
OVERFLOW = (3.0, 2.2)
PRESENCE_NAMES = ["App.", "Eigenaar", "Stemmen", "Aanwezig of volmacht aan", "Handtekening"]
MARK_MAX, MARK_MIN = 0.9, 0.65  # one yes / no / blank column
ROW_HEIGHT = 0.7  # room to sign, in cm
BLANK_ROWS = 20  # without any count of the rights: rows to write in


@dataclass(frozen=True)
class Line:
    number: str
    owner: str
    votes: int | None
    group: bool = False  # a group of owners: a heading row over its members' rows


def lines(pack: Pack) -> list[Line]:
    answers = pack.plan["answers"]
    if answers["apartments"]:
        return [
            Line(a["number"], a["owner_name"] or "", votes)
            for a, votes in zip(answers["apartments"], apartment_votes(answers))
        ]
    return _group_lines(pack)


def _group_lines(pack: Pack) -> list[Line]:
    """Each owner group with its votes, then a row per apartment right to sign on."""
    answers, votes = pack.plan["answers"], pack.plan["votes"]
    one_each = answers["voting"]["votes_per_right"] != "weighted"
    groups = answers["owners"]["groups"]
    out: list[Line] = []
    budget = MAX_APARTMENTS
    for party in votes["parties"]:
        group = groups[int(party["id"].rsplit(".", 1)[1])]
        single = party["single_party"]  # one owner: one row to sign, with all its votes
        out.append(Line("", party["label"], party["votes"], not single))
        if not single and group["rights"]:
            each = 1 if one_each and group["rights"] == party["votes"] else None
            count = min(group["rights"], budget)
            budget -= count
            out += [Line("", "", each)] * count
    rest = _rest(pack)
    if rest:
        rest_votes, rest_rights = rest
        if out:
            out.append(Line("", "Overige eigenaars", rest_votes, True))
        count = min(rest_rights if rest_rights is not None else BLANK_ROWS, budget)
        out += [Line("", "", 1 if one_each else None)] * count
    return out


def _rest(pack: Pack) -> tuple[int | None, int | None] | None:
    """Votes and rights not in any owner group; None when the groups cover them all."""
    answers, votes = pack.plan["answers"], pack.plan["votes"]
    rights = answers["building"]["rights"]
    known = [rights[k] for k in ("dwellings", "commercial_units", "parking_or_storage")]
    all_rights = sum(k for k in known if k) if any(known) else None
    in_groups = sum(g["rights"] or 0 for g in answers["owners"]["groups"])
    group_votes = sum(p["votes"] for p in votes["parties"])
    rest_votes = votes["total"] - group_votes if votes["total"] is not None else None
    rest_rights = all_rights - in_groups if all_rights is not None else None
    if (rest_votes or 0) <= 0 and (rest_rights or 0) <= 0 and votes["parties"]:
        return None
    return rest_votes, rest_rights


def write(b: Builder, pack: Pack) -> None:
    rows = lines(pack)
    register = bool(pack.plan["answers"]["apartments"])
    b.para(_intro(pack, register))
    _legend(b, pack, rows)
    width = text_width_cm(b.doc)
    fits, mark = _layout(width, len(pack.proposals))
    first, rest = pack.numbered()[:fits], pack.numbered()[fits:]
    _table(b, pack, rows, first, _spread(width - 3 * mark * len(first)), mark)
    step = max(1, int((width - sum(OVERFLOW)) / (3 * MARK_MAX)))
    for start in range(0, len(rest), step):
        _table(b, pack, rows, rest[start : start + step], list(OVERFLOW), MARK_MAX)


def _layout(width: float, count: int) -> tuple[int, float]:
    """How many proposals fit beside the attendance columns, and the width of each mark."""
    room = width - sum(PRESENCE)
    fits = max(1, min(count, int(room / (3 * MARK_MIN))))
    return fits, max(MARK_MIN, min(MARK_MAX, room / (3 * fits)))


def _spread(room: float) -> list[float]:
    """The attendance columns at their least width, the room the vote columns leave going
    to the owner, proxy and signature columns, so the table spans the text width."""
    extra = max(0.0, room - sum(PRESENCE)) / 3
    return [w + (extra if i in (1, 3, 4) else 0) for i, w in enumerate(PRESENCE)]


def _intro(pack: Pack, register: bool) -> str:
    text = (
        "Laat iedere eigenaar of gevolmachtigde bij binnenkomst tekenen; een gevolmachtigde "
        "levert de volmacht in. Het quorum telt de stemmen op deze lijst. Noteer per "
        "voorstel de stem van elk appartement: V (voor), T (tegen) of B (blanco of "
        "onthouding)."
    )
    if register:
        return text
    if pack.plan["votes"]["parties"]:
        text += (
            " Zonder appartementenlijst staat hier per groep eigenaars een regel met de "
            "stemmen van de groep, en daaronder een lege regel per appartementsrecht om in te "
            "vullen."
        )
    else:
        text += " Zonder appartementenlijst staat hier een lege regel per appartementsrecht."
    return text + (
        " Vult u de appartementenlijst in VvE Warmteplan in, dan staat hier elk appartement "
        "met zijn eigenaar en stemmen."
    )


def _table(
    b: Builder,
    pack: Pack,
    rows: list[Line],
    proposals: list[tuple[int, dict]],
    columns: list[float],
    mark: float,
) -> None:
    presence = len(columns) == len(PRESENCE)
    names = PRESENCE_NAMES if presence else [PRESENCE_NAMES[0], PRESENCE_NAMES[2]]
    top: Row = [Cell(n, merge="restart") for n in names]
    top += [Cell(f"Punt {n}", 3) for n, _ in proposals]
    second: Row = [Cell(merge="continue") for _ in names]
    second += [Cell(x) for _ in proposals for x in "VTB"]
    body = [_row(line, presence, len(proposals)) for line in rows]
    body += _totals(pack, rows, proposals, presence)
    grid(
        b,
        [top, second],
        body,
        columns + [mark] * 3 * len(proposals),
        row_height_cm=ROW_HEIGHT if presence else None,
    )


def _votes(line: Line) -> str:
    return str(line.votes) if line.votes is not None else UNKNOWN_VOTES


def _owner(line: Line) -> str:
    """A group's heading: its votes stand in the text, so no one adds them in again."""
    if line.votes is not None:
        return f"{line.owner}: samen {line.votes} stemmen"
    return line.owner


def _row(line: Line, presence: bool, proposals: int) -> Row:
    marks = [Cell() for _ in range(3 * proposals)]
    columns = len(PRESENCE) if presence else 2
    if line.group:
        return [Cell(_owner(line), columns, head=True)] + marks
    if presence:
        first = [Cell(line.number), Cell(line.owner), Cell(_votes(line)), Cell(), Cell()]
    else:
        first = [Cell(line.number or line.owner), Cell(_votes(line))]
    return first + marks


def _totals(
    pack: Pack, rows: list[Line], proposals: list[tuple[int, dict]], presence: bool
) -> list[Row]:
    """The totals to count (votes present, and yes / no / blank per proposal) under the
    list's own total of votes, and per proposal the quorum it needs."""
    listed = _listed_votes(pack, rows)
    marks = [Cell() for _ in range(3 * len(proposals))]
    if presence:
        total: Row = [Cell("Totaal", 2, head=True), Cell(listed, head=True)]
        total += [Cell("Aanwezig of vertegenwoordigd: ...", 2)] + marks
        needed: Row = [Cell("Nodig", 5, head=True)]
    else:
        total = [Cell("Totaal", head=True), Cell(listed, head=True)] + marks
        needed = [Cell("Nodig", 2, head=True)]
    needed += [Cell(decision_quorum(d, pack.second), 3) for _, d in proposals]
    return [total, needed]


def _listed_votes(pack: Pack, rows: list[Line]) -> str:
    """The votes on the list: the register's sum, or the VvE's total from the groups."""
    if pack.plan["answers"]["apartments"]:
        votes = [r.votes for r in rows]
        return str(sum(v for v in votes if v is not None)) if None not in votes else ""
    total = pack.total
    return str(total) if total is not None else ""


def _legend(b: Builder, pack: Pack, rows: list[Line]) -> None:
    total = pack.total
    if total:
        assumed = (
            " (aangenomen: één stem per appartementsrecht, want het reglement is nog niet "
            "nagekeken)"
            if pack.plan["votes"]["one_per_right_assumed"]
            else ""
        )
        b.para(f"De VvE heeft {total} stemmen{assumed}. Wat elk voorstel nodig heeft:")
    else:
        b.para("Wat elk voorstel nodig heeft:")
    listed = _listed_votes(pack, rows)
    if pack.plan["answers"]["apartments"] and total and listed and int(listed) != total:
        b.para(
            f"Let op: de appartementen op deze lijst hebben samen {listed} stemmen, het plan "
            f"rekent met {total}. Vul de appartementenlijst aan of verbeter de stemmen."
        )
    if any(r.votes is None for r in rows if not r.group):
        b.note(
            f"{UNKNOWN_VOTES}: het aantal stemmen van dit appartement staat in de "
            "stemmentabel van het reglement; vul het in."
        )
    b.bullets(
        f"Punt {n}, {d['title']}: {both}"
        if (both := threshold_text(d, pack.second))
        else f"Punt {n}, {d['title']}: {needed_quorum(d['rule'], pack.second)}; meerderheid: "
        f"{majority_text(d['rule'], pack.second)}."
        for n, d in pack.numbered()
    )
    b.note(pack.knowledge.blank_votes.text)
