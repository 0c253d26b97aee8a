#include "builders/html_form_assets.hpp"

namespace zs {

namespace {

// The house colours of document/palette.hpp. Every text colour passes WCAG
// AA on its background (muted #5f6773 on white 5.7:1, the error red #a4262c
// 6.9:1, white on the accent 10.6:1); tap targets are at least 44 px high.
constexpr const char* stylesheet = R"css(
:root { --text: #1f2328; --muted: #5f6773; --accent: #1c3f6e; --tint: #ecf1f7; --rule: #c5cdd8;
  --zebra: #f5f7fa; --error: #a4262c; --error-tint: #fbeeee; }
html { color-scheme: light; -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
* { box-sizing: border-box; }
body { margin: 0; background: #fff; color: var(--text);
  font-family: Lato, "Helvetica Neue", Arial, system-ui, -apple-system, "Segoe UI", sans-serif;
  font-size: 1.0625rem; line-height: 1.55; overflow-wrap: break-word; }
.wrap { max-width: 46em; margin: 0 auto; padding: 0 1rem; }
header.top { background: var(--accent); color: #fff; padding: 1.5rem 0 1.25rem; }
header.top h1 { margin: 0.2rem 0; font-size: 1.75rem; line-height: 1.2; color: #fff; }
header.top p { margin: 0; }
.kicker { font-size: 0.8rem; font-weight: bold; letter-spacing: 0.06em; }
.sub { font-size: 1.1rem; }
.meta { font-size: 0.85rem; margin-top: 0.4rem !important; }
main { display: block; padding-top: 1rem; padding-bottom: 3rem; }
h2 { color: var(--accent); font-size: 1.35rem; line-height: 1.25; margin: 2rem 0 0.6rem;
  padding-bottom: 0.2rem; border-bottom: 2px solid var(--accent); }
h3 { color: var(--accent); font-size: 1.1rem; margin: 1.4rem 0 0.4rem; }
p { margin: 0 0 0.8em; }
a { color: var(--accent); }
a:focus-visible, input:focus-visible, textarea:focus-visible, button:focus-visible, summary:focus-visible,
pre:focus-visible, .errors:focus { outline: 3px solid var(--accent); outline-offset: 2px; }
aside.note { background: var(--tint); border-left: 4px solid var(--accent); padding: 0.8rem 1rem 0.1rem; margin: 1rem 0; }
nav.progress { border: 1px solid var(--rule); border-radius: 4px; padding: 0 1rem 0.6rem; margin: 1.5rem 0; }
nav.progress h2 { border: 0; font-size: 1.05rem; margin: 0.8rem 0 0.3rem; }
nav.progress ol { margin: 0; padding-left: 1.4rem; }
nav.progress li { margin: 0.15rem 0; }
.count { color: var(--muted); font-size: 0.85rem; font-weight: normal; white-space: nowrap; }
.count.done { color: #1b6b3a; }
.grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr)); gap: 0.2rem 1.25rem; }
.field { margin: 0 0 0.8rem; }
label, legend { font-weight: bold; }
.field label, .num label, .extra label, .reason label { display: block; }
.hint { display: block; color: var(--muted); font-size: 0.88rem; margin: 0 0 0.2rem; font-weight: normal; }
input[type=text], input[type=date], textarea { font: inherit; color: inherit; width: 100%; min-height: 2.75rem;
  padding: 0.45rem 0.6rem; border: 2px solid var(--muted); border-radius: 4px; background: #fff; }
.num input { width: 10rem; max-width: 100%; }
textarea { resize: vertical; }
fieldset { border: 0; margin: 0; padding: 0; min-width: 0; }
fieldset.q { border-top: 1px solid var(--rule); padding: 1rem 0 0.8rem; }
fieldset.q legend { padding: 0; margin-bottom: 0.4rem; float: left; width: 100%; }
fieldset.q legend + * { clear: left; }
.qn { color: var(--muted); }
.qid { color: var(--accent); font-size: 0.85rem; white-space: nowrap; }
.cond { color: var(--accent); font-style: italic; font-size: 0.9rem; clear: left; }
.who { color: var(--muted); font-style: italic; font-size: 0.9rem; margin: 0.2rem 0; }
details.help { margin: 0 0 0.6rem; clear: left; }
details.help summary { cursor: pointer; color: var(--accent); min-height: 2rem; }
details.help > :not(summary) { font-size: 0.95rem; color: var(--text); }
.opts { display: flex; flex-wrap: wrap; gap: 0.4rem 0.6rem; margin: 0.2rem 0 0.6rem; clear: left; }
label.opt { display: inline-flex; align-items: center; gap: 0.5rem; min-height: 2.75rem; padding: 0.3rem 0.9rem 0.3rem 0.6rem;
  border: 2px solid var(--rule); border-radius: 4px; font-weight: normal; cursor: pointer; background: #fff; }
label.opt:has(input:checked) { border-color: var(--accent); background: var(--tint); }
label.opt input { width: 1.25rem; height: 1.25rem; margin: 0; accent-color: var(--accent); flex: none; }
.extra { display: grid; grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr)); gap: 0 1.25rem; }
.extra > div, .reason, .num { margin: 0 0 0.6rem; }
.extra label { font-weight: normal; color: var(--text); }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.err { color: var(--error); font-weight: bold; margin: 0.2rem 0 0.4rem; }
.invalid input[type=text], .invalid textarea, [aria-invalid=true] { border-color: var(--error); }
fieldset.q.invalid { border-left: 4px solid var(--error); padding-left: 0.75rem; }
.errors { background: var(--error-tint); border: 2px solid var(--error); border-radius: 4px; padding: 0.6rem 1rem; margin: 0 0 1rem; }
.errors p { color: var(--error); font-weight: bold; margin: 0.2rem 0 0.4rem; }
.errors ul { margin: 0; padding-left: 1.2rem; }
section.actions { position: relative; }
.buttons { display: flex; flex-wrap: wrap; gap: 0.6rem; position: sticky; bottom: 0; background: #fff; padding: 0.6rem 0;
  border-top: 1px solid var(--rule); }
button { font: inherit; font-weight: bold; min-height: 2.75rem; padding: 0.45rem 1.1rem; border-radius: 4px; cursor: pointer;
  border: 2px solid var(--accent); background: #fff; color: var(--accent); }
button.primary { background: var(--accent); color: #fff; }
button.danger { border-color: var(--error); color: var(--error); }
.status { min-height: 1.5em; font-weight: bold; }
details.preview pre { background: var(--zebra); border: 1px solid var(--rule); padding: 0.6rem; white-space: pre-wrap;
  overflow-wrap: anywhere; font-size: 0.8rem; max-height: 24rem; overflow: auto; }
footer.foot { border-top: 1px solid var(--rule); color: var(--muted); font-size: 0.85rem; padding: 0.8rem 0 1.5rem; }
[hidden] { display: none !important; }
@media print { .buttons, nav.progress, details.preview { display: none; } header.top { background: none; color: var(--text); }
  header.top h1 { color: var(--accent); } }
)css";

// The page's logic. It reads the instrument from the JSON block, keeps the
// answers in local storage, hides skipped questions, checks the answers and
// writes the answer file exactly as zelfscan's answer-file writer does
// (answers/template_writer.cpp): keep the two in step.
constexpr const char* script = R"js(
(function () {
  'use strict';
  var D = JSON.parse(document.getElementById('zs-data').textContent);
  var M = D.msg;
  var form = document.getElementById('zs-form');
  var status = document.getElementById('zs-status');
  var errorsBox = document.getElementById('zs-errors');
  var order = D.items.filter(function (it) { return it[0] !== ''; }).map(function (it) { return it[0]; });
  var box = {};
  Array.prototype.forEach.call(form.querySelectorAll('fieldset.q'), function (f) { box[f.getAttribute('data-q')] = f; });

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (m, k) { return values.hasOwnProperty(k) ? String(values[k]) : m; });
  }
  function inputs(id) { return Array.prototype.slice.call(box[id].querySelectorAll('input[name="' + id + '"], textarea[name="' + id + '"]')); }
  function part(id, name) { var e = box[id].querySelector('[data-part="' + name + '"]'); return e ? e.value.trim() : ''; }
  function chosen(id) {
    return inputs(id).filter(function (e) { return (e.type === 'radio' || e.type === 'checkbox') && e.checked; })
      .map(function (e) { return e.value; });
  }
  function field(key) { return form.elements['respondent.' + key]; }
  // The value of a respondent detail; '' when the instrument does not ask it.
  function given(key) { var f = field(key); return f ? f.value.trim() : ''; }

  // As `zelfscan check`: a question is skipped when its gate is answered and
  // none of the gate's answers is one it applies to; a gate that is itself
  // skipped skips what hangs on it.
  function skipped(id, seen) {
    var q = D.questions[id];
    if (!q.gate || !D.questions[q.gate]) return false;
    seen = seen || {};
    if (seen[id]) return false;
    seen[id] = true;
    if (skipped(q.gate, seen)) return true;
    var gate = chosen(q.gate);
    if (gate.length === 0) return false;
    return !gate.some(function (o) { return q.when.indexOf(o) >= 0; });
  }

  function answerOf(id) {
    var q = D.questions[id];
    var a = { options: [], text: null, number: null, raw: '', note: part(id, 'note'), evidence: part(id, 'evidence'), reason: '' };
    if (q.kind === 'choice' || q.kind === 'multi') {
      a.options = chosen(id);
      if (a.options.some(function (o) { return q.reason.indexOf(o) >= 0; })) a.reason = part(id, 'reason');
    } else {
      var v = inputs(id)[0].value.trim();
      if (q.kind === 'text') { if (v !== '') a.text = v; } else a.raw = v;
    }
    return a;
  }
  function answered(a) { return a.options.length > 0 || a.text !== null || a.number !== null; }

  function parseNumber(raw) {
    var s = raw.replace(/\s+/g, '');
    if (!/^[-+]?\d+([.,]\d+)?$/.test(s)) return null;
    return Number(s.replace(',', '.'));
  }
  function shown(n) { return String(n); }

  // ---------------------------------------------------------------- check --

  function check() {
    var problems = [];
    var date = given('date');
    if (date !== '' && !validDate(date)) problems.push({ el: field('date'), msg: fill(M.bad_date, { v: date }) });
    var p = given('participants');
    if (p !== '' && !(/^\d+$/.test(p) && Number(p) >= 1 && Number(p) <= 1000))
      problems.push({ el: field('participants'), msg: fill(M.bad_participants, { v: p }) });
    order.forEach(function (id) {
      if (skipped(id)) return;
      var q = D.questions[id];
      var a = answerOf(id);
      var name = fill(M.question, { n: q.n, id: id });
      if (q.kind === 'number' && a.raw !== '') {
        var n = parseNumber(a.raw);
        if (n === null) problems.push({ id: id, msg: fill(M.not_a_number, { id: name, v: a.raw }) });
        else if ((q.min !== null && n < q.min) || (q.max !== null && n > q.max))
          problems.push({ id: id, msg: fill(q.min === null ? M.above_max : q.max === null ? M.below_min : M.out_of_range,
                                            { id: name, v: a.raw, min: shown(q.min), max: shown(q.max) }) });
      }
      a.options.forEach(function (o) {
        if (q.reason.indexOf(o) >= 0 && a.reason === '') problems.push({ id: id, msg: fill(M.no_reason, { id: name, v: q.labels[o] }) });
      });
    });
    return problems;
  }
  // jjjj-mm-dd, or dd-mm-jjjj / d-m-jjjj as people write it; always written
  // as jjjj-mm-dd. null when it is not a real date.
  function isoDate(s) {
    var y, mo, d, m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
    if (m) { y = +m[1]; mo = +m[2]; d = +m[3]; }
    else if ((m = /^(\d{1,2})-(\d{1,2})-(\d{4})$/.exec(s))) { y = +m[3]; mo = +m[2]; d = +m[1]; }
    else return null;
    var t = new Date(Date.UTC(y, mo - 1, d));
    if (t.getUTCFullYear() !== y || t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d) return null;
    return String(y) + '-' + ('0' + mo).slice(-2) + '-' + ('0' + d).slice(-2);
  }
  function validDate(s) { return isoDate(s) !== null; }

  function clearErrors() {
    Array.prototype.forEach.call(form.querySelectorAll('.err'), function (e) { e.hidden = true; e.textContent = ''; });
    Array.prototype.forEach.call(form.querySelectorAll('[aria-invalid]'), function (e) { e.removeAttribute('aria-invalid'); });
    Array.prototype.forEach.call(form.querySelectorAll('.invalid'), function (e) { e.classList.remove('invalid'); });
    errorsBox.hidden = true;
    errorsBox.textContent = '';
  }
  function showErrors(problems) {
    clearErrors();
    var list = document.createElement('ul');
    var first = null;
    problems.forEach(function (p) {
      var target, err;
      if (p.id) {
        box[p.id].classList.add('invalid');
        err = document.getElementById(box[p.id].id + '-err');
        target = box[p.id].querySelector('input[type=text], textarea[data-part=reason], input') || box[p.id];
      } else {
        target = p.el;
        err = document.getElementById(p.el.id + '-err');
      }
      target.setAttribute('aria-invalid', 'true');
      err.hidden = false;
      err.textContent = err.textContent ? err.textContent + ' ' + p.msg : p.msg;
      var li = document.createElement('li');
      var link = document.createElement('a');
      link.href = '#' + (p.id ? box[p.id].id : p.el.id);
      link.textContent = p.msg;
      link.addEventListener('click', function (ev) { ev.preventDefault(); target.focus(); });
      li.appendChild(link);
      list.appendChild(li);
      if (!first) first = target;
    });
    var head = document.createElement('p');
    head.textContent = problems.length === 1 ? M.summary_one : fill(M.summary_many, { k: problems.length });
    errorsBox.appendChild(head);
    errorsBox.appendChild(list);
    errorsBox.hidden = false;
    errorsBox.setAttribute('role', 'alert');
    if (first) first.focus();
  }

  // ---------------------------------------------------------- answer file --

  function quote(s) {
    var multi = s.indexOf('\n') >= 0;
    var out = multi ? '"""\n' : '"';
    var quotes = 0;
    for (var i = 0; i < s.length; i++) {
      var ch = s.charAt(i), c = s.charCodeAt(i);
      if (ch === '"') {
        if (multi && ++quotes === 3) { out += '\\"'; quotes = 0; continue; }
        out += multi ? '"' : '\\"';
        continue;
      }
      quotes = 0;
      if (ch === '\\') out += '\\\\';
      else if (ch === '\n') out += multi ? '\n' : '\\n';
      else if (ch === '\t') out += '\\t';
      else if (c < 0x20 || c === 0x7f) out += '\\u' + ('000' + c.toString(16).toUpperCase()).slice(-4);
      else out += ch;
    }
    if (multi && out.charAt(out.length - 1) === '"') out = out.slice(0, -1) + '\\"';
    return out + (multi ? '"""' : '"');
  }
  function respondentLine(key, value, comment) {
    var line = key + ' = ' + quote(value);
    var chars = Array.from(line).length;
    return line + ' '.repeat(chars < 23 ? 23 - chars : 0) + ' # ' + comment + '\n';
  }
  function bare(q, a) {
    if (!answered(a)) return q.kind === 'multi' ? '[]' : '""';
    if (q.kind === 'multi') return '[' + a.options.map(quote).join(', ') + ']';
    if (q.kind === 'choice') return quote(a.options[0]);
    if (q.kind === 'text') return quote(a.text);
    return shown(a.number);
  }
  function value(q, a) {
    var v = bare(q, a);
    if (a.note === '' && a.evidence === '' && a.reason === '') return v;
    var t = '{ answer = ' + v;
    if (a.reason !== '') t += ', reason = ' + quote(a.reason);
    if (a.note !== '') t += ', note = ' + quote(a.note);
    if (a.evidence !== '') t += ', evidence = ' + quote(a.evidence);
    return t + ' }';
  }
  function role() {
    var r = form.querySelector('input[name="respondent.role"]:checked');
    return r ? r.value : '';
  }
  function answerFile() {
    var out = D.intro + 'instrument = ' + quote(D.instrument) + '\nversion = ' + quote(D.version) + '\nlanguage = ' + quote(D.lang) + '\n\n';
    out += '[respondent]\n';
    var comment = {};
    D.fields.forEach(function (f) { comment[f[0]] = f[1]; });
    // Only the details the instrument asks (D.fields, in the block's order).
    if (comment.code !== undefined) out += respondentLine('code', given('code'), comment.code);
    if (comment.role !== undefined) out += respondentLine('role', role(), comment.role);
    if (comment.organisation !== undefined) out += respondentLine('organisation', given('organisation'), comment.organisation);
    if (comment.unit !== undefined) out += respondentLine('unit', given('unit'), comment.unit);
    var date = given('date');
    if (comment.date !== undefined) out += respondentLine('date', isoDate(date) || date, comment.date);
    var p = given('participants');
    if (comment.participants !== undefined)
      out += p !== '' && Number(p) > 0 ? 'participants = ' + Number(p) + '\n' : '# participants = 0  # ' + comment.participants + '\n';
    out += '\n[answers]\n';
    D.items.forEach(function (it) {
      if (it[0] === '') { out += it[1]; return; }
      var q = D.questions[it[0]];
      var a = skipped(it[0]) ? { options: [], text: null, number: null, note: '', evidence: '', reason: '' } : answerOf(it[0]);
      if (q.kind === 'number' && a.raw) a.number = parseNumber(a.raw);
      out += it[1] + quote(it[0]) + ' = ' + value(q, a) + '\n';
    });
    return out;
  }
  function fileName() {
    var code = given('code').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|[-.]+$/g, '');
    return (code || (D.lang === 'en' ? 'answers' : 'antwoorden')) + '.toml';
  }

  // ------------------------------------------------- visibility, progress --

  function update() {
    var counts = {};
    order.forEach(function (id) {
      var q = D.questions[id];
      var hide = skipped(id);
      if (box[id].hidden !== hide) box[id].hidden = hide;
      var c = counts[q.section] || (counts[q.section] = { a: 0, t: 0 });
      if (hide) return;
      c.t++;
      var a = answerOf(id);
      if (answered(a) || a.raw !== '') c.a++;
      var reason = box[id].querySelector('.reason');
      if (reason) reason.hidden = a.options.every(function (o) { return q.reason.indexOf(o) < 0; });
    });
    Array.prototype.forEach.call(document.querySelectorAll('[data-progress]'), function (e) {
      var c = counts[e.getAttribute('data-progress')] || { a: 0, t: 0 };
      e.textContent = fill(M.progress, c);
      e.classList.toggle('done', c.t > 0 && c.a === c.t);
    });
    document.getElementById('zs-preview').textContent = answerFile();
  }

  // -------------------------------------------------------------- storage --

  var storage = null;
  try { storage = window.localStorage; storage.setItem(D.storage + ':test', '1'); storage.removeItem(D.storage + ':test'); }
  catch (e) { storage = null; }

  function snapshot() {
    var s = {};
    Array.prototype.forEach.call(form.elements, function (e) {
      var key = e.name || e.id;
      if (!key || e.type === 'button') return;
      if (e.type === 'radio' || e.type === 'checkbox') { if (e.checked) (s[key] = s[key] || []).push(e.value); }
      else if (e.value !== '') s[key] = e.value;
    });
    return s;
  }
  function restore(s) {
    Array.prototype.forEach.call(form.elements, function (e) {
      var key = e.name || e.id;
      if (!key || !s.hasOwnProperty(key)) return;
      if (e.type === 'radio' || e.type === 'checkbox') e.checked = Array.isArray(s[key]) && s[key].indexOf(e.value) >= 0;
      else if (typeof s[key] === 'string') e.value = s[key];
    });
  }
  function persist() { if (storage) try { storage.setItem(D.storage, JSON.stringify(snapshot())); } catch (e) { /* full: keep going */ } }

  // ---------------------------------------------------------------- wiring --

  form.addEventListener('input', function () { update(); persist(); });
  form.addEventListener('change', function () { update(); persist(); });
  form.addEventListener('submit', function (ev) { ev.preventDefault(); });

  function ready() {
    var problems = check();
    if (problems.length) { showErrors(problems); status.textContent = ''; return null; }
    clearErrors();
    return answerFile();
  }
  document.getElementById('zs-save').addEventListener('click', function () {
    var text = ready();
    if (text === null) return;
    var name = fileName();
    var url = URL.createObjectURL(new Blob([text], { type: 'application/toml;charset=utf-8' }));
    var a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    document.body.removeChild(a);
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
    status.textContent = fill(M.saved, { f: name });
  });
  document.getElementById('zs-copy').addEventListener('click', function () {
    var text = ready();
    if (text === null) return;
    function fallback() {
      var t = document.createElement('textarea');
      t.value = text;
      t.setAttribute('readonly', 'readonly');
      t.className = 'sr';
      document.body.appendChild(t);
      t.select();
      var ok = false;
      try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
      document.body.removeChild(t);
      status.textContent = ok ? M.copied : M.copy_failed;
    }
    if (navigator.clipboard && navigator.clipboard.writeText)
      navigator.clipboard.writeText(text).then(function () { status.textContent = M.copied; }, fallback);
    else fallback();
  });
  document.getElementById('zs-clear').addEventListener('click', function () {
    if (!window.confirm(M.confirm_clear)) return;
    if (storage) storage.removeItem(D.storage);
    form.reset();
    clearErrors();
    update();
    status.textContent = M.cleared;
  });

  if (storage) {
    var saved = null;
    try { saved = JSON.parse(storage.getItem(D.storage) || 'null'); } catch (e) { saved = null; }
    if (saved && typeof saved === 'object') { restore(saved); status.textContent = M.restored; }
  } else status.textContent = M.no_storage;
  update();
})();
)js";

} // namespace

std::string html_form_stylesheet() { return stylesheet; }
std::string html_form_script() { return script; }

} // namespace zs
