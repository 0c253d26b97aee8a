#!/usr/bin/env python3
"""Fills zelfscan forms with third-party tools and checks what comes back.

  form_fill.py answers INSTRUMENT VARIANT OUT.json
      A known answer set for the instrument: the field values to type into
      the form and the answer file `zelfscan import` must make of them.
      VARIANT: "full" (every question that applies, with notes, evidence,
      a "not applicable" with its reason, numbers, open text, Dutch
      characters) or "partial" (a third of the questions, gates closed).
  form_fill.py xfdf ANSWERS.json OUT.xfdf
      XFDF for `pdftk FORM fill_form OUT.xfdf output FILLED.pdf`.
  form_fill.py qpdf-update FORM.json ANSWERS.json OUT.json
      From `qpdf --json-output FORM.pdf FORM.json` (JSON v2), an update for
      `qpdf FORM.pdf --update-from-json=OUT.json FILLED.pdf` that sets /V on
      the fields and /AS on the button widgets, as a viewer does when saving.
  form_fill.py fields INSTRUMENT DUMP.txt
      Checks `pdftk FORM dump_data_fields_utf8` lists exactly the expected
      fields, with their types, flags and radio/check box states, in
      question order.
  form_fill.py tooltips INSTRUMENT LANG FORM.json
      Every question field carries a /TU tool tip with its question text.
  form_fill.py compare ANSWERS.json RESULT.toml
      The imported answer file holds exactly the expected answers.
Each check prints its problems and exits 1 if there are any."""
import json
import re
import sys
import tomllib
import unicodedata
from xml.sax.saxutils import escape, quoteattr

NOTE = "Eerste regel: ë é ï “citaat” – € 12,50\nTweede regel & <geen tags> (haakjes) \\ schuine streep"
REASON = "Wij gebruiken geen algoritmen.\nDus dit geldt niet voor ons – ‘nvt’."
EVIDENCE = "Besluit MT van 4 maart 2026 (bijlage ë)"
OPEN_TEXT = "Meer tijd voor de sessie.\nEn koffie – ‘lekker’ € 2,50; ïdee: “later”."


def load(path):
    ins = tomllib.load(open(path, "rb"))
    questions = list(ins.get("profile", {}).get("question", []))
    for d in ins.get("domain", []):
        questions += d.get("question", [])
    return ins, {s["id"]: s for s in ins.get("scale", [])}, questions


ALL_DETAILS = ["organisation", "unit", "date", "code", "role", "participants"]


def asked(ins):
    """The respondent details the instrument asks ([instrument] respondent)."""
    return ins["instrument"].get("respondent", ALL_DETAILS)


def answer_set(path, variant):
    ins, scales, questions = load(path)
    roles = [r["id"] for r in ins.get("role", [])]
    gates = {q["only_if"]["question"] for q in questions if q.get("only_if")}
    fields, answers, chosen = {}, {}, {}
    respondent = {"code": "R07"}
    if variant == "full":
        respondent.update(organisation="Gemeente Ëde – Sociaal Domein", unit="Werk & Inkomen", date="2026-03-14",
                          participants=4)
        if roles:
            respondent["role"] = roles[-1]
    respondent = {k: v for k, v in respondent.items() if k in asked(ins)}
    for k, v in respondent.items():
        fields[f"respondent.{k}"] = str(v)
    if variant == "full" and "participants" in respondent:
        fields["respondent.participants"] = " 4 "  # typed with spaces
    used = set()  # which special answers were placed already
    numbers = 0
    missing = 0
    for i, q in enumerate(questions):
        qid, kind = q["id"], q.get("kind", "choice")
        cond = q.get("only_if")
        if cond and chosen.get(cond["question"]) not in cond["answers"]:
            continue  # skipped by its gate: neither answered nor missing
        if variant == "partial" and i % 3 != 0 and qid not in gates:
            missing += 1
            continue
        a = {}
        if kind in ("choice", "multi"):
            opts = scales[q["scale"]]["option"]
            if kind == "multi":
                picks = [opts[0]["id"], opts[-1]["id"]] if len(opts) > 1 else [opts[0]["id"]]
                for o in picks:
                    fields[f"{qid}:{o}"] = "Yes"
                a["answer"] = picks
            else:
                nvt = next((o for o in opts if o.get("reason")), None)
                dont_know = next((o for o in opts if o.get("kind") == "dont-know"), None)
                if qid in gates:
                    opens = {a2 for c in questions if c.get("only_if", {}).get("question") == qid
                             for a2 in c["only_if"]["answers"]}
                    # Open the conditional block in the full set, close it in the partial one.
                    pick = next((o for o in opts if (o["id"] in opens) == (variant == "full")), opts[0])
                elif nvt and "nvt" not in used:
                    pick = nvt
                elif dont_know and "dk" not in used and variant == "full":
                    pick, _ = dont_know, used.add("dk")
                else:
                    pick = opts[[0, 1, 0, 2][i % 4] % len(opts)]
                    if pick.get("reason"):
                        pick = opts[0]
                fields[qid] = pick["id"]
                chosen[qid] = pick["id"]
                a["answer"] = pick["id"]
                if pick.get("reason"):
                    used.add("nvt")
                    fields[f"{qid}.note"] = REASON
                    a["reason"] = REASON
        elif kind == "number":
            lo, hi = q.get("min", 0), q.get("max", 10**6)
            typed, value = [("42", 42), ("12,5", 12.5), (" 7 ", 7)][numbers % 3]
            if not lo <= value <= hi:
                typed, value = str(lo), lo
            numbers += 1
            fields[qid] = typed
            a["answer"] = value
        else:
            fields[qid] = OPEN_TEXT
            a["answer"] = OPEN_TEXT
        if variant == "full" and kind != "text" and "reason" not in a:
            if "note" not in used:
                used.add("note")
                fields[f"{qid}.note"] = "\n" + NOTE + "\n\n"  # trimmed on import
                a["note"] = NOTE
            elif i % 5 == 0:
                fields[f"{qid}.note"] = f"Korte noot bij {qid}."
                a["note"] = f"Korte noot bij {qid}."
        if variant == "full" and q.get("evidence") and ("evidence" not in used or i % 2 == 0):
            used.add("evidence")
            fields[f"{qid}.evidence"] = EVIDENCE
            a["evidence"] = EVIDENCE
        answers[qid] = a
    meta = ins["instrument"]
    return {"fields": fields, "expected": {"instrument": meta["id"], "version": meta["version"],
                                           "respondent": respondent, "answers": answers, "missing": missing}}


def xfdf(answers):
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<xfdf xmlns="http://ns.adobe.com/xfdf/" xml:space="preserve">', "<fields>"]
    for name, value in answers["fields"].items():
        out.append(f"<field name={quoteattr(name)}><value>{escape(value)}</value></field>")
    out += ["</fields>", "</xfdf>"]
    return "\n".join(out) + "\n"


def qpdf_update(form, answers):
    objects = form["qpdf"][1]
    fields = answers["fields"]
    update = {}

    def name_of(d):
        t = d.get("/T")
        return t[2:] if isinstance(t, str) and t.startswith("u:") else t

    for key, obj in objects.items():
        d = obj.get("value")
        if not isinstance(d, dict) or "/T" not in d:
            continue
        name = name_of(d)
        if name not in fields:
            continue
        new = dict(d)
        value = fields[name]
        if d.get("/FT") == "/Tx":
            new["/V"] = "u:" + value
            update[key] = {"value": new}
        elif "/Kids" in d:  # a radio group: the value on the parent, the state on each widget
            new["/V"] = "/" + value
            update[key] = {"value": new}
            for kid in d["/Kids"]:
                kd = dict(objects[f"obj:{kid}"]["value"])
                kd["/AS"] = "/" + value if "/" + value in kd["/AP"]["/N"] else "/Off"
                update[f"obj:{kid}"] = {"value": kd}
        else:  # a check box that is its own widget
            new["/V"] = new["/AS"] = "/" + value
            update[key] = {"value": new}
    missing = [n for n in fields if n not in {name_of(o.get("value", {})) for o in objects.values()
                                              if isinstance(o.get("value"), dict)}]
    if missing:
        sys.exit(f"qpdf-update: no fields named {missing}")
    return {"qpdf": [form["qpdf"][0], update]}


def parse_dump(text):
    fields = []
    for block in text.split("---\n")[1:]:
        f = {"states": []}
        for line in block.splitlines():
            k, _, v = line.partition(": ")
            if k == "FieldStateOption":
                f["states"].append(v)
            else:
                f[k] = v
        fields.append(f)
    return fields


def check_fields(path, dump):
    ins, scales, questions = load(path)
    meta = ins["instrument"]
    got = parse_dump(open(dump, encoding="utf-8").read())
    problems = []
    want = {"zelfscan.instrument": ("Text", None)}
    for k in ("organisation", "unit", "date", "code", "participants"):
        if k in asked(ins):
            want[f"respondent.{k}"] = ("Text", None)
    if ins.get("role") and "role" in asked(ins):
        want["respondent.role"] = ("Radio", sorted(r["id"] for r in ins["role"]))
    order = []
    for q in questions:
        qid, kind = q["id"], q.get("kind", "choice")
        order.append(qid)
        if kind == "choice":
            want[qid] = ("Radio", sorted(o["id"] for o in scales[q["scale"]]["option"]))
        elif kind == "multi":
            for o in scales[q["scale"]]["option"]:
                want[f"{qid}:{o['id']}"] = ("Check", ["Yes"])
        elif kind == "number":
            want[qid] = ("Text", None)
            # The "weet ik niet" box beside the number (paper and form share
            # one layout); reading a form ignores it.
            want[f"{qid}.dontknow:weet-niet"] = ("Check", ["Yes"])
        else:
            want[qid] = ("Multiline", None)
        if kind != "text":
            want[f"{qid}.note"] = ("Multiline", None)
        if q.get("evidence"):
            want[f"{qid}.evidence"] = ("Multiline", None)
    by_name = {}
    for f in got:
        name = f.get("FieldName", "?")
        if name in by_name:
            problems.append(f"field '{name}' listed twice")
        by_name[name] = f
    for name in sorted(set(want) - set(by_name)):
        problems.append(f"missing field '{name}'")
    for name in sorted(set(by_name) - set(want)):
        problems.append(f"unexpected field '{name}'")
    for name, (kind, states) in want.items():
        f = by_name.get(name)
        if not f:
            continue
        flags = int(f.get("FieldFlags", "0"))
        if kind in ("Text", "Multiline"):
            if f.get("FieldType") != "Text":
                problems.append(f"'{name}': type {f.get('FieldType')}, expected Text")
            if bool(flags & 4096) != (kind == "Multiline"):
                problems.append(f"'{name}': multiline flag is {bool(flags & 4096)}, expected {kind == 'Multiline'}")
        else:
            if f.get("FieldType") != "Button":
                problems.append(f"'{name}': type {f.get('FieldType')}, expected Button")
            if bool(flags & 32768) != (kind == "Radio"):
                problems.append(f"'{name}': radio flag is {bool(flags & 32768)}, expected {kind == 'Radio'}")
            got_states = sorted(s for s in f["states"] if s != "Off")
            if got_states != states or "Off" not in f["states"]:
                problems.append(f"'{name}': states {f['states']}, expected Off and {states}")
            if f.get("FieldValue", "Off") not in ("Off", ""):
                problems.append(f"'{name}': not empty in a blank form: {f.get('FieldValue')}")
        if kind != "Radio" and name not in ("zelfscan.instrument",) and kind != "Check" and not f.get("FieldNameAlt"):
            problems.append(f"'{name}': no tool tip (/TU)")
    marker = by_name.get("zelfscan.instrument", {})
    if marker.get("FieldValue") != f"{meta['id']}@{meta['version']}":
        problems.append(f"zelfscan.instrument is '{marker.get('FieldValue')}', expected '{meta['id']}@{meta['version']}'")
    if not int(marker.get("FieldFlags", "0")) & 1:
        problems.append("zelfscan.instrument is not read-only")
    # Tab order: the fields come in question order.
    seen = []
    for f in got:
        base = re.sub(r"(\.note|\.evidence|:.*)$", "", f.get("FieldName", ""))
        if base in order and (not seen or seen[-1] != base):
            seen.append(base)
    if seen != order:
        problems.append(f"fields are not in question order: {seen[:10]}...")
    return problems


def check_tooltips(path, lang, form_json):
    _, scales, questions = load(path)
    objects = json.load(open(form_json))["qpdf"][1]
    by_name = {}
    for obj in objects.values():
        d = obj.get("value")
        if isinstance(d, dict) and isinstance(d.get("/T"), str):
            by_name[d["/T"][2:]] = d
    problems = []
    for q in questions:
        if q.get("kind", "choice") == "multi":
            names = [f"{q['id']}:{o['id']}" for o in scales[q["scale"]]["option"]]
        else:
            names = [q["id"]]
        names += [f"{q['id']}.note"] if q.get("kind", "choice") != "text" else []
        for name in names:
            d = by_name.get(name)
            tu = d.get("/TU", "") if d else ""
            text = q["text"][lang]
            if not isinstance(tu, str) or text not in tu[2:]:
                problems.append(f"'{name}': tool tip {tu!r} does not hold the question text")
    return problems


def norm_value(v):
    if isinstance(v, float) and v.is_integer():
        return int(v)
    return v


def compare(answers_path, result_path):
    want = json.load(open(answers_path))["expected"]
    got = tomllib.load(open(result_path, "rb"))
    problems = []
    for k in ("instrument", "version"):
        if got.get(k) != want[k]:
            problems.append(f"{k}: '{got.get(k)}', expected '{want[k]}'")
    resp = {k: norm_value(v) if not hasattr(v, "isoformat") else v.isoformat()
            for k, v in got.get("respondent", {}).items() if v not in ("", None)}
    if resp != want["respondent"]:
        problems.append(f"respondent: {resp}, expected {want['respondent']}")
    answers = {}
    for qid, v in got.get("answers", {}).items():
        a = dict(v) if isinstance(v, dict) else {"answer": v}
        a = {k: norm_value(x) for k, x in a.items() if x not in ("", [], None)}
        if a:
            answers[qid] = a
    for qid in sorted(set(want["answers"]) | set(answers)):
        w, g = want["answers"].get(qid), answers.get(qid)
        if w is not None:
            w = {k: norm_value(x) for k, x in w.items()}
        if w != g:
            problems.append(f"answer {qid}: {g!r}, expected {w!r}")
    return problems


def main():
    cmd, args = sys.argv[1], sys.argv[2:]
    problems = []
    if cmd == "answers":
        json.dump(answer_set(args[0], args[1]), open(args[2], "w"), ensure_ascii=False, indent=1)
    elif cmd == "xfdf":
        open(args[1], "w", encoding="utf-8").write(xfdf(json.load(open(args[0]))))
    elif cmd == "qpdf-update":
        json.dump(qpdf_update(json.load(open(args[0])), json.load(open(args[1]))), open(args[2], "w"), ensure_ascii=False)
    elif cmd == "fields":
        problems = check_fields(*args)
    elif cmd == "tooltips":
        problems = check_tooltips(*args)
    elif cmd == "compare":
        problems = compare(*args)
    else:
        sys.exit(f"unknown command {cmd}")
    for p in problems:
        print(unicodedata.normalize("NFC", p))
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
