#!/usr/bin/env python3
"""Regenerates the fictional answer sets of the questionnaires without a risk
model in samples/: the process evaluation (samples/procesevaluatie/), its
follow-up after three months (samples/procesevaluatie-vervolg/), the staff
culture survey (samples/cultuurpeiling/) and the client questionnaire
(samples/klantervaring/), all of the fictional Werk & Inkomen department of
samples/werk-en-inkomen/.

    python3 samples/make_companion_samples.py [--zelfscan build/zelfscan]

Like make_samples.py, every file starts from `zelfscan template` and only the
respondent and answer lines are filled in. See samples/README.md for what the
sets are designed to show.
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_samples import ORG, ROOT, fill_template, run, template_text, toml_str  # noqa: E402

UNIT = "Werk & Inkomen"

# Grid codes per instrument; "." = not answered, "-" = skipped by a condition.


def value(v):
    if isinstance(v, list):
        return "[" + ", ".join(toml_str(o) for o in v) + "]"
    if isinstance(v, (int, float)):
        return str(v)
    return toml_str(v)


def write_set(zs, instrument, folder, people, answers_of):
    """people: (code, role, date); answers_of(i) -> {question: python value}."""
    out_dir = os.path.join(ROOT, "samples", folder)
    os.makedirs(out_dir, exist_ok=True)
    # Multiple-choice lines are `"Q" = []` in the template: make them fillable.
    import re
    tpl = re.sub(r'^("[^"]+") = \[\]$', r'\1 = ""', template_text(zs, instrument), flags=re.M)
    written = []
    for i, (code, role, date) in enumerate(people):
        answers = {q: value(v) for q, v in answers_of(i).items() if v is not None}
        resp = {"code": code, "role": role, "organisation": ORG, "unit": UNIT, "date": date}
        path = os.path.join(out_dir, f"{code}.toml")
        with open(path, "w", encoding="utf-8") as f:
            f.write(fill_template(tpl, resp, answers))
        written.append(path)
    return written


def grid_answers(grid, codes, extra):
    """grid: {question: "codes, one per person"}; extra: {question: [values]}."""
    def of(i):
        a = {}
        for q, cells in grid.items():
            c = cells.replace(" ", "")[i]
            if c in ".-":
                continue
            a[q] = codes[q][c] if isinstance(codes.get(q), dict) else codes["*"][c]
        for q, vals in extra.items():
            if vals[i] is not None:
                a[q] = vals[i]
        return a
    return of


# ------------------------------------------------------- staff culture survey

# 18 staff of Werk & Inkomen: 5 management, 8 frontline, 3 back office,
# 2 policy. Management and frontline are shown per role (5 or more); back
# office and policy only count in "everyone". Designed: the frontline hears
# remarks about clients and keeps concerns to itself far more often than
# management thinks; managers say they speak up, frontline staff rarely see
# it; five of the six who saw something did not report it.
CULTURE = "instruments/cultuurpeiling.toml"
CP = ([(f"CP-{n:02d}", "leiding", "2026-11-02") for n in range(1, 6)]
      + [(f"CP-{n:02d}", "uitvoering", "2026-11-03") for n in range(6, 14)]
      + [(f"CP-{n:02d}", "backoffice", "2026-11-04") for n in range(14, 17)]
      + [(f"CP-{n:02d}", "beleid", "2026-11-05") for n in range(17, 19)])
FREQ = {"1": "nooit", "2": "zelden", "3": "soms", "4": "vaak", "5": "heel-vaak", "w": "weet-niet", "x": "nvt"}
CP_GRID = {  # leiding(5) uitvoering(8) backoffice(3) beleid(2)
    "C1.1": "34434 22312232 2x2 3x",
    "C1.2": "11121 34243323 232 21",
    "C1.3": "45444 32x23222 x3x 3x",
    "C2.1": "21211 34343423 323 22",
    "C2.2": "11211 23232322 2w2 21",
    "C2.3": "11121 23322w32 222 1w",
    "C2.4": "11111 23221322 212 21",
    "C2.5": "11111 13111412 121 11",
    "C3.1": "22232 34443433 343 32",
    "C3.2": "12212 34333433 333 22",
    "C3.3": "44534 22x12232 2x2 3x",
    "C3.4": "44444 22321232 xxx xx",
    "C4.1": "jjjjj jnwjnjnw jnj jj",
    "C4.2": "sgsss ngnsnnsg sns ss",
}
CP_CODES = {"*": FREQ,
            "C4.1": {"j": "ja", "n": "nee", "w": "weet-niet"},
            "C4.2": {"g": "ja", "n": "niet-gemeld", "s": "niets-gezien"}}


def per_person(n, given):
    vals = [None] * n
    for i, v in given.items():
        vals[i] = v
    return vals


CP_EXTRA = {
    "C4.3": per_person(len(CP), {1: "opgelost", 6: "geen-bericht", 12: "niets"}),
    "C4.4": per_person(len(CP), {5: ["zinloos", "gevolgen"], 7: ["twijfel"], 9: ["zinloos"],
                                 10: ["collega", "gevolgen"], 14: ["waar"]}),
    "C4.5": per_person(len(CP), {
        0: "Vaker casussen bespreken waarin we twijfelen.",
        5: "Een melding moet ergens heen gaan waar ik niet mijn eigen teamleider tegenkom.",
        7: "Dat iemand van de leiding ook eens meeluistert aan de balie.",
        10: "Horen wat er met een melding is gedaan. Nu hoor je nooit iets terug.",
        11: "Een melding moet ergens heen gaan waar ik niet mijn eigen teamleider tegenkom.",
        16: "Cijfers per groep klanten, dan hoeven we niet op gevoel te werken.",
    }),
}

# ------------------------------------------------------- client questionnaire

# 12 clients of Werk & Inkomen, asked at the desk in one week: 7 about a
# benefit, 3 about debt help, 2 about work or training. Only the benefit
# group is shown per role. Designed: most feel treated with respect, but
# letters are often not understood, four of twelve felt treated differently
# (language and origin named most), two needed an interpreter and did not
# get one, and five wanted to complain: one did, four did not (from 2.0.0
# K3.2 asks whether they wanted to, K3.3 whether they did). Two are members of the
# client council (K5, from version 1.1.0): one says the council gets a
# written response sometimes and never hears what was done with its input.
CLIENT = "instruments/klantervaring.toml"
KL = ([(f"KL-{n:02d}", "uitkering", "2026-11-09") for n in range(1, 8)]
      + [(f"KL-{n:02d}", "schuldhulp", "2026-11-10") for n in range(8, 11)]
      + [(f"KL-{n:02d}", "werk", "2026-11-11") for n in range(11, 13)])
OFTEN = {"a": "altijd", "m": "meestal", "s": "soms", "n": "nooit", "w": "weet-niet"}
YESNO = {"j": "ja", "n": "nee", "w": "weet-niet"}
LITTLE = {"j": "ja", "b": "beetje", "n": "nee", "w": "weet-niet"}
KL_GRID = {  # uitkering(7) schuldhulp(3) werk(2)
    "K1.1": "ammasms aam ms",
    "K1.2": "amsmsns ama ms",
    "K1.3": "msmsnns mam ss",
    "K1.4": "nnjnjnj nnw jn",
    "K2.1": "mssmnsm msm sm",
    "K2.2": "msnmnsm sam ss",
    "K2.3": "yngywyn yyg ny",
    "K2.4": "nnknkgn nnn nn",
    "K3.1": "jnnjnnj jjn nj",
    "K3.2": "njnnjnj njn jn",
    "K3.3": "-n--n-n -j- n-",
    "K4.1": "jbbjnbb jjb bj",
    "K4.2": "jbnjnbb jbj bj",
    "K5.0": "njnnnnn nnn jn",
    "K5.1": "-b----- --- j-",
    "K5.2": "-s----- --- m-",
    "K5.3": "-n----- --- s-",
}
KL_CODES = {"*": OFTEN, "K1.4": YESNO, "K3.1": YESNO, "K3.2": YESNO, "K3.3": {"j": "ja", "n": "nee"}, "K4.1": LITTLE, "K4.2": LITTLE,
            "K5.0": YESNO, "K5.1": LITTLE,
            "K2.3": {"y": "ja", "n": "nee", "g": "niet-nodig", "w": "weet-niet"},
            "K2.4": {"n": "niet-nodig", "g": "gekregen", "k": "niet-gekregen"}}
KL_EXTRA = {
    "K1.5": per_person(len(KL), {2: ["taal"], 4: ["afkomst", "taal", "naam"], 6: ["afkomst", "wijk"], 10: ["leeftijd"]}),
    "K3.4": per_person(len(KL), {1: ["hoe"], 4: ["bang", "helpt-niet"], 6: ["helpt-niet"], 10: ["moeilijk"]}),
    "K4.3": per_person(len(KL), {
        0: "Brieven met minder moeilijke woorden.",
        2: "Een tolk als ik het vraag. Mijn dochter moest nu vertalen.",
        4: "Mij niet meteen wantrouwen als ik een papier te laat heb.",
        6: "Brieven met minder moeilijke woorden.",
        8: "Sneller terugbellen.",
        10: "Mij ook een opleiding aanbieden, niet alleen de jongeren.",
    }),
}

# ------------------------------------------------------- process evaluation

# The process evaluation 2.0.0 by five people of the Werk & Inkomen team,
# after the scan; the coordinator also fills in the log (E7).
PROCESS = "instruments/procesevaluatie.toml"
PE = [("PE-01", "coordinator", "2026-11-09"), ("PE-02", "leiding", "2026-11-09"),
      ("PE-03", "uitvoering", "2026-11-10"), ("PE-04", "uitvoering", "2026-11-11"),
      ("PE-05", "klantenpanel", "2026-11-12")]
PE_ANSWERS = {
    "E1.1": [["sessie", "gesprek", "rapport", "plan"], ["alleen-ingevuld", "gesprek", "rapport", "plan"],
             ["alleen-ingevuld", "gesprek"], ["alleen-ingevuld", "gesprek", "rapport"], ["alleen-ingevuld"]],
    "E1.2": ["ja", "ja", "deels", "deels", "weet-niet"],
    "E1.3": [45, 60, 90, 75, 120],
    "E1.5": ["De sessie met het klantenpanel is een week later gehouden dan gepland.", None,
             "We hadden minder tijd dan gepland. Het gesprek is één keer uitgesteld.", None,
             "Ik was niet uitgenodigd voor het gesprek over de uitkomsten."],
    "E1.6": ["ja", "ja", "ja", "ja", "niet-bij"],
    "E1.7": [120, 120, 90, 120, None],
    "E2.1": ["4", "4", "3", "2", "3"],
    "E2.2": ["4", "5", "3", "3", "2"],
    "E2.3": ["5", "4", "3", "3", "weet-niet"],
    "E2.4": [None, None, "D4.2: ik wist niet wat met ‘criteria’ werd bedoeld.",
             "Bij D3.2 staat **vet** het woord ‘proxy’, maar niemand wist wat dat is.\n"
             "# geen kop\n- geen lijst, {{naam}} en [geen link](https://voorbeeld.nl) blijven zoals ze zijn\n",
             "Veel woorden zijn ambtelijk, zoals ‘beslisruimte’ en ‘cliëntenraad’."],
    "E2.5": ["4", "3", "3", "2", "weet-niet"],
    "E2.6": ["5", "4", "4", "3", "weet-niet"],
    "E3.1": ["4", "4", "3", "3", "2"],
    "E3.2": ["4", "3", "4", "2", "weet-niet"],
    "E3.3": ["3", "4", "3", "2", "weet-niet"],
    "E3.4": ["5", "4", "4", "3", "3"],
    "E3.5": [8, 7, 7, 6, 5.5],
    "E3.6": ["4", "4", "3", "2", "weet-niet"],
    "E3.7": [None, None, "D4: aan de balie is er meer ruimte om zelf te beslissen dan het rapport zegt.",
             "D5: de tolk wordt minder vaak ingezet dan de leiding denkt.", None],
    "E4.1": ["4", "4", "3", "2", "4"],
    "E4.2": ["3", "4", "2", "2", "3"],
    "E4.3": ["Een vaste begeleider van buiten de afdeling.", "Een vaste planning, door de coördinator bewaakt.",
             "Een vaste begeleider van buiten de afdeling.", None,
             "Dat het klantenpanel mocht meedoen. Dat gebeurt niet vaak."],
    "E4.4": [None, None, "Weinig tijd naast het gewone werk.",
             "Collega’s durfden in de sessie niet alles te zeggen toen de teamleider erbij was.", None],
    "E4.5": ["4", "5", "3", "3", "2"],
    "E4.6": ["4", "3", "2", "2", "3"],
    "E4.7": ["nee", "nee", "deels", "ja", "nee"],
    "E4.8": [None, None, "Na het gesprek was het een paar dagen stil in het team.",
             "Een collega voelde zich aangevallen door wat ik zei over huisbezoeken.", None],
    "E5.1": ["4", "5", "3", "3", "weet-niet"],
    "E5.2": ["4", "5", "2", "3", "nvt"],
    "E5.3": ["4", "4", "3", "2", "2"],
    "E6.1": ["Taal en vertaling: wanneer zetten we een tolk in?", None, None, None,
             "Hoe klanten die moeilijk lezen de brieven begrijpen."],
    "E6.2": [None, "Het rapport korter maken. De samenvatting is genoeg voor de directie.", None,
             "Meer tijd voor het gesprek. En de scan ook in het Engels en het Arabisch.", None],
    "E6.3": [None, None, "Goed dat dit gebeurt. Ik hoop dat er echt iets verandert — ook na de proef.", None, None],
    "E7.0": ["ja", "nee", "nee", "nee", "nee"],
}
# The coordinator's log (PE-01 only): invited and took part per role.
PE_LOG = {"E7.1": 3, "E7.2": 2, "E7.3": 6, "E7.4": 4, "E7.5": 2, "E7.6": 1, "E7.7": 1, "E7.8": 1,
          "E7.9": 3, "E7.10": 2,
          "E7.11": ["zelf-ingevuld", "gesprek", "rapport-directeur", "plan", "cultuurpeiling", "klantervaring"],
          "E7.12": "deels", "E7.13": "later", "E7.14": "deels",
          "E7.15": "Uitleg over de risicoscores in het rapport, door een adviseur van het kenniscentrum.",
          "E7.16": 26}
for q, v in PE_LOG.items():
    PE_ANSWERS[q] = [v, None, None, None, None]

# ------------------------------------------------------- follow-up, 3 months

FOLLOW_UP = "instruments/procesevaluatie-vervolg.toml"
PV = [("PV-01", "coordinator", "2027-02-15"), ("PV-02", "leiding", "2027-02-16")]
PV_ANSWERS = {
    "V1.1": [10, 10],
    "V1.2": [4, 5],
    "V1.3": ["M8: de postcodekolom is uit de heronderzoekslijst gehaald.\n"
             "M15: stappenplan voor controles, met het huisbezoek als laatste stap.\n"
             "M22: tolkbudget voor 2027 aangevraagd.\n"
             "M29: klachtcategorie discriminatie ingesteld.",
             "M8, M15, M22 en M29 zijn gestart. M1 (jaarverslag van de eigenaar) staat in de planning voor april."],
    "V1.4": ["deels", "ja"],
    "V1.5": ["deels", "deels"],
    "V2.1": ["gestopt", "gestopt"],
    "V2.2": ["bezig", "nee"],
    "V2.3": ["De klanten die met de oude lijst zijn geselecteerd, worden nagelopen. Dat zijn er ongeveer 140.", None],
    "V3.1": ["nee", "deels"],
    "V3.2": ["ja", "ja"],
    "V3.3": ["Geholpen: de directeur vroeg elke maand naar de stand. Gehinderd: het tolkbudget moest wachten op de begroting.",
             "Er is te weinig tijd naast het gewone werk."],
}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--zelfscan", default=os.path.join(ROOT, "build", "zelfscan"))
    args = ap.parse_args()
    zs = os.path.abspath(args.zelfscan)
    written = []
    written += write_set(zs, CULTURE, "cultuurpeiling", CP, grid_answers(CP_GRID, CP_CODES, CP_EXTRA))
    written += write_set(zs, CLIENT, "klantervaring", KL, grid_answers(KL_GRID, KL_CODES, KL_EXTRA))
    written += write_set(zs, PROCESS, "procesevaluatie", PE, lambda i: {q: v[i] for q, v in PE_ANSWERS.items()})
    written += write_set(zs, FOLLOW_UP, "procesevaluatie-vervolg", PV, lambda i: {q: v[i] for q, v in PV_ANSWERS.items()})
    print(run(zs, "check", *[os.path.relpath(p, ROOT) for p in written]), end="")


if __name__ == "__main__":
    main()
