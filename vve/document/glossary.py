"""Begrippenlijst for the document's appendix: plain Dutch for an owner at the ALV."""

GLOSSARY = (
    ("ALV", "Algemene ledenvergadering, ook vergadering van eigenaars: de vergadering waarin alle eigenaars samen besluiten."),
    ("Appartementsrecht", "Het eigendom van één deel van het gebouw (woning, winkel, garage) met een aandeel in het geheel."),
    ("Breukdeel", "Het aandeel van een appartementsrecht in de kosten; staat los van het aantal stemmen."),
    ("DMJOP", "Duurzaam meerjarenonderhoudsplan: een MJOP waarin energiemaatregelen aan het geplande onderhoud zijn gekoppeld."),
    ("Drempelbedrag", "Het bedrag dat de vergadering vaststelt; uitgaven daarboven vragen een gekwalificeerde meerderheid."),
    ("Gekwalificeerde meerderheid", "Een zwaardere meerderheid dan de helft, in de modelreglementen ten minste twee derde van de uitgebrachte stemmen."),
    ("Herbouwwaarde", "Wat het kost om het gebouw opnieuw te bouwen; staat in de opstalverzekering."),
    ("MJOP", "Meerjarenonderhoudsplan: welk onderhoud wanneer nodig is en wat het kost, voor ten minste tien jaar."),
    ("Modelreglement", "Het voorbeeldreglement van de notarissen (1973 tot 2017) dat de splitsingsakte volgt; het bepaalt quorum en meerderheden."),
    ("Quorum", "Het aantal stemmen dat aanwezig of vertegenwoordigd moet zijn om te mogen besluiten."),
    ("Reservefonds", "Het spaargeld van de VvE voor toekomstig onderhoud; de wet schrijft een minimum voor."),
    ("Splitsingsakte", "De notariële akte die het gebouw in appartementsrechten verdeelt, met het reglement."),
    ("Tweede vergadering", "Een nieuwe vergadering, 2 tot 6 weken na een vergadering zonder quorum, die zonder quorum mag besluiten."),
    ("Uitgebrachte stemmen", "Voor- en tegenstemmen samen; blanco stemmen en onthoudingen tellen niet mee."),
    ("Volmacht", "Schriftelijke toestemming aan een ander om namens een eigenaar te stemmen."),
    ("Warmteroute", "De manier waarop het gebouw straks zonder aardgas verwarmd wordt: warmtenet, all-electric, hybride of groen gas."),
    ("Wijkuitvoeringsplan", "Het plan van de gemeente voor hoe en wanneer een wijk van het aardgas gaat."),
)
