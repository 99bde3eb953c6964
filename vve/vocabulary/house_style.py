"""What happens to an uploaded house style: why one is refused, and what is taken out of one.

The sanitiser (vve.document.template) speaks in these codes; the admin's page shows the
labels, the security log stores the codes with counts, and the command line prints the
Dutch word. Refusal words may hold ``%(limit)s``, filled in by whoever shows them.
"""

from __future__ import annotations

from .base import N_, CodeSet, Term

_BOMB = N_(
    "Dit bestand pakt uit tot iets veel groters dan een huisstijl; het wordt niet geopend. "
    "Sla de huisstijl in Word opnieuw op als .docx, zonder grote afbeeldingen."
)


def _same(code: str, message: str) -> Term:
    return Term(code, message, message)


HOUSE_STYLE_REFUSALS = CodeSet(
    "house_style_refusals",
    _same("not_docx", N_("Dit bestand is geen geldig Word-document (.docx).")),
    _same(
        "not_plain_docx",
        N_(
            "Dit bestand is geen gewoon Word-document; sla de huisstijl in Word op als "
            "'Word-document (*.docx)'."
        ),
    ),
    _same(
        "encrypted",
        N_(
            "Dit bestand is met een wachtwoord beveiligd of is een oud .doc-bestand; sla de "
            "huisstijl in Word op als gewoon Word-document (.docx) zonder wachtwoord."
        ),
    ),
    _same(
        "macros",
        N_(
            "Dit document bevat macro's; sla de huisstijl op als gewoon Word-document (.docx) "
            "zonder macro's."
        ),
    ),
    _same(
        "too_large",
        N_(
            "De huisstijl is groter dan %(limit)s; verwijder grote afbeeldingen en probeer "
            "het opnieuw."
        ),
    ),
    _same("zip_too_many_parts", _BOMB),
    _same("zip_part_too_large", _BOMB),
    _same("zip_unpacked_too_large", _BOMB),
    _same("zip_ratio", _BOMB),
    _same(
        "too_complex",
        N_(
            "Dit document heeft veel te veel inhoud voor een huisstijl (meer dan %(limit)s "
            "XML-elementen). Begin met een leeg document met alleen de stijlen, de "
            "kop- en voettekst en het logo."
        ),
    ),
    _same(
        "xml_invalid",
        N_(
            "Een deel van dit Word-document is beschadigd of niet toegestaan (bijvoorbeeld een "
            "DOCTYPE); open het in Word en sla het opnieuw op als .docx."
        ),
    ),
)

HOUSE_STYLE_REMOVALS = CodeSet(
    "house_style_removals",
    _same(
        "body",
        N_(
            "Inhoud van het document zelf (tekst, tabellen, afbeeldingen): een plan neemt "
            "alleen de opmaak over"
        ),
    ),
    _same(
        "field_include",
        N_("Velden die een bestand of afbeelding ophalen (INCLUDEPICTURE, INCLUDETEXT)"),
    ),
    _same("field_dde", N_("Velden die een ander programma aanspreken (DDE, DDEAUTO)")),
    _same("field_link", N_("Velden met een koppeling (HYPERLINK, LINK)")),
    _same(
        "field_other",
        N_("Andere velden (alleen paginanummer, aantal pagina's en datum blijven staan)"),
    ),
    _same("external_link", N_("Links naar internet of naar andere bestanden")),
    _same("external_image", N_("Afbeeldingen die van internet of uit een ander bestand komen")),
    _same("external_other", N_("Andere verwijzingen naar internet of naar andere bestanden")),
    _same("attached_template", N_("Een gekoppeld sjabloon op een andere plek")),
    _same("mail_merge", N_("Een gekoppelde adreslijst (afdruk samenvoegen)")),
    _same("alt_chunk", N_("Ingevoegde andere documenten (altChunk)")),
    _same("sub_document", N_("Subdocumenten")),
    _same("ole_object", N_("Ingesloten objecten (OLE, zoals Excel- of Visio-objecten)")),
    _same("activex", N_("ActiveX-besturingselementen")),
    _same("custom_xml", N_("Aangepaste XML-gegevens en -eigenschappen")),
    _same("data_binding", N_("Inhoudsbesturingselementen die aan gegevens gekoppeld zijn")),
    _same(
        "embedded_font",
        N_(
            "Ingesloten lettertypen (installeer het lettertype op de computers die de plannen "
            "openen)"
        ),
    ),
    _same("comments", N_("Opmerkingen")),
    _same("glossary", N_("Bouwstenen en AutoTekst")),
    _same("notes", N_("Voetnoten en eindnoten")),
    _same(
        "image_refused",
        N_("Afbeeldingen die geen PNG of JPEG zijn, beschadigd zijn of te groot zijn"),
    ),
    _same("doc_vars", N_("Documentvariabelen")),
    _same("update_fields", N_("De instelling 'velden bijwerken bij openen'")),
    _same("protection", N_("Beveiliging tegen bewerken")),
    _same("settings_other", N_("Andere documentinstellingen die een plan niet gebruikt")),
    _same(
        "other_part",
        N_(
            "Andere onderdelen die een huisstijl niet nodig heeft (bijvoorbeeld "
            "printerinstellingen, grafieken of diagrammen)"
        ),
    ),
    _same("broken_reference", N_("Verwijzingen naar onderdelen die ontbreken")),
)
