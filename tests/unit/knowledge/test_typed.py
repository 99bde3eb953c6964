"""Typed knowledge: a missing or mistyped key is refused at load, naming file, entry and key.

The data is read as TOML, changed in one place and written back to a copy of the data
folder; the loader must refuse the copy with a KnowledgeError whose message names the file,
the entry and the key, instead of failing mid-plan with a KeyError.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import tempfile
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vve.knowledge import DATA_DIR, KnowledgeError, load_knowledge_from

# Every kind of entry: (file, path to it); "*" is any table key, "#" any list item.
KINDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("sources", ("*",)),
    ("voting", ("rules", "*")),
    ("voting", ("models", "*")),
    ("voting", ("models", "*", "classes", "*")),
    ("voting", ("second_meeting",)),
    ("voting", ("maintenance_coupling",)),
    ("voting", ("proxies",)),
    ("voting", ("written_decision",)),
    ("voting", ("blank_votes",)),
    ("voting", ("written_proxy",)),
    ("voting", ("threshold_unset",)),
    ("voting", ("threshold_amount_unknown",)),
    ("voting", ("threshold_set_by_plan",)),
    ("voting", ("threshold_above",)),
    ("voting", ("threshold_not_above",)),
    ("decisions", ("decisions", "*")),
    ("measures", ("measures", "*")),
    ("measures", ("boilers",)),
    ("measures", ("unconfirmed",)),
    ("routes", ("routes", "*")),
    ("stages", ("meta",)),
    ("stages", ("stages", "#")),
    ("stages", ("stages", "#", "actions", "#")),
    ("stages", ("meetings",)),
    ("financing", ("reserve_fund",)),
    ("financing", ("programmes", "*")),
    ("risks", ("thresholds",)),
    ("risks", ("risks", "*")),
    ("unknowns", ("optional",)),
    ("unknowns", ("fields", "*")),
    ("municipalities", ("*",)),
    ("costs", ("prices", "*")),
    ("costs", ("quantities",)),
    ("costs", ("quantities", "reference", "*")),
    ("costs", ("savings", "*")),
    ("costs", ("energy", "*")),
    ("costs", ("loan_rates", "*")),
    ("costs", ("annuity",)),
    ("costs", ("svve_rates",)),
    ("costs", ("isde", "*")),
    ("costs", ("rebuild_value",)),
    ("costs", ("other_costs", "*")),
    ("costs", ("not_included",)),
    ("costs", ("not_included", "items", "#")),
)

# Keys every entry of its kind has today that are optional all the same.
OPTIONAL = {
    ("stages", "meetings", "run_up_days"),
    ("stages", "meetings", "school_holidays"),  # no holidays given: none avoided
    ("costs", "energy", "typical"),  # only the average gas use needs a typical value
    ("costs", "energy", "basis"),
    ("costs", "savings", "basis"),
    ("costs", "isde", "routes"),
    ("costs", "isde", "typical"),
    ("costs", "quantities", "basis"),
    ("costs", "svve_rates", "basis"),
    ("costs", "rebuild_value", "basis"),
    ("costs", "other_costs", "basis"),
}

FILES = sorted({name for name, _ in KINDS})


def _read() -> dict[str, Any]:
    return {p.stem: tomllib.loads(p.read_text(encoding="utf-8")) for p in DATA_DIR.glob("*.toml")}


Names = tuple[str, ...]


def _walk(
    value: Any, path: tuple[str, ...], names: Names
) -> Iterator[tuple[dict[str, Any], Names]]:
    """(entry, the names it may go by) for every entry at ``path`` below ``value``: a list
    item by its id, or by its index where it has none."""
    if not path:
        yield value, names
        return
    head, rest = path[0], path[1:]
    if head == "*":
        for key, item in value.items():
            yield from _walk(item, rest, (key,))
    elif head == "#":
        for index, item in enumerate(value):
            yield from _walk(
                item, rest, (*(str(item[k]) for k in ("id",) if k in item), f"[{index}]")
            )
    else:
        yield from _walk(value[head], rest, (head,))


def _entries(raw: dict[str, Any]) -> list[tuple[str, tuple[str, ...], dict[str, Any], Names]]:
    return [
        (name, path, entry, names)
        for name, path in KINDS
        for entry, names in _walk(raw[name], path, (name,))
    ]


def _required(raw: dict[str, Any], name: str, path: tuple[str, ...]) -> set[str]:
    """The keys every entry of a kind carries, less those that are optional all the same."""
    entries = [entry for entry, _ in _walk(raw[name], path, (name,))]
    common = set.intersection(*(set(e) for e in entries))
    if len(entries) == 1:  # a single table: each of its keys is needed
        common = set(entries[0])
    kind = next((p for p in reversed(path) if p not in "*#"), name)
    return {
        k for k in common if (name, kind, k) not in OPTIONAL and not isinstance(entries[0][k], dict)
    }


def _toml(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, dt.date)):
        return str(value) if isinstance(value, int) else value.isoformat()
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    return "{" + ", ".join(f"{json.dumps(k)} = {_toml(v)}" for k, v in value.items()) + "}"


def _dump(data: dict[str, Any]) -> str:
    return "".join(f"{json.dumps(key)} = {_toml(value)}\n" for key, value in data.items())


def _load_changed(raw: dict[str, Any], folder: Path) -> None:
    target = folder / "data"
    shutil.copytree(DATA_DIR, target)
    for name, data in raw.items():
        (target / f"{name}.toml").write_text(_dump(data), encoding="utf-8")
    load_knowledge_from(target)


def _refused(raw: dict[str, Any], name: str, names: Names, key: str) -> None:
    """Loading ``raw`` fails with a message naming the file, the entry and the key."""
    with tempfile.TemporaryDirectory() as folder, pytest.raises(KnowledgeError) as refused:
        _load_changed(raw, Path(folder))
    message = str(refused.value)
    assert f"{name}.toml" in message and any(n in message for n in names) and key in message, (
        message
    )


def _wrong(value: Any) -> Any:
    """A value of another type than ``value``."""
    return "x" if not isinstance(value, str) else 12345


def test_the_dumped_data_loads_as_it_is(tmp_path):
    _load_changed(_read(), tmp_path)


def test_every_kind_of_entry_has_a_required_key():
    raw = _read()
    assert all(_required(raw, name, path) for name, path in KINDS)


@pytest.mark.parametrize("name, path", KINDS, ids=[".".join((n, *p)) for n, p in KINDS])
def test_a_missing_key_is_refused_naming_file_entry_and_key(name, path):
    raw = _read()
    key = sorted(_required(raw, name, path))[-1]
    entry, names = next(_walk(raw[name], path, (name,)))
    del entry[key]
    _refused(raw, name, names, key)


@pytest.mark.parametrize("name, path", KINDS, ids=[".".join((n, *p)) for n, p in KINDS])
def test_a_wrongly_typed_value_is_refused_naming_file_entry_and_key(name, path):
    raw = _read()
    key = sorted(_required(raw, name, path))[0]
    entry, names = next(_walk(raw[name], path, (name,)))
    entry[key] = _wrong(entry[key])
    _refused(raw, name, names, key)


@pytest.mark.parametrize("name, path", KINDS, ids=[".".join((n, *p)) for n, p in KINDS])
def test_an_unknown_key_is_refused(name, path):
    raw = _read()
    entry, names = next(_walk(raw[name], path, (name,)))
    entry["titel"] = "een tikfout"
    _refused(raw, name, names, "titel")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_dropping_any_required_key_of_any_entry_is_refused(data):
    raw = _read()
    name, path, entry, names = data.draw(st.sampled_from(_entries(raw)), label="entry")
    key = data.draw(st.sampled_from(sorted(_required(raw, name, path))), label="key")
    del entry[key]
    _refused(raw, name, names, key)
