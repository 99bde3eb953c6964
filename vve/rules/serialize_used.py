"""What of the money part a figure of the plan uses: the plan's sources, assumptions and
oldest price level list only that."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any


def _used(line: dict[str, Any]) -> dict[str, Any]:
    line = dict(line)
    if line["investment"] is None and "outdated_price" not in line["missing"]:
        line["unit_price"] = None
    if line["saving"]["euros"] is None and line["saving"]["m3"] is None:
        line["saving"] = {**line["saving"], "provenance": None}
    return line


REFERENCE_ORIGINS = (
    "reference",
    "reference_other_type",
    "reference_other_period",
    "reference_near_period",
    "reference_window_share",
)


def used_money(money: dict[str, Any]) -> dict[str, Any]:
    """The money part without the inputs no figure of the plan uses, for its sources,
    assumptions and oldest price level: a measure's price or saving without its amount;
    the reference dwelling's areas where no priced measure uses them; the average gas use
    and the gas price where no saving is computed; the loan's rates where the plan
    computes no monthly payments (nothing to borrow, or less than the lender's minimum)."""
    measures = [_used(line) for line in money["measures"]]
    quantities = [line["quantity"] for line in measures if line["investment"] is not None]
    kinds = {q["kind"] for q in quantities if q}
    reference = money["quantities"]["reference_dwelling"]
    if not any(q and q["origin"] in REFERENCE_ORIGINS for q in quantities):
        reference = {**reference, "provenance": None}
    share = money["quantities"].get("window_share")
    if not any(q and q["origin"] == "reference_window_share" for q in quantities):
        share = None
    saves = any(m["saving"]["provenance"] is not None for m in measures)
    loan = money["loan"]
    return {
        **money,
        "measures": measures,
        "quantities": {
            **money["quantities"],
            "reference_dwelling": reference,
            "window_share": share,
            "items": [i for i in money["quantities"]["items"] if i and i["kind"] in kinds],
        },
        "gas_use": money["gas_use"] if saves else {**money["gas_use"], "provenance": None},
        "gas_price": money["gas_price"] if saves else {**money["gas_price"], "provenance": None},
        "loan": {**loan, "rates": [], "history": []} if loan["below_minimum"] else loan,
    }


def money_source_ids(money: dict[str, Any]) -> Iterator[str]:
    """Every source the money part relies on, for the plan's sources list: an input no
    figure uses (see used_money) is not cited."""
    money = used_money(money)

    def walk(value: Any) -> Iterator[str]:
        if isinstance(value, dict):
            if "sources" in value and "quality" in value:
                yield from value["sources"]
            for item in value.values():
                yield from walk(item)
        elif isinstance(value, list):
            for item in value:
                yield from walk(item)

    yield from walk(money)
