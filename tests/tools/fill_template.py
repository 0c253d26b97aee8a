#!/usr/bin/env python3
"""Fills a blank answer template with valid answers, as a respondent would:
the first option of each choice question (with a reason where one is
required), a number in range, a short text. Usage: fill_template.py
INSTRUMENT TEMPLATE OUTPUT"""
import re
import sys
import tomllib

instrument = tomllib.load(open(sys.argv[1], "rb"))
scales = {s["id"]: s for s in instrument.get("scale", [])}
questions = list(instrument.get("profile", {}).get("question", []))
for d in instrument.get("domain", []):
    questions += d.get("question", [])
by_id = {q["id"]: q for q in questions}


def answer(q):
    kind = q.get("kind", "choice")
    if kind == "number":
        return str(int(q.get("min", 1)) + 1 if "max" not in q or q.get("min", 1) + 1 <= q["max"] else q.get("min", 0))
    if kind == "text":
        return '"Een toelichting met één ë en een \\"citaat\\"."'
    option = next(o for o in scales[q["scale"]]["option"] if o.get("kind", "answer") == "answer")
    if kind == "multi":
        return f'["{option["id"]}"]'
    return f'"{option["id"]}"'


out = []
for line in open(sys.argv[2], encoding="utf-8"):
    m = re.match(r'^"([^"]+)" = (""|\[\])$', line.rstrip("\n"))
    if m and m.group(1) in by_id:
        q = by_id[m.group(1)]
        cond = q.get("only_if")
        line = f'"{q["id"]}" = {answer(q)}\n'
        if cond:
            # Skip the question unless the gate's first option opens it.
            gate = by_id[cond["question"]]
            first = next(o for o in scales[gate["scale"]]["option"] if o.get("kind", "answer") == "answer")
            if first["id"] not in cond["answers"]:
                line = f'"{q["id"]}" = ""\n'
    out.append(line)
open(sys.argv[3], "w", encoding="utf-8").write("".join(out))
