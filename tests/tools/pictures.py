"""Regression pictures: chosen pages of the sample report, the paper scan and
the form rendered to grey PNG-free PGM at low resolution (pdftoppm -gray
-r 30) and compared with the references in tests/data/pictures/.

  pictures.py check   ZELFSCAN SRC SCRATCH   compare; exit 1 when a page differs
  pictures.py refresh ZELFSCAN SRC SCRATCH   write new references on purpose

A page differs when more than 0.5 % of its pixels differ by more than 48
grey levels (anti-aliasing and font hinting stay below that), or when the
page size changed. The differing pages are written next to a difference
image (SCRATCH/diff-*.pgm) so the change can be looked at.
"""
import subprocess
import sys
from pathlib import Path

mode, zs, src, tmp = sys.argv[1], sys.argv[2], Path(sys.argv[3]), Path(sys.argv[4])
tmp.mkdir(parents=True, exist_ok=True)
refs = src / "tests" / "data" / "pictures"
ins = src / "instruments" / "institutioneel-racisme.toml"
answers = sorted(str(p) for p in (src / "samples" / "werk-en-inkomen").glob("*.toml"))
RES = 30
PIXEL_DELTA = 48
SHARE = 0.005

# name -> (command, pages)
docs = {
    "report-nl": ([zs, "report", str(ins), *answers, "--lang", "nl"], [1, 2, 4, 5, 6, 7]),
    "report-en": ([zs, "report", str(ins), *answers, "--lang", "en"], [4]),
    "paper-nl": ([zs, "paper", str(ins), "--lang", "nl"], [1, 3, 6]),
    "form-nl": ([zs, "form", str(ins), "--lang", "nl"], [3, 6]),
}


def read_pgm(path):
    data = path.read_bytes()
    parts, pos = [], 0
    while len(parts) < 4:  # magic, width, height, maxval (no comments from pdftoppm)
        while data[pos:pos + 1].isspace():
            pos += 1
        end = pos
        while not data[end:end + 1].isspace():
            end += 1
        parts.append(data[pos:end])
        pos = end
    pos += 1
    if parts[0] != b"P5":
        raise ValueError(f"{path}: not a binary PGM")
    w, h = int(parts[1]), int(parts[2])
    return w, h, data[pos:pos + w * h]


def render(name, cmd, pages):
    pdf = tmp / f"{name}.pdf"
    subprocess.run(cmd + ["-o", str(pdf)], check=True, capture_output=True)
    out = {}
    for p in pages:
        stem = tmp / f"{name}-p{p}"
        subprocess.run(["pdftoppm", "-gray", "-r", str(RES), "-f", str(p), "-l", str(p), "-singlefile",
                        str(pdf), str(stem)], check=True)
        out[p] = Path(str(stem) + ".pgm")
    return out


failures = []
for name, (cmd, pages) in docs.items():
    for page, path in render(name, cmd, pages).items():
        ref = refs / f"{name}-p{page}.pgm"
        if mode == "refresh":
            refs.mkdir(parents=True, exist_ok=True)
            ref.write_bytes(path.read_bytes())
            print(f"refreshed {ref.relative_to(src)}")
            continue
        if not ref.exists():
            failures.append(f"{name} page {page}: no reference {ref.relative_to(src)} (run scripts/refresh-pictures.sh)")
            continue
        w, h, a = read_pgm(path)
        rw, rh, b = read_pgm(ref)
        if (w, h) != (rw, rh):
            failures.append(f"{name} page {page}: size {w}x{h}, reference {rw}x{rh}")
            continue
        diff = bytes(255 if abs(x - y) > PIXEL_DELTA else 0 for x, y in zip(a, b))
        share = diff.count(255) / len(diff)
        if share > SHARE:
            d = tmp / f"diff-{name}-p{page}.pgm"
            d.write_bytes(b"P5\n%d %d\n255\n" % (w, h) + diff)
            failures.append(f"{name} page {page}: {share:.2%} of pixels differ (see {d}; new page {path})")
        else:
            print(f"ok {name} page {page}: {share:.3%} of pixels differ")

for f in failures:
    print("FAIL", f)
if failures and mode == "check":
    print("If the change is meant: bash scripts/refresh-pictures.sh, look at the new pictures, commit them.")
sys.exit(1 if failures else 0)
