#!/usr/bin/env python3
"""Makes the quick scan from the full scan.

    python3 scripts/derive_quickscan.py [--check]

The quick scan (instruments/institutioneel-racisme-quickscan.toml) keeps its
own header: everything before its first [[source]] ([instrument] with title,
description, instructions, privacy). Everything else is copied from the full
scan (instruments/institutioneel-racisme.toml) word for word: all sources,
the scales the chosen questions use, roles, the service profile, the chosen
questions (QUESTIONS below) under their domains, the measures that address
them (each measure addresses only chosen questions it was written for, its
`requires` only measures that are kept), the risk model and the report
settings. The quick scan's changelog is derived from the full scan's: the
step 1.0.0 -> 2.0.0 is kept as the 2.0.0 quick scan (instruments/archive/)
had it; the newest step maps the previous quick scan (PREVIOUS, in
instruments/archive/) to this one, through the full scan's newest step.

--check exits 1 when the quick scan on disk differs from what the script
would write (the e2e test runs it), and writes nothing.
"""
import argparse
import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FULL = ROOT / "instruments" / "institutioneel-racisme.toml"
QUICK = ROOT / "instruments" / "institutioneel-racisme-quickscan.toml"

# The quick scan's questions: the critical safeguards of every domain, the
# red flags, and at least two questions (two measures) per domain where one
# question would leave a domain with one measure.
QUESTIONS = [
    "D1.2a", "D1.4",
    "D2.1", "D2.4a",
    "D3.0", "D3.1", "D3.2a", "D3.2b", "D3.4a", "D3.5",
    "D4.2a", "D4.4",
    "D5.2", "D5.3a",
    "D6.1a", "D6.3",
    "D7.4a", "D7.4b", "D7.6b",
    "D8.3a", "D8.5",
    "D9.1", "D9.3",
    "D10.1a", "D10.2a",
    "D11.1", "D11.4",
]

PREVIOUS = "3.0.0"

SUMMARY = (
    """
Versie 3.1.0 volgt de volledige scan 3.1.0 (zie de wijzigingen daar). Voor de quickscan:

- D3.0 vraagt nu naar selectieregels, niet naar 'vaste regels'. De uitleg zegt dat de gewone regels over het recht op een uitkering niet meetellen.
- D3.5 zegt 'voordat een medewerker het dossier heeft bekeken' in plaats van 'zonder dat', en wat we met straf bedoelen.
- Bij P1 en P4 staat wat u doet als u het antwoord niet weet: laat de vraag open.
- Eenvoudiger gezegd: D4.4 (één zin, en 'vaste aantallen' in plaats van 'targets'), D5.2 (één vraag), D10.2a (zonder ontkenning) en D11.4 ('laat … vallen' in plaats van 'ziet af van').
- De uitleg vooraf zegt 'wie het kan weten', zoals onder elke vraag.
""",
    """
Version 3.1.0 follows the full scan 3.1.0 (see the changes there). For the quick scan:

- D3.0 now asks about selection rules, not 'fixed rules'. The help says that the ordinary rules on the right to a benefit do not count.
- D3.5 says 'before staff have checked the file' instead of 'without', and what a penalty is.
- P1 and P4 say what to do when you do not know the answer: leave the question open.
- Said more simply: D4.4 (one sentence, and 'fixed numbers' instead of 'targets'), D5.2 (one question), D10.2a (without a negation) and D11.4 (plainer Dutch).
- The instructions say 'who can know', as under every question.
""",
)

def s(x):
    return '"' + x.replace("\\", "\\\\").replace('"', '\\"') + '"'


def loc(pair):
    return "{ nl = %s, en = %s }" % (s(pair[0]), s(pair[1]))


def blocks(text):
    """Splits an instrument file into (header line, text) blocks: one per
    top-level table and one per [[domain.question]] / [[profile.question]]."""
    out, cur = [], []
    for line in text.splitlines(keepends=True):
        starts = re.match(r"^\[", line) or re.match(r"^  \[\[(domain|profile)\.question\]\]", line)
        if starts and cur:
            out.append(cur)
            cur = []
        cur.append(line)
    if cur:
        out.append(cur)
    result = []
    for b in out:
        head = b[0].strip()
        body = "".join(b)
        m = re.search(r'^\s*id = "([^"]+)"', body, re.M)
        result.append((head, m.group(1) if m else None, body))
    return result


def strip_trailing_comments(body):
    lines = body.splitlines(keepends=True)
    while lines and (not lines[-1].strip() or lines[-1].lstrip().startswith("#")):
        lines.pop()
    return "".join(lines) + "\n"


def ids_line(key, ids):
    return f"{key} = [" + ", ".join(s(i) for i in ids) + "]"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()

    full_text = FULL.read_text(encoding="utf-8")
    full = tomllib.loads(full_text)
    quick_text = QUICK.read_text(encoding="utf-8")
    cut = re.search(r"(?m)^(# -+ sources\n|\[\[source\]\])", quick_text)
    header = quick_text[: cut.start()] if cut else quick_text
    previous_text = (ROOT / "instruments" / "archive" / f"institutioneel-racisme-quickscan-{PREVIOUS}.toml") \
        .read_text(encoding="utf-8")
    old_quick = tomllib.loads(previous_text)
    # The older steps of the changelog, as the previous quick scan had them.
    older = previous_text[previous_text.index("# ---------------------------------------------------------------- changelog\n"):]
    older = older.split("\n", 2)[2].lstrip("\n")

    chosen = set(QUESTIONS)
    questions = {}
    for d in full["domain"]:
        for q in d["question"]:
            questions[q["id"]] = q
    missing = [q for q in QUESTIONS if q not in questions]
    if missing:
        sys.exit(f"derive_quickscan: not in the full scan: {', '.join(missing)}")
    for q in QUESTIONS:
        cond = questions[q].get("only_if")
        if cond and cond["question"] not in chosen and not cond["question"].startswith("P"):
            sys.exit(f"derive_quickscan: {q} depends on {cond['question']}, which is not chosen")
    profile_scales = {q["scale"] for q in full["profile"]["question"]}
    scales = profile_scales | {questions[q]["scale"] for q in QUESTIONS if "scale" in questions[q]}

    kept_measures = {}
    for m in full["measure"]:
        addr = [a for a in m["addresses"] if a in chosen]
        if addr:
            kept_measures[m["id"]] = addr

    out = [header.rstrip("\n") + "\n\n"]
    section = None
    domain_of_block = None
    for head, bid, body in blocks(full_text):
        kind = re.match(r"\[\[?\s*([a-z.]+)", head.strip())
        kind = kind.group(1) if kind else None
        if head.startswith("#") or kind in ("instrument", "changes"):
            continue
        body = strip_trailing_comments(body)
        if kind != section and kind in ("source", "scale", "role", "profile", "domain", "measure", "risk"):
            label = {"source": "sources", "scale": "scales", "role": "roles", "profile": "profile",
                     "domain": "domains", "measure": "measures", "risk": "risk model"}[kind]
            if not (section == "domain" and kind == "domain"):
                out.append(f"# ---------------------------------------------------------------- {label}\n\n")
            section = kind
        if kind == "scale" and bid not in scales:
            continue
        if kind == "domain.question":
            if bid not in chosen:
                continue
        if kind == "domain":
            domain_of_block = bid
        if kind == "measure":
            if bid not in kept_measures:
                continue
            body = re.sub(r"(?m)^addresses = .*$", ids_line("addresses", kept_measures[bid]), body)
            req = next(m for m in full["measure"] if m["id"] == bid).get("requires")
            if req is not None:
                kept = [r for r in req if r in kept_measures]
                body = re.sub(r"(?m)^requires = .*\n", (ids_line("requires", kept) + "\n") if kept else "", body)
        if kind == "risk":
            # Consistency rules about questions the quick scan lacks are left out.
            parts = re.split(r"(?m)^(?=  \[\[risk\.consistency\]\])", body)
            keep = [parts[0]]
            for p in parts[1:]:
                refs = re.findall(r'question = "([^"]+)"', p)
                if all(r in chosen or r.startswith("P") for r in refs):
                    keep.append(p)
            body = strip_trailing_comments("".join(keep))
        out.append(body + "\n")

    out.append(changelog(full, old_quick, chosen, kept_measures, older))
    text = "".join(out).rstrip("\n") + "\n"
    if args.check:
        if QUICK.read_text(encoding="utf-8") != text:
            print(f"{QUICK.relative_to(ROOT)} is not what scripts/derive_quickscan.py makes from the full scan; "
                  "run the script", file=sys.stderr)
            return 1
        return 0
    QUICK.write_text(text, encoding="utf-8")
    print(f"wrote {QUICK.relative_to(ROOT)}: {len(QUESTIONS)} questions, {len(kept_measures)} measures")
    return 0


def changelog(full, old_quick, chosen, kept_measures, older):
    entries = {c.get("old"): c for c in full["changes"][-1].get("question", []) if c.get("old")}
    added_full = {n: c for c in full["changes"][-1].get("question", []) if not c.get("old") for n in c["new"]}
    old_ids = [q["id"] for q in old_quick["profile"]["question"]] + \
              [q["id"] for d in old_quick["domain"] for q in d["question"]]
    lines = ["# ---------------------------------------------------------------- changelog\n",
             "# Derived from the full scan's changelog by scripts/derive_quickscan.py.\n\n",
             older.rstrip("\n") + "\n\n",
             f'[[changes]]\nfrom = {s(full["changes"][-1]["from"])}\nto = {s(full["changes"][-1]["to"])}\n',
             f'date = {s(full["changes"][-1].get("date", ""))}\n' if full["changes"][-1].get("date") else "",
             'summary = { nl = """' + SUMMARY[0] + '""", en = """' + SUMMARY[1] + '""" }\n']
    # Role groups go as in the full scan: the quick scan has the same roles.
    old_roles = {r["id"] for r in old_quick.get("role", [])}
    for r in full["changes"][-1].get("role", []):
        if r.get("old") not in old_roles:
            continue
        lines.append(f"\n  [[changes.role]]\n  old = {s(r['old'])}\n")
        if r.get("new"):
            lines.append(f"  new = {s(r['new'])}\n")
        lines.append(f"  why = {{ nl = {s(r['why']['nl'])}, en = {s(r['why']['en'])} }}\n")
    covered = set()

    def entry(old, new, change, why, answers=None):
        lines.append("\n  [[changes.question]]\n")
        if old:
            lines.append(f"  old = {s(old)}\n")
        if new:
            lines.append("  " + ids_line("new", new) + "\n")
        lines.append(f"  change = {s(change)}\n")
        if answers:
            lines.append("  answers = { " + ", ".join(f"{s(k)} = {s(v)}" for k, v in answers.items()) + " }\n")
        lines.append(f"  why = {loc(why)}\n")

    for old in old_ids:
        c = entries.get(old)
        if c is None:
            if old in chosen or old.startswith("P"):
                covered.add(old)
                continue
            entry(old, [], "removed", ("Niet meer in de quickscan; wel in de volledige scan.",
                                       "No longer in the quick scan; still in the full scan."))
            continue
        new = [n for n in c.get("new", []) if n in chosen or n.startswith("P")]
        covered.update(new)
        why = (c["why"]["nl"], c["why"]["en"])
        gone = [n for n in c.get("new", []) if n not in chosen]
        if c["change"] == "split" and len(new) == 1:
            entry(old, new, "changed", (why[0] + f" De quickscan heeft alleen {new[0]}.",
                                        why[1] + f" The quick scan only has {new[0]}."))
        elif not new:
            where = ", ".join(gone)
            entry(old, [], "removed", (f"Niet meer in de quickscan; in de volledige scan: {where}.",
                                       f"No longer in the quick scan; in the full scan: {where}."))
        else:
            entry(old, new, c["change"], why, c.get("answers"))
    added = [q for q in QUESTIONS if q not in covered and q not in old_ids]
    for q in added:
        c = added_full.get(q)
        why = ("Nieuw in de quickscan. " + c["why"]["nl"], "New in the quick scan. " + c["why"]["en"]) if c else \
              ("Nieuw in de quickscan, uit de volledige scan.", "New in the quick scan, from the full scan.")
        entry(None, [q], "added", why)

    old_measures = [m["id"] for m in old_quick.get("measure", [])]
    full_m = {c.get("old"): c for c in full["changes"][-1].get("measure", []) if c.get("old")}
    for mid in old_measures:
        lines.append("\n  [[changes.measure]]\n")
        lines.append(f"  old = {s(mid)}\n")
        if mid not in kept_measures:
            lines.append('  change = "removed"\n')
            lines.append("  why = " + loc(("Hing aan een vraag waarvoor de maatregel niet was geschreven, of die vraag staat niet meer in de quickscan.",
                                            "Was tied to a question it was not written for, or that question is no longer in the quick scan.")) + "\n")
        else:
            c = full_m.get(mid)
            before = next(m for m in old_quick["measure"] if m["id"] == mid)["addresses"]
            if c is None and before == kept_measures[mid]:
                lines.pop()
                lines.pop()
                continue
            lines.append("  " + ids_line("new", [mid]) + "\n")
            lines.append(f'  change = {s(c["change"] if c else "reworded")}\n')
            why = (c["why"]["nl"], c["why"]["en"]) if c else ("Hangt nu aan de nieuwe vragen.", "Now tied to the new questions.")
            lines.append("  why = " + loc(why) + "\n")
    new_measures = [m for m in kept_measures if m not in old_measures]
    if new_measures:
        lines.append("\n  [[changes.measure]]\n")
        lines.append("  " + ids_line("new", new_measures) + "\n")
        lines.append('  change = "added"\n')
        lines.append("  why = " + loc(("Maatregelen bij de vragen die nieuw zijn in de quickscan.",
                                        "Measures for the questions that are new in the quick scan.")) + "\n")
    return "".join(lines)


if __name__ == "__main__":
    sys.exit(main())
