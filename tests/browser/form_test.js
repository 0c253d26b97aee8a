// The HTML form in a real browser, used as a person would: click options,
// type answers, see a conditional question appear and disappear, get the
// message for an out-of-range number, reload and find the answers still
// there, save the answer file. Also: nothing leaves the file, no script
// error, no sideways scrolling at 320 px, no axe-core violation at 1280 and
// 375 px.
//
//   node form_test.js FORM.html ANSWERS.json DOWNLOAD_DIR SCREENSHOT_DIR
// ANSWERS.json is `form_fill.py answers INSTRUMENT full` (the PDF form's
// field values); the saved file must equal what `zelfscan import` makes of
// the PDF form filled with the same values (checked by the caller).
'use strict';
const fs = require('fs');
const path = require('path');
const { browserName, launch, allowDownloads, recordRequests, axe, check, failed } = require('./lib');

const [formPath, answersPath, downloadDir, shotDir] = process.argv.slice(2);
const fields = JSON.parse(fs.readFileSync(answersPath, 'utf8')).fields;
const url = 'file://' + path.resolve(formPath);

const sel = (id) => '#q-' + id.replace(/\./g, '-');

async function typeInto(page, selector, text) {
  await page.click(selector, { count: 3 });
  await page.keyboard.press('Backspace');
  if (text !== '') await page.type(selector, text);
}

async function fill(page, data) {
  for (const [name, value] of Object.entries(fields)) {
    if (name.startsWith('respondent.')) {
      const key = name.slice('respondent.'.length);
      if (key === 'role') await page.click(`input[name="respondent.role"][value="${value}"]`);
      else await typeInto(page, '#r-' + key, value);
      continue;
    }
    let m;
    if ((m = /^(.*):(.*)$/.exec(name))) {
      await page.click(`${sel(m[1])} input[value="${m[2]}"]`);
    } else if ((m = /^(.*)\.(note|evidence)$/.exec(name)) && (await page.$(sel(m[1])))) {
      const reason = await page.$(`${sel(m[1])} .reason:not([hidden]) textarea`);
      if (m[2] === 'note' && reason) await typeInto(page, `${sel(m[1])} .reason textarea`, value);
      else await typeInto(page, `${sel(m[1])} textarea[data-part="${m[2]}"]`, value);
    } else {
      if (data.questions[name].kind === 'choice') await page.click(`${sel(name)} input[type=radio][value="${value}"]`);
      else await typeInto(page, `${sel(name)} input[name="${name}"], ${sel(name)} textarea[name="${name}"]`, value);
    }
  }
}

async function waitForFile(dir, name, ms) {
  for (let t = 0; t < ms; t += 100) {
    const f = path.join(dir, name);
    if (fs.existsSync(f) && !fs.existsSync(f + '.crdownload') && !fs.existsSync(f + '.part')) return f;
    await new Promise((r) => setTimeout(r, 100));
  }
  return null;
}

(async () => {
  fs.mkdirSync(downloadDir, { recursive: true });
  const browser = await launch(downloadDir);
  const page = await browser.newPage();
  const requests = recordRequests(page);
  const problems = [];
  page.on('pageerror', (e) => problems.push('page error: ' + e.message));
  page.on('console', (m) => { if (m.type() === 'error') problems.push('console: ' + m.text()); });
  await page.setViewport({ width: 1280, height: 900 });
  await allowDownloads(page, downloadDir);
  await page.goto(url, { waitUntil: 'load' });

  const data = await page.evaluate(() => JSON.parse(document.getElementById('zs-data').textContent));
  check(await page.evaluate(() => document.querySelectorAll('fieldset.q').length) === Object.keys(data.questions).length,
    'every question has its fieldset');
  check(await page.$eval('#progress-h', (e) => e.textContent.length > 0), 'progress is shown');

  // A conditional question disappears when its gate rules it out and
  // comes back when the gate lets it in.
  const conditional = Object.entries(data.questions).find(([, q]) => q.gate && data.questions[q.gate].kind === 'choice');
  if (conditional) {
    const [cid, cq] = conditional;
    const labels = Object.keys(data.questions[cq.gate].labels);
    const closing = labels.find((o) => !cq.when.includes(o) && !data.questions[cq.gate].reason.includes(o));
    const opening = cq.when[0];
    check(await page.$eval(sel(cid), (e) => !e.hidden), `${cid} is shown before ${cq.gate} is answered`);
    await page.click(`${sel(cq.gate)} input[value="${closing}"]`);
    check(await page.$eval(sel(cid), (e) => e.hidden), `${cid} disappears when ${cq.gate} is '${closing}'`);
    await page.click(`${sel(cq.gate)} input[value="${opening}"]`);
    check(await page.$eval(sel(cid), (e) => !e.hidden), `${cid} appears when ${cq.gate} is '${opening}'`);
  } else check(false, 'the instrument has a conditional question to try');

  // Keyboard only: from the date field, Tab reaches the role group, Space
  // picks the first role, the arrow key the next.
  if (await page.$('input[name="respondent.role"]')) {
    await page.focus('#r-date');
    await page.keyboard.press('Tab');
    await page.keyboard.press(' ');
    const first = await page.evaluate(() => { const e = document.activeElement; return e && e.name === 'respondent.role' && e.checked ? e.value : ''; });
    await page.keyboard.press('ArrowRight');
    const second = await page.evaluate(() => { const e = document.activeElement; return e && e.name === 'respondent.role' && e.checked ? e.value : ''; });
    check(first !== '' && second !== '' && first !== second, `keyboard only: Tab, Space and an arrow key choose a role (${first}, ${second})`);
  }

  await fill(page, data);

  // An out-of-range number gets check's message, announced, with focus on it.
  const numbered = Object.entries(data.questions).find(([, q]) => q.kind === 'number' && q.max !== null);
  if (numbered) {
    const [nid, nq] = numbered;
    await typeInto(page, `${sel(nid)} input`, String(nq.max + 1000));
    await page.click('#zs-save');
    const err = await page.$eval(`${sel(nid)}-err`, (e) => (e.hidden ? '' : e.textContent));
    check(err.includes(String(nq.max + 1000)) && err.includes(String(nq.max)), `out-of-range ${nid} gives a message: "${err}"`);
    check(await page.evaluate(() => document.activeElement && document.activeElement.getAttribute('aria-invalid') === 'true'),
      'focus is on the first field in error');
    check(await page.$eval('#zs-errors', (e) => !e.hidden && e.getAttribute('role') === 'alert'), 'the error summary is an alert');
    check(fs.readdirSync(downloadDir).length === 0, 'nothing is saved while there are errors');
    await typeInto(page, `${sel(nid)} input`, fields[nid] === undefined ? '' : fields[nid]);
  } else console.log('skip no number question with a maximum in this instrument');


  // Reload: what was typed is still there.
  await page.reload({ waitUntil: 'load' });
  const code = await page.$eval('#r-code', (e) => e.value);
  check(code === fields['respondent.code'], `the code is kept over a reload (${code})`);
  const someChoice = Object.entries(fields).find(([k, v]) => data.questions[k] && data.questions[k].kind === 'choice' && v);
  if (someChoice)
    check(await page.$eval(`${sel(someChoice[0])} input[value="${someChoice[1]}"]`, (e) => e.checked),
      `the answer to ${someChoice[0]} is kept over a reload`);
  const note = Object.entries(fields).find(([k]) => k.endsWith('.note'));
  if (note) {
    const qid = note[0].slice(0, -5);
    const kept = await page.evaluate((s) => Array.from(document.querySelectorAll(s + ' textarea')).map((t) => t.value).join('|'), sel(qid));
    check(kept.includes(note[1].trim()), `the note on ${qid} is kept over a reload`);
  }

  // Screenshots and accessibility at desktop and phone widths.
  await page.screenshot({ path: path.join(shotDir, 'form-1280.png'), fullPage: false });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(shotDir, 'form-top-1280.png'), fullPage: false });
  let v = await axe(page);
  check(v.length === 0, 'axe-core at 1280 px: ' + (v.length ? JSON.stringify(v) : 'no violations'));
  await page.setViewport({ width: 375, height: 800, isMobile: true, hasTouch: true });
  await page.screenshot({ path: path.join(shotDir, 'form-375.png'), fullPage: false });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(shotDir, 'form-top-375.png'), fullPage: false });
  v = await axe(page);
  check(v.length === 0, 'axe-core at 375 px: ' + (v.length ? JSON.stringify(v) : 'no violations'));
  await page.setViewport({ width: 320, height: 700, isMobile: true, hasTouch: true });
  const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  check(sideways <= 0, `no sideways scrolling at 320 px (${sideways} px)`);
  await page.setViewport({ width: 1280, height: 900 });

  // Save: the answer file comes down as CODE.toml.
  await page.click('#zs-save');
  const saved = await waitForFile(downloadDir, fields['respondent.code'] + '.toml', 10000);
  check(saved !== null, `saving downloads ${fields['respondent.code']}.toml`);
  check(await page.$eval('#zs-status', (e) => e.textContent.length > 0), 'the status line says it is saved');
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.screenshot({ path: path.join(shotDir, 'form-end.png') });

  // Clear: after confirming, nothing is left, also after a reload.
  page.once('dialog', (d) => d.accept());
  await page.click('#zs-clear');
  await page.reload({ waitUntil: 'load' });
  check((await page.$eval('#r-code', (e) => e.value)) === '', 'clearing removes the answers from the browser');

  const foreign = requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:') && !u.startsWith('blob:'));
  check(foreign.length === 0, 'no request leaves the file: ' + (foreign.join(' ') || 'none'));
  check(problems.length === 0, 'no script errors or CSP violations: ' + (problems.join(' | ') || 'none'));
  await browser.close();
  const n = failed();
  console.log(n === 0 ? 'browser form: all checks pass' : `browser form: ${n} checks fail`);
  process.exit(n === 0 ? 0 : 1);
})().catch((e) => { console.log('FAIL ' + (e && e.stack ? e.stack : e)); process.exit(1); });
