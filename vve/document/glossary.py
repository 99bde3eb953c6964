"""Begrippenlijst for the document's appendix: plain Dutch for an owner at the ALV. The
appendix lists only the terms the plan uses. A meaning that names a threshold takes it
from the knowledge (``glossary_for``), never inline."""

import re
from functools import cache

from vve.knowledge import Knowledge, load_knowledge

from .text import folds_to_ascii

GLOSSARY = (
    (
        "Aansluitbijdrage",
        "Het bedrag dat het warmtebedrijf vraagt om het gebouw of de woningen op het warmtenet aan te sluiten.",
    ),
    (
        "Aardgasvrij-klaar",
        "Een gebouw dat zo is geïsoleerd en ingericht dat het later zonder grote ingrepen van het aardgas af kan, ook al gebruikt het nu nog gas.",
    ),
    (
        "ACM",
        "Autoriteit Consument & Markt: de toezichthouder die onder meer de maximumtarieven voor warmte uit een warmtenet vaststelt.",
    ),
    (
        "Afleverset",
        "Een kastje per appartement dat de warmte van een collectieve installatie of een warmtenet overdraagt aan de eigen radiatoren en het warme water.",
    ),
    (
        "Akkoordverklaring",
        "Een schriftelijke verklaring waarmee een lid instemt; bij een VvE-lening onder {loan_advice_from} woningen vraagt de geldgever die van ieder lid.",
    ),
    (
        "ALV",
        "Algemene ledenvergadering, ook vergadering van eigenaars: de vergadering waarin alle eigenaars samen besluiten.",
    ),
    (
        "Annuïteit",
        "Een lening met elke maand hetzelfde bedrag voor rente en aflossing samen, tot de lening aan het eind van de looptijd is afbetaald.",
    ),
    (
        "Appartementsrecht",
        "Het eigendom van één deel van het gebouw (woning, winkel, garage) met een aandeel in het geheel.",
    ),
    (
        "Asbestinventarisatie",
        "Onderzoek door een gecertificeerd bedrijf naar asbest in de delen waar gewerkt gaat worden, vóór er gesloopt of geboord wordt.",
    ),
    (
        "BAG-viewer",
        "De openbare kaart van het Kadaster met de Basisregistratie Adressen en Gebouwen: bouwjaar en gebruiksoppervlakte per adres.",
    ),
    (
        "Bouwdepot",
        "Een rekening waarop het geleende geld staat; de VvE betaalt er de rekeningen van het werk uit.",
    ),
    (
        "Bouwteam",
        "Een samenwerking waarin de VvE, de adviseur en de aannemer het werk samen voorbereiden, in plaats van een kant-en-klaar bestek aan te besteden.",
    ),
    (
        "Breukdeel",
        "Het aandeel van een appartementsrecht in de kosten; staat los van het aantal stemmen.",
    ),
    (
        "BRL 9500",
        "De beoordelingsrichtlijn voor energieadviseurs; de SVVE vraagt een energieadvies door een adviseur met dit certificaat, de VvE-lening alleen bij {loan_advice_from} of meer woningen.",
    ),
    (
        "Buitenunit",
        "Het deel van een lucht-waterwarmtepomp dat buiten staat (op het dak, een balkon of aan de gevel) en warmte uit de buitenlucht haalt.",
    ),
    (
        "DMJOP",
        "Duurzaam meerjarenonderhoudsplan: een MJOP waarin energiemaatregelen aan het geplande onderhoud zijn gekoppeld.",
    ),
    (
        "Drempelbedrag",
        "Het bedrag dat de vergadering vaststelt; daarboven vraagt een besluit een gekwalificeerde meerderheid (welke besluiten, zegt het reglement: uitgaven buiten het onderhoud of financiële verplichtingen).",
    ),
    (
        "Energiebespaarlening",
        "De VvE Energiebespaarlening van het Nationaal Warmtefonds: een lening aan de VvE voor verduurzaming, met een vaste rente over de looptijd.",
    ),
    (
        "EP-online",
        "De openbare databank van RVO met de geregistreerde energielabels van woningen (ep-online.nl).",
    ),
    (
        "Exploitatiebegroting",
        "De jaarlijkse begroting van de VvE voor de lopende kosten, los van het reservefonds.",
    ),
    (
        "Gekwalificeerde meerderheid",
        "Een zwaardere meerderheid dan de helft, in de modelreglementen ten minste twee derde van de uitgebrachte stemmen.",
    ),
    (
        "Herbouwwaarde",
        "Wat het kost om het gebouw opnieuw te bouwen; staat in de opstalverzekering.",
    ),
    (
        "HR++-glas",
        "Dubbel glas met een coating en een gasvulling, dat veel beter isoleert dan gewoon dubbel glas.",
    ),
    (
        "Indicatief",
        "Een schatting met kengetallen uit openbare bronnen, als bandbreedte; de offerte of het energieadvies geeft het echte bedrag.",
    ),
    (
        "ISDE",
        "Investeringssubsidie duurzame energie en energiebesparing: subsidie voor een eigenaar-bewoner, voor maatregelen aan de eigen woning; niet voor maatregelen van de VvE.",
    ),
    (
        "Kamerstuk",
        "Een officieel stuk van de Tweede Kamer, zoals een wetsvoorstel of een brief van de minister, met een vast nummer.",
    ),
    (
        "MJOP",
        "Meerjarenonderhoudsplan: welk onderhoud wanneer nodig is en wat het kost, voor ten minste tien jaar.",
    ),
    (
        "Modelreglement",
        "Het voorbeeldreglement van de notarissen (1973 tot 2017) dat de splitsingsakte volgt; het bepaalt quorum en meerderheden.",
    ),
    (
        "MR",
        "Afkorting van modelreglement, met het jaar erbij: MR 1992 is het modelreglement van 1992.",
    ),
    (
        "No-regret",
        "Een maatregel die onder elke warmteroute goed is, zodat de VvE er nooit spijt van krijgt, zoals isoleren en waterzijdig inregelen.",
    ),
    (
        "Omgevingsvergunning",
        "Toestemming van de gemeente voor bouwwerk, bijvoorbeeld voor isolatie aan de buitenkant of zonnepanelen bij een monument of in een beschermd stadsgezicht.",
    ),
    (
        "PBL",
        "Planbureau voor de Leefomgeving: het onderzoeksinstituut van het Rijk dat onder meer de kosten van energiemaatregelen doorrekent.",
    ),
    (
        "Peildatum",
        "De datum waarvoor een bedrag of regel geldt, of waarop het is gecontroleerd; bedragen veranderen daarna.",
    ),
    (
        "Perilex",
        "Een stekker en aansluiting voor een elektrisch kookfornuis (twee fasen), vaak nodig voor inductiekoken.",
    ),
    (
        "Principebesluit",
        "Een besluit over de richting, zonder de uitgaven al goed te keuren; het besluit over het geld volgt met de offertes.",
    ),
    (
        "Procesbegeleiding",
        "Hulp van een adviseur bij het proces in de VvE: eigenaars informeren, draagvlak opbouwen en besluiten voorbereiden.",
    ),
    (
        "Quorum",
        "Het aantal stemmen dat aanwezig of vertegenwoordigd moet zijn om te mogen besluiten.",
    ),
    (
        "Rc-waarde",
        "Hoe goed een dak, gevel of vloer isoleert: hoe hoger, hoe minder warmte verloren gaat.",
    ),
    (
        "Rd-waarde",
        "Hoe goed een isolatiemateriaal zelf isoleert (de Rc-waarde geldt voor de hele constructie): hoe hoger, hoe beter.",
    ),
    (
        "Referentiewoning",
        "Een voorbeeldwoning van RVO met de gemiddelde oppervlakken van een woningtype; zolang de oppervlakken van het eigen gebouw onbekend zijn, rekent het plan daarmee.",
    ),
    (
        "Reservefonds",
        "Het spaargeld van de VvE voor toekomstig onderhoud; de wet schrijft een minimum voor.",
    ),
    (
        "RVO",
        "Rijksdienst voor Ondernemend Nederland: de uitvoerder van onder meer de SVVE en de ISDE.",
    ),
    (
        "Soortenmanagementplan",
        "Een plan van de gemeente dat voor een hele wijk regelt hoe beschermde dieren (vleermuizen, huismussen, gierzwaluwen) bij isolatiewerk worden ontzien; dekt het het gebouw, dan is geen eigen onderzoek van een jaar nodig.",
    ),
    (
        "Splitsingsakte",
        "De notariële akte die het gebouw in appartementsrechten verdeelt, met het reglement.",
    ),
    (
        "SVVE",
        "Subsidieregeling verduurzaming voor verenigingen van eigenaars: subsidie van de overheid (RVO) voor het advies en voor maatregelen van de VvE.",
    ),
    (
        "Transitievisie Warmte",
        "Het plan van de gemeente op hoofdlijnen: welke wijk wanneer van het aardgas af gaat en met welke warmteroute. Het warmteprogramma werkt dat verder uit.",
    ),
    (
        "Trias energetica",
        "De volgorde van verduurzamen: eerst de warmtevraag beperken (isoleren, ventileren), dan duurzame warmte, dan de rest zo zuinig mogelijk opwekken.",
    ),
    (
        "Tweede vergadering",
        "Een nieuwe vergadering, 2 tot 6 weken na een vergadering zonder quorum, die zonder quorum mag besluiten, met dezelfde meerderheid en alleen over de voorstellen waarvoor het quorum ontbrak; de oproep meldt dat het een tweede vergadering is.",
    ),
    ("U-waarde", "Hoeveel warmte glas of een kozijn doorlaat: hoe lager, hoe beter het isoleert."),
    (
        "Uitgebrachte stemmen",
        "Voor- en tegenstemmen samen; blanco stemmen en onthoudingen tellen niet mee.",
    ),
    (
        "Ventilatiewarmtepomp",
        "Een kleine warmtepomp die warmte haalt uit de lucht die de mechanische ventilatie afzuigt; hij heeft geen buitenunit nodig.",
    ),
    (
        "Vervangende machtiging",
        "Een machtiging van de kantonrechter die in de plaats komt van een besluit dat de vergadering weigert te nemen (art. 5:121 BW).",
    ),
    ("Volmacht", "Schriftelijke toestemming aan een ander om namens een eigenaar te stemmen."),
    (
        "Warmteprogramma",
        "Het uitvoeringsprogramma van de gemeente dat de Transitievisie Warmte opvolgt: per wijk de route en het tempo.",
    ),
    (
        "Warmteroute",
        "De manier waarop het gebouw straks zonder aardgas verwarmd wordt: warmtenet, all-electric, hybride of groen gas.",
    ),
    (
        "Waterzijdig inregelen",
        "De cv-installatie zo afstellen dat elke radiator precies genoeg warm water krijgt; goedkoop en nodig om later met een lagere temperatuur te verwarmen.",
    ),
    (
        "Wattpiek (Wp)",
        "Het vermogen van zonnepanelen bij volle zon; de prijs van zonnepanelen wordt per Wp opgegeven.",
    ),
    (
        "Wijkuitvoeringsplan",
        "Het plan van de gemeente voor hoe en wanneer een wijk van het aardgas gaat.",
    ),
)


# How a term also appears in a plan (matched with its capitals): "Rc 6", "U 1,4", "HR++".
def glossary_for(knowledge: Knowledge) -> tuple[tuple[str, str], ...]:
    """GLOSSARY with the knowledge's figures in its meanings."""
    figures = {
        "loan_advice_from": knowledge.financing.warmtefonds_loan.advice_required_from_dwellings
    }
    return tuple((term, meaning.format(**figures)) for term, meaning in GLOSSARY)


@cache
def glossary() -> tuple[tuple[str, str], ...]:
    """The glossary as the plan shows it (the shipped knowledge, formatted once)."""
    return glossary_for(load_knowledge())


ALIASES = {
    "Rc-waarde": ("Rc",),
    "Rd-waarde": ("Rd",),
    "U-waarde": ("U 1", "U-waarde"),
    "HR++-glas": ("HR++",),
    "Wattpiek (Wp)": ("Wp",),
}


@cache
def _patterns(
    term: str,
) -> tuple[str | None, re.Pattern[str], tuple[tuple[str, re.Pattern[str]], ...]]:
    """The term's lower case for the quick check (None when it has letters beyond Latin-1,
    whose case rules we do not rely on), its search, and its aliases' searches."""
    name = re.sub(r"\s*\([^)]*\)", "", term)
    end = r"(?![\w])" if len(name) <= 3 else ""
    return (
        name.lower() if all(ord(c) < 256 for c in name) else None,
        re.compile(rf"(?<![\w-]){re.escape(name)}{end}", re.IGNORECASE),
        tuple(
            (alias, re.compile(rf"(?<![\w-]){re.escape(alias)}(?![\w])"))
            for alias in ALIASES.get(term, ())
        ),
    )


def _found_at_a_candidate(
    text: str, lowered: str, lower_name: str, pattern: re.Pattern[str]
) -> bool:
    """The search tried only where the lower-cased term occurs (the same offsets in
    ``text``: lower() keeps the length of every letter but U+0130)."""
    at = lowered.find(lower_name)
    while at >= 0:
        if pattern.match(text, at):  # the look-behind still sees the text before ``at``
            return True
        at = lowered.find(lower_name, at + 1)
    return False


def used_terms(text: str) -> list[tuple[str, str]]:
    """The glossary entries a plan uses: the term at the start of a word anywhere in
    ``text`` (the plan before its appendices; "annuïteit" in "annuïteitenlening"), a term
    of three letters or less as a whole word, or one of its ALIASES with its capitals.

    The search runs only where the lower-cased term occurs in the lower-cased text (a
    search over the whole plan per term was a fifth of a plan's time), unless the text
    holds one of the letters that make that check unsafe."""
    lowered = None if folds_to_ascii(text) else text.lower()
    out = []
    for term, meaning in glossary():
        lower_name, pattern, aliases = _patterns(term)
        if lowered is None or lower_name is None:
            found = pattern.search(text) is not None
        else:
            found = _found_at_a_candidate(text, lowered, lower_name, pattern)
        found = found or any(  # an alias keeps its capitals: its candidates are exact
            _found_at_a_candidate(text, text, alias, exact) for alias, exact in aliases
        )
        if found:
            out.append((term, meaning))
    return out
