// Shared set-up for the browser tests: Debian's chromium, headless, with no
// network of its own, driven by puppeteer-core; axe-core for accessibility.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const puppeteer = require('puppeteer-core');

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

async function launch() {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'zs-chromium-'));
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    userDataDir: profile,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
           '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage', '--allow-file-access-from-files'],
  });
  browser.on('disconnected', () => {
    try { fs.rmSync(profile, { recursive: true, force: true, maxRetries: 5 }); } catch (e) { /* chromium still writing: left in tmp */ }
  });
  return browser;
}

// Every request a page makes, so a test can assert that none leaves the file.
function recordRequests(page) {
  const seen = [];
  page.on('request', (r) => seen.push(r.url()));
  return seen;
}

// Runs axe-core in the page and returns its violations (the page's own
// Content-Security-Policy is bypassed only for this injected script).
async function axe(page) {
  const source = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(source);
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  });
}

let failures = 0;
function check(ok, what) {
  if (ok) console.log('ok   ' + what);
  else { failures++; console.log('FAIL ' + what); }
}
function failed() { return failures; }

module.exports = { launch, recordRequests, axe, check, failed };
