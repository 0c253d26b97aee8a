#!/usr/bin/env python3
"""The second round of the Werk & Inkomen samples (samples/README.md).

Derived from the first round (samples/werk-en-inkomen/*.toml) line by line,
so it follows whatever instrument version the first round answers: the same
people (codes WI2-..), seven months later, after the plan's first measures.
Improvement is deterministic per respondent and question, along each
question's own scale (instruments/institutioneel-racisme.toml, read for the
risks): the riskiest answer ("nee", "nooit", "ja-niet-onderbouwd") becomes
the safest or the next one for most, a middle answer often one step safer,
"weet-niet" mostly known (and safe) now.
Run from the repository root: python3 samples/make_rounds.py

`python3 samples/make_rounds.py progress PLAN.toml` fills in the team's
progress on a fresh round-1 plan (scripts/samples.sh): what a team would
write by hand between the rounds.
"""
import hashlib
import pathlib
import re
import sys
import tomllib

SRC = pathlib.Path("samples/werk-en-inkomen")
DST = pathlib.Path("samples/werk-en-inkomen-ronde-2")
INSTRUMENT = pathlib.Path("instruments/institutioneel-racisme.toml")

ANSWER = re.compile(r'^("(?P<q>D[0-9][^"]*)" = (?:\{ answer = )?")(?P<opt>[a-z-]+)(")')


def roll(code: str, question: str) -> int:
    return hashlib.sha256(f"{code}/{question}".encode()).digest()[0] % 10


def scales(instrument: pathlib.Path) -> dict:
    """question id -> (answer options from safe to risky, dont-know ids)."""
    d = tomllib.loads(instrument.read_text(encoding="utf-8"))
    by_id = {s["id"]: s for s in d["scale"]}
    # A question that opens others keeps its answer: changing it would leave
    # the questions behind it open, or answered while skipped.
    gates = {q["only_if"]["question"] for dom in d["domain"] for q in dom["question"] if "only_if" in q}
    out = {}
    for dom in d["domain"]:
        for q in dom["question"]:
            s = by_id.get(q.get("scale", ""))
            if s is None or q.get("scored", True) is False or q["id"] in gates:
                continue
            opts = [o for o in s["option"] if o.get("kind", "answer") == "answer" and "risk" in o]
            out[q["id"]] = ([o["id"] for o in sorted(opts, key=lambda o: o["risk"])],
                            {o["id"] for o in s["option"] if o.get("kind") == "dont-know"})
    return out


def better(code: str, question: str, option: str, scale: dict) -> str:
    """One step (sometimes two) towards the safe end of the question's own
    scale; a turned-around scale (nee = safe) is handled by its risks."""
    if question not in scale:
        return option
    order, dont_know = scale[question]
    h = roll(code, question)
    if option in dont_know:
        return order[0] if h < 6 else option
    if option not in order:
        return option
    i = order.index(option)
    if i == 0:
        return option
    if i == len(order) - 1:
        return order[0] if h < 4 else order[i - 1] if h < 8 else option
    return order[i - 1] if h < 6 else option


def convert(text: str, code: str, new_code: str, scale: dict) -> str:
    out = []
    for line in text.splitlines(keepends=True):
        if line.startswith("code = "):
            line = line.replace(f'"{code}"', f'"{new_code}"', 1)
        elif line.startswith("date = 2026-10-"):
            line = line.replace("date = 2026-10-", "date = 2027-05-", 1)
        else:
            m = ANSWER.match(line)
            if m:
                line = line[: m.start("opt")] + better(code, m.group("q"), m.group("opt"), scale) + line[m.end("opt"):]
        out.append(line)
    return "".join(out)


def main() -> None:
    DST.mkdir(exist_ok=True)
    for old in DST.glob("*.toml"):
        old.unlink()
    scale = scales(INSTRUMENT)
    for src in sorted(SRC.glob("WI-*.toml")):
        text = src.read_text(encoding="utf-8")
        code = re.search(r'^code = "([^"]+)"', text, re.M).group(1)
        new_code = code.replace("WI-", "WI2-")
        (DST / f"{new_code}.toml").write_text(convert(text, code, new_code, scale), encoding="utf-8")


PROGRESS = [  # deadline, status, notes; rows after these stay open
    ("2026-11-15", "afgerond", "Besloten in het MT van november"),
    ("2026-12-15", "afgerond", ""),
    ("2027-01-31", "bezig", "Wacht op de nieuwe werkinstructie"),
    ("2027-09-01", "gepland", ""),
    ("", "vervallen", "Opgenomen in een andere maatregel"),
]


def progress(path: pathlib.Path) -> None:
    blocks = path.read_text(encoding="utf-8").split("\n[[action]]\n")
    for i, (deadline, status, notes) in enumerate(PROGRESS):
        if i + 1 >= len(blocks):
            break
        b = blocks[i + 1]
        b = b.replace('deadline = ""', f'deadline = "{deadline}"', 1)
        b = b.replace('status = "open"', f'status = "{status}"', 1)
        b = b.replace('notes = ""', f'notes = "{notes}"', 1)
        blocks[i + 1] = b
    path.write_text("\n[[action]]\n".join(blocks), encoding="utf-8")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "progress":
        progress(pathlib.Path(sys.argv[2]))
    else:
        main()
