"""The codes of the security-event log (vve.services.audit.security_event), defined once.

Every code here is written by exactly one use case; the admins' security-log page shows
the label. Grouped by area so that each area's events stay together."""

from __future__ import annotations

from .base import N_, CodeSet, Term

SECURITY_EVENTS = CodeSet(
    "security_events",
    # dossiers
    Term("dossier_created", "dossier gestart", N_("Dossier gestart")),
    Term("dossier_imported", "dossier geïmporteerd", N_("Dossier geïmporteerd")),
    Term("dossier_deleted", "dossier verwijderd", N_("Dossier verwijderd")),
    Term(
        "security_log_pruned",
        "beveiligingslog ingekort tot de bewaartermijn",
        N_("Beveiligingslog ingekort tot de bewaartermijn"),
    ),
    Term(
        "dossier_read",
        "dossier ingezien door een adviseur",
        N_("Dossier ingezien door een adviseur"),
    ),
    Term(
        "request_refused",
        "verzoek geweigerd (te groot of te veel velden)",
        N_("Verzoek geweigerd (te groot of te veel velden)"),
    ),
    Term(
        "access_refused",
        "toegang geweigerd (pagina niet voor deze gebruiker)",
        N_("Toegang geweigerd (pagina niet voor deze gebruiker)"),
    ),
    Term(
        "link_guess_throttled", "te veel foute links of codes", N_("Te veel foute links of codes")
    ),
    # accounts and sessions
    Term("login", "ingelogd", N_("Ingelogd")),
    Term("login_failed", "inloggen mislukt", N_("Inloggen mislukt")),
    Term("login_locked", "account tijdelijk geblokkeerd", N_("Account tijdelijk geblokkeerd")),
    Term(
        "login_throttled",
        "te veel inlogpogingen vanaf één adres",
        N_("Te veel inlogpogingen vanaf één adres"),
    ),
    Term("logout", "uitgelogd", N_("Uitgelogd")),
    Term(
        "input_kept",
        "invoer bewaard na het einde van een sessie",
        N_("Invoer bewaard na het einde van een sessie"),
    ),
    Term(
        "input_restored",
        "bewaarde invoer teruggezet na inloggen",
        N_("Bewaarde invoer teruggezet na inloggen"),
    ),
    Term("user_created", "gebruiker aangemaakt", N_("Gebruiker aangemaakt")),
    Term("user_blocked", "gebruiker geblokkeerd", N_("Gebruiker geblokkeerd")),
    Term("user_unblocked", "gebruiker gedeblokkeerd", N_("Gebruiker gedeblokkeerd")),
    Term("password_changed", "wachtwoord gewijzigd", N_("Wachtwoord gewijzigd")),
    Term(
        "password_reset",
        "wachtwoord opnieuw ingesteld door een beheerder",
        N_("Wachtwoord opnieuw ingesteld door een beheerder"),
    ),
    Term("totp_enabled", "tweede factor aangezet", N_("Tweede factor aangezet")),
    Term("totp_disabled", "tweede factor uitgezet", N_("Tweede factor uitgezet")),
    Term("totp_failed", "tweede factor onjuist", N_("Tweede factor onjuist")),
    # house style
    Term("house_style_uploaded", "huisstijl geüpload", N_("Huisstijl geüpload")),
    Term("house_style_refused", "huisstijl geweigerd", N_("Huisstijl geweigerd")),
    # municipal heat plans
    Term(
        "municipality_claimed",
        "gemeente toegevoegd aan de organisatie",
        N_("Gemeente toegevoegd aan de organisatie"),
    ),
    Term(
        "municipality_released",
        "gemeente verwijderd uit de organisatie",
        N_("Gemeente verwijderd uit de organisatie"),
    ),
    Term(
        "municipal_plan_changed",
        "warmteplan van een gemeente gewijzigd",
        N_("Warmteplan van een gemeente gewijzigd"),
    ),
    Term(
        "municipal_plans_imported", "warmteplannen geïmporteerd", N_("Warmteplannen geïmporteerd")
    ),
    Term("postcodes_imported", "postcodetabel geïmporteerd", N_("Postcodetabel geïmporteerd")),
    Term(
        "municipal_editor_granted",
        "adviseur mag warmteplannen van gemeenten wijzigen",
        N_("Adviseur mag warmteplannen van gemeenten wijzigen"),
    ),
    Term(
        "municipal_editor_revoked",
        "adviseur mag geen warmteplannen van gemeenten meer wijzigen",
        N_("Adviseur mag geen warmteplannen van gemeenten meer wijzigen"),
    ),
    # exports
    Term("csv_exported", "dashboard als CSV geëxporteerd", N_("Dashboard als CSV geëxporteerd")),
)
