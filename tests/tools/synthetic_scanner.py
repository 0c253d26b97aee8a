#!/usr/bin/env python3
"""A synthetic scanner for `zelfscan scan`: fills in printed paper scans as
a pen would and scans them as an office scanner or copier would.

It takes the PDF of `zelfscan paper --copies N` and its `--layout-json`,
ticks boxes (crosses, checks and slashes of varying width and darkness,
some slightly outside the box), fills some boxes in to cancel a tick,
writes scribbles on note lines and in number boxes, then rasterises every
page (150-600 dpi), turns, shifts and scales it a little, adds paper tone,
noise and specks, optionally a copier's 1-bit threshold, and writes a
scanner-like PDF (JPEG pages, or CCITT for 1-bit) together with the truth:
what each box really holds.

Usage:
  synthetic_scanner.py PAPER.pdf LAYOUT.json -o SCANS.pdf --truth TRUTH.json
      [--dpi 200] [--seed 1] [--rotate 2.0] [--threshold 0.55] [--noise 6]
      [--speck 0.0003] [--upside-down 3,7] [--drop 5] [--order reverse|shuffle]
      [--blank-backs] [--foreign OTHER.pdf] [--cancel 0.05] [--double 0.01]
      [--cache DIR]

Pages are numbered in the order of PAPER.pdf (1-based) for --upside-down
and --drop. The truth file holds, per sheet id, every box and its state
("empty", "tick", "filled"), and the handwriting written.

Python 3 with numpy and Pillow (Debian: python3-numpy, python3-pil);
rendering with pdftoppm (poppler-utils)."""
import argparse
import json
import math
import os
import random
import re
import subprocess
import sys
import tempfile

import numpy as np
from PIL import Image, ImageDraw


def render_pages(pdf, dpi, first, last, cache):
    """Grey images of pages first..last of pdf, cached as PNG."""
    out = []
    key = re.sub(r"[^A-Za-z0-9]", "_", os.path.abspath(pdf)) + f"-{os.path.getmtime(pdf):.0f}-{dpi}"
    todo = []
    for n in range(first, last + 1):
        path = os.path.join(cache, f"{key}-{n}.png")
        if not os.path.exists(path):
            todo.append(n)
    if todo:
        with tempfile.TemporaryDirectory() as tmp:
            subprocess.run(["pdftoppm", "-gray", "-png", "-r", str(dpi), "-f", str(min(todo)), "-l", str(max(todo)),
                            pdf, os.path.join(tmp, "p")], check=True)
            for name in os.listdir(tmp):
                n = int(re.search(r"-(\d+)\.png$", name).group(1))
                os.replace(os.path.join(tmp, name), os.path.join(cache, f"{key}-{n}.png"))
    for n in range(first, last + 1):
        out.append(Image.open(os.path.join(cache, f"{key}-{n}.png")).convert("L"))
    return out


class Pen:
    """Marks in page pixels; coordinates of boxes in PDF points."""

    def __init__(self, rng, dpi, page_h):
        self.rng = rng
        self.s = dpi / 72.0
        self.page_h = page_h

    def px(self, x, y):
        return x * self.s, (self.page_h - y) * self.s

    def stroke_width(self):
        return max(1, round(self.rng.uniform(0.25, 0.7) / 25.4 * 72 * self.s))

    def ink(self):
        return self.rng.randint(0, 70)

    def line(self, d, pts, width, ink):
        # A slightly wobbly line through the points.
        path = []
        for (x0, y0), (x1, y1) in zip(pts, pts[1:]):
            for k in range(4):
                t = k / 4
                j = self.rng.uniform(-0.6, 0.6) * self.s
                path.append((x0 + (x1 - x0) * t + j, y0 + (y1 - y0) * t + j))
        path.append(pts[-1])
        d.line(path, fill=ink, width=width, joint="curve")

    def tick(self, d, f):
        """A tick of some kind in box f (dict with x, y, w, h in points)."""
        r = self.rng
        x0, y1 = self.px(f["x"], f["y"])
        x1, y0 = self.px(f["x"] + f["w"], f["y"] + f["h"])
        side = x1 - x0
        # Now and then the whole mark sits a little off the box.
        off = 0.18 if r.random() < 0.1 else 0.06
        dx, dy = r.uniform(-off, off) * side, r.uniform(-off, off) * side
        P = lambda u, v: (x0 + u * side + dx, y0 + v * side + dy)
        w, ink = self.stroke_width(), self.ink()
        kind = r.random()
        over = r.uniform(-0.1, 0.25)  # strokes may run past the box
        if kind < 0.55:  # a cross
            self.line(d, [P(-over + r.uniform(0, .1), -over + r.uniform(0, .1)), P(1 + over - r.uniform(0, .1), 1 + over - r.uniform(0, .1))], w, ink)
            self.line(d, [P(1 + over - r.uniform(0, .1), -over + r.uniform(0, .1)), P(-over + r.uniform(0, .1), 1 + over - r.uniform(0, .1))], w, ink)
        elif kind < 0.85:  # a check mark
            self.line(d, [P(0.15, 0.5 + r.uniform(-.1, .1)), P(0.4 + r.uniform(-.05, .05), 0.85), P(0.95 + over, 0.05 - over)], w, ink)
        else:  # one slash
            self.line(d, [P(0.1 - over, 0.9 + over), P(0.9 + over, 0.1 - over)], w, ink)

    def fill(self, d, f):
        """A box filled in to cancel it: dense back-and-forth strokes."""
        r = self.rng
        x0, y1 = self.px(f["x"], f["y"])
        x1, y0 = self.px(f["x"] + f["w"], f["y"] + f["h"])
        w = max(self.stroke_width(), round(0.6 / 25.4 * 72 * self.s))
        ink = self.ink()
        y = y0 - r.uniform(0, 2)
        pts = []
        while y < y1 + 2:
            pts += [(x0 - r.uniform(0, 3), y), (x1 + r.uniform(0, 3), y + w * 0.4)]
            y += w * r.uniform(0.5, 0.8)
        d.line(pts, fill=ink, width=w, joint="curve")

    def scribble(self, d, f, lines=1):
        """Handwriting-like wiggles on the writing lines of area f."""
        r = self.rng
        x0, y1 = self.px(f["x"], f["y"])
        x1, y0 = self.px(f["x"] + f["w"], f["y"] + f["h"])
        h = (y1 - y0) / max(1, lines)
        w, ink = max(1, self.stroke_width() - 1), self.ink()
        for k in range(lines):
            base = y0 + h * (k + 1) - 0.25 * h
            x = x0 + r.uniform(2, 10) * self.s
            end = x0 + (x1 - x0) * r.uniform(0.3, 0.95)
            while x < end:
                word = r.uniform(12, 40) * self.s
                pts = []
                t = 0.0
                while t < word:
                    pts.append((x + t, base - abs(math.sin(t / (2.2 * self.s))) * r.uniform(0.2, 0.45) * h))
                    t += 1.5 * self.s
                if len(pts) > 1:
                    d.line(pts, fill=ink, width=w)
                x += word + r.uniform(4, 8) * self.s


def fill_in(rng, fields, pen, draw, opts):
    """Marks for one page; returns the truth of its boxes and writing."""
    boxes = {}
    writing = {}
    groups = {}
    for f in fields:
        groups.setdefault(f["name"], []).append(f)
    for name, fs in groups.items():
        kind = fs[0]["kind"]
        if kind in ("choice", "check"):
            state = {f["option"]: "empty" for f in fs}
            dont_know = name.endswith(".dontknow")
            u = rng.random()
            if dont_know:
                chosen = [fs[0]] if u < 0.3 else []
            elif kind == "check":
                chosen = rng.sample(fs, k=min(len(fs), rng.choice([0, 1, 1, 2, 3])))
            elif u < opts.empty:
                chosen = []
            elif u < opts.empty + opts.double and len(fs) > 1:
                chosen = rng.sample(fs, 2)
            else:
                chosen = [rng.choice(fs)]
            # A cancellation: a box filled in, another ticked instead.
            if not dont_know and len(fs) > 1 and rng.random() < opts.cancel:
                others = [f for f in fs if f not in chosen]
                if others:
                    c = rng.choice(others)
                    pen.fill(draw, c)
                    state[c["option"]] = "filled"
            for f in chosen:
                pen.tick(draw, f)
                state[f["option"]] = "tick"
            boxes[name] = state
        elif kind in ("notes", "text"):
            if rng.random() < opts.notes:
                lines = max(1, round(f["h"] / (8 * 72 / 25.4))) if kind == "notes" else 1
                pen.scribble(draw, fs[0], lines=rng.randint(1, lines))
                writing[name] = True
    return boxes, writing


def scan_like(rng, img, opts, upside_down):
    """Turn, shift, scale, paper tone, noise, specks, threshold."""
    W, H = img.size
    s = opts.dpi / 72.0
    angle = math.radians(rng.uniform(-opts.rotate, opts.rotate))
    scale = rng.uniform(0.985, 1.015)
    tx, ty = rng.uniform(-3, 3) / 25.4 * opts.dpi, rng.uniform(-3, 3) / 25.4 * opts.dpi
    if upside_down:
        angle += math.pi
    # Inverse map for PIL: output (x, y) -> input.
    c, sn = math.cos(angle) / scale, math.sin(angle) / scale
    cx, cy = W / 2, H / 2
    a, b = c, sn
    d, e = -sn, c
    off_x = cx - a * (cx + tx) - b * (cy + ty)
    off_y = cy - d * (cx + tx) - e * (cy + ty)
    img = img.transform((W, H), Image.AFFINE, (a, b, off_x, d, e, off_y), resample=Image.BILINEAR, fillcolor=255)
    arr = np.asarray(img, dtype=np.int32)
    tone = rng.randint(225, 250)
    arr = arr * tone // 255
    nrng = np.random.default_rng(rng.randrange(1 << 30))
    if opts.noise > 0:
        arr = arr + nrng.integers(-opts.noise, opts.noise + 1, size=arr.shape, dtype=np.int32)
    if opts.speck > 0:
        count = int(arr.size * opts.speck)
        ys = nrng.integers(0, H, size=count)
        xs = nrng.integers(0, W, size=count)
        arr[ys, xs] = nrng.integers(0, 90, size=count)
    arr = np.clip(arr, 0, 255).astype(np.uint8)
    if opts.threshold:
        return Image.fromarray(np.where(arr < int(opts.threshold * 255), 0, 255).astype(np.uint8)).convert("1")
    return Image.fromarray(arr)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("paper")
    ap.add_argument("layout")
    ap.add_argument("-o", "--output", required=True)
    ap.add_argument("--truth", required=True)
    ap.add_argument("--dpi", type=int, default=200)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--rotate", type=float, default=2.0, help="largest turn in degrees")
    ap.add_argument("--threshold", type=float, default=0, help="copier 1-bit threshold (0.55), 0 = grey")
    ap.add_argument("--noise", type=int, default=6)
    ap.add_argument("--speck", type=float, default=0.0003)
    ap.add_argument("--upside-down", default="")
    ap.add_argument("--drop", default="")
    ap.add_argument("--order", choices=["as-is", "reverse", "shuffle"], default="as-is")
    ap.add_argument("--blank-backs", action="store_true")
    ap.add_argument("--foreign", action="append", default=[])
    ap.add_argument("--empty", type=float, default=0.04)
    ap.add_argument("--double", type=float, default=0.01)
    ap.add_argument("--cancel", type=float, default=0.05)
    ap.add_argument("--notes", type=float, default=0.08)
    ap.add_argument("--cache", default=os.path.join(tempfile.gettempdir(), "zelfscan-synthetic-cache"))
    opts = ap.parse_args()
    os.makedirs(opts.cache, exist_ok=True)
    rng = random.Random(opts.seed)
    layout = json.load(open(opts.layout))
    per_copy = layout["pages"]
    page_h = layout["page_height"]
    total = int(re.search(r"^Pages:\s+(\d+)", subprocess.run(["pdfinfo", opts.paper], capture_output=True, text=True).stdout, re.M).group(1))
    if total % per_copy:
        sys.exit(f"{opts.paper}: {total} pages is not a whole number of copies of {per_copy} pages")
    upside = {int(x) for x in opts.upside_down.split(",") if x}
    drop = {int(x) for x in opts.drop.split(",") if x}
    by_page = {}
    for f in layout["fields"]:
        by_page.setdefault(f["page"], []).append(f)
    # The sheet id of each copy, from its footer.
    truth = {"dpi": opts.dpi, "sheets": {}}
    pages = []
    for copy in range(total // per_copy):
        first = copy * per_copy + 1
        text = subprocess.run(["pdftotext", "-f", str(first), "-l", str(first), opts.paper, "-"], capture_output=True, text=True).stdout
        m = re.search(r"\b(?:vel|sheet) (\d{4,})\b", text)
        sheet = m.group(1) if m else f"copy{copy + 1}"
        sheet_truth = truth["sheets"].setdefault(sheet, {"boxes": {}, "writing": {}, "missing_pages": [], "upside_down": []})
        images = render_pages(opts.paper, opts.dpi, first, first + per_copy - 1, opts.cache)
        for k, img in enumerate(images):
            n = first + k
            page = k + 1
            img = img.copy()
            pen = Pen(rng, opts.dpi, page_h)
            boxes, writing = fill_in(rng, by_page.get(page, []), pen, ImageDraw.Draw(img), opts)
            sheet_truth["boxes"].update(boxes)
            sheet_truth["writing"].update(writing)
            if n in drop:
                sheet_truth["missing_pages"].append(page)
                continue
            if n in upside:
                sheet_truth["upside_down"].append(page)
            pages.append(scan_like(rng, img, opts, n in upside))
            if opts.blank_backs:
                pages.append(scan_like(rng, Image.new("L", img.size, 255), opts, False))
    for other in opts.foreign:
        n = int(re.search(r"^Pages:\s+(\d+)", subprocess.run(["pdfinfo", other], capture_output=True, text=True).stdout, re.M).group(1))
        for img in render_pages(other, opts.dpi, 1, min(n, 2), opts.cache):
            img = img.resize(pages[0].size) if pages and img.size != pages[0].size else img
            pages.append(scan_like(rng, img, opts, False))
    if opts.order == "reverse":
        pages.reverse()
    elif opts.order == "shuffle":
        rng.shuffle(pages)
    pages[0].save(opts.output, "PDF", save_all=True, append_images=pages[1:], resolution=float(opts.dpi), quality=80)
    json.dump(truth, open(opts.truth, "w"), indent=1, sort_keys=True)


if __name__ == "__main__":
    main()
