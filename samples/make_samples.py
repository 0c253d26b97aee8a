#!/usr/bin/env python3
"""Regenerates the fictional sample answer sets in samples/.

Every answer file starts from `zelfscan template` (so it keeps the question
texts as comments); this script only fills in the respondent and the answer
lines. Two respondents of the full scan are written as filled PDF forms
(`zelfscan form` + pdftk fill_form from an XFDF) and read back with
`zelfscan import` to check that they give the intended answers.

    python3 samples/make_samples.py [--zelfscan build/zelfscan]

Everything here is fictional: the municipality, the team, the codes, the
notes. See samples/README.md for the designed findings. The questionnaires
without a risk model (process evaluation, staff culture survey, client
questionnaire) are written by make_companion_samples.py.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from xml.sax.saxutils import escape as xml_escape

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FULL = "instruments/institutioneel-racisme.toml"
QUICK = "instruments/institutioneel-racisme-quickscan.toml"
ORG = "Gemeente Zandvoorde"

# Answer codes in the grids below:
#   J = ja, with evidence (text from EVIDENCE)    j = ja, no evidence named
#   d = deels   n = nee   w = weet-niet   x = nvt (reason from REASONS)
#   . = not answered
# Service-profile and gate answers are written out in full.
CODES = {"J": "ja", "j": "ja", "d": "deels", "n": "nee", "w": "weet-niet", "x": "nvt"}

# ------------------------------------------------------------------ full scan

# Respondents of the full scan: code, role, date, form (True = filled PDF).
WI = [
    ("WI-01", "leiding", "2026-10-05", False),     # afdelingshoofd
    ("WI-02", "leiding", "2026-10-06", False),     # teamleider handhaving
    ("WI-03", "uitvoering", "2026-10-07", False),  # klantmanager inkomen
    ("WI-04", "uitvoering", "2026-10-07", False),  # klantmanager inkomen
    ("WI-05", "uitvoering", "2026-10-08", False),  # klantmanager werk
    ("WI-06", "uitvoering", "2026-10-09", False),  # handhaver / sociaal rechercheur
    ("WI-07", "uitvoering", "2026-10-12", False),  # intake / balie
    ("WI-08", "backoffice", "2026-10-13", True),   # gegevensbeheer handhaving
    ("WI-09", "beleid", "2026-10-14", False),      # beleidsadviseur
    ("WI-10", "klantenpanel", "2026-10-16", True), # lid cliëntenraad
]

# Profile: one value per respondent ("" = left open).
WI_PROFILE = {
    "P1": ["10000-50000"] * 2 + ["10000-50000", "10000-50000", "2000-10000", "10000-50000", "10000-50000"]
          + ["10000-50000", "10000-50000", ""],
    "P2": ["hoog"] * 9 + ["hoog"],
    "P3": ["handhaving"] * 10,
    "P4": ["regels", "regels", "regels", "hulpmiddelen", "regels", "regels", "hulpmiddelen", "algoritme", "regels", ""],
}

# Columns: WI-01 WI-02 | WI-03 .. WI-07 | WI-08 | WI-09 | WI-10
WI_GRID = """
D1.1  JJ JdJJd J J J
D1.2  dJ ddddd d J w
D1.3  JJ wdddd d J w
D1.4  JJ dndnd d J d
D1.5  dd dwdnw d d n
D2.1  dJ ndddd d n w
D2.2  JJ ddndd d d n
D2.3  dd dwdwd d J w
D2.4  dd ndddd d d n
D2.5  dd dnwdw w J w
D3.1  JJ dwdwd d d w
D3.2  JJ nndnw n d w
D3.3  dj wwwww w n w
D3.4  dd wwwww w n w
D3.5  JJ ddddd d d w
D3.6  JJ ddndd d d w
D3.7  xx wwwww x d w
D3.8  dd dnndd d w n
D4.1  JJ ndnnd d d w
D4.2  Jj nndnd d w w
D4.3  dn wwwww n n w
D4.4  JJ nndnn d d w
D4.5  JJ ndndn d d w
D4.6  dd dndnn n d w
D5.1  JJ JdJJd J J d
D5.2  JJ JJJJJ J J J
D5.3  JJ JJJJJ J J d
D5.4  JJ dJJdJ J d d
D5.5  JJ JJJJJ J J J
D6.1  dd wwwww n n w
D6.2  nn wwwww n n w
D6.3  ww wwwww w d w
D6.4  dn wwwnw w n w
D6.5  dd nndnn d d n
D7.1  JJ dJJdd d J n
D7.2  dd dwdwd d n w
D7.3  JJ ndndn d d w
D7.4  dd dwdwd d d w
D7.5  dd nwdww d n n
D8.1  dd ddd.d d d d
D8.2  JJ dJJdd d J .
D8.3  JJ JdJdd d J .
D8.4  dJ dndJd d d .
D8.5  JJ dnddn j d .
D9.1  dJ dJd.d d J d
D9.2  JJ Jwwww w J J
D9.3  JJ JwdwJ d J d
D9.4  dd dwdwd d d n
D10.1 dd wwdww w n w
D10.2 dd ddndd d d w
D10.3 JJ dnJdd x d w
D10.4 dd dwdwd n d w
D10.5 Jd dwdwd d d w
"""

# D3.0 (gate): everyone says the service uses selection rules, except the
# client panel member, who does not know (and so answers the D3 questions).
WI_GATE = {"D3.0": ["ja"] * 9 + ["weet-niet"]}

# Evidence for a "J": per question, by role (fallback "*").
WI_EVIDENCE = {
    "D1.1": {"*": "Beleidskader gelijke behandeling Zandvoorde, vastgesteld door het college op 11 maart 2025"},
    "D1.2": {"*": "Mandaatbesluit directeur Sociaal Domein 2025; jaarverslag gelijke behandeling komt in 2027"},
    "D1.3": {"*": "Resultaatafspraken teamleiders 2026, paragraaf 4"},
    "D1.4": {"*": "Teamoverleg 2 september 2026: opmerking over 'die wijk' besproken en rechtgezet"},
    "D2.1": {"*": "Toets op gevolgen bij de nieuwe verordening tegenprestatie (juni 2026)"},
    "D2.2": {"*": "Werkinstructie terugvordering 2025; hardheidsclausule 23 keer toegepast in 2025"},
    "D2.3": {"*": "Notitie juridische zaken 'Taaleis en kostendelersnorm' van 14 januari 2026"},
    "D2.5": {"*": "Signaal kostendelersnorm aan VNG en ministerie SZW, april 2026"},
    "D3.1": {"*": "Overzicht selectieregels handhaving, versie maart 2026"},
    "D3.2": {"*": "Criterialijst heronderzoek 2024, getoetst door juridische zaken"},
    "D3.5": {"*": "Werkproces heronderzoek: elke selectie wordt door een handhaver bekeken"},
    "D3.6": {"*": "Stappenplan handhaving 2024: eerst brief, dan gesprek, dan pas huisbezoek"},
    "D4.1": {"*": "Procesbeschrijving Werk & Inkomen 2024, bijlage beslismomenten"},
    "D4.2": {"*": "Werkinstructie rapportage in het klantvolgsysteem"},
    "D4.4": {"*": "Teamplan 2026 Werk & Inkomen"},
    "D4.5": {"*": "Protocol huisbezoek 2023"},
    "D5.1": {"*": "Brief 'Uw uitkering is toegekend' getest met de taalambassadeurs, mei 2025",
             "klantenpanel": "Ik heb in 2025 meegelezen met de nieuwe toekenningsbrief"},
    "D5.2": {"*": "Tolkprotocol Werk & Inkomen 2025, budget voor tolkentelefoon en tolk ter plaatse",
             "klantenpanel": "Bij mijn eigen intake was er een tolk, gratis"},
    "D5.3": {"*": "Balie in het stadhuis en het formulierenspreekuur in de bibliotheek",
             "klantenpanel": "Formulierenspreekuur in de bibliotheek op dinsdag"},
    "D5.4": {"*": "Gesprek aan huis voor klanten die slecht ter been zijn; schrijftolk op verzoek"},
    "D5.5": {"*": "Standaardbesluitbrief met alinea over bezwaar en het Juridisch Loket",
             "klantenpanel": "Het staat onderaan elke besluitbrief"},
    "D7.1": {"*": "Website en folder noemen het meldpunt discriminatie Zandvoorde en omgeving"},
    "D7.3": {"*": "Regeling vermoeden van een misstand gemeente Zandvoorde 2023"},
    "D8.2": {"*": "Wervingsprotocol 2025 met vaste interviewvragen"},
    "D8.3": {"*": "Medewerkersonderzoek 2025, vraagblok sociale veiligheid"},
    "D8.4": {"*": "Casustraining 'Eerlijk beslissen', november 2025"},
    "D8.5": {"*": "Gesprek na een opmerking in de kantine, juni 2026"},
    "D9.1": {"*": "Klantenpanel las mee met de nieuwe brieven over de tegenprestatie, 2026"},
    "D9.2": {"*": "Vergoedingsregeling ervaringsdeskundigen 2025",
             "klantenpanel": "Ik krijg een vrijwilligersvergoeding per bijeenkomst"},
    "D9.3": {"*": "Reactie van het college op het advies van de cliëntenraad over de taaleis, 2026"},
    "D10.3": {"*": "Werkafspraak werkgeversservicepunt: discriminerende vacatures weigeren"},
    "D10.5": {"*": "Samenwerkingsovereenkomst werkgeversservicepunt regio Zandvoorde 2024"},
}

# Reasons for "nvt" (required by the scale).
WI_REASONS = {
    ("D3.7", "WI-01"): "Wij gebruiken geen algoritme, alleen vaste selectieregels in een rekenblad. Dat hoort volgens ons niet in het register.",
    ("D3.7", "WI-02"): "Er is geen algoritme; de selectie gebeurt met een rekenblad met vaste regels.",
    ("D3.7", "WI-08"): "Geen algoritme in gebruik. Het rekenblad met signalen is geen algoritme.",
    ("D10.3", "WI-08"): "De backoffice heeft geen contact met werkgevers en ziet geen vacatures.",
}

# Notes: some multi-line; one holds Markdown and template syntax on purpose
# (D4.2 by WI-04), to test that the report prints it literally.
WI_NOTES = {
    ("D1.2", "WI-01"): "De directeur Sociaal Domein is eigenaar, maar een jaarverslag is er nog niet.",
    ("D1.3", "WI-03"): "Geen idee wat er in de afspraken met teamleiders staat.",
    ("D1.4", "WI-04"): "In de pauze hoor je soms 'die mensen uit Noord proberen het altijd'. Niemand zegt daar iets van.",
    ("D1.4", "WI-07"): "Er wordt wel eens gegrapt over klanten die 'geen Nederlands willen leren'.",
    ("D2.1", "WI-09"): "We toetsen nieuwe regels op juridische houdbaarheid, niet op gevolgen voor groepen.",
    ("D2.2", "WI-05"): """De hardheidsclausule bestaat, maar je moet er lang voor vechten.
Meestal wordt alles teruggevorderd, ook bij een klein bedrag dat iemand vergat te melden.""",
    ("D2.2", "WI-10"): "Een lid van ons panel moest alles terugbetalen voor een vergeten bijbaantje van twee weken.",
    ("D2.4", "WI-03"): """Veel klanten halen de termijn van een week niet.
Dan wordt de uitkering opgeschort. Dat raakt vooral mensen die slecht lezen of veel schulden hebben.""",
    ("D3.1", "WI-08"): "Het overzicht mist het rekenblad met 'signalen' dat het team handhaving zelf bijhoudt.",
    ("D3.2", "WI-01"): "Nationaliteit is in 2024 uit de criteria gehaald.",
    ("D3.2", "WI-03"): """In de scorekaart voor heronderzoek telt het postcodegebied Zandvoorde-Noord mee.
Daar wonen vooral mensen met een migratieachtergrond.""",
    ("D3.2", "WI-04"): "'Tolk nodig bij intake' is een vinkje dat de score verhoogt. Dat is toch taal als criterium?",
    ("D3.2", "WI-06"): "Postcode en 'taalvaardigheid onvoldoende' staan in het rekenblad. Ik heb nooit een onderbouwing gezien.",
    ("D3.2", "WI-08"): """Ik beheer het rekenblad. Er staan drie kolommen in die naar afkomst kunnen wijzen:
postcode, taalvaardigheid en 'tolk nodig'. Waarom ze erin staan, is niet vastgelegd.""",
    ("D3.3", "WI-09"): "Er is een DPIA voor het klantvolgsysteem, maar niet voor de selectieregels. Een IAMA is nooit gedaan.",
    ("D3.4", "WI-09"): "Er is nooit gekeken of de selectie bepaalde groepen vaker raakt.",
    ("D3.4", "WI-05"): "Geen idee of dit gebeurt. Daar hoor ik nooit iets over.",
    ("D3.5", "WI-06"): """Officieel is een selectie geen bewijs.
In de praktijk begin je een gesprek anders als iemand 'rood' staat in het rekenblad.""",
    ("D3.8", "WI-04"): "Klanten vragen waarom zij weer worden gecontroleerd. Wij mogen het niet uitleggen, of weten het zelf niet.",
    ("D4.1", "WI-02"): "Alle beslismomenten staan in de procesbeschrijving.",
    ("D4.1", "WI-03"): """Bij een adresonderzoek beslis ik vaak zelf of ik doorzet.
Dat staat nergens beschreven.""",
    ("D4.2", "WI-04"): """# kop
Een reden opschrijven doen we **vet** weinig: er is geen tijd voor.
In de standaardtekst staat nog steeds {{naam}} in plaats van de naam van de klant.
- punt één
- punt twee
Zie [het protocol](https://example.org/protocol) en `code`.""",
    ("D4.2", "WI-06"): "Bij twijfel volg je je gevoel. Dat schrijf je niet op.",
    ("D4.4", "WI-02"): "Het teamplan noemt geen aantallen per medewerker.",
    ("D4.4", "WI-03"): """Er is geen officieel target, maar in het werkoverleg wordt wel gezegd hoeveel heronderzoeken per maand 'normaal' zijn.
Wie minder doet, moet dat uitleggen.""",
    ("D4.4", "WI-07"): "Elke maand staat op het bord hoeveel terugvorderingen het team heeft gedaan.",
    ("D4.5", "WI-05"): "Of je een huisbezoek doet, hangt af van de handhaver.",
    ("D4.6", "WI-06"): "In de intervisie gaat het over lastige klanten, niet over onze eigen vooroordelen.",
    ("D5.1", "WI-04"): "De toekenningsbrief is goed. De brief over terugvordering is nog steeds moeilijk.",
    ("D5.4", "WI-10"): "Het stadhuis is toegankelijk, maar de spreekkamers van Werk & Inkomen zijn klein en warm.",
    ("D6.1", "WI-08"): "Wij kunnen uitkomsten alleen per wijk en per leeftijd laten zien, niet per groep.",
    ("D6.1", "WI-09"): """We hebben het CBS nooit gevraagd om een analyse.
Er is ook geen dashboard met uitkomsten per groep.""",
    ("D6.2", "WI-01"): "Er zijn geen grenzen afgesproken.",
    ("D6.3", "WI-09"): "Er is een DPIA voor het klantvolgsysteem; of die ook over groepsgegevens gaat, weet ik niet zeker.",
    ("D6.5", "WI-10"): "Niemand heeft het panel ooit gevraagd of klanten zich gelijk behandeld voelen.",
    ("D7.1", "WI-10"): """In de brieven staat niet waar je discriminatie kunt melden.
Het meldpunt kennen de meeste klanten niet.""",
    ("D7.3", "WI-03"): "Anoniem melden kan niet; je moet via je teamleider. Dat doet niemand.",
    ("D7.3", "WI-07"): "Ik weet niet bij wie ik buiten de afdeling terecht kan.",
    ("D7.5", "WI-09"): "Na een gewonnen bezwaar volgt een correctie, maar geen excuses en geen terugblik op vergelijkbare zaken.",
    ("D8.1", "WI-07"): "De leiding is helemaal wit. Aan de balie is dat anders.",
    ("D8.5", "WI-04"): "Een collega maakte een grap over een klant met een hoofddoek. De teamleider lachte mee.",
    ("D8.5", "WI-01"): "Elke opmerking die ik hoor, bespreek ik direct.",
    ("D9.1", "WI-10"): "Het panel mocht meelezen met brieven, maar niet meedenken over de controles.",
    ("D9.3", "WI-10"): "Soms een brief terug, soms hoor je niets meer.",
    ("D10.1", "WI-09"): "Het contract met de leverancier van het klantvolgsysteem zegt niets over testen op vooroordelen.",
    ("D10.3", "WI-04"): """Een werkgever vroeg vorige maand om 'liever geen hoofddoek'.
We hebben de vacature aangepast, maar het verzoek niet gemeld.""",
    ("D10.4", "WI-08"): "Tips van de woningcorporatie gaan direct het rekenblad in.",
}

# The session: six people (two of management, three frontline, one back
# office) agreed on these answers on 28 October 2026, after discussing the
# individual results. Codes in the grid as above; one column.
WI_SESSION = {
    "code": "WI-sessie", "role": "", "date": "2026-10-28", "participants": 6,
    "profile": {"P1": "10000-50000", "P2": "hoog", "P3": "handhaving", "P4": "regels"},
    "gate": {"D3.0": "ja"},
    "grid": """
D1.1 J
D1.2 d
D1.3 d
D1.4 d
D1.5 n
D2.1 n
D2.2 d
D2.3 d
D2.4 n
D2.5 d
D3.1 d
D3.2 n
D3.3 n
D3.4 n
D3.5 d
D3.6 d
D3.7 n
D3.8 n
D4.1 d
D4.2 n
D4.3 n
D4.4 d
D4.5 d
D4.6 n
D5.1 d
D5.2 J
D5.3 J
D5.4 d
D5.5 J
D6.1 n
D6.2 n
D6.3 w
D6.4 n
D6.5 d
D7.1 d
D7.2 n
D7.3 n
D7.4 d
D7.5 n
D8.1 d
D8.2 J
D8.3 d
D8.4 d
D8.5 d
D9.1 d
D9.2 J
D9.3 J
D9.4 d
D10.1 n
D10.2 d
D10.3 d
D10.4 n
D10.5 J
""",
    "evidence": {
        "D1.1": "Beleidskader gelijke behandeling Zandvoorde, 11 maart 2025",
        "D5.2": "Tolkprotocol Werk & Inkomen 2025",
        "D5.3": "Balie stadhuis en formulierenspreekuur bibliotheek",
        "D5.5": "Standaardbesluitbrief, alinea bezwaar en Juridisch Loket",
        "D8.2": "Wervingsprotocol 2025",
        "D9.2": "Vergoedingsregeling ervaringsdeskundigen 2025",
        "D9.3": "Reactie op het advies over de taaleis, 2026",
        "D10.5": "Samenwerkingsovereenkomst werkgeversservicepunt 2024",
    },
    "notes": {
        "D3.2": """Na bespreking: het rekenblad voor heronderzoek gebruikt postcode, taalvaardigheid en 'tolk nodig'.
Er is geen onderbouwing. De groep vindt dat deze kolommen direct uit de selectie moeten.""",
        "D3.4": "Er is nooit getoetst of de selectie groepen ongelijk raakt. Niemand wist dat dit moest.",
        "D3.7": "We kozen eerst 'nvt'. Na bespreking: het rekenblad is wel een algoritme in de zin van het register.",
        "D4.2": "Leiding en uitvoering zagen dit heel verschillend. Conclusie: criteria zijn er op papier, maar redenen worden zelden vastgelegd.",
        "D4.4": "Er zijn geen officiële targets, wel informele normen in het werkoverleg.",
        "D6.3": "Uitzoeken bij de privacy officer of de DPIA ook over groepsgegevens gaat.",
        "D7.3": "Een anoniem meldpunt buiten de lijn ontbreekt.",
    },
}

# ------------------------------------------------------------------ quick scan
# A second team of the same municipality: debt help (Schulddienstverlening),
# which uses a rule in its application software that puts incomplete
# applications "buiten behandeling" automatically.

QS = [
    ("QS-01", "leiding", "2026-10-19"),
    ("QS-02", "uitvoering", "2026-10-19"),
    ("QS-03", "uitvoering", "2026-10-20"),
    ("QS-04", "uitvoering", "2026-10-21"),
    ("QS-05", "backoffice", "2026-10-21"),
    ("QS-06", "klantenpanel", "2026-10-22"),
]
QS_UNIT = "Schulddienstverlening"

QS_PROFILE = {
    "P1": ["2000-10000"] * 5 + ["2000-10000"],
    "P2": ["hoog"] * 6,
    "P3": ["voorziening", "voorziening", "voorziening", "handhaving", "voorziening", ""],
    "P4": ["hulpmiddelen", "regels", "regels", "regels", "automatisch", ""],
}
# D3.0: the manager thinks no selection rules are used (and skips D3); the
# others know the rule in the software; the client panel member does not know.
QS_GATE = {"D3.0": ["nee", "ja", "ja", "ja", "ja", "weet-niet"]}

# Columns: QS-01 | QS-02 QS-03 QS-04 | QS-05 | QS-06   ("." for skipped)
QS_GRID = """
D1.2  J ddw d w
D2.1  d nwd n w
D2.2  J ddn d n
D3.2  . dwd d w
D3.4  . www w w
D3.5  . nnd n n
D4.2  J ddn d w
D5.2  J JdJ J d
D6.1  w www n w
D7.4  d wwd w w
D8.5  J dnd d w
D9.1  d wwd w J
D10.2 d wwd w w
"""
QS_EVIDENCE = {
    "D1.2": {"*": "Mandaatbesluit directeur Sociaal Domein 2025"},
    "D2.2": {"*": "Beleidsregels schulddienstverlening 2024, artikel 6 (hardheid)"},
    "D4.2": {"*": "Werkinstructie toelating schuldhulp 2025"},
    "D5.2": {"*": "Tolkprotocol Werk & Inkomen 2025, ook voor schulddienstverlening"},
    "D8.5": {"*": "Teamoverleg juni 2026"},
    "D9.1": {"*": "Ik heb meegelezen met de nieuwe aanvraagbrief in 2026"},
}
QS_REASONS = {}
QS_NOTES = {
    ("D3.5", "QS-02"): """Als een aanvraag in het systeem als 'onvolledig' wordt gemarkeerd, gaat er automatisch een brief uit.
De aanvraag wordt dan buiten behandeling gesteld zonder dat iemand het dossier bekijkt.""",
    ("D3.5", "QS-05"): "De regel in de software zet de aanvraag na 14 dagen vanzelf stop. Niemand kijkt ernaar.",
    ("D3.5", "QS-06"): "Mijn aanvraag werd gestopt omdat één bankafschrift ontbrak. Ik heb nooit iemand gesproken.",
    ("D3.4", "QS-04"): "Ik weet niet of iemand bekijkt wie er vaker buiten behandeling wordt gesteld.",
    ("D2.2", "QS-04"): "Bij een gemiste afspraak stopt het traject meteen, ook als iemand ziek was.",
    ("D8.5", "QS-03"): """Over klanten met schulden bij de Belastingdienst wordt soms gezegd 'die kennen het systeem wel'.
Dat wordt niet rechtgezet.""",
    ("D6.1", "QS-05"): "We registreren geen uitkomsten per groep.",
    ("D5.2", "QS-03"): "Een tolk moet je zelf regelen en dat duurt lang.",
}
QS_SESSION = {
    "code": "QS-sessie", "role": "", "date": "2026-10-29", "participants": 5,
    "profile": {"P1": "2000-10000", "P2": "hoog", "P3": "voorziening", "P4": "automatisch"},
    "gate": {"D3.0": "ja"},
    "grid": """
D1.2 d
D2.1 n
D2.2 d
D3.2 d
D3.4 n
D3.5 n
D4.2 d
D5.2 J
D6.1 n
D7.4 d
D8.5 d
D9.1 d
D10.2 w
""",
    "evidence": {"D5.2": "Tolkprotocol Werk & Inkomen 2025"},
    "notes": {
        "D3.5": "De regel die onvolledige aanvragen automatisch stopt, wordt per direct uitgezet tot er een menselijke controle is.",
        "D10.2": "Uitzoeken wat er in het contract met het budgetbeheerbureau staat.",
    },
}

# ------------------------------------------------------------------ writing


def toml_str(s):
    if "\n" in s:
        body = s.replace("\\", "\\\\").replace('"', '\\"')
        return '"""\n' + body + '"""'
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def parse_grid(grid, n):
    rows = {}
    for line in grid.strip().splitlines():
        qid, *cols = line.split()
        cells = "".join(cols)
        if len(cells) != n:
            sys.exit(f"grid row {qid}: {len(cells)} answers, expected {n}")
        rows[qid] = cells
    return rows


def answer_value(qid, code, role, rcode, evidence, reasons, notes):
    """The TOML value for one answer, or None when not answered."""
    if code == ".":
        return None
    ans = CODES.get(code, code)
    fields = [("answer", ans)]
    if code == "J":
        ev = evidence[qid]
        fields.append(("evidence", (ev.get(role) or ev["*"]) if isinstance(ev, dict) else ev))
    if code == "x":
        fields.append(("reason", reasons[(qid, rcode)]))
    note = notes.get((qid, rcode))
    if note:
        fields.append(("note", note))
    if len(fields) == 1:
        return toml_str(ans)
    return "{ " + ", ".join(f"{k} = {toml_str(v)}" for k, v in fields) + " }"


def fill_template(template, respondent, answers):
    """Fills a `zelfscan template` file: respondent fields and answer lines."""
    out = []
    for line in template.splitlines():
        m = re.match(r'^(code|role|organisation|unit|date) = ""(\s+#.*)?$', line)
        if m:
            key = m.group(1)
            val = respondent.get(key, "")
            text = f"date = {val}" if key == "date" and val else f"{key} = {toml_str(val)}"
            comment = (m.group(2) or "").strip()
            out.append((text.ljust(23) + " " + comment).rstrip() if comment else text)
            continue
        if line.startswith("# participants = ") and respondent.get("participants"):
            out.append(f"participants = {respondent['participants']}  # groepssessie: aantal deelnemers")
            continue
        m = re.match(r'^"([^"]+)" = ""$', line)
        if m and m.group(1) in answers:
            out.append(f'"{m.group(1)}" = {answers[m.group(1)]}')
            continue
        out.append(line)
    return "\n".join(out) + "\n"


def run(*args, **kw):
    r = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, **kw)
    if r.returncode != 0:
        sys.exit(f"failed: {' '.join(args)}\n{r.stdout}{r.stderr}")
    return r.stdout


def template_text(zs, instrument):
    with tempfile.TemporaryDirectory() as d:
        p = os.path.join(d, "t.toml")
        run(zs, "template", instrument, "--lang", "nl", "-o", p)
        with open(p, encoding="utf-8") as f:
            return f.read()


def respondent_answers(i, rcode, role, profile, gate, grid, evidence, reasons, notes):
    answers = {}
    for qid, vals in profile.items():
        if vals[i]:
            answers[qid] = toml_str(vals[i])
    for qid, vals in gate.items():
        answers[qid] = toml_str(vals[i])
    for qid, cells in grid.items():
        v = answer_value(qid, cells[i], role, rcode, evidence, reasons, notes)
        if v is not None:
            answers[qid] = v
    return answers


def session_answers(s):
    answers = {k: toml_str(v) for k, v in s["profile"].items()}
    answers.update({k: toml_str(v) for k, v in s["gate"].items()})
    ev = {k: {"*": v} for k, v in s["evidence"].items()}
    notes = {(k, s["code"]): v for k, v in s["notes"].items()}
    for qid, cells in parse_grid(s["grid"], 1).items():
        v = answer_value(qid, cells[0], "", s["code"], ev, {}, notes)
        if v is not None:
            answers[qid] = v
    return answers


# ------------------------------------------------------------------ forms


def xfdf_for(rcode, role, date, unit, profile_vals, gate_vals, grid_cells, evidence, reasons, notes):
    fields = [("respondent.code", rcode), ("respondent.role", role), ("respondent.organisation", ORG),
              ("respondent.unit", unit), ("respondent.date", date)]
    for qid, v in profile_vals.items():
        if v:
            fields.append((qid, v))
    for qid, v in gate_vals.items():
        fields.append((qid, v))
    for qid, code in grid_cells.items():
        if code == ".":
            continue
        fields.append((qid, CODES[code]))
        if code == "J":
            ev = evidence[qid]
            fields.append((qid + ".evidence", (ev.get(role) or ev["*"])))
        note = notes.get((qid, rcode))
        if code == "x":  # on a form the reason for "nvt" goes in the note field
            note = reasons[(qid, rcode)]
        if note:
            fields.append((qid + ".note", note))
    body = "".join(f'<field name="{xml_escape(k)}"><value>{xml_escape(v)}</value></field>\n' for k, v in fields)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<xfdf xmlns="http://ns.adobe.com/xfdf/" xml:space="preserve">\n<fields>\n'
            + body + "</fields>\n</xfdf>\n")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--zelfscan", default=os.path.join(ROOT, "build", "zelfscan"))
    args = ap.parse_args()
    zs = os.path.abspath(args.zelfscan)

    # Full scan: TOML files for respondents without a form.
    wi_dir = os.path.join(ROOT, "samples", "werk-en-inkomen")
    forms_dir = os.path.join(wi_dir, "forms")
    sess_dir = os.path.join(wi_dir, "sessie")
    for d in (wi_dir, forms_dir, sess_dir):
        os.makedirs(d, exist_ok=True)
    tpl = template_text(zs, FULL)
    grid = parse_grid(WI_GRID, len(WI))
    written = []
    with tempfile.TemporaryDirectory() as tmp:
        blank_form = os.path.join(tmp, "form.pdf")
        run(zs, "form", FULL, "--lang", "nl", "-o", blank_form)
        for i, (rcode, role, date, form) in enumerate(WI):
            answers = respondent_answers(i, rcode, role, WI_PROFILE, WI_GATE, grid, WI_EVIDENCE, WI_REASONS, WI_NOTES)
            resp = {"code": rcode, "role": role, "organisation": ORG, "unit": "Werk & Inkomen", "date": date}
            intended = fill_template(tpl, resp, answers)
            if not form:
                path = os.path.join(wi_dir, f"{rcode}.toml")
                with open(path, "w", encoding="utf-8") as f:
                    f.write(intended)
                written.append(path)
                continue
            # A filled PDF form, read back and compared with the intended file.
            xfdf = xfdf_for(rcode, role, date, "Werk & Inkomen",
                            {q: v[i] for q, v in WI_PROFILE.items()}, {q: v[i] for q, v in WI_GATE.items()},
                            {q: c[i] for q, c in grid.items()}, WI_EVIDENCE, WI_REASONS, WI_NOTES)
            xpath = os.path.join(tmp, f"{rcode}.xfdf")
            with open(xpath, "w", encoding="utf-8") as f:
                f.write(xfdf)
            filled = os.path.join(tmp, f"{rcode}-filled.pdf")
            run("pdftk", blank_form, "fill_form", xpath, "output", filled)
            pdf = os.path.join(forms_dir, f"{rcode}.pdf")
            # Smaller and deterministic: object streams, no random /ID.
            run("qpdf", "--object-streams=generate", "--compress-streams=y", "--recompress-flate",
                "--deterministic-id", filled, pdf)
            back = os.path.join(tmp, f"{rcode}-import.toml")
            run(zs, "import", pdf, "-o", back)
            intended_path = os.path.join(tmp, f"{rcode}-intended.toml")
            with open(intended_path, "w", encoding="utf-8") as f:
                f.write(intended)
            compare_answers(back, intended_path, rcode)
            print(f"form {os.path.relpath(pdf, ROOT)}: imported answers match")

        path = os.path.join(sess_dir, "WI-sessie.toml")
        s = WI_SESSION
        with open(path, "w", encoding="utf-8") as f:
            f.write(fill_template(tpl, {"code": s["code"], "role": s["role"], "organisation": ORG,
                                        "unit": "Werk & Inkomen", "date": s["date"],
                                        "participants": s["participants"]}, session_answers(s)))
        written.append(path)

    # Quick scan.
    qs_dir = os.path.join(ROOT, "samples", "quickscan")
    qs_sess = os.path.join(qs_dir, "sessie")
    os.makedirs(qs_sess, exist_ok=True)
    tpl = template_text(zs, QUICK)
    grid = parse_grid(QS_GRID, len(QS))
    for i, (rcode, role, date) in enumerate(QS):
        answers = respondent_answers(i, rcode, role, QS_PROFILE, QS_GATE, grid, QS_EVIDENCE, QS_REASONS, QS_NOTES)
        resp = {"code": rcode, "role": role, "organisation": ORG, "unit": QS_UNIT, "date": date}
        path = os.path.join(qs_dir, f"{rcode}.toml")
        with open(path, "w", encoding="utf-8") as f:
            f.write(fill_template(tpl, resp, answers))
        written.append(path)
    s = QS_SESSION
    path = os.path.join(qs_sess, "QS-sessie.toml")
    with open(path, "w", encoding="utf-8") as f:
        f.write(fill_template(tpl, {"code": s["code"], "role": s["role"], "organisation": ORG, "unit": QS_UNIT,
                                    "date": s["date"], "participants": s["participants"]}, session_answers(s)))
    written.append(path)

    print(run(zs, "check", *[os.path.relpath(p, ROOT) for p in written]), end="")


def load_answers(path):
    import tomllib
    with open(path, "rb") as f:
        d = tomllib.load(f)
    out = {}
    for k, v in d.get("answers", {}).items():
        if isinstance(v, dict) and not ("answer" in v or "note" in v or "evidence" in v or "reason" in v):
            # unquoted dotted keys: {"D1": {"1": ...}}
            for k2, v2 in v.items():
                out[f"{k}.{k2}"] = v2
        else:
            out[k] = v
    norm = {}
    for k, v in out.items():
        if v == "" or v == {}:
            continue
        if isinstance(v, dict):
            v = {kk: (vv.strip() if isinstance(vv, str) else vv) for kk, vv in v.items() if vv != ""}
            if set(v) == {"answer"}:
                v = v["answer"]
        norm[k] = v
    resp = {k: str(v) for k, v in d.get("respondent", {}).items() if v != ""}
    return resp, norm


def compare_answers(imported, intended, rcode):
    r1, a1 = load_answers(imported)
    r2, a2 = load_answers(intended)
    problems = []
    for k in sorted(set(r1) | set(r2)):
        if r1.get(k) != r2.get(k):
            problems.append(f"respondent.{k}: imported {r1.get(k)!r}, intended {r2.get(k)!r}")
    for k in sorted(set(a1) | set(a2)):
        if a1.get(k) != a2.get(k):
            problems.append(f"{k}: imported {a1.get(k)!r}, intended {a2.get(k)!r}")
    if problems:
        sys.exit(f"form {rcode}: import differs from the intended answers:\n  " + "\n  ".join(problems))


if __name__ == "__main__":
    main()
