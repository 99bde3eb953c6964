"""Checked facts the rules use, loaded once from the TOML files in ``data/``.

Every entry is a frozen dataclass (``entries``, ``financing``, ``money``) built and
checked here, so a missing key, a value of the wrong type or an unknown key is refused at
load time with the file, the entry and the key named, never a ``KeyError`` mid-plan.
Every entry carries ``source`` (ids from sources.toml), ``peildatum`` and ``certainty``;
the loader refuses data without them, so a figure can never enter the plan without a
source.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any

from .entries import (
    MODEL_CLASSES,
    Boilers,
    ClassRule,
    DecisionEntry,
    DecisionsFile,
    MaintenanceCoupling,
    MeasureEntry,
    MeasuresFile,
    ModelSpec,
    NoticeRule,
    Proxies,
    QuoteHorizon,
    RuleSpec,
    SecondMeeting,
    SourcedText,
    Unconfirmed,
    VotingFile,
)
from .entries_more import (
    Region,
    RiskEntry,
    RisksFile,
    RiskThresholds,
    RouteEntry,
    RoutesFile,
    Source,
    UnknownEntry,
    UnknownsFile,
)
from .entries_stages import (
    FollowUp,
    FollowUpAction,
    HeritagePermit,
    LaterMeeting,
    LaterStep,
    MeetingCalendar,
    Period,
    QuoteAge,
    StageAction,
    StageEntry,
    StageMeta,
    StagesFile,
)
from .financing import Financing, Subsidy, load_financing
from .money import MoneyKnowledge, load_money
from .typed import KnowledgeError, MonthDay, Where, build, convert

__all__ = [
    "DATA_DIR",
    "Boilers",
    "ClassRule",
    "DecisionEntry",
    "Financing",
    "FollowUp",
    "FollowUpAction",
    "HeritagePermit",
    "LaterMeeting",
    "LaterStep",
    "QuoteAge",
    "Knowledge",
    "KnowledgeError",
    "MaintenanceCoupling",
    "MeasureEntry",
    "MeetingCalendar",
    "ModelSpec",
    "MonthDay",
    "NoticeRule",
    "Period",
    "Proxies",
    "QuoteHorizon",
    "RiskEntry",
    "RiskThresholds",
    "RouteEntry",
    "RuleSpec",
    "SecondMeeting",
    "Source",
    "SourcedText",
    "StageAction",
    "StageEntry",
    "StageMeta",
    "Unconfirmed",
    "UnknownEntry",
    "load_knowledge",
    "load_knowledge_from",
]

DATA_DIR = Path(__file__).with_name("data")
FILES = (
    "sources",
    "voting",
    "decisions",
    "measures",
    "routes",
    "stages",
    "financing",
    "risks",
    "unknowns",
    "municipalities",
    "costs",
)


@dataclass(frozen=True, slots=True, kw_only=True)
class Knowledge:
    sources: Mapping[str, Source]
    rules: Mapping[str, RuleSpec]
    models: Mapping[str, ModelSpec]
    second_meeting: SecondMeeting
    law_classes: Mapping[str, str]  # legal class -> rule, whatever the reglement
    maintenance_coupling: MaintenanceCoupling
    decisions: Mapping[str, DecisionEntry]
    measures: Mapping[str, MeasureEntry]
    routes: Mapping[str, RouteEntry]
    route_reasons: Mapping[str, str]
    stages: tuple[StageEntry, ...]
    stage_meta: StageMeta
    financing: Financing
    risks: Mapping[str, RiskEntry]
    risk_thresholds: RiskThresholds
    unknowns: Mapping[str, UnknownEntry]  # profile path pattern -> how to find out
    optional_fields: frozenset[str]
    money: MoneyKnowledge
    meetings: MeetingCalendar
    follow_up: FollowUp
    later_meeting: LaterMeeting
    permit: HeritagePermit
    quote_age: QuoteAge
    notice: NoticeRule
    proxies: Proxies
    boilers: Boilers
    unconfirmed: Unconfirmed
    written_decision: SourcedText
    blank_votes: SourcedText  # the meeting kit's reminder
    written_proxy: SourcedText
    threshold_unset: SourcedText
    threshold_amount_unknown: SourcedText
    threshold_set_by_plan: SourcedText
    threshold_above: SourcedText
    threshold_not_above: SourcedText
    municipalities: tuple[str, ...]
    version: str
    oldest_peildatum: dt.date

    def with_announced_rule(self, effective: dt.date | None) -> Knowledge:
        """The same knowledge with the announced sustainability rule in force from ``effective``.

        This is the administrator's switch: the rule stays "announced" until an
        enacted text gives a date.
        """
        rules = dict(self.rules)
        rule = rules["announced_sustainability"]
        rules["announced_sustainability"] = replace(
            rule,
            effective_date=effective,
            why=rule.why_in_force if effective and rule.why_in_force else rule.why,
        )
        return replace(self, rules=rules)


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
    return _figures_in_prose(raw, _prose_figures(raw)), digest.hexdigest()[:12]


def _figures_in_prose(node: Any, figures: Mapping[str, str]) -> Any:
    """``node`` with every ``{name}`` of ``figures`` in its texts replaced by the figure, so
    that prose names a threshold the data holds once (``{loan_advice_from}``: the lender's
    dwelling limit, financing.toml ``advice_required_from_dwellings``)."""
    if isinstance(node, str):
        for name, figure in figures.items():
            node = node.replace("{" + name + "}", figure)
        return node
    if isinstance(node, dict):
        return {key: _figures_in_prose(value, figures) for key, value in node.items()}
    if isinstance(node, list):
        return [_figures_in_prose(value, figures) for value in node]
    return node


def _prose_figures(raw: Mapping[str, Any]) -> dict[str, str]:
    """The figures prose may name by placeholder (``_figures_in_prose``)."""
    loan = raw["financing"].get("programmes", {}).get("warmtefonds_loan", {})
    if "advice_required_from_dwellings" not in loan:  # the loader's own error names it
        return {}
    return {"loan_advice_from": str(loan["advice_required_from_dwellings"])}


def load_knowledge_from(data_dir: Path) -> Knowledge:
    """Load and validate a data folder (tests point this at broken copies)."""
    raw, digest = _read(data_dir)
    sources: Mapping[str, Source] = convert(
        Mapping[str, Source], raw["sources"], Where("sources"), ""
    )

    def where(name: str) -> Where:
        return Where(name, "", frozenset(sources))

    voting = build(VotingFile, raw["voting"], where("voting"))
    measures = build(MeasuresFile, raw["measures"], where("measures"))
    routes = build(RoutesFile, raw["routes"], where("routes"))
    stages = build(StagesFile, raw["stages"], where("stages"))
    risks = build(RisksFile, raw["risks"], where("risks"))
    unknowns = build(UnknownsFile, raw["unknowns"], where("unknowns"))
    regions: Mapping[str, Region] = convert(
        Mapping[str, Region], raw["municipalities"], where("municipalities"), ""
    )
    knowledge = Knowledge(
        sources=sources,
        rules=voting.rules,
        models=voting.models,
        second_meeting=voting.second_meeting,
        law_classes=voting.law_classes,
        maintenance_coupling=voting.maintenance_coupling,
        decisions=build(DecisionsFile, raw["decisions"], where("decisions")).decisions,
        measures=measures.measures,
        routes=routes.routes,
        route_reasons=routes.reasons,
        stages=stages.stages,
        stage_meta=stages.meta,
        financing=load_financing(raw["financing"], where("financing")),
        risks=risks.risks,
        risk_thresholds=risks.thresholds,
        unknowns=unknowns.fields,
        optional_fields=frozenset(unknowns.optional.fields),
        money=load_money(raw["costs"], where("costs"), set(measures.measures)),
        meetings=stages.meetings,
        follow_up=stages.follow_up,
        later_meeting=stages.later_meeting,
        permit=stages.permit,
        quote_age=stages.quote_age,
        notice=voting.notice,
        proxies=voting.proxies,
        boilers=measures.boilers,
        unconfirmed=measures.unconfirmed,
        written_decision=voting.written_decision,
        blank_votes=voting.blank_votes,
        written_proxy=voting.written_proxy,
        threshold_unset=voting.threshold_unset,
        threshold_amount_unknown=voting.threshold_amount_unknown,
        threshold_set_by_plan=voting.threshold_set_by_plan,
        threshold_above=voting.threshold_above,
        threshold_not_above=voting.threshold_not_above,
        municipalities=tuple(n for region in regions.values() for n in region.names),
        version=digest,
        oldest_peildatum=min(s.peildatum for s in sources.values()),
    )
    return _checked(knowledge)


def _checked(knowledge: Knowledge) -> Knowledge:
    """The knowledge, once its voting rules and every reference in it hold."""
    _check_voting(knowledge)
    _check_references(knowledge)
    return knowledge


def _check_voting(k: Knowledge) -> None:
    """Every rule a legal class or a model names exists; so does every model named."""
    voting = Where("voting")
    for cls, rid in k.law_classes.items():
        if rid not in k.rules:
            raise voting.child(f"law_classes.{cls}").error(f"unknown rule {rid!r}")
    for mid, model in k.models.items():
        for cls, entry in model.classes.items():
            if entry.rule not in k.rules:
                raise voting.child(f"models.{mid}.classes.{cls}").error(
                    f"unknown rule {entry.rule!r}"
                )
    for mid in k.proxies.board_may_not_hold:
        if mid not in k.models:
            raise voting.child("proxies").error(f"unknown model reglement {mid!r}")


def _check_references(k: Knowledge) -> None:
    """Stages, measures, programmes and components that entries name exist."""
    stage_ids, named = {s.id for s in k.stages}, list[tuple[Where, str, str, Any]]()
    for d in k.decisions.values():
        at = Where("decisions", f"decisions.{d.id}")
        stages = {"stage": d.stage, "stage_route_open": d.stage_route_open}
        named += [(at, key, stage, stage_ids) for key, stage in stages.items() if stage]
        named += [(at, "legal_class", d.legal_class, {*k.law_classes, *MODEL_CLASSES})]
        named += [(at, "subsidy", d.subsidy, k.financing.programmes)] if d.subsidy else []
        named += [(at, "measure", m, k.measures) for m in (*d.draft_names, *d.deed_parts)]
    for m in k.measures.values():
        named += (
            [
                (
                    Where("measures", f"measures.{m.id}"),
                    "component",
                    m.component,
                    k.risk_thresholds.component_labels,
                )
            ]
            if m.component
            else []
        )
    named += [
        (Where("routes", f"routes.{r.id}"), "measure", mid, k.measures)
        for r in k.routes.values()
        for mid in r.measures
    ]
    for r in k.risks.values():
        at = Where("risks", f"risks.{r.id}")
        named += [(at, "stage", r.stage, stage_ids)]
        named += [(at, "subsidy", r.subsidy, k.financing.programmes)] if r.subsidy else []
    named += [
        (Where("unknowns", f"fields.{path}"), "stage", u.stage, stage_ids)
        for path, u in k.unknowns.items()
    ]
    named += [
        (
            Where("stages", f"stages.{s.id}.actions.{a.id}"),
            "subsidy",
            a.subsidy,
            k.financing.programmes,
        )
        for s in k.stages
        for a in s.actions
        if a.subsidy
    ]
    named += [
        (Where("risks", "thresholds"), "source id", sid, k.sources)
        for sid in k.risk_thresholds.asbestos_source
    ]
    named += [
        (Where("measures", f"measures.{m.id}"), "source id", sid, k.sources)
        for m in k.measures.values()
        for sid in m.source_private
    ]
    for at, what, value, known in named:
        if value not in known:
            raise at.error(f"unknown {what} {value!r}")
    _check_application_moments(k)


def _check_application_moments(k: Knowledge) -> None:
    """A subsidy's apply_at names a stage's start or end, or one of its actions."""
    actions = {(s.id, a.id) for s in k.stages for a in s.actions}
    stage_ids = {s.id for s in k.stages}
    for entry in k.financing.programmes.values():
        if not isinstance(entry, Subsidy):
            continue
        stage_id, _, edge = entry.apply_at.partition(".")
        if stage_id not in stage_ids or (
            edge not in ("start", "end") and (stage_id, edge) not in actions
        ):
            raise Where("financing", f"programmes.{entry.id}").error(
                f"key 'apply_at': no stage or action {entry.apply_at!r}"
            )


@cache
def load_knowledge() -> Knowledge:
    """The packaged knowledge, loaded and validated once per process."""
    return load_knowledge_from(DATA_DIR)
