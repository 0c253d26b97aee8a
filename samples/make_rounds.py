#!/usr/bin/env python3
"""The second round of the Werk & Inkomen samples (samples/README.md).

Derived from the first round (samples/werk-en-inkomen/*.toml) line by line,
so it follows whatever instrument version the first round answers: the same
people (codes WI2-..), seven months later, after the plan's first measures.
Improvement is deterministic per respondent and question: "nee" becomes
"ja" or "deels" for most, "deels" often "ja", "weet-niet" mostly known now.
Run from the repository root: python3 samples/make_rounds.py

`python3 samples/make_rounds.py progress PLAN.toml` fills in the team's
progress on a fresh round-1 plan (scripts/samples.sh): what a team would
write by hand between the rounds.
"""
import hashlib
import pathlib
import re
import sys

SRC = pathlib.Path("samples/werk-en-inkomen")
DST = pathlib.Path("samples/werk-en-inkomen-ronde-2")

ANSWER = re.compile(r'^("(?P<q>D[0-9][^"]*)" = (?:\{ answer = )?")(?P<opt>[a-z-]+)(")')


def roll(code: str, question: str) -> int:
    return hashlib.sha256(f"{code}/{question}".encode()).digest()[0] % 10


def better(code: str, question: str, option: str) -> str:
    h = roll(code, question)
    if option == "nee":
        return "ja" if h < 4 else "deels" if h < 8 else "nee"
    if option == "deels":
        return "ja" if h < 6 else "deels"
    if option == "weet-niet":
        return "ja" if h < 4 else "deels" if h < 7 else "weet-niet"
    return option


def convert(text: str, code: str, new_code: str) -> str:
    out = []
    for line in text.splitlines(keepends=True):
        if line.startswith("code = "):
            line = line.replace(f'"{code}"', f'"{new_code}"', 1)
        elif line.startswith("date = 2026-10-"):
            line = line.replace("date = 2026-10-", "date = 2027-05-", 1)
        else:
            m = ANSWER.match(line)
            if m:
                line = line[: m.start("opt")] + better(code, m.group("q"), m.group("opt")) + line[m.end("opt"):]
        out.append(line)
    return "".join(out)


def main() -> None:
    DST.mkdir(exist_ok=True)
    for old in DST.glob("*.toml"):
        old.unlink()
    for src in sorted(SRC.glob("WI-*.toml")):
        text = src.read_text(encoding="utf-8")
        code = re.search(r'^code = "([^"]+)"', text, re.M).group(1)
        new_code = code.replace("WI-", "WI2-")
        (DST / f"{new_code}.toml").write_text(convert(text, code, new_code), encoding="utf-8")


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
