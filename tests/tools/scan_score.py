#!/usr/bin/env python3
"""Scores what `zelfscan scan` read against the synthetic scanner's truth,
box by box: right (read automatically and as the pen left it), listed (its
question was left empty and listed for review) or wrong (read automatically
but not as the pen left it: a silent error).

Usage: scan_score.py TRUTH.json LAYOUT.json ANSWERS_DIR [--json]
Prints the counts; exits 1 when any box is wrong."""
import glob
import json
import os
import re
import sys
import tomllib

truth_path, layout_path, answers = sys.argv[1:4]
truth = json.load(open(truth_path))
layout = json.load(open(layout_path))
page_of = {}
kind_of = {}
for f in layout["fields"]:
    page_of.setdefault(f["name"], f["page"])
    kind_of[f["name"]] = f["kind"]

files = {}
for path in glob.glob(os.path.join(answers, "*.toml")):
    m = re.search(r"-(\d{4,})\.toml$", path)
    if m:
        files[m.group(1)] = path

counts = {"boxes": 0, "right": 0, "listed": 0, "wrong": 0, "listed_by_respondent": 0, "sheets": 0, "sheets_missing": 0}
wrong = []
for sheet, t in sorted(truth["sheets"].items()):
    path = files.get(sheet)
    boxes = t["boxes"]
    if not path:
        counts["sheets_missing"] += 1
        n = sum(len(v) for v in boxes.values())
        counts["boxes"] += n
        counts["listed"] += n
        continue
    counts["sheets"] += 1
    text = open(path, encoding="utf-8").read()
    data = tomllib.loads(text)
    checks, facts = set(), {}
    missing_pages = set()
    for line in text.splitlines():
        m = re.match(r"# (?:Nakijken|Check): (\S+?):", line)
        if m:
            checks.add(m.group(1))
        m = re.match(r"# (?:Nakijken|Check): (?:pagina|page) (\d+):", line)
        if m:
            missing_pages.add(int(m.group(1)))
        m = re.match(r"# (?:Gelezen|Read): (\S+?): (.*)", line)
        if m:
            facts[m.group(1)] = m.group(2)
    got = data.get("answers", {})
    role = data.get("respondent", {}).get("role")
    for name, state in boxes.items():
        n = len(state)
        counts["boxes"] += n
        ticked = sorted(o for o, s in state.items() if s == "tick")
        question = name[:-len(".dontknow")] if name.endswith(".dontknow") else name
        if question in checks or page_of.get(name) in missing_pages:
            counts["listed"] += n
            # Two ticks on a one-answer question: the respondent's doing.
            if kind_of.get(name) == "choice" and len(ticked) > 1:
                counts["listed_by_respondent"] += n
            continue
        if name == "respondent.role":
            read = [role] if role else []
        elif name.endswith(".dontknow"):
            read = ["weet-niet"] if question in facts and ("Weet ik niet" in facts[question] or "Don’t know" in facts[question]) else []
        else:
            v = got.get(name)
            if isinstance(v, dict):
                v = v.get("answer")
            read = sorted(v) if isinstance(v, list) else ([v] if isinstance(v, str) and v else [])
        if read == ticked:
            counts["right"] += n
        else:
            counts["wrong"] += n
            wrong.append(f"sheet {sheet} {name}: pen {ticked}, read {read} ({state})")

auto = counts["right"] + counts["wrong"]
counts["automatic_share"] = auto / counts["boxes"] if counts["boxes"] else 0
clean = counts["boxes"] - counts["listed_by_respondent"]
counts["automatic_share_clean"] = auto / clean if clean else 0
if "--json" in sys.argv:
    print(json.dumps(counts))
else:
    print(f"boxes {counts['boxes']}: right {counts['right']}, listed {counts['listed']} "
          f"({counts['listed_by_respondent']} by two ticks), wrong {counts['wrong']}; "
          f"automatic {counts['automatic_share']:.4%} (of boxes without a respondent's double tick: {counts['automatic_share_clean']:.4%}); "
          f"sheets {counts['sheets']}, missing {counts['sheets_missing']}")
for w in wrong[:30]:
    print("WRONG", w)
sys.exit(1 if counts["wrong"] else 0)
