"""Every PDF zelfscan writes is tagged (PDF/UA-1), checked with poppler and qpdf:

- pdfinfo says Tagged: yes; the catalog has /MarkInfo /Marked true, /Lang,
  /ViewerPreferences /DisplayDocTitle, /StructTreeRoot and an XMP stream
  with pdfuaid:part 1 and the document title;
- every page has /StructParents and /Tabs /S;
- the text in the structure tree (pdfinfo -struct-text) is the page text
  (pdftotext) in the same order, less only the running header and footer;
- every Figure has /Alt, every Table has TH cells with a /Scope;
- every link and visible form widget has a /StructParent; every widget has
  /TU (radio buttons too, each with its own option).
"""
import difflib
import json
import re
import subprocess
import sys
from pathlib import Path

zs, src, tmp = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
tmp.mkdir(parents=True, exist_ok=True)
failures = []


def run(*args):
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def fail(name, msg):
    failures.append(f"{name}: {msg}")


def objects(pdf):
    data = json.loads(run("qpdf", "--json", "--json-stream-data=inline", "--decode-level=generalized", str(pdf)))
    out = {}
    for key, v in data["qpdf"][1].items():
        m = re.match(r"obj:(\d+) 0 R", key)
        if m:
            out[int(m.group(1))] = v
    return out


def val(o):
    return o.get("value", o.get("stream", {}).get("dict"))


def ref(s):
    m = re.match(r"(\d+) 0 R", s) if isinstance(s, str) else None
    return int(m.group(1)) if m else None


def words(text):
    # Letters and digits only: line-end hyphens, spaces and punctuation are
    # set differently by the two extractions.
    return re.findall(r"\w+", text.replace("\u00ad", ""))


def check(pdf, name, form=False):
    info = run("pdfinfo", str(pdf))
    if not re.search(r"^Tagged:\s+yes", info, re.M):
        fail(name, "pdfinfo does not say Tagged: yes")
    objs = objects(pdf)
    cat = next(val(o) for o in objs.values() if isinstance(val(o), dict) and val(o).get("/Type") == "/Catalog")
    if cat.get("/MarkInfo", {}).get("/Marked") is not True:
        fail(name, "no /MarkInfo /Marked true")
    if not cat.get("/Lang"):
        fail(name, "no /Lang")
    if cat.get("/ViewerPreferences", {}).get("/DisplayDocTitle") is not True:
        fail(name, "no DisplayDocTitle")
    meta = objs.get(ref(cat.get("/Metadata")), {}).get("stream", {})
    import base64
    xmp = base64.b64decode(meta.get("data", "")).decode("utf-8", "replace") if meta.get("data") else ""
    if "<pdfuaid:part>1</pdfuaid:part>" not in xmp:
        fail(name, "XMP without pdfuaid:part 1")
    title = re.search(r"^Title:\s+(.*)$", info, re.M)
    if title and title.group(1).strip() not in xmp.replace("&amp;", "&"):
        fail(name, "XMP dc:title differs from the document title")
    pages = [val(o) for o in objs.values() if isinstance(val(o), dict) and val(o).get("/Type") == "/Page"]
    for i, p in enumerate(pages):
        if "/StructParents" not in p or p.get("/Tabs") != "/S":
            fail(name, f"page object {i} without /StructParents or /Tabs /S")
            break
    elems = [val(o) for o in objs.values() if isinstance(val(o), dict) and val(o).get("/Type") == "/StructElem"]
    roles = [e.get("/S") for e in elems]
    for e in elems:
        if e.get("/S") == "/Figure" and not e.get("/Alt"):
            fail(name, "a Figure without /Alt")
            break
    ths = [e for e in elems if e.get("/S") == "/TH"]
    tables = roles.count("/Table")
    if tables and not ths:
        fail(name, f"{tables} tables but no TH cell")
    if any("/Scope" not in json.dumps(e.get("/A", {})) for e in ths):
        fail(name, "a TH without /Scope")
    for o in objs.values():
        a = val(o)
        if not isinstance(a, dict) or a.get("/Type") != "/Annot" and a.get("/Subtype") not in ("/Link", "/Widget"):
            continue
        hidden = int(a.get("/F", 0)) & 2
        if a.get("/Subtype") in ("/Link", "/Widget") and not hidden and "/StructParent" not in a:
            fail(name, f"a {a.get('/Subtype')} annotation without /StructParent")
            break
        if a.get("/Subtype") == "/Widget" and not hidden and not (a.get("/TU") or objs.get(ref(a.get("/Parent")), {}).get("value", {}).get("/TU")):
            fail(name, "a widget without an accessible name (/TU)")
            break
        if a.get("/Subtype") == "/Widget" and "/Parent" in a and not a.get("/TU"):
            fail(name, "a radio button without its own /TU")
            break
    # Text: the structure tree holds the page text in order, less the
    # running header and footer (artifacts).
    struct = run("pdfinfo", "-struct-text", str(pdf))
    tagged = words(" ".join(re.findall(r'^\s*"(.*)"\s*$', struct, re.M)))
    body, edges = [], set()
    for page in run("pdftotext", "-raw", str(pdf), "-").split("\f"):
        lines = [l for l in page.splitlines() if l.strip()]
        body += words(" ".join(lines))
        # The running header and footer are artifacts, not in the tree.
        edges |= set(words(" ".join(lines[:2] + lines[-5:])))
    sm = difflib.SequenceMatcher(None, body, tagged, autojunk=False)
    covered = sum(b.size for b in sm.get_matching_blocks())
    missing = [w for tag, i1, i2, j1, j2 in sm.get_opcodes() if tag in ("delete", "replace") for w in body[i1:i2]]
    # Repeated table headers on continued pages are artifacts too: their
    # words are in the tree once, at the table's first header.
    known = set(tagged)
    stray = [w for w in missing if w not in edges and w not in known]
    expected = len(body) - (len(missing) - len(stray))
    if covered < 0.99 * expected:
        fail(name, f"structure tree holds {covered} of {expected} words in order")
    if stray:
        fail(name, f"words on the page but not in the structure tree: {stray[:8]}")
    print(f"ok {name}: {len(elems)} elements, {covered}/{len(body)} words in order, "
          f"{roles.count('/Figure')} figures, {tables} tables, {len(ths)} header cells")


ins = src / "instruments" / "institutioneel-racisme.toml"
answers = sorted(str(p) for p in (src / "samples" / "werk-en-inkomen").glob("*.toml"))
for lang in ("nl", "en"):
    out = tmp / f"report-{lang}.pdf"
    run(zs, "report", str(ins), *answers, "--lang", lang, "-o", str(out))
    check(out, f"report {lang}")
pe = src / "instruments" / "procesevaluatie.toml"
pe_answers = sorted(str(p) for p in (src / "samples" / "procesevaluatie").glob("*.toml"))
if pe_answers:
    out = tmp / "results.pdf"
    run(zs, "report", str(pe), *pe_answers, "-o", str(out))
    check(out, "results report")
run(zs, "form", str(ins), "-o", str(tmp / "form.pdf"))
check(tmp / "form.pdf", "form", form=True)
run(zs, "paper", str(ins), "-o", str(tmp / "paper.pdf"))
check(tmp / "paper.pdf", "paper")
run(zs, "render", str(src / "docs" / "answers-format.md"), "-o", str(tmp / "render.pdf"))
check(tmp / "render.pdf", "render")

for f in failures:
    print("FAIL", f)
sys.exit(1 if failures else 0)
