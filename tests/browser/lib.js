// Shared set-up for the browser tests: Debian's chromium or firefox-esr,
// headless, driven by puppeteer-core; axe-core for accessibility.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const puppeteer = require('puppeteer-core');

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const FIREFOX = process.env.FIREFOX || '/usr/bin/firefox-esr';

// Which browser drives the test: ZS_BROWSER=firefox for Debian's
// firefox-esr (WebDriver BiDi), anything else chromium (DevTools protocol).
function browserName() { return process.env.ZS_BROWSER === 'firefox' ? 'firefox' : 'chromium'; }

// downloadDir: where a download lands without asking (Firefox takes it as
// a preference at start; chromium per page, in allowDownloads).
async function launch(downloadDir) {
  const name = browserName();
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'zs-' + name + '-'));
  const options = name === 'firefox'
    ? {
      browser: 'firefox', executablePath: FIREFOX, headless: true, userDataDir: profile,
      extraPrefsFirefox: {
        'browser.download.folderList': 2,
        'browser.download.dir': downloadDir ? path.resolve(downloadDir) : profile,
        'browser.download.useDownloadDir': true,
        'browser.download.always_ask_before_handling_new_types': false,
        'browser.helperApps.neverAsk.saveToDisk': 'application/toml,text/plain,application/octet-stream',
        'browser.download.manager.showWhenStarting': false,
        'network.proxy.type': 0,
      },
    }
    : {
      executablePath: CHROMIUM, headless: true, userDataDir: profile,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
             '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage', '--allow-file-access-from-files'],
    };
  const browser = await puppeteer.launch(options);
  browser.on('disconnected', () => {
    try { fs.rmSync(profile, { recursive: true, force: true, maxRetries: 5 }); } catch (e) { /* the browser still writing: left in tmp */ }
  });
  return browser;
}

// Lets the page download into dir without a dialog (chromium; Firefox was
// told at launch).
async function allowDownloads(page, dir) {
  if (browserName() === 'firefox') return;
  const cdp = await page.createCDPSession();
  await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: path.resolve(dir) });
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

module.exports = { browserName, launch, allowDownloads, recordRequests, axe, check, failed };
