#!/usr/bin/env python3
"""Checks that a paper scan survives a cheap copier: every page rendered at
150 dpi, thresholded to 1 bit at 55 % (as an office copier does), and then
every tick box, write-in box, writing line and corner mark must still be
there, and the QR code must still decode (zbarimg) to the page's payload.

Usage: copier_check.py PAPER.pdf LAYOUT.json [--png-dir DIR]
LAYOUT.json comes from `zelfscan paper --layout-json`. With --png-dir the
1-bit pages are kept as PNG files there (to look at). Prints one line per
problem and exits 1 if there are any."""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

import numpy as np
from PIL import Image

DPI = 150
S = DPI / 72.0
MM = 72 / 25.4

ap = argparse.ArgumentParser()
ap.add_argument("pdf")
ap.add_argument("layout")
ap.add_argument("--png-dir")
opts = ap.parse_args()
layout = json.load(open(opts.layout))
H = layout["page_height"]
W = layout["page_width"]
problems = []
by_page = {}
for f in layout["fields"]:
    by_page.setdefault(f["page"], []).append(f)


def px(x, y):
    return x * S, (H - y) * S


def edge_present(black, x0, y0, x1, y1, reach=1):
    """Share of points along a segment (pixels) with black within `reach`."""
    n = max(2, int(max(abs(x1 - x0), abs(y1 - y0))))
    hit = 0
    for k in range(n):
        t = (k + 0.5) / n
        x, y = int(round(x0 + (x1 - x0) * t)), int(round(y0 + (y1 - y0) * t))
        win = black[max(0, y - reach):y + reach + 1, max(0, x - reach):x + reach + 1]
        hit += bool(win.any())
    return hit / n


with tempfile.TemporaryDirectory() as tmp:
    subprocess.run(["pdftoppm", "-gray", "-png", "-r", str(DPI), opts.pdf, os.path.join(tmp, "p")], check=True)
    files = sorted(os.listdir(tmp), key=lambda n: int(re.search(r"-(\d+)\.png$", n).group(1)))
    pages = int(re.search(r"^Pages:\s+(\d+)", subprocess.run(["pdfinfo", opts.pdf], capture_output=True, text=True).stdout, re.M).group(1))
    per_copy = layout["pages"]
    for i, name in enumerate(files):
        n = i + 1
        page = (n - 1) % per_copy + 1
        grey = np.asarray(Image.open(os.path.join(tmp, name)).convert("L"))
        black = grey < int(0.55 * 255)
        one_bit = Image.fromarray(np.where(black, 0, 255).astype(np.uint8)).convert("1")
        path = os.path.join(opts.png_dir or tmp, f"1bit-{n:03d}.png")
        one_bit.save(path)
        where = f"page {n}"
        for f in by_page.get(page, []):
            x0, y1 = px(f["x"], f["y"])
            x1, y0 = px(f["x"] + f["w"], f["y"] + f["h"])
            what = f"{where}: {f['name']} {f['option']}".rstrip()
            if f["kind"] in ("choice", "check", "text"):
                for side, seg in (("top", (x0, y0, x1, y0)), ("bottom", (x0, y1, x1, y1)),
                                  ("left", (x0, y0, x0, y1)), ("right", (x1, y0, x1, y1))):
                    share = edge_present(black, *seg)
                    if share < 0.97:
                        problems.append(f"{what}: the {side} edge of the box is {share:.0%} there after 1-bit")
            elif f["kind"] == "notes":
                # Writing lines are 7 mm apart (evidence, notes) or 8 mm (open
                # answers): the pitch is the one the area's height is a multiple of.
                step = min((7 * MM, 8 * MM), key=lambda s: abs(f["h"] / s - round(f["h"] / s)))
                lines = max(1, round(f["h"] / step))
                for k in range(1, lines + 1):
                    y = (H - (f["y"] + f["h"] - step * k)) * S
                    share = edge_present(black, x0, y, x1, y)
                    if share < 0.97:
                        problems.append(f"{what}: writing line {k} is {share:.0%} there after 1-bit")
        # The four corner marks: solid black squares 5 mm, 7 mm from the edges.
        for cx, cy in ((9.5, 9.5), (W / MM - 9.5, 9.5), (9.5, H / MM - 9.5), (W / MM - 9.5, H / MM - 9.5)):
            x, y = int(cx * MM * S), int(cy * MM * S)
            r = int(2 * MM * S)
            if black[y - r:y + r, x - r:x + r].mean() < 0.95:
                problems.append(f"{where}: the corner mark at {cx:.1f} mm, {cy:.1f} mm is not solid black")
        qr = subprocess.run(["zbarimg", "-q", "--raw", "-Sdisable", "-Sqrcode.enable", path], capture_output=True, text=True)
        payload = qr.stdout.strip()
        if not payload.startswith("ZS1|") or not payload.split("|")[6].startswith(f"{page}/{per_copy}"):
            problems.append(f"{where}: the QR code does not decode at {DPI} dpi after 1-bit (got '{payload}')")

for line in problems:
    print(f"{opts.pdf}: {line}")
sys.exit(1 if problems else 0)
