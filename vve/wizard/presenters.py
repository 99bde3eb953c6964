"""Words for templates: answers, error lists, rule and outcome sentences (translatable)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from flask import Flask, g
from flask_babel import format_date, format_decimal

from vve import labels, vocabulary
from vve.rules.calculator import threshold_below  # the engine's own, for the templates
from vve.terms import label
from vve.translate import gettext as _
from vve.translate import lazy_gettext as _l

from . import meeting_words, money_words
from .steps import STEPS, Column, Question, Table
from .tables import row_title

TABLES_BY_NAME = {table.name: table for step in STEPS for table in step.tables}
# The wizard's own words for a profile path, where the shared label table has none yet.
WEB_LABELS = {
    item.path: item.label
    for step in STEPS
    for item in step.items
    if isinstance(item, (Question, Table))
}
# The voting step's lists, saved as one answer each (forms.VOTES_PATHS)
WEB_LABELS |= {
    "owners.groups": _l("Eigenaarsgroepen"),
    "voting.weights": _l("Stemmentabel"),
    "voting.overrides": _l("Eigen stemregels"),
}
EXTRA_LABELS = {"quantity": _l("Hoeveelheid")}  # stored row values without an input


def form_errors(form) -> list[tuple[str, str, str]]:
    """(target id, label, message) for the error summary, nested rows included."""
    found: list[tuple[str, str, str]] = []
    for text in getattr(form, "form_errors", []):
        found.append(("inhoud", _("Formulier"), str(text)))
    for field in form:
        if field.type in ("CSRFTokenField", "HiddenField"):
            # a form restored after a login (vve.session_end) has no token by design
            if field.type == "CSRFTokenField" and field.errors and not g.get("restored_input"):
                found.append(
                    ("inhoud", _("Formulier"), _("Uw sessie was verlopen; sla opnieuw op."))
                )
            continue
        if field.type in ("FieldList", "FormField"):
            target = getattr(field, "summary_target", None) or field.id
            own = (
                [e for e in field.errors if not isinstance(e, (dict, list))]
                if isinstance(field.errors, list)
                else []
            )
            found += [(target, str(field.label.text or ""), str(e)) for e in own]
            subfields = (
                [(str(sub.label.text), sub) for sub in field]
                if field.type == "FormField"
                else [
                    (_row_label(field, entry, number, sub), sub)
                    for number, entry in enumerate(field, start=1)
                    for sub in entry
                ]
            )
            for name, sub in subfields:
                for text in sub.errors if isinstance(sub.errors, list) else []:
                    if not isinstance(text, (dict, list)):  # lazy strings are not str
                        target = f"{sub.id}-0" if sub.type == "RadioField" else sub.id
                        found.append((target, name, str(text)))
            continue
        name = getattr(field, "summary_label", None) or field.label.text
        for text in field.errors:
            target = f"{field.id}-0" if field.type == "RadioField" else field.id
            found.append((target, str(name), str(text)))
    return found


def _row_label(field, entry, number: int, sub) -> str:
    """ "Breukdelen, regel 2: Breukdeel", so the summary says which row; a grid's own
    messages say their row ("Rij 12: …"), so there "Appartementsrechten, Stemmen"."""
    if field.name in ("owners", "weights"):  # the voting step's errors say row and field
        return ""
    table = TABLES_BY_NAME.get(field.name)
    if table is not None and table.grid:
        return _("%(table)s, %(field)s", table=field.label.text, field=sub.label.text)
    if table is not None and table.keys:
        return _(
            "%(table)s, %(row)s: %(field)s",
            table=field.label.text,
            row=row_title(table, entry, number),
            field=sub.label.text,
        )
    return _(
        "%(table)s, regel %(n)s: %(field)s", table=field.label.text, n=number, field=sub.label.text
    )


def first_input_id(q: Question) -> str:
    return f"{q.name}-0" if q.kind in ("choice", "bool") else q.name


def answer_text(q: Question | Column, value) -> str:
    if value is None:
        return _("Weet ik niet / niet ingevuld")
    if q.kind == "bool":
        return _("Ja") if value else _("Nee")
    if q.kind == "choice":
        return str(dict(q.choices).get(value, value))
    if q.kind == "euro":
        return money_words.whole_euros(value)
    if q.kind == "percent":
        return f"{value}%"
    if q.kind == "rate":
        return format_decimal(Decimal(value), format="#,##0.###") + "%"
    if q.kind == "date":
        return format_date(dt.date.fromisoformat(value), "long")
    if q.kind in ("int",):
        return format_decimal(value) + (f" {q.unit}" if q.unit else "")
    return str(value)


def table_lines(table: Table, value, private: bool = False) -> list[str]:
    """One line per stored row for the check page: "Omschrijving: woning A, Soort: …".
    Private columns (owner names) only with ``private`` (for the board's own pages)."""

    def row_text(row: dict) -> str:
        parts = [
            f"{col.label}: {answer_text(col, row.get(col.key))}"
            for col in table.columns
            if row.get(col.key) is not None and (private or not col.private)
        ]
        parts += [
            f"{label}: {format_decimal(row[key])}"
            for key, label in EXTRA_LABELS.items()
            if row.get(key) is not None
        ]
        return ", ".join(parts)

    if table.keys:
        from .tables import KEY_TITLES

        return [
            f"{KEY_TITLES[table.keys](key)}: {row_text(row or {})}"
            for key, row in (value or {}).items()
        ]
    return [row_text(row) for row in value or []]


def table_text(table: Table, value) -> str:
    return "; ".join(table_lines(table, value)) or _("Niet ingevuld")


def field_words(path: str) -> str:
    """The wizard's label for a profile path, in the reader's language; a path inside a
    list or table ("owners.groups.0.rights") takes the words of the nearest labelled one."""
    parts = path.split(".")
    for end in range(len(parts), 0, -1):
        prefix = ".".join(parts[:end])
        found = WEB_LABELS.get(prefix)
        if found is not None:
            return str(found)
        if prefix in labels.FIELDS:
            return labels.FIELDS[prefix]
    return path


def owner_text(group: dict) -> str:
    kind = label(vocabulary.OWNER_KINDS, group.get("kind"))
    name = f"{group['name']} ({kind})" if group.get("name") else kind
    parts = []
    if group.get("rights") is not None:
        parts.append(_("%(n)s rechten", n=group["rights"]))
    if group.get("votes") is not None:
        parts.append(_("%(n)s stemmen", n=group["votes"]))
    return name + (": " + ", ".join(parts) if parts else "")


def kind_text(kind: str) -> str:
    return label(vocabulary.DECISION_CLASSES, kind)


def share_text(share: str | None) -> str:
    return label(vocabulary.FRACTIONS, share)


def rule_words(rule: dict) -> str:
    """ "meer dan de helft van de uitgebrachte stemmen": a rule's majority in words."""
    return " ".join(
        (
            label(vocabulary.COMPARISONS, rule.get("comparison") or "more_than"),
            share_text(rule.get("majority")),
            label(vocabulary.RULE_BASES, rule.get("base") or "cast"),
        )
    )


def _full(rule: dict | None) -> int | None:
    votes = rule.get("votes") if rule else None
    return votes.get("min_yes_full_attendance") if votes else None


def needed_text(decision: dict) -> str:
    """The votes for needed at full attendance: "32 van 48"; both threshold cases ("25 of 32
    van 48 (hangt af van het drempelbedrag)"), also naming the reserve fund where paying from
    it needs two thirds whatever the amount; or the safe route and the reserve fund where
    they ask more ("25 van 48; 32 bij twijfel of uit het reservefonds")."""
    rule = decision["rule"]
    own = _full(rule)
    if own is None:
        return str(rule.get("majority") or "")
    total = rule["votes"]["total"]
    routes = {a["applies"]: _full(a) for a in decision.get("alternatives", ())}
    below = _full(threshold_below(decision))
    if below is not None and below != own:
        if "reserve_fund" in routes:
            return _(
                "%(low)s of %(high)s van %(t)s (hangt af van het drempelbedrag en of het "
                "reservefonds betaalt)",
                low=below,
                high=own,
                t=total,
            )
        return _(
            "%(low)s of %(high)s van %(t)s (hangt af van het drempelbedrag)",
            low=below,
            high=own,
            t=total,
        )
    text = _("%(n)s van %(t)s", n=own, t=total)
    safe, reserve = routes.get("safe_route"), routes.get("reserve_fund")
    higher = [n for n in (safe, reserve) if n is not None and n > own]
    if safe in higher and reserve in higher and safe == reserve:
        return text + "; " + _("%(n)s bij twijfel of uit het reservefonds", n=safe)
    if safe in higher:
        text += "; " + _("%(n)s bij twijfel", n=safe)
    if reserve in higher:
        text += "; " + _("%(n)s uit het reservefonds", n=reserve)
    return text


def rule_text(rule: dict) -> str:
    """A stored rule (the wizard's rule rows): its majority and its quorum."""
    quorum = (
        _("quorum %(q)s van alle stemmen", q=share_text(rule.get("quorum")))
        if rule.get("quorum")
        else _("geen quorum")
    )
    return f"{rule_words(rule)}, {quorum}"


def _counted_over(base: str, votes: int) -> str:
    """Over which votes the majority counts (the page says once that blank votes and
    abstentions are not cast), so a treasurer sees why 11 of 21 present may be enough."""
    if base == "present":
        return _(
            "Gerekend over de %(b)s aanwezige en vertegenwoordigde stemmen, blanco meegeteld.",
            b=votes,
        )
    if base == "all":
        return _("Gerekend over alle %(b)s stemmen van de VvE.", b=votes)
    return _("Gerekend over de %(b)s uitgebrachte stemmen (voor en tegen).", b=votes)


def outcome_text(result, base: str | None = None) -> str:
    """A calculator outcome in words; with the rule's ``base``, also over which votes."""
    if result.reason == "no_quorum":
        return _(
            "Geen geldig besluit: er zijn ten minste %(q)s stemmen aanwezig nodig.",
            q=result.quorum_needed,
        )
    if result.reason == "no_votes_cast":
        return _("Geen besluit: er zijn geen voor- of tegenstemmen uitgebracht.")
    if result.reason == "passed":
        text = _("Aangenomen (%(n)s stemmen voor nodig).", n=result.yes_needed)
    else:
        text = _("Verworpen: %(n)s stemmen voor nodig.", n=result.yes_needed)
    return f"{text} {_counted_over(base, result.base_votes)}" if base else text


def second_meeting_text(item) -> str:
    """The second meeting's column: only where the first could not decide for lack of
    quorum; elsewhere why there is none."""
    if item.first.reason != "no_quorum":
        return _("niet nodig: de eerste vergadering beslist")
    if item.second is None:
        return _("geen: deze regel kent geen tweede vergadering")
    return outcome_text(item.second, item.base)


def announced_rules(plan: dict) -> list[dict]:
    """The announced rules beside the current ones, each said once with the decisions
    it would change (as the Word plan does): label, votes (full attendance), titles."""
    found: dict[str, dict] = {}
    for decision in plan["decisions"]:
        for alt in decision.get("alternatives") or ():
            if alt.get("applies") != "announced":
                continue
            entry = found.setdefault(
                alt["label"], {"label": alt["label"], "votes": alt.get("votes"), "titles": []}
            )
            entry["titles"].append(decision["title"])
    return list(found.values())


SEVERITY_ORDER = {code: rank for rank, code in enumerate(("high", "medium", "low"))}


def by_severity(risks: list[dict]) -> list[dict]:
    """Risks from high to low, in the plan's order within a severity."""
    return sorted(risks, key=lambda r: SEVERITY_ORDER.get(r["severity"], len(SEVERITY_ORDER)))


def stage_label(stage: str) -> str:
    return label(vocabulary.STAGES, stage) if stage else _(vocabulary.NO_STAGE.label)


def waits_text(decision: dict) -> str:
    """ "op zijn vroegst; zodra de warmteroute bekend is; uiterlijk in 2030" for a decision
    whose date waits for something still unknown, or "" when its date is as planned."""
    waits = [label(vocabulary.DECISION_WAITS, code) for code in decision.get("waits_for", ())]
    if not waits:
        return ""
    text = _("op zijn vroegst; %(w)s", w="; ".join(waits))
    if decision.get("waits_until"):  # a plan written before the field existed has none
        text += _("; uiterlijk in %(year)s", year=decision["waits_until"])
    return text


def actor_text(actor: str) -> str:
    """ "Bestuur", or "Adviseur (naam@adviesteam.nl)", in the reader's language."""
    kind, _sep, who = actor.partition(":")
    text = label(vocabulary.AUDIT_ACTORS, kind)
    return f"{text} ({who})" if who else text


def audit_text(event) -> str:
    text = label(vocabulary.AUDIT_EVENTS, event.action)
    detail = event.detail or {}
    if detail.get("fields"):
        text += ": " + ", ".join(field_words(path) for path in detail["fields"])
    if event.action == "municipal_plan_applied":
        text += _municipal_change(detail)
    if event.action in ("decision_recorded", "decision_corrected"):
        text += meeting_words.event_suffix(detail)
    if detail.get("organisation"):
        text += f" ({detail['organisation']})"
    return text


def _municipal_change(detail: dict) -> str:
    """ " (Assen): route Warmtenet → Hybride", or the route kept when only the year or
    the source changed."""
    where = f" ({detail['municipality']})" if detail.get("municipality") else ""
    before, after = (label(vocabulary.HEAT_ROUTES, detail.get(k)) for k in ("from", "to"))
    if before == after:
        return where + ": " + _("route %(r)s", r=after)
    return where + ": " + _("route %(a)s → %(b)s", a=before, b=after)


def init_app(app: Flask) -> None:
    for helper in (
        form_errors,
        first_input_id,
        answer_text,
        owner_text,
        kind_text,
        rule_text,
        rule_words,
        threshold_below,
        needed_text,
        outcome_text,
        second_meeting_text,
        by_severity,
        announced_rules,
        stage_label,
        waits_text,
        actor_text,
        audit_text,
        table_lines,
        field_words,
        row_title,
    ):
        app.jinja_env.globals[helper.__name__] = helper
    money_words.init_app(app)
    meeting_words.init_app(app)
