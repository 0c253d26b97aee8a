// Checks an HTML report in headless Chromium at several widths:
//   - axe-core finds no violation (WCAG 2.0-2.2 A/AA and best practice);
//   - the page never scrolls sideways (WCAG 1.4.10 reflow);
//   - every chart label is drawn at 12 px or more;
//   - every element that scrolls is focusable and has a name;
//   - SVG text has a contrast of at least 4.5:1 with what is behind it
//     (axe cannot see through SVG).
// Usage: node report_test.js REPORT.html [SCREENSHOT_DIR]
// Exit 0 when all pass, 1 with one line per problem otherwise.
'use strict';
const fs = require('fs');
const path = require('path');
const url = require('url');
const { launch, axe } = require('./lib');

const [file, shots] = process.argv.slice(2);
if (!file) {
  console.error("usage: node report_test.js REPORT.html [SCREENSHOT_DIR]");
  process.exit(2);
}
(async () => {
const browser = await launch();
const problems = [];
try {
  for (const width of [1280, 375, 320]) {
    const page = await browser.newPage();
    await page.setViewport({ width, height: 900 });
    await page.goto(url.pathToFileURL(path.resolve(file)).href, { waitUntil: "load" });
    const report = await page.evaluate(() => {
      const out = [];
      const doc = document.scrollingElement;
      if (doc.scrollWidth > window.innerWidth + 1)
        out.push(`page scrolls sideways: ${doc.scrollWidth} px wide`);
      for (const t of document.querySelectorAll("svg text")) {
        const m = t.getScreenCTM();
        const size = parseFloat(t.getAttribute("font-size") || "16") * Math.abs(m ? m.a : 1);
        if (size < 11.99) { out.push(`chart text "${t.textContent}" is ${size.toFixed(1)} px`); break; }
      }
      for (const el of document.querySelectorAll("body *")) {
        const st = getComputedStyle(el);
        const scrolls = /(auto|scroll)/.test(st.overflowX) && el.scrollWidth > el.clientWidth + 1;
        if (!scrolls) continue;
        if (el.tabIndex < 0) out.push(`scroll region <${el.tagName.toLowerCase()} class="${el.className}"> not focusable`);
        if (!el.getAttribute("aria-label") && !el.getAttribute("aria-labelledby"))
          out.push(`scroll region <${el.tagName.toLowerCase()} class="${el.className}"> has no name`);
      }
      const rgb = (c) => {
        const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(c || "");
        return m ? [1, 2, 3].map((i) => parseInt(m[i], 16) / 255) : null;
      };
      const lum = ([r, g, b]) => {
        const f = (v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
        return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
      };
      for (const svg of document.querySelectorAll("svg")) {
        const rects = [...svg.querySelectorAll("rect")];
        for (const t of svg.querySelectorAll("text")) {
          const fg = rgb(t.getAttribute("fill") || "#000000");
          if (!fg) continue;
          const b = t.getBBox(), cx = b.x + b.width / 2, cy = b.y + b.height / 2;
          let bg = [1, 1, 1];
          for (const r of rects) {
            if (r.compareDocumentPosition(t) & Node.DOCUMENT_POSITION_PRECEDING) continue;
            const x = +r.getAttribute("x"), y = +r.getAttribute("y");
            const w = +r.getAttribute("width"), h = +r.getAttribute("height");
            const fill = rgb(r.getAttribute("fill"));
            if (fill && cx >= x && cx <= x + w && cy >= y && cy <= y + h) bg = fill;
          }
          const [a, c] = [lum(fg), lum(bg)].sort((p, q) => q - p);
          const ratio = (a + 0.05) / (c + 0.05);
          if (ratio < 4.5) out.push(`chart text "${t.textContent}" contrast ${ratio.toFixed(2)}:1`);
        }
      }
      return out;
    });
    for (const p of report) problems.push(`${width} px: ${p}`);
    if (width !== 320) {
      for (const v of await axe(page))
        problems.push(`${width} px: axe ${v.id} (${v.impact}) on ${v.nodes.length}: ${v.nodes[0]}`);
    }
    if (shots) {
      fs.mkdirSync(shots, { recursive: true });
      await page.screenshot({ path: path.join(shots, `report-${width}.png`), fullPage: true });
    }
    await page.close();
  }
} finally {
  await browser.close();
}
for (const p of problems) console.log("FAIL " + p);
if (!problems.length) console.log("ok   " + path.basename(file) + ": no axe violation, no sideways scroll, chart text >= 12 px, scroll regions named, SVG text contrast >= 4.5:1");
process.exit(problems.length ? 1 : 0);
})().catch((e) => { console.error(e); process.exit(1); });
