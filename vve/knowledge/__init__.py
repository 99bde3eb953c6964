"""Checked facts the rules use, loaded once from the TOML files in ``data/``.

Every entry carries ``source`` (ids from sources.toml), ``peildatum`` and
``certainty``; the loader refuses data without them, so a figure can never
enter the plan without a source.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import tomllib
from dataclasses import dataclass, field, replace
from fractions import Fraction
from functools import cache
from pathlib import Path
from typing import Any, Mapping

from .money import MoneyDataError, MoneyKnowledge, load_money

DATA_DIR = Path(__file__).with_name("data")
FILES = ("sources", "voting", "decisions", "measures", "routes", "stages", "financing",
         "risks", "unknowns", "municipalities", "costs")
CERTAINTIES = frozenset({"bron", "onzeker", "betwist"})


class KnowledgeError(ValueError):
    """The knowledge data is inconsistent; raised at load time, never mid-plan."""


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    where: str
    peildatum: dt.date


@dataclass(frozen=True)
class RuleSpec:
    """A voting rule as the data defines it (see voting.toml for the vocabulary)."""

    id: str
    kind: str
    label: str
    majority: Fraction
    base: str
    comparison: str
    quorum: Fraction | None
    quorum_comparison: str
    second_meeting: bool
    source: tuple[str, ...]
    peildatum: dt.date
    certainty: str
    why: str
    status: str = "in_force"
    effective_date: dt.date | None = None
    min_notice_days: int = 0
    why_in_force: str = ""


@dataclass(frozen=True)
class ClassRule:
    rule: str
    certainty: str
    source: tuple[str, ...]
    threshold_applies: bool = False


@dataclass(frozen=True)
class ModelSpec:
    id: str
    label: str
    notice_days: int
    notice_certainty: str
    classes: Mapping[str, ClassRule]
    source: tuple[str, ...]
    peildatum: dt.date


@dataclass(frozen=True)
class MeetingCalendar:
    """When a meeting can be held (stages.toml [meetings]); hashable, so it can be cached."""

    weekdays: frozenset[int]
    avoid: tuple[tuple[tuple[int, int], tuple[int, int], str], ...]   # (from, to, why)
    fixed_holidays: tuple[tuple[int, int], ...]
    easter_offsets: tuple[int, ...]
    why: str
    run_up_days: int = 0   # the notice goes out this many days before, outside the holidays


def _month_day(text: str, where: str) -> tuple[int, int]:
    try:
        month, day = (int(p) for p in text.split("-"))
        dt.date(2024, month, day)   # a leap year: 02-29 is a valid month-day
    except ValueError:
        raise KnowledgeError(f"{where}: {text!r} is not a month-day like '07-01'") from None
    return month, day


def _calendar(raw: Mapping[str, Any], sources: Mapping[str, Source]) -> MeetingCalendar:
    _check_sourced(raw, "stages.meetings", sources)
    weekdays = frozenset(int(d) for d in raw["weekdays"])
    if not weekdays or not weekdays <= set(range(7)):
        raise KnowledgeError("stages.meetings.weekdays: days 0 (Monday) to 6 (Sunday)")
    return MeetingCalendar(
        weekdays,
        tuple((_month_day(p["from"], "stages.meetings.avoid"),
               _month_day(p["to"], "stages.meetings.avoid"), p["why"]) for p in raw["avoid"]),
        tuple(_month_day(d, "stages.meetings.fixed_holidays") for d in raw["fixed_holidays"]),
        tuple(int(o) for o in raw["easter_offsets"]), raw["why"], int(raw.get("run_up_days", 0)))


@dataclass(frozen=True)
class Knowledge:
    sources: Mapping[str, Source]
    rules: Mapping[str, RuleSpec]
    models: Mapping[str, ModelSpec]
    second_meeting: Mapping[str, Any]
    law_classes: Mapping[str, str]
    maintenance_coupling: Mapping[str, Any]
    decisions: Mapping[str, Mapping[str, Any]]
    measures: Mapping[str, Mapping[str, Any]]
    routes: Mapping[str, Mapping[str, Any]]
    route_reasons: Mapping[str, str]
    stages: tuple[Mapping[str, Any], ...]
    stage_meta: Mapping[str, Any]
    financing: Mapping[str, Any]
    risks: Mapping[str, Mapping[str, Any]]
    risk_thresholds: Mapping[str, Any]
    unknowns: Mapping[str, Mapping[str, Any]]
    optional_fields: frozenset[str]
    money: MoneyKnowledge | None = None
    meetings: MeetingCalendar | None = None
    proxies: Mapping[str, Any] = field(default_factory=dict)
    boilers: Mapping[str, Any] = field(default_factory=dict)
    unconfirmed: Mapping[str, Any] = field(default_factory=dict)
    written_decision: Mapping[str, Any] = field(default_factory=dict)
    threshold_unset: Mapping[str, Any] = field(default_factory=dict)
    municipalities: tuple[str, ...] = ()
    version: str = field(default="")
    oldest_peildatum: dt.date | None = None

    def with_announced_rule(self, effective: dt.date | None) -> "Knowledge":
        """The same knowledge with the announced sustainability rule in force from ``effective``.

        This is the administrator's switch: the rule stays "announced" until an
        enacted text gives a date.
        """
        rules = dict(self.rules)
        rule = rules["announced_sustainability"]
        rules["announced_sustainability"] = replace(
            rule, effective_date=effective,
            why=rule.why_in_force if effective and rule.why_in_force else rule.why)
        return replace(self, rules=rules)


def _fraction(text: str, where: str) -> Fraction:
    try:
        numerator, denominator = (int(p) for p in text.split("/"))
        return Fraction(numerator, denominator)
    except (ValueError, ZeroDivisionError):
        raise KnowledgeError(f"{where}: {text!r} is not a fraction like '2/3'") from None


def _check_sourced(entry: Mapping[str, Any], where: str, sources: Mapping[str, Source]) -> None:
    cited = entry.get("source")
    if not cited:
        raise KnowledgeError(f"{where}: entry without a source")
    for sid in cited:
        if sid not in sources:
            raise KnowledgeError(f"{where}: unknown source id {sid!r}")
    if not isinstance(entry.get("peildatum"), dt.date):
        raise KnowledgeError(f"{where}: entry without a peildatum (YYYY-MM-DD)")
    certainty = entry.get("certainty")
    if certainty not in CERTAINTIES:
        raise KnowledgeError(f"{where}: certainty {certainty!r} not in {sorted(CERTAINTIES)}")


def _rule(rid: str, raw: Mapping[str, Any]) -> RuleSpec:
    where = f"voting.rules.{rid}"
    for key, allowed in (("base", {"cast", "present", "all"}),
                         ("comparison", {"more_than", "at_least"}),
                         ("kind", {"ordinary", "qualified", "law", "lender", "announced"})):
        if raw.get(key) not in allowed:
            raise KnowledgeError(f"{where}: {key} must be one of {sorted(allowed)}")
    quorum = raw.get("quorum")
    return RuleSpec(
        id=rid, kind=raw["kind"], label=raw["label"],
        majority=_fraction(raw["majority"], where), base=raw["base"],
        comparison=raw["comparison"],
        quorum=_fraction(quorum, where) if quorum else None,
        quorum_comparison=raw.get("quorum_comparison", "at_least"),
        second_meeting=bool(raw.get("second_meeting", False)),
        source=tuple(raw["source"]), peildatum=raw["peildatum"],
        certainty=raw["certainty"], why=raw["why"],
        status=raw.get("status", "in_force"), effective_date=raw.get("effective_date"),
        min_notice_days=int(raw.get("min_notice_days", 0)),
        why_in_force=raw.get("why_in_force", ""),
    )


def _model(mid: str, raw: Mapping[str, Any], rules: Mapping[str, RuleSpec],
           sources: Mapping[str, Source]) -> ModelSpec:
    classes = {}
    for cls in ("ordinary", "expenditure_outside_maintenance", "reserve_fund_charge",
                "financial_obligation"):
        entry = raw.get("classes", {}).get(cls)
        where = f"voting.models.{mid}.classes.{cls}"
        if entry is None:
            raise KnowledgeError(f"{where}: missing")
        if entry["rule"] not in rules:
            raise KnowledgeError(f"{where}: unknown rule {entry['rule']!r}")
        _check_sourced({**entry, "peildatum": raw["peildatum"]}, where, sources)
        classes[cls] = ClassRule(entry["rule"], entry["certainty"], tuple(entry["source"]),
                                 bool(entry.get("threshold_applies", False)))
    return ModelSpec(mid, raw["label"], int(raw["notice_days"]), raw["notice_certainty"],
                     classes, tuple(raw["source"]), raw["peildatum"])


def _read(data_dir: Path) -> tuple[dict[str, Any], str]:
    digest = hashlib.sha256()
    raw = {}
    for name in FILES:
        content = (data_dir / f"{name}.toml").read_bytes()
        digest.update(content)
        try:
            raw[name] = tomllib.loads(content.decode("utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise KnowledgeError(f"{name}.toml: {exc}") from None
    return raw, digest.hexdigest()[:12]


def load_knowledge_from(data_dir: Path) -> Knowledge:
    """Load and validate a data folder (tests point this at broken copies)."""
    raw, digest = _read(data_dir)
    sources = {sid: Source(sid, s["title"], s["where"], s["peildatum"])
               for sid, s in raw["sources"].items()}
    voting = raw["voting"]
    for rid, r in voting["rules"].items():
        _check_sourced(r, f"voting.rules.{rid}", sources)
    rules = {rid: _rule(rid, r) for rid, r in voting["rules"].items()}
    _check_sourced(voting["second_meeting"], "voting.second_meeting", sources)
    _check_sourced(voting["maintenance_coupling"], "voting.maintenance_coupling", sources)
    _check_sourced(voting["proxies"], "voting.proxies", sources)
    _check_sourced(raw["measures"]["boilers"], "measures.boilers", sources)
    _check_sourced(raw["measures"]["unconfirmed"], "measures.unconfirmed", sources)
    _check_sourced(voting["written_decision"], "voting.written_decision", sources)
    _check_sourced(voting["threshold_unset"], "voting.threshold_unset", sources)
    for cls, rid in voting["law_classes"].items():
        if rid not in voting["rules"]:
            raise KnowledgeError(f"voting.law_classes.{cls}: unknown rule {rid!r}")
    for mid, m in voting["models"].items():
        _check_sourced({**m, "certainty": m.get("notice_certainty")}, f"voting.models.{mid}",
                       sources)
    models = {mid: _model(mid, m, rules, sources) for mid, m in voting["models"].items()}
    sections = {
        "decisions": raw["decisions"]["decisions"], "measures": raw["measures"]["measures"],
        "routes": raw["routes"]["routes"], "risks": raw["risks"]["risks"],
    }
    for section, entries in sections.items():
        for key, entry in entries.items():
            _check_sourced(entry, f"{section}.{key}", sources)
    stages = tuple(raw["stages"]["stages"])
    for stage in stages:
        _check_sourced(stage, f"stages.{stage['id']}", sources)
    _check_sourced(raw["stages"]["meta"], "stages.meta", sources)
    financing = raw["financing"]
    _check_sourced(financing["reserve_fund"], "financing.reserve_fund", sources)
    for key, entry in financing["programmes"].items():
        _check_sourced(entry, f"financing.programmes.{key}", sources)
    _check_sourced(raw["unknowns"]["optional"], "unknowns.optional", sources)
    _check_sourced(raw["risks"]["thresholds"], "risks.thresholds", sources)
    for region, entry in raw["municipalities"].items():
        _check_sourced(entry, f"municipalities.{region}", sources)
    _check_references(sections, stages, raw["unknowns"]["fields"], financing["programmes"])
    for pid in ("svve_measures", "svve_advice"):
        if "apply_at" not in financing["programmes"][pid]:
            raise KnowledgeError(f"financing.programmes.{pid}: needs apply_at")
    try:
        money = load_money(raw["costs"], lambda e, w: _check_sourced(e, w, sources),
                           set(sections["measures"]))
    except MoneyDataError as exc:
        raise KnowledgeError(str(exc)) from None
    dates = [s.peildatum for s in sources.values()]
    return Knowledge(
        sources=sources, rules=rules, models=models, second_meeting=voting["second_meeting"],
        law_classes=voting["law_classes"], maintenance_coupling=voting["maintenance_coupling"],
        decisions=sections["decisions"], measures=sections["measures"],
        routes=sections["routes"], route_reasons=raw["routes"]["reasons"], stages=stages, stage_meta=raw["stages"]["meta"],
        financing=financing, risks=sections["risks"], risk_thresholds=raw["risks"]["thresholds"],
        unknowns=raw["unknowns"]["fields"],
        optional_fields=frozenset(raw["unknowns"]["optional"]["fields"]),
        money=money, meetings=_calendar(raw["stages"]["meetings"], sources),
        proxies=voting["proxies"], written_decision=voting["written_decision"],
        threshold_unset=voting["threshold_unset"],
        boilers=raw["measures"]["boilers"], unconfirmed=raw["measures"]["unconfirmed"],
        version=digest, oldest_peildatum=min(dates),
        municipalities=tuple(n for e in raw["municipalities"].values() for n in e["names"]),
    )


def _check_references(sections: Mapping[str, Mapping[str, Any]], stages: tuple,
                      unknowns: Mapping[str, Any], programmes: Mapping[str, Any]) -> None:
    stage_ids = {s["id"] for s in stages}
    for did, d in sections["decisions"].items():
        if d["stage"] not in stage_ids:
            raise KnowledgeError(f"decisions.{did}: unknown stage {d['stage']!r}")
    for mid, m in sections["measures"].items():
        if not m.get("title") or not m.get("short"):
            raise KnowledgeError(f"measures.{mid}: needs a title and a short name")
        if m.get("kind", "other") not in ("insulation", "collective_heat", "installation",
                                          "other"):
            raise KnowledgeError(f"measures.{mid}: unknown kind {m['kind']!r}")
    for rid, r in sections["routes"].items():
        for mid in r["measures"]:
            if mid not in sections["measures"]:
                raise KnowledgeError(f"routes.{rid}: unknown measure {mid!r}")
    for rid, r in sections["risks"].items():
        if r["stage"] not in stage_ids:
            raise KnowledgeError(f"risks.{rid}: unknown stage {r['stage']!r}")
    for path, u in unknowns.items():
        if u["stage"] not in stage_ids:
            raise KnowledgeError(f"unknowns.{path}: unknown stage {u['stage']!r}")
    actions = {(s["id"], a["id"]) for s in stages for a in s["actions"]}
    for pid, entry in programmes.items():
        if "apply_at" not in entry:
            continue
        stage_id, _, edge = entry["apply_at"].partition(".")
        if stage_id not in stage_ids or (edge not in ("start", "end")
                                         and (stage_id, edge) not in actions):
            raise KnowledgeError(f"financing.programmes.{pid}.apply_at: no stage or action "
                                 f"{entry['apply_at']!r}")


@cache
def load_knowledge() -> Knowledge:
    """The packaged knowledge, loaded and validated once per process."""
    return load_knowledge_from(DATA_DIR)
