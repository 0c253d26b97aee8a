#!/usr/bin/env python3
"""Regenerates the fictional sample answer sets in samples/.

Every answer file starts from `zelfscan template` (so it keeps the question
texts as comments); this script only fills in the respondent and the answer
lines. Two respondents of the full scan are written as filled PDF forms
(`zelfscan form` + pdftk fill_form from an XFDF) and read back with
`zelfscan import` to check that they give the intended answers.

    python3 samples/make_samples.py [--zelfscan build/zelfscan]

Everything here is fictional: the municipality, the team, the codes, the
notes. See samples/README.md for the designed findings. The companion
questionnaires and the process evaluation have their own generator,
samples/make_companion_samples.py.
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

# Answer codes in the grids below, per scale of the question (read from the
# instrument). An upper-case letter means: this answer, with evidence (text
# from the EVIDENCE table). "." = not answered. A question whose only_if is
# not met is left unanswered whatever the grid says (the respondent skipped
# it), so a grid row may hold answers for everyone.
#   jdn, jdnw   J = ja with evidence, j = ja, d = deels, n = nee
#   gebruik     j = ja, n = nee (filter questions)
#   inzet       n = nee, o = ja-onderbouwd, u = ja-niet-onderbouwd
#   gebeurt     0 = nooit, s = soms, v = vaak
#   hoe-vaak    A = altijd with evidence, a = altijd, m = meestal, s = soms,
#               0 = nooit; hoe-vaak-nvt also x = nvt; ingrijpen also
#               g = geen-grap (no hurtful joke seen or heard); hoe-vaak-verzoek
#               also g = geen-verzoek (no such request from an employer)
#   jdn-programma  as jdnw, and p = geen-programma
#   jdn-verschil   as jdnw, and v = geen-verschil
#   druk        n = nee, o = ongeschreven, y = ja
#   definitie   j = ja-volledig, b = ja-beperkt, n = nee
#   ai-check    h = ja-hoog-risico, g = ja-geen-hoog-risico, n = nee,
#               p = geen-programma
#   every scale w = weet-niet, k = niet-te-weten; jdn also x = nvt (reason
#               from REASONS)
SCALE_CODES = {
    "jdn": {"j": "ja", "d": "deels", "n": "nee", "x": "nvt"},
    "jdnw": {"j": "ja", "d": "deels", "n": "nee"},
    "gebruik": {"j": "ja", "n": "nee"},
    "inzet": {"n": "nee", "o": "ja-onderbouwd", "u": "ja-niet-onderbouwd"},
    "gebeurt": {"0": "nooit", "s": "soms", "v": "vaak"},
    "hoe-vaak": {"a": "altijd", "m": "meestal", "s": "soms", "0": "nooit"},
    "hoe-vaak-nvt": {"a": "altijd", "m": "meestal", "s": "soms", "0": "nooit", "x": "nvt"},
    "hoe-vaak-verzoek": {"a": "altijd", "m": "meestal", "s": "soms", "0": "nooit", "g": "geen-verzoek"},
    "ingrijpen": {"a": "altijd", "m": "meestal", "s": "soms", "0": "nooit", "g": "geen-grap"},
    "jdn-programma": {"j": "ja", "d": "deels", "n": "nee", "p": "geen-programma"},
    "jdn-verschil": {"j": "ja", "d": "deels", "n": "nee", "v": "geen-verschil"},
    "druk": {"n": "nee", "o": "ongeschreven", "y": "ja"},
    "definitie": {"j": "ja-volledig", "b": "ja-beperkt", "n": "nee"},
    "ai-check": {"h": "ja-hoog-risico", "g": "ja-geen-hoog-risico", "n": "nee", "p": "geen-programma"},
}
COMMON_CODES = {"w": "weet-niet", "k": "niet-te-weten"}

# ------------------------------------------------------------------ full scan

# Respondents of the full scan: code, role, date, form (True = filled PDF).
# Thirteen people of the fictional Werk & Inkomen department; the client
# panel answers the client questionnaire instead (companion instrument; from
# 3.0.0 the scan has no client-panel role at all).
WI = [
    ("WI-01", "leiding", "2026-10-05", False),     # afdelingshoofd
    ("WI-02", "leiding", "2026-10-06", False),     # teamleider handhaving
    ("WI-03", "leiding", "2026-10-06", False),     # teamleider werk
    ("WI-04", "beleid", "2026-10-07", False),      # beleidsadviseur
    ("WI-05", "beleid", "2026-10-07", False),      # jurist en privacyfunctionaris
    ("WI-06", "uitvoering", "2026-10-08", False),  # klantmanager inkomen
    ("WI-07", "uitvoering", "2026-10-08", False),  # klantmanager inkomen
    ("WI-08", "uitvoering", "2026-10-09", False),  # klantmanager werk
    ("WI-09", "uitvoering", "2026-10-09", True),   # handhaver / sociaal rechercheur
    ("WI-10", "uitvoering", "2026-10-12", False),  # intake / balie
    ("WI-11", "uitvoering", "2026-10-12", False),  # consulent schuldhulp
    ("WI-12", "backoffice", "2026-10-13", True),   # gegevensbeheer handhaving
    ("WI-13", "backoffice", "2026-10-14", False),  # functioneel beheer
]

# Profile: one value per respondent ("" = left open).
WI_PROFILE = {
    "P1": ["10000-50000"] * 7 + ["2000-10000"] + ["10000-50000"] * 5,
    "P2": ["hoog"] * 13,
    "P3": ["handhaving"] * 13,
    "P4": ["regels", "regels", "regels", "regels", "regels", "regels", "hulpmiddelen", "hulpmiddelen",
           "regels", "regels", "hulpmiddelen", "algoritme", "regels"],
}

# Columns: leiding WI-01..03 | beleid WI-04 WI-05 | uitvoering WI-06..11 | backoffice WI-12 WI-13
WI_GRID = """
D1.1   jjj jj bjbkkk jk
D1.2a  JJJ Jd dddkdk dk
D1.2b  nnd nn kkkkkk kk
D1.3   JJd kk kkkkkk kk
D1.4   JJJ dd nndnnd dn
D1.5   jjj jj jwjwww jw
D1.5a  ddd dn dkdkkk dk
D1.5b  nnn nn nknkkk nk
D2.1   dJd nd dddddd dd
D2.4a  AAm ms ssmssm ms
D2.4b  AAA mm mmmsmm mm
D2.6   ddd nn kkkkkk kk
D3.0   jjj jj jjjjjj jj
D3.1   JJd dd kkkkkk dd
D3.2a  NNN Nn nnnnwn nN
D3.2b  NNN ow uukuku uu
D3.3a  dJd nn kkkkkk nd
D3.3b  ddd dn kkkkkk dw
D3.3c  nnn nn kkkkkk nn
D3.4a  dnn nn kkkkkk nw
D3.4b  nkk kk kkkkkk kk
D3.4c  nkk kk kkkkkk kk
D3.5   000 0w s0kskk sv
D3.15  AAm mm mmmsmm mm
D3.7   nnn nn kkkkkk nn
D3.16  sss 0s 00000k 0k
D3.9a  nnn jw jjwjjj jj
D3.9b  kkk jw kkkkkk JJ
D3.9c  kkk jw kkkkkk jj
D3.10  www nn kkkkkk ww
D3.11  nnn nn kkkkkk nn
D3.12  ddn nn kkkkkk nd
D3.13  ggg gn kkkkkk gk
D3.14  kkk kk kkkkkk kk
D4.1   JJJ dd ndnnnd dd
D4.2a  JJJ dd nndndn dd
D4.2b  AAm ss sss0ss ms
D4.3   ndn nn kkkkkk nk
D4.4   nnn no ooooon on
D4.5   JJJ dd ndnnkd dd
D4.6   sss ss s000ks 00
D4.7   jjj jj jjjjjj jj
D4.8   www nn kkwkkk ww
D4.9   jjj jj jjwjwj jw
D4.10  sss ss kkkkk0 sk
D5.1a  JJJ JJ JdJJdJ JJ
D5.1b  ddd nd nndnnd dd
D5.2   AAA AA AAAAmA AA
D5.3a  JJJ JJ JJJdJJ JJ
D5.3b  AAm AA mAAmAA Am
D5.4a  mmm ss ss0sss ss
D5.4b  JJd Jd kkkkkk Jd
D5.5a  JJJ JJ JJJJJJ JJ
D5.5b  JJJ JJ JJJJJJ JJ
D6.1a  nnn nn kkkkkk nn
D6.1b  kkk kk kkkkkk kk
D6.1c  nnn nn kkkkkk nk
D6.2   kkk kk kkkkkk kk
D6.3   www ww kkkkkk wk
D6.4   kkk kk kkkkkk kk
D6.5   ddd dd nndnnn nn
D6.6   nnn nn kkkkkk nn
D7.1a  JJJ Jd dJJddd dd
D7.1b  ddd dd nwdwwd ww
D7.2   ddd dn kkkkkk kk
D7.3   JJJ dd ndnnnn nd
D7.4a  ddd dd kkkkkk dd
D7.4b  nnn nn kkkkkk nn
D7.5   ddd nn kkkkkk nk
D7.6a  ddd dn kkkkkk kk
D7.6b  ddd dd kkkkkk kk
D8.1   ddd nn kkkkkk kk
D8.2a  JJJ Jd dJJddd dd
D8.2b  ddd dn dndkdk kk
D8.3a  JJJ Jd JdJddd dd
D8.3b  ddd dn kkkkkk kk
D8.4   dJd dd dndJdd dd
D8.5   aaa mm ss0s0s mg
D9.1   dJd dJ kkkkkk kk
D9.2a  JJJ JJ kkkkkk kk
D9.2b  ddd dd kkkkkk kk
D9.3   JJJ JJ kkkkkk kk
D9.4   ddd dd kkkkkk kk
D10.0  jjj jj jjjjjj jj
D10.1a ddd nn kkkkkk nk
D10.1b nnn nn kkkkkk nk
D10.2a ddd dd ddnddd dk
D10.2b nnn dn dnnndn nk
D10.3a AAA Am mmssm. kk
D10.3b sss s0 000000 kk
D10.4  mmm ss 0s0s0s 0s
D10.5  Jdd dd kkkkkk kk
D10.6  ddd nn kkkkkk dw
D11.1  ddd nJ kkkkkk kk
D11.2  ddd dJ kkkkkk kk
D11.4  AAs ss ss0sss ss
D11.5  sss ss ss0sks sk
D11.6  sss 0s sss0ss kk
D11.7  ddd dJ dndndk kk
"""

# Evidence for an upper-case answer: per question, by role (fallback "*").
WI_EVIDENCE = {
    "D1.2a": {"*": "Mandaatbesluit directeur Sociaal Domein 2025"},
    "D1.3": {"*": "Resultaatafspraken teamleiders 2026, paragraaf 4"},
    "D1.4": {"*": "Gedragscode Werk & Inkomen 2025, paragraaf 'Over klanten praten'"},
    "D2.1": {"*": "Toets op gevolgen bij de nieuwe verordening tegenprestatie (juni 2026)"},
    "D2.4a": {"*": "Werkinstructie termijnen 2025: eerst een herinneringsbrief"},
    "D2.4b": {"*": "Werkinstructie bewijsstukken 2025: uitstel van twee weken op verzoek"},
    "D3.1": {"*": "Overzicht selectieregels handhaving, versie maart 2026"},
    "D3.2a": {"*": "Criterialijst heronderzoek 2024: nationaliteit en geboorteland verwijderd"},
    "D3.2b": {"*": "Criterialijst heronderzoek 2024, getoetst door juridische zaken"},
    "D3.3a": {"*": "Criterialijst heronderzoek 2024, kolom 'doel'"},
    "D3.9b": {"*": "Privacyverklaring klantsysteem 2025: label 'signaal heronderzoek', met de wettelijke grondslag"},
    "D3.15": {"*": "Stappenplan handhaving 2024: eerst brief, dan gesprek, dan pas huisbezoek"},
    "D4.1": {"*": "Procesbeschrijving Werk & Inkomen 2024, bijlage beslismomenten"},
    "D4.2a": {"*": "Werkinstructie rapportage in het klantvolgsysteem"},
    "D4.2b": {"*": "Werkinstructie rapportage in het klantvolgsysteem"},
    "D4.5": {"*": "Protocol huisbezoek 2023"},
    "D5.1a": {"*": "Brief 'Uw uitkering is toegekend' getest met de taalambassadeurs, mei 2025"},
    "D5.2": {"*": "Tolkprotocol Werk & Inkomen 2025, budget voor tolkentelefoon en tolk ter plaatse"},
    "D5.3a": {"*": "Balie in het stadhuis, telefoonnummer 14 0xx en papieren formulieren"},
    "D5.3b": {"*": "Formulierenspreekuur in de bibliotheek op dinsdag"},
    "D5.4b": {"*": "Toegankelijkheidsverklaring website gemeente Zandvoorde, status B"},
    "D5.5a": {"*": "Standaardbesluitbrief met alinea over bezwaar"},
    "D5.5b": {"*": "Standaardbesluitbrief met alinea over het Juridisch Loket"},
    "D7.1a": {"*": "Website en folder noemen het meldpunt discriminatie Zandvoorde en omgeving"},
    "D7.3": {"*": "Regeling vermoeden van een misstand gemeente Zandvoorde 2023"},
    "D8.2a": {"*": "Wervingsprotocol 2025 met vaste interviewvragen"},
    "D8.3a": {"*": "Medewerkersonderzoek 2025, vraagblok sociale veiligheid"},
    "D8.4": {"*": "Casustraining 'Eerlijk beslissen', november 2025"},
    "D9.1": {"*": "Klantenpanel las mee met de nieuwe brieven over de tegenprestatie, 2026"},
    "D9.2a": {"*": "Vergoedingsregeling ervaringsdeskundigen 2025"},
    "D9.3": {"*": "Reactie van het college op het advies van de cliëntenraad over de taaleis, 2026"},
    "D10.3a": {"*": "Werkafspraak werkgeversservicepunt: discriminerende vacatures weigeren"},
    "D10.5": {"*": "Samenwerkingsovereenkomst werkgeversservicepunt regio Zandvoorde 2024"},
    "D11.1": {"*": "Notitie juridische zaken 'Taaleis en kostendelersnorm' van 14 januari 2026"},
    "D11.2": {"*": "Notitie juridische zaken 'Taaleis en kostendelersnorm' van 14 januari 2026"},
    "D11.4": {"*": "Werkinstructie terugvordering 2025; 23 keer afgezien wegens dringende redenen in 2025"},
    "D11.7": {"*": "Signaal kostendelersnorm aan VNG en ministerie SZW, april 2026"},
}

# Reasons for "nvt" (required by the scale).
WI_REASONS = {}

# Notes: some multi-line; one holds what staff type by habit (**bold**, a
# list, a mail-merge field {{naam}}) on purpose (D4.2a by WI-07), to test that the report prints it literally. No note
# names its writer's own role or case (the coordinator screens notes).
WI_NOTES = {
    ("D1.2b", "WI-01"): "De directeur Sociaal Domein is eigenaar, maar een jaarverslag is er nog niet.",
    ("D1.4", "WI-07"): "In de pauze hoor je soms 'die mensen uit Noord proberen het altijd'. Niemand zegt daar iets van.",
    ("D1.4", "WI-10"): "Er wordt wel eens gegrapt over klanten die 'geen Nederlands willen leren'.",
    ("D2.1", "WI-04"): "We toetsen nieuwe regels op juridische houdbaarheid, niet op gevolgen voor groepen.",
    ("D2.4a", "WI-06"): """Veel klanten halen de termijn van een week niet.
Dan wordt de uitkering opgeschort, zonder telefoontje. Dat raakt vooral mensen die slecht lezen of veel schulden hebben.""",
    ("D3.1", "WI-12"): "Het overzicht mist het rekenblad met 'signalen' dat het team handhaving zelf bijhoudt.",
    ("D3.2a", "WI-01"): "Nationaliteit is in 2024 uit de criteria gehaald.",
    ("D3.2b", "WI-06"): """In de scorekaart voor heronderzoek telt het postcodegebied Zandvoorde-Noord mee.
Daar wonen vooral mensen met een migratieachtergrond.""",
    ("D3.2b", "WI-07"): "'Tolk nodig bij intake' is een vinkje dat de score verhoogt. Dat is toch taal als criterium?",
    ("D3.2b", "WI-09"): "Postcode en 'taalvaardigheid onvoldoende' staan in het rekenblad. Ik heb nooit een onderbouwing gezien.",
    ("D3.2b", "WI-12"): """Het rekenblad heeft drie kolommen die naar afkomst kunnen wijzen:
postcode, taalvaardigheid en 'tolk nodig'. Waarom ze erin staan, is niet vastgelegd.""",
    ("D3.2b", "WI-05"): "Of de kolommen in het rekenblad zijn getoetst, weet ik niet. De criterialijst wel.",
    ("D3.3c", "WI-05"): "Er is een DPIA voor het klantvolgsysteem, maar niet voor de selectieregels. Een IAMA is nooit gedaan.",
    ("D3.4a", "WI-04"): "Er is nooit gekeken of de selectie bepaalde groepen vaker raakt.",
    ("D3.5", "WI-09"): """Officieel is een selectie geen bewijs.
In de praktijk wordt een uitkering soms al opgeschort voordat iemand het dossier heeft gezien.""",
    ("D3.5", "WI-12"): "Na een gemiste termijn zet het systeem de betaling vanzelf stop. Pas daarna kijkt iemand.",
    ("D3.5", "WI-13"): "De regel 'termijn verlopen = opschorten' staat standaard aan in de software.",
    ("D3.16", "WI-07"): "Klanten vragen waarom zij weer worden gecontroleerd. Wij mogen het niet uitleggen, of weten het zelf niet.",
    ("D3.9c", "WI-12"): "In het klantsysteem staat een label 'signaal heronderzoek'. Het vervalt na twee jaar.",
    ("D4.1", "WI-02"): "Alle beslismomenten staan in de procesbeschrijving.",
    ("D4.1", "WI-06"): """Bij een adresonderzoek beslis je vaak zelf of je doorzet.
Dat staat nergens beschreven.""",
    ("D4.2a", "WI-07"): """Een reden schrijven we **nooit** op: er is geen tijd voor.
In de standaardbrief staat soms nog {{naam}} in plaats van de naam van de klant.
- er is geen vast veld voor de reden
- het kost tijd die niet in de planning staat""",
    ("D4.2b", "WI-09"): "Bij twijfel volg je je gevoel. Dat schrijf je niet op.",
    ("D4.4", "WI-02"): "Het teamplan noemt geen aantallen per medewerker.",
    ("D4.4", "WI-06"): """Er is geen officieel target, maar in het werkoverleg wordt wel gezegd hoeveel heronderzoeken per maand 'normaal' zijn.
Wie minder doet, moet dat uitleggen.""",
    ("D4.4", "WI-10"): "Elke maand staat op het bord hoeveel terugvorderingen het team heeft gedaan.",
    ("D4.5", "WI-08"): "Of je een huisbezoek doet, hangt af van wie het dossier heeft.",
    ("D4.6", "WI-09"): "In de intervisie gaat het over lastige klanten, niet over onze eigen keuzes.",
    ("D4.10", "WI-11"): "Wie een fraudeschuld heeft, krijgt bijna nooit schuldhulp. Dat staat nergens als eis.",
    ("D5.1b", "WI-07"): "De toekenningsbrief is goed. De brief over terugvordering is nog steeds moeilijk.",
    ("D6.1a", "WI-12"): "Wij kunnen uitkomsten alleen per wijk en per leeftijd laten zien, niet per groep.",
    ("D6.1a", "WI-04"): """We hebben het CBS nooit gevraagd om een analyse.
Er is ook geen dashboard met uitkomsten per groep.""",
    ("D6.3", "WI-05"): "Er is een DPIA voor het klantvolgsysteem; of die ook over groepsgegevens gaat, moet ik uitzoeken.",
    ("D7.3", "WI-06"): "Anoniem melden kan niet; je moet via je teamleider. Dat doet niemand.",
    ("D7.3", "WI-10"): "Ik weet niet bij wie ik buiten de afdeling terecht kan.",
    ("D7.5", "WI-04"): "Na een gewonnen bezwaar volgt een correctie, maar geen terugblik op vergelijkbare zaken.",
    ("D7.6a", "WI-05"): "Er volgt een correctie. Excuses of uitleg krijgt de klant meestal niet.",
    ("D8.1", "WI-04"): "Er zijn geen cijfers over doorgroei per groep.",
    ("D8.5", "WI-07"): "Een collega maakte een grap over een klant met een hoofddoek. Er werd om gelachen, ook door een leidinggevende.",
    ("D8.5", "WI-01"): "Elke opmerking die ik hoor, bespreek ik direct.",
    ("D10.1b", "WI-04"): "Het contract met de leverancier van het klantvolgsysteem zegt niets over testen.",
    ("D10.3a", "WI-08"): """Een werkgever vroeg vorige maand om 'liever geen hoofddoek'.
We hebben de vacature aangepast, maar het verzoek niet gemeld.""",
    ("D10.4", "WI-12"): "Tips van de woningcorporatie gaan direct het rekenblad in.",
    ("D11.4", "WI-07"): """Afzien van terugvorderen bestaat, maar je moet er lang voor vechten.
Meestal wordt alles teruggevorderd, ook bij een klein bedrag dat iemand vergat te melden.""",
    ("D11.6", "WI-04"): "Maatwerk bij de kostendelersnorm gebeurt bijna nooit; medewerkers weten niet dat het mag.",
}

# The session: six people (two of management, one of policy, two frontline,
# one back office) agreed on these answers on 28 October 2026, after
# discussing the individual results. Codes as above; one column.
WI_SESSION = {
    "code": "WI-sessie", "role": "", "date": "2026-10-28", "participants": 6,
    "profile": {"P1": "10000-50000", "P2": "hoog", "P3": "handhaving", "P4": "regels"},
    "grid": """
D1.1 b
D1.2a J
D1.2b n
D1.3 d
D1.4 d
D1.5 j
D1.5a d
D1.5b n
D2.1 n
D2.4a s
D2.4b m
D2.6 n
D3.0 j
D3.1 d
D3.2a N
D3.2b u
D3.3a n
D3.3b n
D3.3c n
D3.4a n
D3.5 s
D3.15 m
D3.7 n
D3.16 0
D3.9a j
D3.9b j
D3.9c j
D3.10 n
D3.11 n
D3.12 n
D3.13 g
D4.1 d
D4.2a d
D4.2b s
D4.3 n
D4.4 o
D4.5 d
D4.6 0
D4.7 j
D4.8 w
D4.9 j
D4.10 0
D5.1a J
D5.1b n
D5.2 A
D5.3a J
D5.3b A
D5.4a m
D5.4b J
D5.5a J
D5.5b J
D6.1a n
D6.1c n
D6.3 w
D6.5 n
D6.6 n
D7.1a d
D7.1b n
D7.2 n
D7.3 n
D7.4a d
D7.4b n
D7.5 n
D7.6a n
D7.6b n
D8.1 n
D8.2a J
D8.2b n
D8.3a d
D8.3b n
D8.4 d
D8.5 s
D9.1 d
D9.2a J
D9.2b d
D9.3 J
D9.4 d
D10.0 j
D10.1a n
D10.1b n
D10.2a d
D10.2b n
D10.3a s
D10.3b 0
D10.4 0
D10.5 J
D10.6 n
D11.1 d
D11.2 d
D11.4 s
D11.5 s
D11.6 0
D11.7 d
""",
    "evidence": {
        "D1.2a": "Mandaatbesluit directeur Sociaal Domein 2025",
        "D3.2a": "Criterialijst heronderzoek 2024: nationaliteit en geboorteland verwijderd",
        "D5.1a": "Toekenningsbrief getest met de taalambassadeurs, mei 2025",
        "D5.2": "Tolkprotocol Werk & Inkomen 2025",
        "D5.3a": "Balie stadhuis, telefoon en papieren formulieren",
        "D5.3b": "Formulierenspreekuur bibliotheek",
        "D5.4b": "Toegankelijkheidsverklaring website, status B",
        "D5.5a": "Standaardbesluitbrief, alinea bezwaar",
        "D5.5b": "Standaardbesluitbrief, alinea Juridisch Loket",
        "D8.2a": "Wervingsprotocol 2025",
        "D9.2a": "Vergoedingsregeling ervaringsdeskundigen 2025",
        "D9.3": "Reactie op het advies over de taaleis, 2026",
        "D10.5": "Samenwerkingsovereenkomst werkgeversservicepunt 2024",
    },
    "notes": {
        "D3.2b": """Na bespreking: het rekenblad voor heronderzoek gebruikt postcode, taalvaardigheid en 'tolk nodig'.
Er is geen onderbouwing. De groep vindt dat deze kolommen direct uit de selectie moeten.""",
        "D3.4a": "Er is nooit gemeten of de selectie groepen ongelijk raakt. Niemand wist dat dit moest.",
        "D3.5": "De automatische opschorting na een gemiste termijn gaat per direct uit, tot er een menselijke controle is.",
        "D4.2b": "Leiding en uitvoering zagen dit heel verschillend. Conclusie: een reden wordt zelden vastgelegd.",
        "D4.4": "Er zijn geen officiële targets, wel informele normen in het werkoverleg.",
        "D6.3": "Uitzoeken bij de privacyfunctionaris of de DPIA ook over groepsgegevens gaat.",
        "D7.3": "Een anoniem meldpunt buiten de lijn ontbreekt.",
        "D10.3a": "Eén vacature met 'liever geen hoofddoek' is aangepast uitgezet. Dat had geweigerd moeten worden.",
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
    ("QS-06", "beleid", "2026-10-22"),
]
QS_UNIT = "Schulddienstverlening"

QS_PROFILE = {
    "P1": ["2000-10000"] * 6,
    "P2": ["hoog"] * 6,
    "P3": ["voorziening", "voorziening", "voorziening", "handhaving", "voorziening", "voorziening"],
    "P4": ["hulpmiddelen", "regels", "regels", "regels", "automatisch", "regels"],
}
# D3.0: the manager thinks no selection rules are used (and skips D3); the
# others know the rule in the software.
# Columns: QS-01 | QS-02 QS-03 QS-04 | QS-05 | QS-06
QS_GRID = """
D1.2a  J ddk d J
D1.4   J dnd d d
D2.1   d nkd n n
D2.4a  m ss0 0 s
D3.0   n jjj j j
D3.1   k kkk n d
D3.2a  k nkn n n
D3.2b  k nkn n n
D3.4a  k kkk n n
D3.5   k vvs v s
D4.2a  J ddn d d
D4.4   n non n n
D5.2   A AsA A A
D5.3a  J Jdd J J
D6.1a  w kkk n n
D6.3   w kkk k w
D7.4a  d kkd k d
D7.4b  n kkn k n
D7.6b  d kkk k n
D8.3a  J dJd d J
D8.5   a s0s s m
D9.1   d kkd k d
D9.3   J kkk k J
D10.1a d kkk n n
D10.2a d kkd k w
D11.1  x kkk x x
D11.4  A ss0 s s
"""
QS_EVIDENCE = {
    "D1.2a": {"*": "Mandaatbesluit directeur Sociaal Domein 2025"},
    "D1.4": {"*": "Gedragscode Werk & Inkomen 2025, ook voor schulddienstverlening"},
    "D4.2a": {"*": "Werkinstructie toelating schuldhulp 2025"},
    "D5.2": {"*": "Tolkprotocol Werk & Inkomen 2025, ook voor schulddienstverlening"},
    "D5.3a": {"*": "Inloopspreekuur schuldhulp en papieren aanvraagformulier"},
    "D8.3a": {"*": "Medewerkersonderzoek 2025, vraagblok sociale veiligheid"},
    "D9.3": {"*": "Reactie op het advies van de cliëntenraad over de aanvraagbrief, 2026"},
    "D11.4": {"*": "Beleidsregels schulddienstverlening 2024, artikel 6"},
}
QS_REASONS = {
    ("D11.1", "QS-01"): "De taaleis hoort bij de bijstand. Schulddienstverlening past hem niet toe.",
    ("D11.1", "QS-05"): "Wij werken niet met de taaleis; die hoort bij de uitkering.",
    ("D11.1", "QS-06"): "De taaleis geldt niet voor schuldhulp.",
}
QS_NOTES = {
    ("D3.5", "QS-02"): """Als een aanvraag in het systeem als 'onvolledig' wordt gemarkeerd, gaat er automatisch een brief uit.
De aanvraag wordt dan buiten behandeling gesteld zonder dat iemand het dossier bekijkt.""",
    ("D3.5", "QS-05"): "De regel in de software zet de aanvraag na 14 dagen vanzelf stop. Niemand kijkt ernaar.",
    ("D3.4a", "QS-06"): "Ik weet niet of iemand bekijkt wie er vaker buiten behandeling wordt gesteld. Gemeten is het niet.",
    ("D2.4a", "QS-04"): "Bij een gemiste afspraak stopt het traject meteen, ook als iemand ziek was.",
    ("D8.5", "QS-03"): """Over klanten met schulden bij de Belastingdienst wordt soms gezegd 'die kennen het systeem wel'.
Dat wordt niet rechtgezet.""",
    ("D6.1a", "QS-05"): "We registreren geen uitkomsten per groep.",
    ("D5.2", "QS-03"): "Een tolk moet je zelf regelen en dat duurt lang.",
}
QS_SESSION = {
    "code": "QS-sessie", "role": "", "date": "2026-10-29", "participants": 5,
    "profile": {"P1": "2000-10000", "P2": "hoog", "P3": "voorziening", "P4": "automatisch"},
    "grid": """
D1.2a d
D1.4 d
D2.1 n
D2.4a 0
D3.0 j
D3.1 n
D3.2a n
D3.2b n
D3.4a n
D3.5 v
D4.2a d
D4.4 n
D5.2 A
D5.3a J
D6.1a n
D6.3 w
D7.4a d
D7.4b n
D7.6b n
D8.3a d
D8.5 s
D9.1 d
D9.3 J
D10.1a n
D10.2a w
D11.1 x
D11.4 s
""",
    "evidence": {"D5.2": "Tolkprotocol Werk & Inkomen 2025", "D5.3a": "Inloopspreekuur schuldhulp",
                 "D9.3": "Reactie op het advies over de aanvraagbrief, 2026"},
    "reasons": {"D11.1": "De taaleis hoort bij de bijstand, niet bij schulddienstverlening."},
    "notes": {
        "D3.5": "De regel die onvolledige aanvragen automatisch stopt, wordt per direct uitgezet tot er een menselijke controle is.",
        "D10.2a": "Uitzoeken wat er in het contract met het budgetbeheerbureau staat.",
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


class Meta:
    """What the generator needs to know of an instrument: each question's
    scale, its condition, and the order of the questions."""

    def __init__(self, path):
        import tomllib
        with open(os.path.join(ROOT, path), "rb") as f:
            d = tomllib.load(f)
        self.order, self.scale, self.cond = [], {}, {}
        for q in d.get("profile", {}).get("question", []):
            self.order.append(q["id"])
            self.scale[q["id"]] = q.get("scale")
        for dom in d["domain"]:
            for q in dom["question"]:
                self.order.append(q["id"])
                self.scale[q["id"]] = q.get("scale")
                if "only_if" in q:
                    self.cond[q["id"]] = q["only_if"]

    def decode(self, qid, code):
        """(option id, with evidence) for a grid code, or None."""
        if code == ".":
            return None
        if qid not in self.scale:
            sys.exit(f"grid row {qid}: not a question of the instrument")
        codes = {**SCALE_CODES.get(self.scale[qid], {}), **COMMON_CODES}
        opt = codes.get(code.lower())
        if opt is None:
            sys.exit(f"grid row {qid}: code '{code}' means nothing on scale {self.scale[qid]}")
        return opt, code.isupper()

    def applies(self, qid, chosen):
        """Whether `qid` is asked, given the options chosen so far."""
        c = self.cond.get(qid)
        return c is None or chosen.get(c["question"]) in c.get("answers", [])


def resolve(meta, cells):
    """Grid codes of one respondent -> {qid: (option, with evidence)}, with
    the questions the respondent skipped (only_if not met) left out."""
    chosen, out = {}, {}
    for qid in meta.order:
        if qid not in cells:
            continue
        dec = meta.decode(qid, cells[qid])
        if dec is None or not meta.applies(qid, chosen):
            continue
        chosen[qid] = dec[0]
        out[qid] = dec
    return out


def answer_value(qid, dec, role, rcode, evidence, reasons, notes):
    """The TOML value for one decoded answer."""
    ans, with_evidence = dec
    fields = [("answer", ans)]
    if with_evidence:
        ev = evidence[qid]
        fields.append(("evidence", (ev.get(role) or ev["*"]) if isinstance(ev, dict) else ev))
    if ans == "nvt":
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


def respondent_answers(meta, i, rcode, role, profile, grid, evidence, reasons, notes):
    answers = {}
    for qid, vals in profile.items():
        if vals[i]:
            answers[qid] = toml_str(vals[i])
    for qid, dec in resolve(meta, {q: c[i] for q, c in grid.items()}).items():
        answers[qid] = answer_value(qid, dec, role, rcode, evidence, reasons, notes)
    return answers


def session_answers(meta, s):
    answers = {k: toml_str(v) for k, v in s["profile"].items()}
    ev = {k: {"*": v} for k, v in s["evidence"].items()}
    notes = {(k, s["code"]): v for k, v in s["notes"].items()}
    reasons = {(k, s["code"]): v for k, v in s.get("reasons", {}).items()}
    cells = {q: c[0] for q, c in parse_grid(s["grid"], 1).items()}
    for qid, dec in resolve(meta, cells).items():
        answers[qid] = answer_value(qid, dec, "", s["code"], ev, reasons, notes)
    return answers


# ------------------------------------------------------------------ forms


def xfdf_for(meta, rcode, role, date, unit, profile_vals, grid_cells, evidence, reasons, notes):
    fields = [("respondent.code", rcode), ("respondent.role", role), ("respondent.organisation", ORG),
              ("respondent.unit", unit), ("respondent.date", date)]
    for qid, v in profile_vals.items():
        if v:
            fields.append((qid, v))
    for qid, (ans, with_evidence) in resolve(meta, grid_cells).items():
        fields.append((qid, ans))
        if with_evidence:
            ev = evidence[qid]
            fields.append((qid + ".evidence", (ev.get(role) or ev["*"])))
        note = notes.get((qid, rcode))
        if ans == "nvt":  # on a form the reason for "nvt" goes in the note field
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
    meta = Meta(FULL)
    grid = parse_grid(WI_GRID, len(WI))
    written = []
    with tempfile.TemporaryDirectory() as tmp:
        blank_form = os.path.join(tmp, "form.pdf")
        run(zs, "form", FULL, "--lang", "nl", "-o", blank_form)
        for i, (rcode, role, date, form) in enumerate(WI):
            answers = respondent_answers(meta, i, rcode, role, WI_PROFILE, grid, WI_EVIDENCE, WI_REASONS, WI_NOTES)
            resp = {"code": rcode, "role": role, "organisation": ORG, "unit": "Werk & Inkomen", "date": date}
            intended = fill_template(tpl, resp, answers)
            if not form:
                path = os.path.join(wi_dir, f"{rcode}.toml")
                with open(path, "w", encoding="utf-8") as f:
                    f.write(intended)
                written.append(path)
                continue
            # A filled PDF form, read back and compared with the intended file.
            xfdf = xfdf_for(meta, rcode, role, date, "Werk & Inkomen",
                            {q: v[i] for q, v in WI_PROFILE.items()},
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
                                        "participants": s["participants"]}, session_answers(meta, s)))
        written.append(path)

    # Quick scan.
    qs_dir = os.path.join(ROOT, "samples", "quickscan")
    qs_sess = os.path.join(qs_dir, "sessie")
    os.makedirs(qs_sess, exist_ok=True)
    tpl = template_text(zs, QUICK)
    meta = Meta(QUICK)
    grid = parse_grid(QS_GRID, len(QS))
    for i, (rcode, role, date) in enumerate(QS):
        answers = respondent_answers(meta, i, rcode, role, QS_PROFILE, grid, QS_EVIDENCE, QS_REASONS, QS_NOTES)
        resp = {"code": rcode, "role": role, "organisation": ORG, "unit": QS_UNIT, "date": date}
        path = os.path.join(qs_dir, f"{rcode}.toml")
        with open(path, "w", encoding="utf-8") as f:
            f.write(fill_template(tpl, resp, answers))
        written.append(path)
    s = QS_SESSION
    path = os.path.join(qs_sess, "QS-sessie.toml")
    with open(path, "w", encoding="utf-8") as f:
        f.write(fill_template(tpl, {"code": s["code"], "role": s["role"], "organisation": ORG, "unit": QS_UNIT,
                                    "date": s["date"], "participants": s["participants"]}, session_answers(meta, s)))
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
