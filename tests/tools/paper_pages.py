#!/usr/bin/env python3
"""Checks the text of a paper scan (or form) page by page against its
instrument, as a respondent would leaf through it:

- every page has the footer "pagina X van Y" / "page X of Y";
- every question appears once, numbered, in instrument order;
- a question's text, help text and last option label (or its number box,
  evidence prompt and note label) are on the same page as its heading: no
  question splits over two pages;
- a conditional question carries "Alleen invullen als u bij GATE" on the
  same page, just above it; the gate question says "Ga dan verder met" and
  names the question after the conditional block (or the end of the scan or
  questionnaire).

With show_codes = false in [instrument] the headings carry the number only
("4. Had u ...") and every reference names the number ("vraag 4").

Usage: paper_pages.py INSTRUMENT.toml LANG SCAN.pdf
Prints one line per problem and exits 1 if there are any."""
import re
import subprocess
import sys
import tomllib
import unicodedata

instrument_path, lang, pdf = sys.argv[1:4]
ins = tomllib.load(open(instrument_path, "rb"))
nl = lang == "nl"
scales = {s["id"]: s for s in ins.get("scale", [])}
questions = list(ins.get("profile", {}).get("question", []))
for d in ins.get("domain", []):
    questions += d.get("question", [])
order = [q["id"] for q in questions]
by_id = {q["id"]: q for q in questions}
codes = ins.get("instrument", {}).get("show_codes", True)


def shown(qid):
    """How the paper names a question: its code, or its number."""
    return qid if codes else str(order.index(qid) + 1)


def ref(qid):
    """A question named inside a sentence: 'D3.0', or 'vraag 4'."""
    return qid if codes else ("vraag " if nl else "question ") + shown(qid)
problems = []


def run(*args):
    p = subprocess.run(args, capture_output=True, text=True)
    if p.returncode != 0 or p.stderr.strip():
        problems.append(f"{' '.join(args)}: exit {p.returncode}, stderr: {p.stderr.strip()}")
    return p.stdout


def norm(s):
    """Letters and digits only, so line breaks, hyphenation and typographic
    punctuation do not matter; Markdown markers in the TOML vanish too."""
    s = unicodedata.normalize("NFKC", s).lower()
    return "".join(c for c in s if c.isalnum())


def text(v):
    return v.get(lang, v.get("nl", "")) if isinstance(v, dict) else (v or "")


pages = int(re.search(r"^Pages:\s+(\d+)", run("pdfinfo", pdf), re.M).group(1))
page_text = [run("pdftotext", "-raw", "-enc", "UTF-8", "-f", str(n), "-l", str(n), pdf, "-") for n in range(1, pages + 1)]

# Headings look like "12. D3.2 Is er ..." at the start of a line.
heading = re.compile(r"^(\d+)\.\s+(\S+)\s", re.M)
found = []  # (id, page index, number, start, end of its segment, start of the text before it)
for p, t in enumerate(page_text):
    footer = f"pagina {p + 1} van {pages}" if nl else f"page {p + 1} of {pages}"
    if footer not in t:
        problems.append(f"page {p + 1}: no footer '{footer}'")
    if codes:
        hits = [(m, m.group(2)) for m in heading.finditer(t) if m.group(2) in by_id]
    else:
        # "4. Had u het gevoel ...": the number names the question when the
        # question's own text follows it (not a numbered list in a help text).
        hits = []
        for m in re.finditer(r"^(\d+)\.\s+(.*)$", t, re.M):
            k = int(m.group(1))
            if 1 <= k <= len(order) and norm(m.group(2)).startswith(norm(text(by_id[order[k - 1]]["text"]))[:12]):
                hits.append((m, order[k - 1]))
    for i, (m, qid) in enumerate(hits):
        end = hits[i + 1][0].start() if i + 1 < len(hits) else len(t)
        before = hits[i - 1][0].end() if i > 0 else 0
        found.append((qid, p, int(m.group(1)), m.start(), end, before))

ids = [f[0] for f in found]
if ids != order:
    missing = [q for q in order if q not in ids]
    extra = [q for q in ids if ids.count(q) > 1]
    problems.append(f"questions out of order or missing: missing {missing}, repeated {sorted(set(extra))}, "
                    f"first difference at {next((i for i, (a, b) in enumerate(zip(ids, order)) if a != b), len(ids))}")

for n, (qid, p, number, start, end, before) in enumerate(found):
    q = by_id[qid]
    seg = norm(page_text[p][start:end])
    where = f"page {p + 1}, {qid}"
    if number != n + 1:
        problems.append(f"{where}: numbered {number}, expected {n + 1}")
    if norm(text(q["text"])) not in seg:
        problems.append(f"{where}: the question text is not all on this page")
    if q.get("help") and norm(text(q["help"])) not in seg:
        problems.append(f"{where}: the help text is not all on this page")
    kind = q.get("kind", "choice")
    if kind in ("choice", "multi"):
        labels = [norm(text(o["label"])) for o in scales[q["scale"]]["option"]]
        if labels[-1] not in seg:
            problems.append(f"{where}: its last option '{text(scales[q['scale']]['option'][-1]['label'])}' is not on this page")
        # The options come in order after the question text.
        at = seg.find(norm(text(q["text"])))
        for label in labels:
            at = seg.find(label, at)
            if at < 0:
                problems.append(f"{where}: option labels missing or out of order")
                break
            at += len(label)
    elif kind == "number":
        if norm("Getal" if nl else "Number") not in seg:
            problems.append(f"{where}: no number box label on this page")
    if q.get("evidence"):
        if norm(text(q["evidence"])) not in seg:
            problems.append(f"{where}: the evidence prompt is not on this page")
    if kind != "text":
        if norm("Toelichting" if nl else "Note") not in seg:
            problems.append(f"{where}: the note label is not on this page")
    cond = q.get("only_if")
    if cond:
        above = norm(page_text[p][before:start])
        want = ("Alleen invullen als u bij " if nl else "Only answer if you answered ") + ref(cond["question"])
        if norm(want) not in above:
            problems.append(f"{where}: no '{want}' just above the question on its page")

# Gates: where a conditional block starts, its gate says where to go on.
for i, qid in enumerate(order):
    # The run after the gate that hangs on it, directly or through a
    # question in the run (a chain of gates): closing the gate skips it all.
    conds = []
    run = {qid}
    j = i + 1
    while j < len(order) and by_id[order[j]].get("only_if", {}).get("question") in run:
        if by_id[order[j]]["only_if"]["question"] == qid:
            conds.append(by_id[order[j]])
        run.add(order[j])
        j += 1
    if not conds:
        # No run right after the gate: questions further on may hang on it
        # (D10.0 -> D10.3a); their answers open it.
        conds = [by_id[x] for x in order[j:] if by_id[x].get("only_if", {}).get("question") == qid]
        if not conds or "scale" not in by_id[qid]:
            continue
        has_run = False
    else:
        has_run = True
    opens = {a for c in conds for a in c["only_if"].get("answers", [])}
    closes = [o for o in scales[by_id[qid]["scale"]]["option"] if o["id"] not in opens]
    if not closes:
        continue
    # Further on: what every closing answer skips as well, directly or
    # through a question skipped with it.
    skipped, later = set(run), []
    for x in order[j:]:
        c = by_id[x].get("only_if")
        if not c or c["question"] not in skipped:
            continue
        if c["question"] == qid and any(o["id"] in c.get("answers", []) for o in closes):
            continue
        skipped.add(x)
        later.append(x)
    join = (lambda ids: ", ".join(map(shown, ids[:-1])) + (" en " if nl else " and ") + shown(ids[-1]) if len(ids) > 1 else shown(ids[0]))
    hit = [f for f in found if f[0] == qid]
    if not has_run:
        if hit:
            qid_, p, _, start, end, _ = hit[0]
            want = (("Sla dan vraag " if len(later) == 1 else "Sla dan de vragen ") + join(later) + " over") if nl else (
                ("Then skip question " if len(later) == 1 else "Then skip questions ") + join(later))
            if norm(want) not in norm(page_text[p][start:end]):
                problems.append(f"page {p + 1}, {qid}: the gate does not say '{want}'")
        continue
    # An instrument with a risk model is a scan; any other a questionnaire.
    the_end = ("het einde van de scan" if nl else "the end of the scan") if "risk" in ins else (
        "het einde van de vragenlijst" if nl else "the end of the questionnaire")
    target = (("vraag " if nl else "question ") + shown(order[j])) if j < len(order) else the_end
    want = ("Ga dan verder met " if nl else "Then go on to ") + target
    hit = [f for f in found if f[0] == qid]
    if hit:
        qid_, p, _, start, end, _ = hit[0]
        seg = norm(page_text[p][start:end])
        if norm(want) not in seg:
            problems.append(f"page {p + 1}, {qid}: the gate does not say '{want}'")
        if later:
            words = "" if codes else (("vraag " if len(later) == 1 else "de vragen ") if nl else ("question " if len(later) == 1 else "questions "))
            also = ("Sla later ook " + words + join(later) + " over") if nl else ("Later, also skip " + words + join(later))
            if norm(also) not in seg:
                problems.append(f"page {p + 1}, {qid}: the gate does not say '{also}'")
        for o in closes:
            if norm(text(o["label"])) not in seg:
                problems.append(f"page {p + 1}, {qid}: the skip instruction does not name '{text(o['label'])}'")

# Plain typography: no space before a question mark or full stop.
for p, t in enumerate(page_text):
    for bad in sorted(set(re.findall(r"\S+ [?.!:;,](?=\s|$)", t))):
        problems.append(f"page {p + 1}: stray space before punctuation: '{bad}'")

for line in problems:
    print(f"{pdf}: {line}")
sys.exit(1 if problems else 0)
