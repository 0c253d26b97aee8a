#!/usr/bin/env python3
"""Content checks for the shipped instruments (language and structure).

Usage: instrument_lint.py [--max-words N] [--max-average N] FILE.toml...

The loader (`zelfscan check`) checks the format. This script checks the
content rules that the format cannot express:

  language   no question text (any language) is over --max-words words
             (default 20, language level B1); a question text holds one
             question: at most one question mark, and no "en/of" ("and/or");
             the average sentence length per instrument and language is
             printed, and must not exceed --max-average (0 = only report);
  structure  every question has a help text in every language; every measure
             addresses at least one existing question; in a scored instrument
             (one with [risk]) every domain has at least two measures and
             every weight-3 question is addressed by a measure; every cited
             source id exists, and every year cited in a help text, such as
             "(KIS, 2021)", belongs to a source the question cites;
  red flags  every question with a red flag is addressed by a "do no harm"
             measure (red_flag = true) that has a redress step in every
             language (redress = { nl = ..., en = ... }): stopping a practice
             is not enough, clients already affected must be found and helped;
  quick scan an instrument whose id is "<base>-quickscan" must share its
             questions with instrument "<base>": same id, domain, texts,
             help, scale, weight and condition; shared scales and measures
             must be identical too; a quick-scan measure addresses only
             questions its full-scan measure addresses;
  changelog  an instrument with [[changes]] is compared with its previous
             version, found as archive/<id>-<from>.toml next to it (or in
             --previous DIR): every old question id that is gone is listed as
             `old` of an entry, every old id whose question text changed is
             listed too, and no `new` id is unknown.

Exit status 0 when all rules hold, 1 otherwise. Python 3.11+ (tomllib).
"""
import argparse
import re
import sys
import tomllib
from pathlib import Path

WORD = re.compile(r"[0-9A-Za-zÀ-ÿ]")
CITATION = re.compile(r"\(([^()]*?\b(1[89]\d\d|20\d\d)[a-z]?)\)")
YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
AND_OR = re.compile(r"\b(en\s*/\s*of|and\s*/\s*or)\b", re.I)


def red_flag_options(flag):
    """The option ids of a red_flag value: a list of ids, a table with
    `options`, or a list of such tables."""
    if flag is None:
        return []
    if isinstance(flag, dict):
        flag = [flag]
    out = []
    for item in flag:
        if isinstance(item, str):
            out.append(item)
        elif isinstance(item, dict):
            out += [o for o in item.get("options", []) if isinstance(o, str)]
    return out


def words(text):
    return [w for w in text.split() if WORD.search(w)]


def sentences(markdown):
    """Split Markdown prose into sentences; headings are not sentences."""
    out = []
    for line in markdown.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        line = re.sub(r"^([-*+]|\d+\.)\s+", "", line)   # list markers
        line = line.replace("**", "").replace("*", "")   # emphasis
        for part in re.split(r"(?<=[.!?:])\s+", line):
            if words(part):
                out.append(part)
    return out


def texts(value, lang):
    if isinstance(value, dict):
        value = value.get(lang)
    return value if isinstance(value, str) else None


class Instrument:
    def __init__(self, path):
        self.path = path
        with open(path, "rb") as f:
            self.data = tomllib.load(f)
        meta = self.data.get("instrument", {})
        self.id = meta.get("id", path.stem)
        self.langs = meta.get("languages", ["nl"])
        self.scored = "risk" in self.data
        self.profile = self.data.get("profile", {}).get("question", [])
        self.domains = self.data.get("domain", [])
        self.measures = self.data.get("measure", [])
        self.sources = {s.get("id"): s for s in self.data.get("source", [])}
        self.scales = {s.get("id"): s for s in self.data.get("scale", [])}
        self.questions = {}      # id -> (domain id or None, question)
        for q in self.profile:
            self.questions[q.get("id")] = (None, q)
        for d in self.domains:
            for q in d.get("question", []):
                self.questions[q.get("id")] = (d.get("id"), q)

    def prose(self, lang):
        """Every piece of running text a respondent or reader sees."""
        meta = self.data.get("instrument", {})
        items = [meta.get(k) for k in ("description", "instructions", "privacy")]
        items.append(self.data.get("profile", {}).get("intro"))
        for d in self.domains:
            items.append(d.get("intro"))
        for _, q in self.questions.values():
            items += [q.get("text"), q.get("help"), q.get("evidence")]
        for m in self.measures:
            items += [m.get(k) for k in ("description", "first_step", "indicator")]
        return [t for t in (texts(i, lang) for i in items) if t]


def check(ins, errors, max_words):
    where = ins.path.name
    err = lambda msg: errors.append(f"{where}: {msg}")

    for qid, (_, q) in ins.questions.items():
        for lang in ins.langs:
            t = texts(q.get("text"), lang)
            if not t:
                err(f"question {qid} has no text in '{lang}'")
            else:
                if len(words(t)) > max_words:
                    err(f"question {qid} ({lang}) has {len(words(t))} words, more than {max_words}: {t}")
                if t.count("?") > 1:
                    err(f"question {qid} ({lang}) asks more than one question ({t.count('?')} question marks): {t}")
                if AND_OR.search(t):
                    err(f"question {qid} ({lang}) uses 'en/of' or 'and/or'; ask one thing: {t}")
            if not (texts(q.get("help"), lang) or "").strip():
                err(f"question {qid} has no help text in '{lang}'")
        cited = q.get("sources", [])
        for s in cited:
            if s not in ins.sources:
                err(f"question {qid} cites unknown source '{s}'")
        years = {str(ins.sources[s].get("year")) for s in cited if s in ins.sources}
        for lang in ins.langs:
            for m in CITATION.finditer(texts(q.get("help"), lang) or ""):
                for y in YEAR.findall(m.group(1)):
                    if y not in years:
                        err(f"question {qid} ({lang}) cites '({m.group(1)})' in its help, "
                            f"but lists no source from {y} in 'sources'")

    addressed = {}
    for m in ins.measures:
        targets = m.get("addresses", [])
        if not targets:
            err(f"measure {m.get('id')} addresses no question")
        for a in targets:
            if a not in ins.questions:
                err(f"measure {m.get('id')} addresses unknown question '{a}'")
            addressed.setdefault(a, []).append(m.get("id"))

    measures = {m.get("id"): m for m in ins.measures}
    for qid, (dom, q) in ins.questions.items():
        if not red_flag_options(q.get("red_flag")):
            continue
        harm = [measures[m] for m in addressed.get(qid, []) if measures.get(m, {}).get("red_flag")]
        if not harm:
            err(f"red-flag question {qid} is not addressed by a 'do no harm' measure (red_flag = true)")
            continue
        for lang in ins.langs:
            if not any((texts(m.get("redress"), lang) or "").strip() for m in harm):
                err(f"red-flag question {qid}: no 'do no harm' measure ({', '.join(m.get('id') for m in harm)}) "
                    f"has a redress step in '{lang}'; add redress = {{ ... }} to find and help clients already affected")

    if ins.scored:
        for d in ins.domains:
            qids = {q.get("id") for q in d.get("question", [])}
            ms = {m.get("id") for m in ins.measures if qids & set(m.get("addresses", []))}
            if len(ms) < 2:
                err(f"domain {d.get('id')} has {len(ms)} measure(s); at least two are needed")
        for qid, (dom, q) in ins.questions.items():
            if dom and q.get("weight", 1) == 3 and qid not in addressed:
                err(f"critical question {qid} (weight 3) is not addressed by any measure")


def check_quickscan(quick, full, errors):
    err = lambda msg: errors.append(f"{quick.path.name}: {msg}")
    same_keys = ("text", "help", "evidence", "kind", "scale", "weight", "tags",
                 "red_flag", "only_if", "sources", "min", "max", "unit", "lines")
    for qid, (dom, q) in quick.questions.items():
        if qid not in full.questions:
            err(f"question {qid} is not in the full scan {full.id}")
            continue
        fdom, fq = full.questions[qid]
        if dom != fdom:
            err(f"question {qid} is in domain {dom}, but in {fdom} in the full scan")
        for k in same_keys:
            if q.get(k) != fq.get(k):
                err(f"question {qid}: '{k}' differs from the full scan {full.id}")
    for sid, s in quick.scales.items():
        if sid in full.scales and s != full.scales[sid]:
            err(f"scale '{sid}' differs from the full scan")
    fm = {m.get("id"): m for m in full.measures}
    for m in quick.measures:
        mid = m.get("id")
        if mid not in fm:
            err(f"measure {mid} is not in the full scan")
            continue
        for k in ("title", "description", "first_step", "owner", "indicator",
                  "effort", "impact", "timeframe", "red_flag"):
            if m.get(k) != fm[mid].get(k):
                err(f"measure {mid}: '{k}' differs from the full scan")
        extra = sorted(set(m.get("addresses", [])) - set(fm[mid].get("addresses", [])))
        if extra:
            err(f"measure {mid} addresses {', '.join(extra)}, which the full scan's measure {mid} "
                f"was not written for (it addresses {', '.join(fm[mid].get('addresses', []))})")
    for sid, s in quick.sources.items():
        if sid in full.sources and s != full.sources[sid]:
            err(f"source '{sid}' differs from the full scan")


def previous_version(ins, version, previous_dir):
    """The archived instrument <id>-<version>.toml, or None."""
    name = f"{ins.id}-{version}.toml"
    for d in ([previous_dir] if previous_dir else []) + [ins.path.parent / "archive", ins.path.parent]:
        p = Path(d) / name
        if p.is_file():
            return Instrument(p)
    return None


def check_changelog(ins, errors, previous_dir):
    err = lambda msg: errors.append(f"{ins.path.name}: {msg}")
    sets = ins.data.get("changes", [])
    if not sets:
        return
    newest = sets[-1]
    version = ins.data.get("instrument", {}).get("version")
    if newest.get("to") != version:
        err(f"the newest [[changes]] lead to {newest.get('to')}, but the instrument is version {version}")
    old = previous_version(ins, newest.get("from"), previous_dir)
    if old is None:
        err(f"changelog from {newest.get('from')}: the previous version {ins.id}-{newest.get('from')}.toml "
            f"is not in archive/ (or --previous); the mapping cannot be checked")
        return
    listed = {}
    for c in newest.get("question", []):
        for n in c.get("new", []):
            if n not in ins.questions:
                err(f"changelog: new question id '{n}' is not in this instrument")
        if c.get("old"):
            listed[c["old"]] = c
            if c["old"] not in old.questions:
                err(f"changelog: old question id '{c['old']}' is not in version {newest.get('from')}")
    for qid, (_, q) in old.questions.items():
        if qid in listed:
            continue
        if qid not in ins.questions:
            err(f"changelog: question {qid} of version {newest.get('from')} is gone, but the changelog "
                f"does not say where it went; add [[changes.question]] old = \"{qid}\"")
            continue
        _, nq = ins.questions[qid]
        for k in ("text", "scale", "kind"):
            if q.get(k) != nq.get(k):
                err(f"changelog: question {qid} has a different '{k}' than in version {newest.get('from')}, "
                    f"but the changelog does not list it; add [[changes.question]] old = \"{qid}\"")
                break
    rlisted = {c.get("old") for c in newest.get("role", []) if c.get("old")}
    new_roles = {r.get("id") for r in ins.data.get("role", [])}
    for r in old.data.get("role", []):
        rid = r.get("id")
        if rid not in rlisted and rid not in new_roles:
            err(f"changelog: role group {rid} of version {newest.get('from')} is gone, but the changelog "
                f"does not say so; add [[changes.role]] old = \"{rid}\"")
    mlisted = {c.get("old") for c in newest.get("measure", []) if c.get("old")}
    new_measures = {m.get("id") for m in ins.measures}
    for m in old.measures:
        mid = m.get("id")
        if mid not in mlisted and mid not in new_measures:
            err(f"changelog: measure {mid} of version {newest.get('from')} is gone, but the changelog "
                f"does not list it; add [[changes.measure]] old = \"{mid}\"")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--max-words", type=int, default=20)
    ap.add_argument("--previous", type=Path, default=None,
                    help="folder with earlier versions (<id>-<version>.toml); default: archive/ next to each file")
    ap.add_argument("--max-average", type=float, default=0)
    ap.add_argument("files", nargs="+", type=Path)
    args = ap.parse_args()

    errors = []
    instruments = []
    for p in args.files:
        try:
            instruments.append(Instrument(p))
        except (OSError, tomllib.TOMLDecodeError) as e:
            errors.append(f"{p}: cannot read: {e}")
    by_id = {i.id: i for i in instruments}

    print(f"{'instrument':40} {'lang':4} {'questions':>9} {'sentences':>9} "
          f"{'avg words':>9} {'longest q':>9}")
    for ins in instruments:
        check(ins, errors, args.max_words)
        check_changelog(ins, errors, args.previous)
        if ins.id.endswith("-quickscan"):
            base = by_id.get(ins.id[: -len("-quickscan")])
            if base:
                check_quickscan(ins, base, errors)
            else:
                errors.append(f"{ins.path.name}: full scan '{ins.id[:-len('-quickscan')]}' not found")
        for lang in ins.langs:
            sents = [s for t in ins.prose(lang) for s in sentences(t)]
            avg = sum(len(words(s)) for s in sents) / max(len(sents), 1)
            longest = max((len(words(texts(q.get("text"), lang) or ""))
                           for _, q in ins.questions.values()), default=0)
            print(f"{ins.id:40} {lang:4} {len(ins.questions):9d} {len(sents):9d} "
                  f"{avg:9.1f} {longest:9d}")
            if args.max_average and avg > args.max_average:
                errors.append(f"{ins.path.name}: average sentence length ({lang}) is {avg:.1f} "
                              f"words, above {args.max_average}")

    for e in errors:
        print(f"error: {e}", file=sys.stderr)
    print(f"{len(instruments)} instrument(s), {len(errors)} problem(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
