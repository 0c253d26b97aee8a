#!/usr/bin/env python3
"""Hostile-input suite: hundreds of generated bad (and oddly good) inputs
through every parser and command of zelfscan.

    run.py ZELFSCAN SOURCE_DIR SCRATCH_DIR [-k SUBSTRING]

Every case is generated here at run time (big ones too: nothing large is
stored) and states its expected exit code. The rules checked for each:
  - the exit code is the expected one;
  - on an error, stderr names the file at fault, with line and column when
    the input is text (`file:LINE:COL:`), and has no sanitizer report;
  - on an error, no output is written: outputs that did not exist still do
    not, and files that existed are unchanged (devices stay devices);
  - no temporary file is left beside an output;
  - the run stays within bounds: 1 GB of address space (not under ASan,
    which reserves more) and 10 s of CPU time, enforced with rlimits, so a
    runaway run is killed and fails its case. Wall times are reported, not
    asserted.
"""
import hashlib
import os
import resource
import shutil
import stat
import subprocess
import sys
import time
import zlib

ZS, SRC, TMP = sys.argv[1], sys.argv[2], sys.argv[3]
FILTER = sys.argv[5] if len(sys.argv) > 5 and sys.argv[4] == "-k" else None
EX = os.path.join(SRC, "tests/data/instruments/voorbeeld.toml")
BASE = open(EX, encoding="utf-8").read()
LOGO = open(os.path.join(SRC, "tests/data/typesetting/logo.png"), "rb").read()
ASAN = b"__asan_init" in open(ZS, "rb").read()

shutil.rmtree(TMP, ignore_errors=True)
os.makedirs(TMP)

ANSWERS = '''instrument = "voorbeeld"
version = "1.0.0"
language = "nl"

[respondent]
code = "{code}"
role = "leiding"

[answers]
"P1" = "1000-10000"
"D1.1" = {{ answer = "ja", evidence = "Besluit MT" }}
"D2.0" = "ja"
"D2.1" = {{ answer = "nee", note = """{note}""" }}
"D2.2" = {number}
"D2.3" = "{text}"
'''


def answers(code="R01", note="Het model gebruikt postcode.", number="12", text="Bespreken."):
    return ANSWERS.format(code=code, note=note, number=number, text=text)


class Case:
    def __init__(self, name, args, rc, files=None, culprit=None, located=False, outputs=(), keep=(), stdin=None,
                 expect_err=None, setup=None):
        self.name, self.args, self.rc = name, args, rc
        self.files = files or {}        # name -> str|bytes|callable(path)
        self.culprit = culprit          # file name stderr must name on error
        self.located = located          # ... with :line:col:
        self.outputs = outputs          # must not exist after an error
        self.keep = keep                # existing paths that must stay as they are
        self.expect_err = expect_err    # a substring stderr must hold
        self.setup = setup              # callable(dir) run before


cases = []


def add(*a, **k):
    cases.append(Case(*a, **k))


# ---- instruments: numbers that are not numbers -------------------------
numeric_keys = [
    ("weight = 3\n  tags", "weight = {v}\n  tags"),                # question weight
    ("risk = 0.5", "risk = {v}"),                                   # option risk
    ("knowledge_gap_share = 0.25", "knowledge_gap_share = {v}"),
    ("critical_risk = 1.0", "critical_risk = {v}"),
    ("min = 0", "min = {v}"),
    ("max = 1000", "max = {v}"),
    ("weight = 1\n\n  [[domain.question]]", "weight = {v}\n\n  [[domain.question]]"),  # domain weight
]
for i, (old, new) in enumerate(numeric_keys):
    assert old in BASE, old
    for v in ["nan", "+nan", "-nan", "inf", "+inf", "-inf"]:
        add(f"instrument-number-{i}-{v}", ["check", "{d}/ins.toml"], 1,
            {"ins.toml": BASE.replace(old, new.format(v=v), 1)}, "ins.toml", True)

# ---- instruments: nesting beyond the limit, before the parser recurses ---
def nest(depth, kind):
    if kind == "dotted":
        return "x = 1\n" + ".".join(["a"] * depth) + " = 1\n"
    if kind == "array":
        return "x = " + "[" * depth + "]" * depth + "\n"
    if kind == "inline":
        return "x = " + "{ a = " * depth + "1" + " }" * depth + "\n"
    if kind == "header":
        return "[" + ".".join(["a"] * depth) + "]\nx = 1\n"
    if kind == "aot":
        return "[[" + ".".join(["a"] * depth) + "]]\nx = 1\n"
    if kind == "mixed":
        return "x = " + "[{ a = " * depth + "1" + " }]" * depth + "\n"
    raise ValueError(kind)


for kind in ["dotted", "array", "inline", "header", "aot", "mixed"]:
    for depth in [40, 3000, 200000]:
        add(f"instrument-deep-{kind}-{depth}", ["check", "{d}/ins.toml"], 1,
            {"ins.toml": BASE + "\n" + nest(depth, kind)}, "ins.toml", True)
        add(f"answers-deep-{kind}-{depth}", ["check", "--instrument", EX, "{d}/a.toml"], 1,
            {"a.toml": answers() + nest(depth, kind)}, "a.toml", True)

# ---- instruments: deep Markdown in a text -------------------------------
md_deep = {
    "list": "\n".join("  " * i + "- x" for i in range(60)),
    "quote": ">" * 5000 + " x",
    "emphasis": "*" * 3000 + "x" + "*" * 3000,
    "strong-em": "***a " * 200 + "x" + " a***" * 200,
    "links": "[" * 3000 + "x" + "](y)" * 3000,
    "ordered": "\n".join("   " * i + "1. x" for i in range(60)),
}
for kind, md in md_deep.items():
    text = BASE.replace('instructions = { nl = "Vul de scan alleen of samen in. *Weet ik niet* is een eerlijk antwoord."',
                        'instructions = { nl = """' + md + '"""', 1)
    rc = 1 if kind in ("list", "quote", "ordered") else None  # emphasis runs may legally stay flat
    add(f"instrument-markdown-{kind}", ["check", "{d}/ins.toml"], rc, {"ins.toml": text}, "ins.toml", True)

# ---- instruments: bytes, sizes, ids, counts -----------------------------
add("instrument-nul", ["check", "{d}/ins.toml"], 1, {"ins.toml": BASE[:500] + "\0" + BASE[500:]}, "ins.toml", True)
add("instrument-bad-utf8", ["check", "{d}/ins.toml"], 1,
    {"ins.toml": BASE[:300].encode() + b"\xff\xfe" + BASE[300:].encode()}, "ins.toml", True)
add("instrument-overlong-utf8", ["check", "{d}/ins.toml"], 1,
    {"ins.toml": BASE[:300].encode() + b"\xc0\xaf" + BASE[300:].encode()}, "ins.toml", True)
add("instrument-surrogate", ["check", "{d}/ins.toml"], 1,
    {"ins.toml": BASE[:300].encode() + b"\xed\xa0\x80" + BASE[300:].encode()}, "ins.toml", True)
for cut in [1, 100, 1000, 3000, len(BASE) // 2]:
    add(f"instrument-truncated-{cut}", ["check", "{d}/ins.toml"], 1, {"ins.toml": BASE[:cut] + '"'},
        "ins.toml", True)
add("instrument-empty", ["check", "{d}/ins.toml"], 1, {"ins.toml": ""}, "ins.toml")
add("instrument-binary", ["check", "{d}/ins.toml"], 1, {"ins.toml": bytes(range(256)) * 8}, "ins.toml", True)
add("instrument-too-large", ["check", "{d}/ins.toml"], 1,
    {"ins.toml": lambda p: open(p, "w").write(BASE + ("# " + "x" * 1000 + "\n") * 9000)}, "ins.toml",
    expect_err="too large")
for bad in ["../etc", "a/b", "..", "/abs", "UPPER", "x" * 200, "a\\\\b"]:
    add(f"instrument-id-{hashlib.md5(bad.encode()).hexdigest()[:6]}", ["check", "{d}/ins.toml"], 1,
        {"ins.toml": BASE.replace('id = "voorbeeld"', f'id = "{bad}"', 1)}, "ins.toml", True)
many_options = "".join(f'  [[scale.option]]\n  id = "o{i}"\n  label = {{ nl = "O", en = "O" }}\n  risk = 0.5\n'
                       for i in range(150))
add("instrument-too-many-options", ["check", "{d}/ins.toml"], 1,
    {"ins.toml": BASE.replace('[[scale]]\nid = "klanten"\n', '[[scale]]\nid = "klanten"\n' + many_options, 1)},
    "ins.toml", True)
many_q = "".join(f'  [[domain.question]]\n  id = "Q{i}"\n  text = {{ nl = "V", en = "Q" }}\n  help = {{ nl = "H", en = "H" }}\n'
                 f'  scale = "jdn"\n' for i in range(5001))
add("instrument-too-many-questions", ["check", "{d}/ins.toml"], 1,
    {"ins.toml": BASE.replace("[[measure]]", many_q + "\n[[measure]]", 1)}, "ins.toml", True)
add("instrument-control-char", ["check", "{d}/ins.toml"], 1,
    {"ins.toml": BASE.replace("Voorbeeldscan", "Voorbeeld\x07scan", 1)}, "ins.toml", True)
add("instrument-long-line", ["check", "{d}/ins.toml"], 1,
    {"ins.toml": BASE + "x = \"" + "a" * 3_000_000}, "ins.toml", True)

# ---- answer files --------------------------------------------------------
for v in ["nan", "+nan", "-nan", "inf", "+inf", "-inf"]:
    for cmd in ["check", "score"]:
        args = ["check", "--instrument", EX, "{d}/a.toml"] if cmd == "check" else ["score", EX, "{d}/a.toml"]
        add(f"answers-number-{v}-{cmd}", args, 1, {"a.toml": answers(number=v)}, "a.toml", True)
    add(f"answers-number-{v}-report", ["report", EX, "{d}/a.toml", "{d}/b.toml", "{d}/c.toml", "-o", "{d}/r.pdf"], 1,
        {"a.toml": answers(number=v), "b.toml": answers("R02"), "c.toml": answers("R03")}, "a.toml", True,
        outputs=["r.pdf"])
for bad in ["../voorbeeld", "../../etc/passwd", "/etc/passwd", "a/b", "", "voorbeeld/../voorbeeld", "Voorbeeld"]:
    tag = hashlib.md5(bad.encode()).hexdigest()[:6]
    text = answers().replace('instrument = "voorbeeld"', f'instrument = "{bad}"', 1)
    add(f"answers-instrument-id-{tag}", ["check", "{d}/a.toml"], 1, {"a.toml": text}, "a.toml", True)
add("answers-note-too-long", ["check", "--instrument", EX, "{d}/a.toml"], 1,
    {"a.toml": answers(note="x" * 20001)}, "a.toml", True)
add("answers-text-too-long", ["check", "--instrument", EX, "{d}/a.toml"], 1,
    {"a.toml": answers(text="y" * 20001)}, "a.toml", True)
add("answers-too-large", ["check", "--instrument", EX, "{d}/a.toml"], 1,
    {"a.toml": lambda p: open(p, "w").write(answers() + ("# " + "x" * 1000 + "\n") * 2200)}, "a.toml",
    expect_err="too large")
for name, data in {
    "empty": "", "nul": "instrument = \"voorbeeld\"\0", "bom-only": "\ufeff", "garbage": os.urandom(4096),
    "bad-utf8": answers().encode()[:100] + b"\xc3\x28" + answers().encode()[100:],
    "unclosed-string": answers()[:-5], "unclosed-multiline": answers().replace('"""Het', '"""Het', 1)[:-60],
    "duplicate-key": answers() + '"D2.3" = "nog eens"\n', "date-bad": answers().replace('role = "leiding"', 'date = 2026-02-30', 1),
    "huge-integer": answers(number="99999999999999999999999"),
    "array-answer": answers(number="[1, 2]"), "table-in-answer": answers(number="{ a = { b = { c = 1 } } }"),
}.items():
    add(f"answers-{name}", ["check", "--instrument", EX, "{d}/a.toml"], 1, {"a.toml": data}, "a.toml",
        located=name not in ("empty", "bom-only"))

# ---- respondents' Unicode: a document with a warning, never a failure ---
unicode_notes = {
    "emoji": "Goed zo 👍🏽 en 👨‍👩‍👧",
    "cjk": "平等待遇 評価 テスト 한국어",
    "arabic": "المساواة في المعاملة",
    "hebrew": "שוויון",
    "combining": "e\u0301 a\u0308 Z\u0335\u0321\u0317",
    "bidi": "abc \u202Edlrow\u202C \u2067x\u2069 \u200F",
    "zero-width": "a\u200Bb\u200Cc\u200Dd\uFEFFe\u2060f",
    "non-bmp": "𝕳𝖊𝖑𝖑𝖔 𓀀 \U0010FFFD",
    "mixed": "Ş ı ğ € „quote” — ‰ ✓ ☃",
}
for name, note in unicode_notes.items():
    for fmt in ["pdf", "html"]:
        add(f"unicode-{name}-{fmt}",
            ["report", EX, "{d}/a.toml", "{d}/b.toml", "{d}/c.toml", "-o", "{d}/r." + fmt] + (["--format", "html"] if fmt == "html" else []),
            0, {"a.toml": answers(note=note, text=note.replace('"', "")), "b.toml": answers("R02"), "c.toml": answers("R03")})

# ---- authors' Unicode: a paper scan with a warning, never a failure ------
for name, text in unicode_notes.items():
    ins = BASE.replace("Voorbeeldscan gelijke behandeling", "Voorbeeldscan " + text.replace('"', ""), 1)
    add(f"paper-unicode-{name}", ["paper", "{d}/ins.toml", "-o", "{d}/p.pdf"], 0, {"ins.toml": ins})
    add(f"form-unicode-{name}", ["form", "{d}/ins.toml", "-o", "{d}/f.pdf"], 0, {"ins.toml": ins})

# ---- inputs that are not regular files -----------------------------------
def make_fifo(p):
    os.mkfifo(p)


for cmd in ["check-ins", "check-ans", "score", "report-answers", "report-logo", "render", "import"]:
    for kind in ["fifo", "dir", "dev-zero", "dev-null"]:
        if kind == "fifo":
            files, path = {"in": make_fifo}, "{d}/in"
        elif kind == "dir":
            files, path = {"in": lambda p: os.mkdir(p)}, "{d}/in"
        else:
            files, path = {}, "/dev/zero" if kind == "dev-zero" else "/dev/null"
        ans = {"b.toml": answers("R02"), "c.toml": answers("R03"), "e.toml": answers("R04")}
        args = {
            "check-ins": ["check", path],
            "check-ans": ["check", "--instrument", EX, path],
            "score": ["score", EX, path],
            "report-answers": ["report", EX, path, "{d}/b.toml", "{d}/c.toml", "-o", "{d}/r.pdf"],
            "report-logo": ["report", EX, "{d}/b.toml", "{d}/c.toml", "{d}/e.toml", "--logo", path, "-o", "{d}/r.pdf"],
            "render": ["render", path, "-o", "{d}/r.pdf"],
            "import": ["import", path, "-o", "{d}/out.toml"],
        }[cmd]
        if kind == "dir" and cmd in ("report-answers", "check-ins", "check-ans", "score", "import"):
            continue  # a folder of inputs is the answer-folder case, not an error
        add(f"special-{cmd}-{kind}", args, 1, dict(files, **ans), os.path.basename(path.replace("{d}/", "")),
            outputs=["r.pdf", "out.toml"])
add("special-missing-file", ["check", "{d}/nope.toml"], 1, {}, "nope.toml")

# ---- outputs -------------------------------------------------------------
three = {"a.toml": answers(), "b.toml": answers("R02"), "c.toml": answers("R03")}
rep = ["report", EX, "{d}/a.toml", "{d}/b.toml", "{d}/c.toml"]
# Bad usage (exit 2: a report is named .pdf or .html, a plan .toml or .csv)
# or a refused output (exit 1); either way the device is untouched.
for dev in ["/dev/null", "/dev/full"]:
    add(f"output-report-{dev[5:]}", rep + ["-o", dev], {1, 2}, three, dev, keep=[dev])
    add(f"output-plan-{dev[5:]}", rep + ["-o", "{d}/r.pdf", "--plan", dev], {1, 2}, three, dev, outputs=["r.pdf"], keep=[dev])
    add(f"output-template-{dev[5:]}", ["template", EX, "-o", dev], {1, 2}, {}, dev, keep=[dev])
    add(f"output-paper-{dev[5:]}", ["paper", EX, "-o", dev], {1, 2}, {}, dev, keep=[dev])
    add(f"output-score-plan-{dev[5:]}", ["score", EX, "{d}/a.toml", "{d}/b.toml", "{d}/c.toml", "--plan", dev], {1, 2},
        three, dev, keep=[dev])
# Two outputs to one file by another name: the plan is a link to the report.
add("output-same-file-link", rep + ["-o", "{d}/r.pdf", "--plan", "{d}/link.toml"], 1,
    dict(three, **{"r.pdf": b"%PDF-old", "link.toml": lambda p: os.symlink("r.pdf", p)}), "link.toml",
    keep=["r.pdf"])
add("output-same-folder-other-name", rep + ["-o", "{d}/r.pdf", "--plan", "{d}/sub/../link.toml"], 1,
    dict(three, **{"r.pdf": b"%PDF-old", "sub": lambda p: os.mkdir(p), "link.toml": lambda p: os.symlink("r.pdf", p)}),
    "link.toml", keep=["r.pdf"])
add("output-plan-link-to-input", rep + ["-o", "{d}/r.pdf", "--plan", "{d}/link.toml"], 1,
    dict(three, **{"link.toml": lambda p: os.symlink("a.toml", p)}), "link.toml", outputs=["r.pdf"], keep=["a.toml"])
add("output-plan-onto-input", rep + ["-o", "{d}/r.pdf", "--plan", "{d}/a.toml"], 1, three, "a.toml",
    outputs=["r.pdf"], keep=["a.toml"])
# The plan (a .toml name, so good usage) pointed at the instrument itself.
add("output-plan-onto-instrument", ["report", "{d}/ins.toml", "{d}/a.toml", "{d}/b.toml", "{d}/c.toml", "-o", "{d}/r.pdf",
                                    "--plan", "{d}/ins.toml"],
    1, dict(three, **{"ins.toml": BASE}), "ins.toml", outputs=["r.pdf"], keep=["ins.toml"])
add("output-report-onto-dir", rep + ["-o", "{d}/outdir.pdf"], 1, dict(three, **{"outdir.pdf": lambda p: os.mkdir(p)}),
    "outdir.pdf")
add("output-report-missing-folder", rep + ["-o", "{d}/no/such/r.pdf"], 1, three, "r.pdf")
add("output-report-fifo", rep + ["-o", "{d}/pipe.pdf"], 1, dict(three, **{"pipe.pdf": make_fifo}), "pipe.pdf",
    keep=["pipe.pdf"])
add("output-template-onto-input", ["template", "{d}/ins.toml", "-o", "{d}/ins.toml"], 1, {"ins.toml": BASE},
    "ins.toml", keep=["ins.toml"])
add("output-render-onto-input", ["render", "{d}/t.md", "-o", "{d}/t.md"], 1, {"t.md": "# T\n"}, "t.md", keep=["t.md"])
add("output-existing-kept-on-error", rep[:2] + ["{d}/bad.toml", "{d}/b.toml", "{d}/c.toml", "-o", "{d}/old.pdf",
                                               "--plan", "{d}/old.toml"], 1,
    dict(three, **{"bad.toml": answers(number="nan"), "old.pdf": b"%PDF-old", "old.toml": "old"}), "bad.toml", True,
    keep=["old.pdf", "old.toml"])

# ---- logos ---------------------------------------------------------------
def png_chunk(kind, data):
    return len(data).to_bytes(4, "big") + kind + data + zlib.crc32(kind + data).to_bytes(4, "big")


def png(w, h, rows=None, bad_crc=False, depth=8, colour=2):
    ihdr = png_chunk(b"IHDR", w.to_bytes(4, "big") + h.to_bytes(4, "big") + bytes([depth, colour, 0, 0, 0]))
    raw = rows if rows is not None else zlib.compress(b"".join(b"\0" + b"\x80" * (w * 3) for _ in range(min(h, 50))))
    idat = png_chunk(b"IDAT", raw)
    if bad_crc:
        idat = idat[:-4] + b"\0\0\0\0"
    return b"\x89PNG\r\n\x1a\n" + ihdr + idat + png_chunk(b"IEND", b"")


logos = {
    "truncated-half": LOGO[: len(LOGO) // 2], "truncated-header": LOGO[:30], "truncated-33": LOGO[:33],
    "bad-crc": png(10, 10, bad_crc=True), "short-rows": png(10, 100), "huge-20000": png(20000, 20000),
    "huge-100000x1": png(100000, 1), "wide-30000": png(30000, 10), "zero-size": png(0, 0),
    "bad-depth": png(10, 10, depth=7), "bad-colour": png(10, 10, colour=5), "garbage-idat": png(10, 10, rows=os.urandom(300)),
    "not-image": b"GIF89a" + os.urandom(100), "empty": b"", "jpeg-truncated": b"\xff\xd8\xff\xe0\x00\x10JFIF\x00",
    "jpeg-huge": b"\xff\xd8\xff\xc0\x00\x11\x08\xff\xff\xff\xff\x03" + b"\0" * 20,
    "jpeg-zero": b"\xff\xd8\xff\xc0\x00\x11\x08\x00\x00\x00\x00\x03" + b"\0" * 20,
    "too-large-file": lambda p: open(p, "wb").write(LOGO + b"\0" * (17 * 1024 * 1024)),
    "png-bomb": png(2000, 2000, rows=zlib.compress(b"\0" * (2000 * 3 + 1) * 2000, 9)),
    "over-pixel-limit": png(5000, 4000), "interlaced-truncated": png(10, 10)[:-20],
}
for name, data in logos.items():
    for fmt in ["pdf", "html"]:
        rc = 0 if name == "png-bomb" else 1  # a big, valid image within the limits is fine
        add(f"logo-{name}-{fmt}", rep + ["--logo", "{d}/logo.png", "-o", "{d}/r." + fmt] + (["--format", "html"] if fmt == "html" else []),
            rc, dict(three, **{"logo.png": data}), "logo.png", outputs=["r." + fmt] if rc else [])

# ---- report templates ------------------------------------------------------
templates = {
    "unknown-placeholder": "# {{titel}}\n",
    "unclosed-section": "# x\n{{#domains}}\nnothing\n",
    "deep-sections": "".join("{{#domains}}" for _ in range(40)) + "x" + "".join("{{/domains}}" for _ in range(40)),
    "very-deep-sections": "".join("{{#domains}}" for _ in range(50000)),
    "many-unknown": "{{nope}}\n" * 100000,
    "deep-list": "\n".join("  " * i + "- x" for i in range(60)),
    "deep-quote": ">" * 100000 + " x\n",
    "unknown-directive": "[[chart:nope]]\n",
    "directive-not-alone": "[[chart:domain-risk]] and text\n",
    "nul": "# x\0\n",
    "bad-utf8": b"# x\xff\n",
    "too-large": lambda p: open(p, "w").write("# x\n" + ("y" * 1000 + "\n") * 2200),
}
for name, data in templates.items():
    add(f"template-{name}", rep + ["--template", "{d}/t.md", "-o", "{d}/r.pdf"], 1, dict(three, **{"t.md": data}),
        "t.md", located=name not in ("too-large", "unclosed-section"), outputs=["r.pdf"])

# ---- render (Markdown documents) ------------------------------------------
renders = {
    "deep-list": "\n".join("  " * i + "- x" for i in range(80)),
    "deep-quote": "> " * 20000 + "x\n",
    "deep-emphasis": "_" * 20000 + "x" + "_" * 20000,
    "nested-links": "[" * 20000 + "x" + "]" * 20000,
    "many-backticks": "`" * 50000 + "\n",
    "table-bomb": "|" + "a|" * 2000 + "\n|" + "-|" * 2000 + "\n" + ("|" + "b|" * 2000 + "\n") * 50,
    "nul": "# x\0\n",
    "bad-utf8": b"# \xe2\x82\n",
    "image-missing": "![alt](nope.png)\n",
    "image-dev-zero": "![alt](/dev/zero)\n",
    "image-truncated": lambda p: (open(p, "w").write("![alt](logo.png)\n"),
                                  open(os.path.join(os.path.dirname(p), "logo.png"), "wb").write(LOGO[:100])),
}
for name, data in renders.items():
    rc = None if name in ("deep-emphasis", "nested-links", "many-backticks", "table-bomb") else 1
    add(f"render-{name}", ["render", "{d}/t.md", "-o", "{d}/r.pdf"], rc, {"t.md": data},
        "logo.png" if name == "image-truncated" else ("zero" if name == "image-dev-zero" else
                                                       ("nope.png" if name == "image-missing" else "t.md")),
        located=name in ("deep-list", "deep-quote", "nul", "bad-utf8"), outputs=["r.pdf"] if rc else [])

# ---- filled forms (import) ---------------------------------------------------
def pdf_with(objects, trailer_extra=""):
    parts, offsets, at = [b"%PDF-1.7\n"], [], 9
    for i, body in enumerate(objects, start=1):
        offsets.append(at)
        piece = f"{i} 0 obj\n".encode() + body + b"\nendobj\n"
        parts.append(piece)
        at += len(piece)
    parts.append(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    parts.append(b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets))
    parts.append(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R {trailer_extra}>>\nstartxref\n{at}\n%%EOF\n".encode())
    return b"".join(parts)


def stream(data, extra=b""):
    return b"<< /Length " + str(len(data)).encode() + b" /Filter /FlateDecode " + extra + b">>\nstream\n" + data + b"\nendstream"


catalog = b"<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [] >> >>"
pages = b"<< /Type /Pages /Kids [] /Count 0 >>"
def deflate_zeros(mib):
    z = zlib.compressobj(9)
    chunk = b"\0" * (1024 * 1024)
    return b"".join(z.compress(chunk) for _ in range(mib)) + z.flush()


bomb = deflate_zeros(260)
forms = {
    "not-pdf": b"hello", "empty": b"", "header-only": b"%PDF-1.7\n", "truncated": pdf_with([catalog, pages])[:120],
    "garbage": b"%PDF-1.7\n" + os.urandom(5000), "no-fields": pdf_with([catalog, pages]),
    "zlib-bomb": pdf_with([catalog, pages, stream(bomb)]),
    "objstm-bomb": pdf_with([catalog, pages, stream(bomb, b"/Type /ObjStm /N 1 /First 4 ")]),
    "xref-loop": b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\nxref\n0 2\n0000000000 65535 f \n0000000009 00000 n \ntrailer\n<< /Size 2 /Root 1 0 R /Prev 9999 >>\nstartxref\n30\n%%EOF\n",
    "instrument-traversal": pdf_with([catalog, pages, b"<< /ZelfscanInstrument (../../etc/passwd) >>"], "/Info 3 0 R "),
    "instrument-absolute": pdf_with([catalog, pages, b"<< /ZelfscanInstrument (/tmp/x) >>"], "/Info 3 0 R "),
    "deep-arrays": pdf_with([catalog, pages, b"[" * 100000 + b"]" * 100000]),
    "deep-dicts": pdf_with([catalog, pages, b"<< /A " * 50000 + b">>" * 50000]),
    "many-objects": lambda p: open(p, "wb").write(pdf_with([catalog, pages] + [b"null"] * 510000)),
    "too-large": lambda p: open(p, "wb").write(b"%PDF-1.7\n" + b"%" * (65 * 1024 * 1024)),
    "encrypted": pdf_with([catalog, pages, b"<< /Filter /Standard /V 1 /R 2 /O (x) /U (y) /P -4 >>"], "/Encrypt 3 0 R /ID [(a)(a)] "),
}
for name, data in forms.items():
    add(f"import-{name}", ["import", "{d}/f.pdf", "-o", "{d}/out.toml"], 1, {"f.pdf": data}, "f.pdf",
        outputs=["out.toml"])
    add(f"report-form-{name}", ["report", EX, "{d}/f.pdf", "{d}/b.toml", "{d}/c.toml", "-o", "{d}/r.pdf"], 1,
        {"f.pdf": data, "b.toml": answers("R02"), "c.toml": answers("R03")}, "f.pdf", outputs=["r.pdf"])

# ---- bad usage: exit 2 -------------------------------------------------------
for i, args in enumerate([[], ["nope"], ["check"], ["report", EX], ["score"], ["template", EX], ["check", "--lang", "xx", EX],
                          ["report", EX, "a.toml", "-o"], ["import"], ["render"], ["--no-such-option"]]):
    add(f"usage-{i}", args, 2)


# ---- running -----------------------------------------------------------------
def limit_resources():
    if not ASAN:
        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))
    # A sanitized binary runs several times slower (render-table-bomb: 3.6 s
    # normally, over 10 s under ASan + UBSan): the same runaway guard, scaled.
    cpu = 40 if ASAN else 10
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def snapshot(path):
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return None
    if stat.S_ISREG(st.st_mode):
        return ("file", hashlib.sha256(open(path, "rb").read()).hexdigest())
    return ("special", stat.S_IFMT(st.st_mode), st.st_rdev)


failures, ran, slowest = [], 0, (0.0, "")
env = dict(os.environ, SOURCE_DATE_EPOCH="1767225600", LC_ALL="C.UTF-8")
env.pop("ZELFSCAN_FAULT", None)
for c in cases:
    if FILTER and FILTER not in c.name:
        continue
    d = os.path.join(TMP, c.name)
    os.makedirs(d)
    for name, data in c.files.items():
        p = os.path.join(d, name)
        if callable(data):
            data(p)
        elif isinstance(data, bytes):
            open(p, "wb").write(data)
        else:
            open(p, "w", encoding="utf-8", errors="surrogatepass").write(data)
    args = [a.replace("{d}", d) for a in c.args]
    keep = [k if k.startswith("/") else os.path.join(d, k) for k in c.keep]
    before = {k: snapshot(k) for k in keep}
    t0 = time.monotonic()
    try:
        p = subprocess.run([ZS] + args, cwd=d, env=env, stdin=subprocess.DEVNULL, capture_output=True,
                           preexec_fn=limit_resources, timeout=120)
        rc, err = p.returncode, p.stderr.decode("utf-8", "replace")
    except subprocess.TimeoutExpired:
        rc, err = "timeout", ""
    took = time.monotonic() - t0
    ran += 1
    slowest = max(slowest, (took, c.name))
    problems = []
    if isinstance(c.rc, set) and rc not in c.rc:
        problems.append(f"exit {rc}, expected one of {sorted(c.rc)}")
    elif isinstance(c.rc, int) and rc != c.rc:
        problems.append(f"exit {rc}, expected {c.rc}")
    if c.rc is None and rc not in (0, 1):
        problems.append(f"exit {rc}, expected 0 or 1")
    if isinstance(rc, int) and rc < 0:
        problems.append(f"killed by signal {-rc}")
    if "Sanitizer" in err or "runtime error:" in err:
        problems.append("sanitizer report")
    if rc in (1, 2) and c.rc != 2 and c.culprit:
        name = c.culprit
        lines = [l for l in err.splitlines() if name in l and "error" in l]
        if not lines:
            problems.append(f"stderr does not name {name} in an error")
        elif c.located and not any(f"{name}:" in l and l.split(f"{name}:", 1)[1][:1].isdigit()
                                   and l.split(f"{name}:", 1)[1].split(":")[1].isdigit() for l in lines):
            problems.append(f"no {name}:LINE:COL: in the error")
    if c.expect_err and c.expect_err not in err:
        problems.append(f"stderr lacks '{c.expect_err}'")
    if rc != 0:
        for o in c.outputs:
            if os.path.exists(os.path.join(d, o)):
                problems.append(f"output {o} written despite the error")
    for k in keep:
        if snapshot(k) != before[k]:
            problems.append(f"{k} changed")
    left = [f for f in os.listdir(d) if ".zelfscan-" in f or f.endswith(".tmp")]
    if left:
        problems.append(f"temporary files left: {left}")
    if problems:
        failures.append((c.name, problems, err[-600:]))

for name, problems, err in failures:
    print(f"FAIL {name}: {'; '.join(problems)}\n    stderr: {err.strip()[:600]}")
print(f"hostile: {ran} cases, {len(failures)} failed; slowest {slowest[1]} ({slowest[0]:.1f} s wall)")
sys.exit(1 if failures else 0)
