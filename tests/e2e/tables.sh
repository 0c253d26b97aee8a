#!/usr/bin/env bash
# End-to-end: the generic table writer (src/tables) as Dutch and English
# spreadsheet users open its files. CSV: nl with BOM, ';' and decimal
# commas, en as RFC 4180 with ','; .xlsx read back by LibreOffice headless:
# typed numbers, dates and booleans, text kept, frozen header, drop-down
# list, same bytes for the same table.
set -euo pipefail
zs=$1 src=$2 tmp=$3
rm -rf "$tmp" && mkdir -p "$tmp"
fail() { echo "FAIL: $*" >&2; exit 1; }
tool=$(dirname "$zs")/tests/write_table
[ -x "$tool" ] || fail "test tool $tool missing"
export SOURCE_DATE_EPOCH=1790000000

"$tool" "$tmp/nl.csv" nl && "$tool" "$tmp/en.csv" en
python3 - "$tmp/nl.csv" "$tmp/en.csv" <<'PY' || fail "CSV dialects"
import csv, io, sys
nl = open(sys.argv[1], "rb").read()
en = open(sys.argv[2], "rb").read()
assert nl.startswith(b"\xef\xbb\xbf"), "nl: no BOM"
assert not en.startswith(b"\xef\xbb\xbf"), "en: BOM"
assert b"\r\n" in nl and b"\n" not in nl.replace(b"\r\n", b"").replace(b"\nand", b""), "CRLF"
rows = list(csv.reader(io.StringIO(nl[3:].decode("utf-8"), newline=""), delimiter=";"))
assert rows[0][:3] == ["Maatregel", "Titel", "Prioriteit"], rows[0]
assert all(len(r) == 8 for r in rows), [len(r) for r in rows]
assert rows[1][2] == "7,13" and rows[2][2] == "11,25" and rows[3][2] == "-0,5", rows
assert rows[1][7] == "D2.1: risico 0,59; rode vlag 3 ×", rows[1][7]   # the ';' inside is quoted
assert rows[2][7] == "'=SUM(A1:A2)" and rows[4][7] == "'+1", "formula guard"
assert rows[3][7] == 'text, with "quotes"\nand a line'
assert rows[1][4] == "2026-10-01" and rows[2][4] == "15-09-2026"       # dates as given (ISO from zelfscan)
assert rows[4][2] == "ca. 45", "a bad number is kept as text"
e = list(csv.reader(io.StringIO(en.decode("utf-8"), newline="")))
assert e[0][:3] == ["Measure", "Title", "Priority"] and e[1][2] == "7.13" and e[2][7] == "'=SUM(A1:A2)", e[:3]
PY

# .xlsx, twice: the same bytes.
"$tool" "$tmp/nl.xlsx" nl && "$tool" "$tmp/nl2.xlsx" nl && "$tool" "$tmp/en.xlsx" en
cmp "$tmp/nl.xlsx" "$tmp/nl2.xlsx" || fail "xlsx not byte-identical"
unzip -tq "$tmp/nl.xlsx" >/dev/null || fail "xlsx is not a valid zip"

# LibreOffice reads it back (flat ODS, to look at types and settings).
lo() { soffice -env:UserInstallation=file://$tmp/lo-profile --headless --norestore "$@" >"$tmp/lo.log" 2>&1 || fail "soffice: $(cat "$tmp/lo.log")"; }
lo --convert-to fods --outdir "$tmp/fods" "$tmp/nl.xlsx" "$tmp/en.xlsx"
python3 - "$tmp/fods/nl.fods" "$tmp/fods/en.fods" <<'PY' || fail "xlsx read back by LibreOffice"
import sys
import xml.etree.ElementTree as ET
ns = {"table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0", "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
      "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0", "config": "urn:oasis:names:tc:opendocument:xmlns:config:1.0"}
O = "{%s}" % ns["office"]
T = "{%s}" % ns["table"]

def sheet(path):
    root = ET.parse(path).getroot()
    t = root.find(".//table:table", ns)
    rows = []
    for r in t.findall("table:table-row", ns)[:5]:
        cells = []
        for c in r.findall("table:table-cell", ns):
            n = int(c.get(T + "number-columns-repeated", "1"))
            text = "\n".join("".join(p.itertext()) for p in c.findall("text:p", ns))
            cells += [(c.get(O + "value-type"), c.get(O + "value") or c.get(O + "date-value") or c.get(O + "boolean-value"), text)] * min(n, 8)
        rows.append(cells[:8])
    return root, t, rows

root, t, rows = sheet(sys.argv[1])
assert t.get(T + "name") == "Plan_ maatregelen", t.get(T + "name")
assert [c[2] for c in rows[0]] == ["Maatregel", "Titel", "Prioriteit", "Antwoorden", "Deadline", "Aangewezen", "Status", "Basis"], rows[0]
m2 = rows[1]
assert m2[2][:2] == ("float", "7.13"), m2[2]
assert m2[3][:2] == ("float", "12"), m2[3]
assert m2[4][0] == "date" and m2[4][1].startswith("2026-10-01"), m2[4]
assert m2[4][2] == "01-10-2026", m2[4]                      # shown the Dutch way
# LibreOffice keeps a boolean cell as a number shown TRUE/WAAR (its own type).
assert m2[5][0] in ("boolean", "float") and m2[5][1] in ("true", "1") and m2[5][2] in ("TRUE", "WAAR"), m2[5]
assert m2[1] == ("string", None, "Stop met nationaliteit als criterium vóór 1 januari"), m2[1]
assert rows[2][4][0] == "date" and rows[2][4][1].startswith("2026-09-15"), rows[2][4]   # 15-09-2026 parsed
assert rows[2][7][2] == "=SUM(A1:A2)" and rows[2][7][0] == "string", rows[2][7]          # text, never a formula
assert rows[3][1][2] == "Zoek uit: İstanbul, Łódź, ĳverig", rows[3][1]
assert rows[3][2][:2] == ("float", "-0.5"), rows[3][2]
bad = rows[4]
assert [bad[i][:1] for i in (2, 3, 4, 5)] == [("string",)] * 4, bad               # misfits kept as text
assert [bad[i][2] for i in (2, 3, 4, 5)] == ["ca. 45", "drie", "gisteren", "misschien"], bad
# A list validation on the status column, and the header row frozen.
vals = root.findall(".//table:content-validation", ns)
assert any("open" in v.get(T + "condition", "") and "vervallen" in v.get(T + "condition", "") for v in vals), [v.attrib for v in vals]

root, t, rows = sheet(sys.argv[2])
assert rows[0][0][2] == "Measure" and rows[1][4][2] == "2026-10-01", rows[1][4]  # English: ISO shown
PY
# LibreOffice headless keeps no view settings: the frozen header row, the
# filter and the widths are checked in the sheet itself.
sheet=$(unzip -p "$tmp/nl.xlsx" xl/worksheets/sheet1.xml)
grep -q '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' <<<"$sheet" || fail "header row not frozen"
grep -q '<autoFilter ref="A1:H5"/>' <<<"$sheet" || fail "no autofilter"
grep -q '<col min="2" max="2" width="40.7109375" customWidth="1"/>' <<<"$sheet" || fail "column width"
grep -q '<formula1>"open,gepland,bezig,afgerond,vervallen"</formula1>' <<<"$sheet" || fail "status list validation"
echo "tables: ok"
