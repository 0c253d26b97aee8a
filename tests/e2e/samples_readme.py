#!/usr/bin/env python3
"""End-to-end: what samples/README.md says about the sample answers against
`zelfscan score --json` on them.

Checked: the full scan's domain table (risk %, score band, band, and a
"lift" named in the why column only for a domain that was lifted, and for
each one that was), the overall figure and band, the questions with
disagreements and knowledge gaps of both teams, and the quick scan's bands
with the domains it says were lifted.

Usage: samples_readme.py ZELFSCAN SOURCE_DIR SCRATCH_DIR"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

zs, src, tmp = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
readme = (src / "samples/README.md").read_text(encoding="utf-8")
problems: list[str] = []


def run(*args: str) -> str:
    p = subprocess.run(args, capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(f"FAIL: {' '.join(args)}: exit {p.returncode}: {p.stderr.strip()}")
    return p.stdout


def score(instrument: str, answers: list[Path]) -> dict:
    return json.loads(run(zs, "score", str(src / "instruments" / instrument), *map(str, answers), "--json"))


def section(title: str) -> str:
    start = readme.index(title)
    end = readme.find("\n## ", start + 1)
    return readme[start: end if end >= 0 else len(readme)]


def paragraph(text: str, start: str) -> str:
    i = text.index(start)
    j = text.find("\n\n", i)
    return text[i: j if j >= 0 else len(text)]


def item(text: str, start: str) -> str:
    """A list item: up to the next item or the end of the list."""
    i = text.index(start)
    ends = [j for j in (text.find("\n- ", i + 1), text.find("\n\n", i)) if j >= 0]
    return text[i: min(ends) if ends else len(text)]


def question_ids(text: str) -> set[str]:
    """Ids named in prose, also split ones ("D3.2b"); "D6.1–D6.4" is D6.1,
    D6.2, D6.3, D6.4."""
    ids = set()
    for d, a, b in re.findall(r"\bD(\d+)\.(\d+)–D\1\.(\d+)\b", text):
        ids |= {f"D{d}.{n}" for n in range(int(a), int(b) + 1)}
    return ids | set(re.findall(r"\bD\d+\.\d+[a-z]?\b", text))


def says_lifted(why: str) -> bool:
    return bool(re.search(r"\blift(s|ed)?\b", why)) and not re.search(r"\bno lift|\bnot lift|\bdoes not lift", why)


def check(ok: bool, what: str) -> None:
    if not ok:
        problems.append(what)


def check_questions(where: str, text: str, result: dict, flag: str) -> None:
    named = question_ids(text)
    actual = {q["id"] for q in result["questions"] if q.get(flag)}
    check(named == actual, f"{where}: README names {sorted(named - actual)} but not {sorted(actual - named)}")


# The full scan: the TOML files and the two forms, imported here.
forms = tmp / "forms"
forms.mkdir(parents=True, exist_ok=True)
run(zs, "import", *map(str, sorted((src / "samples/werk-en-inkomen/forms").glob("*.pdf"))), "-o", str(forms),
    "--instrument", str(src / "instruments/institutioneel-racisme.toml"))
full = score("institutioneel-racisme.toml",
             sorted((src / "samples/werk-en-inkomen").glob("*.toml")) + sorted(forms.glob("*.toml")))
domains = {d["id"]: d for d in full["domains"]}
text = section("## Full scan")
rows = re.findall(r"^\| (D\d+) [^|]*\| (\d+) % \| (\w+) \| \*\*(\w+)\*\* \| ([^|]*)\|$", text, re.M)
check(sorted(r[0] for r in rows) == sorted(domains), f"full scan: domain table rows {[r[0] for r in rows]}")
for d, risk, score_band, band, why in rows:
    r = domains[d]
    lifted = r["lifted_red_flag"] or r["lifted_critical"]
    check(round(r["risk"]) == int(risk), f"full scan {d}: README {risk} %, score {r['risk']:.1f} %")
    check(r["score_band"] == score_band, f"full scan {d}: README score band {score_band}, score {r['score_band']}")
    check(r["band"] == band, f"full scan {d}: README band {band}, score {r['band']}")
    check(says_lifted(why) == lifted, f"full scan {d}: README says '{why.strip()}', but lifted is {lifted}")
m = re.search(r"Overall about (\d+) % \((\w+)\); worst band (\w+)\.", text)
check(m is not None, "full scan: no 'Overall about …' line")
if m:
    o = full["overall"]
    check((round(o["risk"]), o["band"], o["worst_band"]) == (int(m[1]), m[2], m[3]),
          f"full scan overall: README {m.groups()}, score {round(o['risk'])} {o['band']} {o['worst_band']}")
check_questions("full scan disagreements", paragraph(text, "**Disagreements**"), full, "disagreement")
check_questions("full scan knowledge gaps", paragraph(text, "**Knowledge gaps**"), full, "find_out")

# The quick scan.
quick = score("institutioneel-racisme-quickscan.toml", sorted((src / "samples/quickscan").glob("*.toml")))
qdomains = {d["id"]: d for d in quick["domains"]}
text = section("## Quick scan")
bands = " ".join(item(text, "- Bands:").removeprefix("- Bands:").split()).rstrip(".")
named = {}
for part in bands.split(";"):
    m = re.fullmatch(r"\s*((?:D\d+,?\s*)+?)\s*(\w+)\s*(\(.*\))?\s*", part, re.S)
    if not m:
        check(False, f"quick scan bands: cannot read '{part.strip()}'")
        continue
    for d in re.findall(r"D\d+", m[1]):
        named[d] = m[2]
    for d in re.findall(r"(D\d+) (?:is )?lifted", m[3] or ""):
        check(qdomains[d]["lifted_red_flag"] or qdomains[d]["lifted_critical"], f"quick scan {d}: README says lifted, it is not")
check(named == {d: r["band"] for d, r in qdomains.items()},
      f"quick scan bands: README {named}, score {({d: r['band'] for d, r in qdomains.items()})}")
for d, r in qdomains.items():
    if r["lifted_red_flag"] or r["lifted_critical"]:
        check(re.search(rf"\b{d} (?:is )?lifted", bands) is not None, f"quick scan {d} is lifted, README does not say so")
disagreements, gaps = item(text, "- Disagreements:").split("Knowledge gaps")
check_questions("quick scan disagreements", disagreements, quick, "disagreement")
check_questions("quick scan knowledge gaps", gaps, quick, "find_out")

for p in problems:
    print(f"FAIL: samples/README.md: {p}", file=sys.stderr)
if problems:
    sys.exit(1)
print("samples README: all claims checked hold")
