// End-to-end tests of the built web app in a real browser.
//
//   node tests/browser/run.mjs [--dist DIR] [--keep-open]
//
// Serves dist/ (default: <repo>/dist, built by `trunk build --release`) under a sub-path on
// 127.0.0.1 with a tiny static server, drives Debian's Chromium through playwright-core, and
// checks what issue 3 asks: paste each seed and compare outline and highlights with the CLI's
// JSON; drop GBK / Big5 / UTF-16 files; outline and table clicks; CSV export; restore after
// reload, a crashed tab and a second tab; an XSS corpus pasted and dropped as .txt/.html/.docx
// stays inert; axe-core on every main view, light and dark; keyboard navigation; no request at
// all after load (only same-origin static files at load) but the reader worker's, fetched once
// when a file needs it; the first load's size (gzipped); files read through the worker give
// the CLI's text and JSON (GBK, Big5, .doc, .ofd, every PDF fixture; a scan and a PDF with a
// password get their messages); a 10 MB batch leaves no long task over 100 ms; timings;
// and the one-file build (written to DIST/report-lens.html by scripts/build-single-file.mjs)
// opened from file://, reading a file through its blob: worker.
// Screenshots go to tests/browser/artifacts/. Exit code 0 when every check passed.

import { chromium } from 'playwright-core';
import { serve as serveDir } from './serve.mjs';
import { addReports, openDeskTimed } from './desk.mjs';
import { execFileSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { mkdtempSync, readFileSync, readdirSync, mkdirSync, rmSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, resolve, basename } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..', '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const DIST = resolve(opt('--dist', join(ROOT, 'dist')));
const ARTIFACTS = join(HERE, 'artifacts');
const FIXTURES = join(ROOT, 'tests', 'fixtures');
const SUB_PATH = '/some/sub/path/'; // proves the build uses relative URLs only
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
// axe-core from node_modules (pinned in package.json). It is evaluated in the page through the
// DevTools protocol: addScriptTag would insert an inline <script>, which the app's CSP (no
// 'unsafe-inline') rightly blocks, and bypassing the CSP would blind the CSP checks below.
const AXE_SOURCE = readFileSync(join(HERE, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

// Budgets from the issue. Timing on a loaded CI machine varies: over budget is a warning,
// over three times the budget a failure.
const BUDGET = { analysisMs: 10, pasteToHighlightsMs: 300 };
// What the start page may fetch, gzipped: issue 13's target, 330 KB (readers off the first
// load). Measured here (trunk --release, Node's gzip -9 as below), in KB: page wasm / first load
//   before                                                          343.7 / 359.0
//   one stable sort for pipeline and page (src/text/sort.rs)        326.8 / 342.1
//   T→S table as bitmap + u16 + ranks (src/text/mod.rs)             318.3 / 333.6
//   wasm-opt --strip-producers --strip-target-features              318.1 / 333.4
//   the sample report's text sent by the reader worker              308.3 / 323.6
//   rebased on main d6bc137 (lex::words::WordSet, analysis threads) 309.3 / 324.6
//   session of 2026-11-30 (third): bare 百/千/万 figures, breakdown frames, 分别, named
//   bases, rate lists, attachment lists, plan-heading years (+4.6 KB before slice
//   patterns, +4.3 KB after); issue 13's 330 no longer holds, the guard is 332 until the
//   size is won back (each new rule cost 0.5–1.4 KB at opt-level "z")  315.6 / 330.9
//   issue 19 (old kernels): MVP wasm via binaryen lowering (-1.2 KB), the glue without
//   externref (+0.2 KB), support.js, the message for browsers that cannot run (+1.3 KB)  314.5 / 331.4
//   issue 20 (the reviewer's verdict, computed by analyze, so in the page too): the two
//   纲要 task tables (their text 7 KB gzipped), the task matcher, the form checks and the
//   审查 tab's task view (+29 KB). The guard follows, to 366 KB, until the verdict's tables
//   and checks leave the first load (computed in the reader worker, or the tables fetched
//   when the 审查 tab first opens)                                  343.5 / 360.4
//   issue 22 (subjects as noun phrases, the trap lexicon, the last numeral forms)  347.3 / 364.3
//   main at fea88e4, rebuilt for issue 21's comparison                 348.0 / 365.0
//   issue 21, the review desk in the page: IndexedDB store (web-sys, hand-written), the 审查台
//   view, the memo editor, 复制全文, the memo's serde for the editor (+35.3 KB, against the
//   issue's +2 KB: the desk's and editor's Yew views and their async state machines are page
//   code; the writers stay in the worker, whose wasm grew 4.3 KB for the draft request). The
//   guard follows until the desk's views load lazily                  382.6 / 400.3
//   rebased on issue 22's subject rules (1a1b912), the desk's row component and its first
//   screen of rows                                                     385.2 / 403.0
//   a file read again is its desk entry                                386.1 / 403.9
//   every analysis in the reader worker (the page keeps the decoder, the layout and the
//   views; the core's rules, lexicons and 纲要 tables leave the first load: page wasm
//   390.1 -> 279.9 KB); the worker is built at opt-level "s" (1,130 -> 1,258 KB gzipped,
//   seed 004 warm median 10.0 -> 8.2 ms against the page's "z" build, bench.mjs)  279.9 / 297.6
//   a restored report shows at once and is analysed when the document shows and the page
//   is idle (the desk opened first does not wait for the worker)      281.4 / 299.2
// Tried and left: opt-level "s" instead of "z" (page wasm +59 KB), wasm-opt --converge or -Oz
// twice (±0.1 KB). The rest of the first load: the wasm-bindgen glue 8.7 (trunk's minifier
// fails on it), CSS 5.2, index.html 1.0, support.js 1.3, boot.js 0.3, the icon 0.2.
const FIRST_LOAD_GZIP_KB = 305;
// The reader worker's files, fetched the first time a file needs reading.
const isReader = (url) => /\/(reader\.js|report-lens-reader(\.js|_bg\.wasm))(\?|$)/.test(url);

// ---- reporting ------------------------------------------------------------------------------
let failures = 0;
const warnings = [];
const results = {};
function ok(cond, what, detail = '') {
  if (cond) {
    console.log(`  ok    ${what}`);
  } else {
    failures++;
    console.log(`  FAIL  ${what}${detail ? `\n        ${detail}` : ''}`);
  }
  return cond;
}
function warn(what) {
  warnings.push(what);
  console.log(`  warn  ${what}`);
}
function section(title) {
  console.log(`\n== ${title}`);
}
function budget(name, value, limit) {
  results[name] = Math.round(value * 100) / 100;
  if (value <= limit) ok(true, `${name} ${value.toFixed(1)} ms ≤ ${limit} ms`);
  else if (value <= 3 * limit) warn(`${name} ${value.toFixed(1)} ms is over the ${limit} ms budget`);
  else ok(false, `${name} ${value.toFixed(1)} ms ≤ 3 × ${limit} ms`);
}


// ---- the CLI, for the expected answers ------------------------------------------------------
// Every expected answer comes from the CLI: a run that fails, or prints no JSON contract, is a
// failure of the suite, never a skipped comparison.
function cli(format, file) {
  try {
    return execFileSync(
      'cargo',
      ['run', '--release', '--quiet', '--bin', 'report-lens', '--', 'analyze', '--format', format, file],
      { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'pipe'] },
    );
  } catch (e) {
    ok(false, `the CLI analyses ${basename(file)} (--format ${format})`, String(e.stderr || e.message).split('\n').slice(0, 3).join(' | '));
    return null;
  }
}
function cliJson(file) {
  const out = cli('json', file);
  if (out === null) return null;
  try {
    const json = JSON.parse(out.split('\n')[0]);
    if (!Array.isArray(json.sections) || !Array.isArray(json.indicators)) throw new Error('no sections/indicators');
    return json;
  } catch (e) {
    ok(false, `the CLI prints the JSON contract for ${basename(file)}`, e.message);
    return null;
  }
}

// ---- page helpers -----------------------------------------------------------------------------
// A file the app hands to the browser as a download: a blob: URL of the page's own memory.
const isDownload = (r) => r.url.startsWith('blob:');
// Runs axe-core on the page as it is; serious and critical violations fail, others are noted.
async function axe(page, view) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () =>
    (await window.axe.run(document, { resultTypes: ['violations'] })).violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${(n.failureSummary || '').split('\n')[1]?.trim() ?? ''}`),
    })),
  );
  (results.axe ??= {})[view] = violations.map((v) => `${v.impact} ${v.id} ×${v.nodes.length}`);
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  for (const v of violations.filter((v) => !bad.includes(v))) console.log(`  note  axe ${view}: ${v.impact} ${v.id} ×${v.nodes.length}`);
  ok(bad.length === 0, `axe: ${view} has no serious or critical violations (${violations.length} rules violated in all)`,
    bad.map((v) => `${v.impact} ${v.id}: ${v.nodes.slice(0, 3).join(' | ')}`).join('\n        '));
}

// Presses Tab until `test` (run in the page, on document.activeElement) holds; the number of
// presses, or -1 after `max`.
async function tabUntil(page, test, max = 80, key = 'Tab') {
  for (let k = 1; k <= max; k++) {
    await page.keyboard.press(key);
    if (await page.evaluate(test)) return k;
  }
  return -1;
}

// Elements that could run script or load something, as outerHTML: the app's own at load.
function activeElements(page) {
  return page.evaluate(() => {
    const risky = 'script, iframe, frame, object, embed, img, svg[onload], base, link, meta[http-equiv], a[href], [srcdoc], form';
    const out = [...document.querySelectorAll(risky)].map((e) => e.outerHTML.slice(0, 160));
    for (const el of document.querySelectorAll('*')) {
      for (const a of el.attributes) {
        if (/^on/i.test(a.name) || /javascript:|expression\(/i.test(a.value)) out.push(`${el.tagName} ${a.name}=${a.value.slice(0, 60)}`);
      }
    }
    return out.sort();
  });
}
async function ensureEditing(page) {
  if (await page.locator('textarea#report-input').count()) return;
  await page.click('#toggle-edit');
  await page.waitForSelector('textarea#report-input');
}

// Pastes `text` as a user would into the (fully selected) paste area; resolves with timings.
// The text autosave keeps for a page's open report: its desk entry (IndexedDB), which
// `localStorage` names under report-lens:current.
async function savedText(page) {
  return page.evaluate(() => new Promise((resolve) => {
    const current = localStorage.getItem('report-lens:current');
    if (!current) return resolve(null);
    const id = Number(current.split(' ')[0]);
    const open = indexedDB.open('report-lens', 1);
    open.onerror = () => resolve(null);
    open.onsuccess = () => {
      const db = open.result;
      const get = db.transaction('texts').objectStore('texts').get(id);
      get.onsuccess = () => { db.close(); resolve(get.result ?? null); };
      get.onerror = () => { db.close(); resolve(null); };
    };
  }));
}

async function paste(page, text) {
  await ensureEditing(page);
  return page.evaluate(async (text) => {
    const area = document.querySelector('textarea#report-input');
    area.focus();
    area.select();
    document.getElementById('summary')?.removeAttribute('data-paint-ms');
    const data = new DataTransfer();
    data.setData('text/plain', text);
    const t0 = performance.now();
    area.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    // Wait until the document is in the DOM, then for the frame that paints it.
    while (!document.getElementById('doc')) await new Promise((r) => setTimeout(r, 1));
    const tDom = performance.now();
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const tPaint = performance.now();
    const summary = document.getElementById('summary');
    return {
      domMs: tDom - t0,
      paintMs: tPaint - t0,
      analysisMs: Number(summary?.dataset.analysisMs ?? NaN),
      layoutMs: Number(summary?.dataset.layoutMs ?? NaN),
      marks: document.querySelectorAll('#doc mark[data-indicator]').length,
    };
  }, text);
}

// Drops a file with these bytes on the page, as a drag from the desktop does.
async function dropFile(page, bytes, name) {
  await page.evaluate(
    ({ b64, name }) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const data = new DataTransfer();
      data.items.add(new File([bytes], name, { type: 'text/plain' }));
      const target = document.querySelector('.app');
      for (const type of ['dragenter', 'dragover', 'drop']) {
        target.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
      }
    },
    { b64: Buffer.from(bytes).toString('base64'), name },
  );
}

// What the page shows: outline entries and highlights grouped by indicator index.
async function shown(page) {
  return page.evaluate(() => {
    const sections = [...document.querySelectorAll('#outline [data-section]')].map((b) => ({
      index: Number(b.dataset.section),
      marker: b.querySelector('.marker')?.textContent ?? '',
      title: b.querySelector('.title')?.textContent ?? '',
      inferred: b.classList.contains('inferred'),
      level: Number(b.getAttribute('aria-level')),
    }));
    const marks = new Map();
    for (const m of document.querySelectorAll('#doc mark[data-indicator]')) {
      const i = Number(m.dataset.indicator);
      const prev = marks.get(i);
      marks.set(i, { text: (prev?.text ?? '') + m.textContent, kind: m.dataset.kind });
    }
    return { sections, marks: [...marks.entries()].sort((a, b) => a[0] - b[0]) };
  });
}

function compare(name, json, text, view) {
  const cps = text === null ? [] : [...text];
  const slice = (s, e) => cps.slice(s, e).join('');
  ok(
    view.sections.length === json.sections.length,
    `${name}: ${view.sections.length} outline entries (CLI: ${json.sections.length})`,
  );
  let bad = [];
  json.sections.forEach((s, i) => {
    const v = view.sections[i];
    // The page draws levels 1–5 (deeper ones at 5).
    const level = Math.min(Math.max(s.level, 1), 5);
    if (!v || v.index !== i || v.marker !== s.marker || v.title !== s.title || v.inferred !== s.inferred || v.level !== level) {
      bad.push(`#${i} page=${JSON.stringify(v)} cli=${JSON.stringify([s.marker, s.title, s.inferred, level])}`);
    }
  });
  ok(bad.length === 0, `${name}: outline markers, titles, levels and inferred flags equal the CLI's`, bad.slice(0, 3).join('\n        '));
  ok(
    view.marks.length === json.indicators.length,
    `${name}: ${view.marks.length} highlighted indicators (CLI: ${json.indicators.length})`,
  );
  bad = [];
  const byIndex = new Map(view.marks);
  json.indicators.forEach((ind, i) => {
    const m = byIndex.get(i);
    // The CLI's JSON carries each indicator's text (its code points start..end of the text).
    // A figure that a line break cuts (text copied out of a PDF) is highlighted on both lines.
    const expected = (text === null ? ind.text : slice(ind.start, ind.end)).replace(/[\r\n]/g, '');
    if (!m || m.text !== expected || m.kind !== ind.kind) {
      bad.push(`#${i} page=${JSON.stringify(m)} cli=${JSON.stringify([expected, ind.kind])}`);
    }
  });
  ok(bad.length === 0, `${name}: every highlight covers the CLI's text and kind`, bad.slice(0, 3).join('\n        '));
}

// The path and values of the first difference between two JSON values.
function firstDifference(a, b, path = '$') {
  if (JSON.stringify(a) === JSON.stringify(b)) return null;
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const d = firstDifference(a[k], b[k], `${path}.${k}`);
      if (d) return d;
    }
  }
  return `${path}: page ${JSON.stringify(a)?.slice(0, 80)} vs CLI ${JSON.stringify(b)?.slice(0, 80)}`;
}

async function inView(page, selector) {
  return page.evaluate((selector) => {
    const el = document.querySelector(selector);
    const doc = document.getElementById('doc');
    if (!el || !doc) return false;
    const r = el.getBoundingClientRect();
    const d = doc.getBoundingClientRect();
    return r.bottom > d.top && r.top < d.bottom;
  }, selector);
}

function encodeWith(iconvTarget, text) {
  try {
    return execFileSync('iconv', ['-f', 'UTF-8', '-t', iconvTarget], {
      input: text,
      maxBuffer: 64 << 20,
      stdio: ['pipe', 'pipe', 'ignore'],
    });
  } catch {
    return null;
  }
}

// What an Office file holds, read with Python's zipfile (an independent reader): for a .docx
// the text of word/document.xml, for an .xlsx its sheet names and the rows of each sheet.
function officeContents(path) {
  const script = `
import json, re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
names = z.namelist()
out = {}
if 'word/document.xml' in names:
    out['text'] = ''.join(re.findall(r'<w:t[^>]*>([^<]*)</w:t>', z.read('word/document.xml').decode('utf-8')))
if 'xl/sharedStrings.xml' in names:
    out['strings'] = re.findall(r'<t[^>]*>([^<]*)</t>', z.read('xl/sharedStrings.xml').decode('utf-8'))
if 'xl/workbook.xml' in names:
    out['sheets'] = re.findall(r'<sheet [^>]*name="([^"]*)"', z.read('xl/workbook.xml').decode('utf-8'))
    out['rows'] = [len(re.findall(r'<row ', z.read(f'xl/worksheets/sheet{i + 1}.xml').decode('utf-8'))) for i in range(len(out['sheets']))]
print(json.dumps(out, ensure_ascii=False))
`;
  return JSON.parse(execFileSync('python3', ['-c', script, path], { encoding: 'utf8' }));
}

// ---- the run --------------------------------------------------------------------------------
// The three files the batch section drops (the review desk drops them again).
let droppedBatch = [];

async function main() {
  if (!existsSync(join(DIST, 'index.html'))) {
    console.error(`no ${DIST}/index.html: run 'trunk build --release' first`);
    process.exit(2);
  }
  rmSync(ARTIFACTS, { recursive: true, force: true });
  mkdirSync(ARTIFACTS, { recursive: true });
  const shot = (page, name) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });

  const server = await serveDir(DIST, SUB_PATH);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const appUrl = `${origin}${SUB_PATH}`;
  const profile = mkdtempSync(join(tmpdir(), 'report-lens-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    acceptDownloads: true,
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const requests = [];
  // Every request, with what the test was doing: 'load' while a page of the app is being
  // (re)loaded, 'app' otherwise (analysing, editing, exporting, batches, comparisons).
  const requestLog = [];
  let netPhase = 'load';
  context.on('request', (r) => {
    requests.push(r.url());
    requestLog.push({ url: r.url(), phase: netPhase, type: r.resourceType() });
  });
  // Loads a page of the app, then waits for its lazy requests (the favicon) before going on.
  const loading = async (fn) => {
    netPhase = 'load';
    try {
      return await fn();
    } finally {
      await new Promise((r) => setTimeout(r, 400));
      netPhase = 'app';
    }
  };
  const page = context.pages()[0] ?? (await context.newPage());
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content Security Policy/i.test(m.text())) problems.push(`console ${m.type()}: ${m.text()}`);
  });
  const dialogs = [];
  page.on('dialog', async (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    await d.accept();
  });
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });

  try {
    section('load');
    const t0 = Date.now();
    await loading(async () => {
      await page.goto(appUrl);
      await page.waitForSelector('textarea#report-input', { timeout: 20000 });
      results.loadMs = Date.now() - t0;
    });
    ok(true, `page starts in ${results.loadMs} ms from ${appUrl}`);
    {
      // Everything the start page fetched, as dist/ serves it, gzipped at level 9.
      const files = [...new Set(requestLog.filter((r) => r.url.startsWith(appUrl))
        .map((r) => decodeURIComponent(new URL(r.url).pathname.slice(SUB_PATH.length)) || 'index.html'))];
      const sizes = files.map((f) => [f, gzipSync(readFileSync(join(DIST, f)), { level: 9 }).length]);
      const total = sizes.reduce((a, [, n]) => a + n, 0);
      results.firstLoad = { files: Object.fromEntries(sizes), gzipTotal: total };
      const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
      ok(total <= FIRST_LOAD_GZIP_KB * 1024, `first load ${kb(total)} gzipped ≤ ${FIRST_LOAD_GZIP_KB} KB: ${sizes.map(([f, n]) => `${f} ${kb(n)}`).join(', ')}`);
      ok(!files.some((f) => isReader(`/${f}`)), 'the reader worker is not part of the first load');
      const worker = ['report-lens-reader_bg.wasm', 'report-lens-reader.js', 'reader.js'].filter((f) => existsSync(join(DIST, f)));
      results.readerGzip = Object.fromEntries(worker.map((f) => [f, gzipSync(readFileSync(join(DIST, f)), { level: 9 }).length]));
      ok(worker.length === 3, `the reader is built beside the page: ${worker.map((f) => `${f} ${kb(results.readerGzip[f])}`).join(', ')} gzipped`);
    }
    const hint = await page.textContent('.start .hint');
    ok(hint?.includes('粘贴报告全文，或把文件拖到这里'), 'the empty page explains itself');
    ok((await page.getByRole('button', { name: '打开文件', exact: true }).count()) === 1, '打开文件 button');
    ok((await page.locator('#open-folder').count()) === 1, '打开文件夹 button (batch)');
    ok((await page.locator('button', { hasText: '示例报告' }).count()) === 1, '示例报告 button');
    await shot(page, '01-start');
    await axe(page, 'start page');
    const ownElements = await activeElements(page);

    section('sample report');
    await page.click('button:has-text("示例报告")');
    await page.waitForSelector('#doc mark[data-indicator], #doc p', { timeout: 10000 });
    const sampleLines = await page.locator('#doc p').count();
    ok(sampleLines > 10, `示例报告 shows the bundled report (${sampleLines} lines)`);
    {
      // The sample's text is not in the first load: the reader worker sends it (fixture 000).
      const sampleFile = join(FIXTURES, '000_4650dba7b757251d.txt');
      const json = cliJson(sampleFile);
      if (json) compare('示例报告', json, readFileSync(sampleFile, 'utf8'), await shown(page));
      const readerFiles = [...new Set(requestLog.filter((r) => isReader(r.url)).map((r) => new URL(r.url).pathname.split('/').pop()))];
      ok(readerFiles.length === 3, `示例报告 came from the reader worker, fetched for it: ${readerFiles.join(', ')}`);
    }

    section('paste each seed and compare with the CLI');
    const seeds = readdirSync(FIXTURES).filter((f) => /^00\d.*\.txt$/.test(f)).sort();
    for (const seed of seeds) {
      const file = join(FIXTURES, seed);
      const text = readFileSync(file, 'utf8');
      const timing = await paste(page, text);
      const name = seed.slice(0, 3);
      ok(timing.marks >= 0, `${name}: pasted ${[...text].length} chars, ${timing.marks} marks, on screen after ${timing.paintMs.toFixed(0)} ms`);
      if (name === '004') {
        // The first paste runs partly in the baseline wasm tier; later ones in the optimised
        // code. Both are reported; the budgets apply to the median of five warm pastes.
        results.seed004cold = timing;
        const warm = [];
        for (let k = 0; k < 5; k++) warm.push(await paste(page, text));
        const median = (f) => warm.map(f).sort((x, y) => x - y)[2];
        console.log(`  note  seed 004 first paste: analysis ${timing.analysisMs.toFixed(1)} ms, on screen after ${timing.paintMs.toFixed(0)} ms (cold)`);
        budget('seed 004 analysis in wasm', median((t) => t.analysisMs), BUDGET.analysisMs);
        budget('seed 004 paste to highlights', median((t) => t.paintMs), BUDGET.pasteToHighlightsMs);
        results.seed004warm = warm;
        await shot(page, '02-seed-004');
      }
      const json = cliJson(file);
      if (json) compare(name, json, text, await shown(page));
    }

    section('accessibility: axe-core on the main views, light and dark');
    {
      // Seed 004 is loaded: document, outline, indicator table.
      await axe(page, 'a loaded report (document, outline, indicator table)');
      await page.click('#tab-diagnostics');
      await axe(page, 'the 问题 tab');
      await page.click('#tab-review');
      await page.waitForSelector('#review');
      await axe(page, 'the 审查 tab');
      await page.emulateMedia({ colorScheme: 'dark' });
      await axe(page, 'the 审查 tab, dark');
      await page.click('#tab-indicators');
      await axe(page, 'a loaded report, dark');
      await page.emulateMedia({ colorScheme: 'light' });
    }

    section('keyboard: outline tree, tabs, table rows, highlights, legend, focus ring');
    {
      // ARIA: the outline is a tree of items with levels; one of them is in the Tab order.
      const tree = await page.evaluate(() => {
        const items = [...document.querySelectorAll('#outline [role="treeitem"]')];
        return {
          role: document.getElementById('outline')?.getAttribute('role'),
          items: items.length,
          levels: items.every((i) => /^[1-5]$/.test(i.getAttribute('aria-level'))),
          stops: items.filter((i) => i.tabIndex === 0).length,
          sort: [...document.querySelectorAll('#indicator-table th')].every((th) => th.hasAttribute('aria-sort')),
          panel: document.querySelector('[role="tabpanel"]')?.getAttribute('aria-labelledby'),
        };
      });
      ok(tree.role === 'tree' && tree.items > 3 && tree.levels && tree.stops === 1,
        `the outline is role=tree with ${tree.items} treeitems, each with aria-level, one Tab stop (${tree.stops})`);
      ok(tree.sort && tree.panel === 'tab-indicators', 'every table header has aria-sort; the side panel is a tabpanel labelled by its tab');

      // Tab from the top of the page into the outline.
      // Start where a keyboard user starts: the top of the page.
      await page.evaluate(() => { document.getElementById('doc').scrollTop = 0; });
      await page.click('.top h1');
      const presses = await tabUntil(page, () => document.activeElement?.getAttribute('role') === 'treeitem');
      ok(presses > 0, `Tab reaches the outline after ${presses} presses (toolbar, legend, then the outline)`);
      const ring = await page.evaluate(() => {
        const s = getComputedStyle(document.activeElement);
        return `${s.outlineStyle} ${s.outlineWidth}`;
      });
      ok(/solid 3px/.test(ring), `the focused entry shows a focus ring (${ring})`);
      const k = 5;
      for (let n = 0; n < k; n++) await page.keyboard.press('ArrowDown');
      const focusedSection = await page.evaluate(() => document.activeElement?.dataset.section);
      ok(focusedSection === String(k), `ArrowDown ×${k} moves the focus to entry ${k} (${focusedSection})`);
      await page.keyboard.press('Enter');
      await page.waitForTimeout(400);
      const line = await page.evaluate((k) => {
        const el = [...document.querySelectorAll('#doc p[data-opens]')].find((p) => p.dataset.opens.split(' ').includes(String(k)));
        return el ? `#${el.id}` : null;
      }, k);
      ok(line !== null && (await inView(page, line)), `Enter on entry ${k} scrolls its heading into view`);
      ok(await page.evaluate((k) => document.querySelector(`#outline [data-section="${k}"]`).classList.contains('current')
        && document.activeElement?.dataset.section === String(k), k), `entry ${k} is current and keeps the focus`);
      const frame = await page.evaluate(() => [document.scrollingElement.scrollTop, document.scrollingElement.scrollHeight, innerHeight]);
      ok(frame[0] === 0 && frame[1] <= frame[2], `the page itself never scrolls: the header stays in view (scrollTop ${frame[0]}, height ${frame[1]} ≤ ${frame[2]})`);
      await shot(page, '20-keyboard-outline');
      // Space works too, and Tab leaves the tree in one press (roving tabindex).
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press(' ');
      await page.waitForTimeout(300);
      ok(await page.evaluate((k) => document.querySelector('#outline .current')?.dataset.section === String(k + 1), k), `Space on entry ${k + 1} goes there`);
      await page.keyboard.press('Tab');
      const left = await page.evaluate(() => document.activeElement?.closest('#outline') === null);
      ok(left, 'one Tab leaves the outline');

      // A highlight: focused by Tab, chosen with Enter, selects its table row.
      const toMark = await tabUntil(page, () => document.activeElement?.matches('#doc mark[data-indicator]'), 10);
      const markIndex = await page.evaluate(() => document.activeElement?.dataset.indicator);
      await page.keyboard.press('Enter');
      await page.waitForTimeout(200);
      ok(toMark > 0 && (await page.getAttribute(`#indicator-table tr[data-indicator="${markIndex}"]`, 'aria-selected')) === 'true',
        `Tab reaches highlight ${markIndex}; Enter selects its table row`);
      const tip = await page.evaluate(() => `${document.activeElement?.tagName} ${document.activeElement?.matches(':focus')} ${getComputedStyle(document.activeElement, '::after').content}`);
      ok(tip.startsWith('MARK') && !tip.endsWith('none'), `the focused highlight shows its tooltip (${tip.slice(0, 40)})`);
      await shot(page, '21-keyboard-highlight');

      // The tabs: arrow keys move between them; only the chosen one is a Tab stop.
      await page.focus('#tab-indicators');
      await page.keyboard.press('ArrowRight');
      await page.waitForSelector('#tab-diagnostics[aria-selected="true"]');
      ok(await page.evaluate(() => document.activeElement?.id === 'tab-diagnostics'), 'ArrowRight on the tabs chooses and focuses 问题');
      await page.keyboard.press('End');
      await page.waitForSelector('#tab-review[aria-selected="true"]');
      await page.keyboard.press('Home');
      await page.waitForSelector('#tab-indicators[aria-selected="true"]');
      ok(await page.evaluate(() => document.activeElement?.id === 'tab-indicators'), 'End and Home go to the last and first tab');

      // Sortable headers: Enter on a header button sorts, aria-sort follows.
      const toHeader = await tabUntil(page, () => document.activeElement?.closest('#indicator-table th') !== null, 10);
      await page.keyboard.press('Enter');
      const sortState = await page.getAttribute('#indicator-table th:nth-child(1)', 'aria-sort');
      await page.keyboard.press('Enter');
      const sortAgain = await page.getAttribute('#indicator-table th:nth-child(1)', 'aria-sort');
      ok(toHeader > 0 && sortState === 'descending' && sortAgain === 'ascending', `Enter on the # header sorts (aria-sort ${sortState} → ${sortAgain})`);

      // Table rows: Tab from row to row, Enter shows the indicator in the document.
      const toRow = await tabUntil(page, () => document.activeElement?.matches('#indicator-table tr[data-indicator]'), 10);
      const firstRow = await page.evaluate(() => document.activeElement?.dataset.indicator);
      for (let n = 0; n < 3; n++) await page.keyboard.press('Tab');
      const row = await page.evaluate(() => document.activeElement?.dataset.indicator);
      ok(toRow > 0 && Number(row) === Number(firstRow) + 3, `Tab walks the table rows (${firstRow} → ${row})`);
      await page.keyboard.press('Enter');
      await page.waitForTimeout(300);
      ok(await inView(page, `#doc mark[data-indicator="${row}"]`), `Enter on row ${row} scrolls its highlight into view`);
      await page.focus(`#indicator-table tr[data-indicator="${Number(row) + 1}"]`);
      await page.keyboard.press(' ');
      await page.waitForTimeout(300);
      ok(await page.locator(`#doc mark[data-indicator="${Number(row) + 1}"].sel`).count() > 0, 'Space on a row selects its highlight');
      await page.focus(`#indicator-table tr[data-indicator="${Number(row) + 2}"]`);
      await page.waitForTimeout(100);
      await shot(page, '22-keyboard-row');

      // The legend toggles are buttons: Space hides a kind, again shows it.
      await page.focus('#summary .legend[data-kind="rate"]');
      await page.keyboard.press(' ');
      const pressed = await page.getAttribute('#summary .legend[data-kind="rate"]', 'aria-pressed');
      await page.keyboard.press('Enter');
      ok(pressed === 'false' && (await page.getAttribute('#summary .legend[data-kind="rate"]', 'aria-pressed')) === 'true',
        'Space and Enter toggle a legend entry (aria-pressed)');

      // Colour-blind cues: each kind has its own underline style, the legend draws the same.
      const styles = await page.evaluate(() => Object.fromEntries(['count', 'rate', 'money', 'duration', 'change', 'other'].map((k) => {
        const swatch = getComputedStyle(document.querySelector(`#summary .legend[data-kind="${k}"] .swatch`));
        const m = document.querySelector(`#doc mark[data-kind="${k}"]`);
        const mark = m && getComputedStyle(m);
        const style = (s) => (s.textDecorationLine === 'none' ? 'none' : s.textDecorationStyle);
        return [k, { swatch: style(swatch), mark: mark ? style(mark) : null }];
      })));
      const swatchStyles = Object.values(styles).map((x) => x.swatch);
      ok(new Set(swatchStyles).size === 6, `six kinds, six underline styles: ${Object.entries(styles).map(([k, v]) => `${k} ${v.swatch}`).join(', ')}`);
      ok(Object.values(styles).every((v) => v.mark === null || v.mark === v.swatch), 'each highlight is underlined like its legend swatch');
      // Screenshots as seen without colour: achromatopsia and deuteranopia.
      const cdp = await context.newCDPSession(page);
      await page.evaluate(() => { const m = document.querySelector('#doc mark[data-kind="rate"]'); m?.scrollIntoView({ block: 'center' }); });
      for (const type of ['achromatopsia', 'deuteranopia']) {
        await cdp.send('Emulation.setEmulatedVisionDeficiency', { type });
        await page.waitForTimeout(100);
        await shot(page, `23-vision-${type}`);
      }
      await cdp.send('Emulation.setEmulatedVisionDeficiency', { type: 'none' });
      await cdp.detach();
    }

    section('outline click, current section');
    const sectionCount = await page.locator('#outline [data-section]').count();
    if (sectionCount > 3) {
      const k = Math.floor(sectionCount / 2);
      const item = page.locator(`#outline [data-section="${k}"]`);
      await item.click();
      await page.waitForTimeout(400);
      const line = await page.evaluate((k) => {
        // The rendered line on which section k's heading starts.
        const lines = [...document.querySelectorAll('#doc p[data-opens]')];
        const el = lines.find((p) => p.dataset.opens.split(' ').includes(String(k)));
        return el ? `#${el.id}` : null;
      }, k);
      ok(line !== null && (await inView(page, line)), `clicking outline entry ${k} scrolls its heading into view`);
      ok(await item.evaluate((b) => b.classList.contains('current')), `outline entry ${k} is marked current`);
      // Scroll the document back to the top: the current section follows.
      await page.evaluate(() => (document.getElementById('doc').scrollTop = 0));
      await page.waitForTimeout(300);
      const current = await page.evaluate(() => document.querySelector('#outline .current')?.dataset.section ?? null);
      ok(current === null || Number(current) < k, `scrolling back moves the current section (now ${current})`);
      await item.click();
      await page.waitForTimeout(300);
      await shot(page, '03-outline-click');
    } else {
      ok(false, `seed 004 has an outline to click (${sectionCount} entries)`);
    }

    section('table row click, highlight click, tooltip');
    const rows = await page.locator('#indicator-table tr[data-indicator]').count();
    if (rows > 5) {
      const row = page.locator('#indicator-table tr[data-indicator]').nth(Math.floor(rows * 0.7));
      const i = await row.getAttribute('data-indicator');
      await row.click();
      await page.waitForTimeout(300);
      const mark = `#doc mark[data-indicator="${i}"]`;
      ok(await inView(page, mark), `clicking table row ${i} scrolls its highlight into view`);
      ok(await page.locator(mark).first().evaluate((m) => m.classList.contains('sel')), `highlight ${i} is selected`);
      const details = await page.textContent('.details');
      ok(details?.includes('数值'), 'the details strip describes the selected indicator');
      // Now the other way round: a highlight selects its row.
      const other = page.locator('#doc mark[data-indicator]').first();
      const j = await other.getAttribute('data-indicator');
      await other.scrollIntoViewIfNeeded();
      await other.click();
      await page.waitForTimeout(200);
      ok(
        (await page.getAttribute(`#indicator-table tr[data-indicator="${j}"]`, 'aria-selected')) === 'true',
        `clicking highlight ${j} selects its table row`,
      );
      await other.hover();
      await page.waitForTimeout(200);
      const tip = await other.evaluate((m) => getComputedStyle(m, '::after').content);
      ok(tip && tip !== 'none' && tip.includes('·'), `hovering a highlight shows its details (${tip.slice(0, 40)}…)`);
      await shot(page, '04-row-and-tooltip');
      // Sorting and filtering.
      await page.click('#indicator-table th:nth-child(4) button');
      const values = await page.$$eval('#indicator-table tbody tr td:nth-child(4)', (tds) =>
        tds.map((td) => Number(td.textContent.replace(/[^0-9.]/g, ''))),
      );
      ok(values.every((v, k) => k === 0 || values[k - 1] <= v), 'sorting by 数值 orders the rows');
      await page.selectOption('#kind-filter', 'rate');
      const kinds = await page.$$eval('#indicator-table tbody .kind', (s) => [...new Set(s.map((x) => x.textContent))]);
      ok(kinds.length <= 1 && (kinds.length === 0 || kinds[0] === '比率'), `filter by kind shows only 比率 (${kinds})`);
      await page.selectOption('#kind-filter', '');
      await page.fill('#indicator-search', '%');
      const texts = await page.$$eval('#indicator-table tbody td.text', (t) => t.map((x) => x.textContent));
      ok(texts.length > 0 && texts.every((t) => t.includes('%')), `search '%' keeps ${texts.length} matching rows`);
      await page.fill('#indicator-search', '');
    } else {
      ok(false, `the table has rows to click (${rows})`);
    }

    section('legend toggles');
    await page.click('#summary .legend[data-kind="count"]');
    const hiddenBg = await page.evaluate(() => {
      const m = document.querySelector('#doc mark[data-kind="count"]');
      return m ? getComputedStyle(m).backgroundColor : null;
    });
    ok(hiddenBg === null || hiddenBg === 'rgba(0, 0, 0, 0)', `toggling 数量 off removes its colour (${hiddenBg})`);
    await page.click('#summary .legend[data-kind="count"]');

    section('diagnostics');
    await page.click('#tab-diagnostics');
    const diags = await page.locator('[data-diagnostic]').count();
    if (diags > 0) {
      await page.locator('[data-diagnostic]').first().click();
      await page.waitForTimeout(300);
      ok((await page.locator('#doc .hit').count()) > 0 && (await inView(page, '#doc .hit')), 'clicking a diagnostic highlights its passage and scrolls to it');
      await page.locator('[data-diagnostic]').first().click(); // and again: the highlight goes
    } else {
      console.log('  note  no diagnostics in this report');
    }
    await shot(page, '05-diagnostics');
    await page.click('#tab-indicators');

    section('export CSV');
    const seed004 = join(FIXTURES, seeds.find((s) => s.startsWith('004')));
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
    const csv = readFileSync(await download.path());
    ok(download.suggestedFilename().endsWith('.csv'), `CSV download named ${download.suggestedFilename()}`);
    ok(csv.length > 0, 'the CSV download is not empty');
    if (csv.length > 0) {
      ok(csv[0] === 0xef && csv[1] === 0xbb && csv[2] === 0xbf, 'CSV starts with a UTF-8 BOM (Excel)');
      const lines = csv.toString('utf8').replace(/^\uFEFF/, '').split(/\r?\n/).filter(Boolean);
      const expected = cli('csv', seed004);
      if (expected) {
        const exp = expected.replace(/^\uFEFF/, '').split(/\r?\n/).filter(Boolean);
        const dropFirst = (l) => l.replace(/^("[^"]*"|[^,]*),/, ''); // the file column differs
        ok(lines[0] === exp[0], `CSV header equals the CLI's: ${lines[0].slice(0, 60)}`);
        ok(lines.length === exp.length, `CSV has ${lines.length - 1} rows (CLI: ${exp.length - 1})`);
        const same = lines.slice(1, 6).every((l, k) => dropFirst(l) === dropFirst(exp[k + 1]));
        ok(same, 'the first CSV rows equal the CLI\'s', `${lines[1]}\n        ${exp[1]}`);
      } else {
        ok(lines.length > 1, `CSV has a header and ${lines.length - 1} rows`);
      }
    }
    const [jsonDl] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
    const exported = readFileSync(await jsonDl.path(), 'utf8');
    if (exported.length) {
      const cliOut = cliJson(seed004);
      const parsed = JSON.parse(exported);
      ok(!cliOut || JSON.stringify(parsed) === JSON.stringify(cliOut), 'JSON export equals the CLI\'s JSON', firstDifference(parsed, cliOut));
    }
    {
      // The review memo, drafted and written as .docx in the reader worker (issue 21).
      const [memoDl] = await Promise.all([page.waitForEvent('download'), page.click('#export-memo')]);
      const memo = officeContents(await memoDl.path());
      const title = cliJson(seed004)?.meta?.title ?? '';
      const bare = (t) => (t ?? '').replace(/[《》〈〉]/g, '');
      ok(memoDl.suggestedFilename().endsWith('.docx') && memo.text?.includes('审查意见') && memo.text.includes('审查结论') && bare(memo.text).includes(bare(title)),
        `审查意见 Word: ${memoDl.suggestedFilename()} opens as a .docx holding the report's title and the memo's sections (${(memo.text ?? '').length} characters)`);
    }

    section('copy the outline');
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    await page.click('#copy-outline');
    await page.waitForFunction(() => document.querySelector('.notice')?.textContent.includes('剪贴板'), null, { timeout: 5000 });
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const markdown = cli('markdown', seed004);
    if (markdown !== null) ok(copied.trim() === markdown.trim(), `the copied outline equals the CLI's Markdown (${copied.split('\n').length} lines)`);
    else ok(copied.length > 0, 'the outline was copied');

    section('copy the whole text (复制全文): the text the CLI\'s `report-lens text` prints');
    {
      await page.click('#copy-text');
      await page.waitForFunction(() => document.querySelector('.notice')?.textContent.includes('全文已复制'), null, { timeout: 5000 });
      const copiedText = await page.evaluate(() => navigator.clipboard.readText());
      try {
        const cliText = execFileSync('cargo', ['run', '--release', '--quiet', '--bin', 'report-lens', '--', 'text', seed004],
          { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'pipe'] });
        ok(copiedText === cliText || `${copiedText}\n` === cliText, `复制全文 equals \`report-lens text\` of seed 004 (${[...copiedText].length} characters)`);
      } catch (e) {
        ok(false, 'the CLI prints the text of seed 004', String(e.stderr || e.message).split('\n')[0]);
      }
    }

    section('reload restores the text');
    // The restored report is analysed by the reader worker: the reload fetches it once.
    const readerAtReload = requestLog.filter((r) => isReader(r.url)).length;
    const before = await page.textContent('#summary');
    await loading(async () => {
      await page.reload();
      await page.waitForSelector('#summary', { timeout: 20000 });
    });
    const after = await page.textContent('#summary');
    const firstLine = readFileSync(seed004, 'utf8').split('\n').find((l) => l.trim()).trim();
    const docText = await page.textContent('#doc');
    ok(docText.includes(firstLine) && before.split('分析')[0] === after.split('分析')[0], 'after a reload the last report is back');
    const readerFetched = requestLog.filter((r) => isReader(r.url)).slice(readerAtReload);
    const readerNames = readerFetched.map((r) => new URL(r.url).pathname.split('/').pop());
    ok(readerNames.length === 3 && new Set(readerNames).size === 3,
      `the restored report was analysed by the reader worker, fetched once for it: ${readerNames.join(', ')}`);
    ok(readerFetched.every((r) => /[?&]v=[0-9a-f]{8}/.test(r.url)), `its URLs carry the protocol version (${readerFetched[0]?.url.split('?')[1] ?? ''})`);

    section('nothing lost: a crashed tab, a second tab');
    {
      const docA = await page.textContent('#doc');
      const openTab = async () => {
        const p = await context.newPage();
        p.on('pageerror', (e) => problems.push(`page error (second tab): ${e.message}`));
        p.on('dialog', (d) => { dialogs.push(`${d.type()}: ${d.message()}`); d.accept(); });
        await loading(async () => {
          await p.goto(appUrl);
          await p.waitForSelector('#doc, textarea#report-input', { timeout: 20000 });
        });
        return p;
      };
      // A second tab opens with the saved report.
      const tabB = await openTab();
      ok((await tabB.textContent('#doc')) === docA, 'a second tab opens with the autosaved report');
      // Loading another report there tells the first tab, whose text stays.
      await paste(tabB, readFileSync(join(FIXTURES, seeds.find((s) => s.startsWith('000'))), 'utf8'));
      await page.waitForFunction(() => document.querySelector('.notice')?.textContent.includes('其他标签页已修改'), null, { timeout: 5000 });
      ok((await page.textContent('#doc')) === docA, `the first tab is told (${(await page.textContent('.notice')).slice(0, 24)}…) and keeps its own text`);
      await shot(page, '24-other-tab-notice');
      // An edit in the second tab, then its renderer crashes: nothing typed before the pause is lost.
      await tabB.click('#toggle-edit');
      await tabB.focus('textarea#report-input');
      await tabB.keyboard.press('Control+End');
      await tabB.keyboard.type('\n崩溃前写下的一句：共办理案件77件。');
      await tabB.waitForTimeout(900);
      const cdp = await context.newCDPSession(tabB);
      const crashed = new Promise((r) => tabB.once('crash', r));
      cdp.send('Page.crash').catch(() => {});
      await Promise.race([crashed, new Promise((r) => setTimeout(r, 5000))]);
      const tabC = await openTab();
      const restored = await tabC.textContent('#doc');
      ok(restored.includes('崩溃前写下的一句：共办理案件77件。'), 'after a tab crash a new tab restores the text, last edit included');
      await tabC.close();
      await tabB.close().catch(() => {});
      // The first tab edits again: last writer wins, its text is the saved one again.
      await page.click('#toggle-edit');
      await page.focus('textarea#report-input');
      await page.keyboard.press('Control+End');
      await page.keyboard.type('。');
      await page.waitForTimeout(900);
      const saved = (await savedText(page)) === (await page.inputValue('textarea#report-input'));
      ok(saved, 'an edit in the first tab saves its text again (last writer wins, after the notice)');
      await page.keyboard.press('Escape');
    }

    section('encodings: GBK, Big5, UTF-16 files dropped on the page, read as the CLI reads them');
    // Since the second tab closed, the page's running reader serves every request: count its
    // fetches from here.
    const readerBefore = requestLog.filter((r) => isReader(r.url)).length;
    // The page's JSON export of a dropped file equals the CLI's JSON of the same bytes.
    const sameAsCli = async (bytes, name, what) => {
      const tmp = mkdtempSync(join(tmpdir(), 'report-lens-enc-'));
      try {
        writeFileSync(join(tmp, name), bytes);
        const expected = cliJson(join(tmp, name));
        if (!expected) return;
        const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
        const got = JSON.parse(readFileSync(await dl.path(), 'utf8'));
        ok(JSON.stringify(got) === JSON.stringify(expected), `${what}: the page's JSON equals the CLI's for the same bytes`, firstDifference(got, expected));
      } finally {
        rmSync(tmp, { recursive: true, force: true });
      }
    };
    const gbSeed = seeds
      .map((s) => ({ s, text: readFileSync(join(FIXTURES, s), 'utf8') }))
      .map((x) => ({ ...x, bytes: encodeWith('GBK', x.text) }))
      .find((x) => x.bytes);
    if (gbSeed) {
      const name = `${gbSeed.s.slice(0, 3)}-gbk.txt`;
      await dropFile(page, gbSeed.bytes, name);
      await page.waitForFunction((name) => document.querySelector('.notice')?.textContent.includes(name), name, { timeout: 20000 });
      const notice = await page.textContent('.notice');
      ok(/GBK|gb18030/.test(notice), `a GBK file is detected by the reader (chardetng, as in the CLI): ${notice}`);
      const chars = await page.textContent('#summary .stat b');
      ok(Number(chars) === [...gbSeed.text].length, `GBK file ${gbSeed.s.slice(0, 3)} decodes to the same ${chars} characters`);
      const json = cliJson(join(FIXTURES, gbSeed.s));
      if (json) compare(`${gbSeed.s.slice(0, 3)} (GBK)`, json, gbSeed.text, await shown(page));
      await sameAsCli(gbSeed.bytes, name, `GBK ${gbSeed.s.slice(0, 3)}`);
      await shot(page, '06-gbk-drop');
    } else {
      ok(false, 'a seed can be encoded in GBK (iconv)');
    }
    const traditional = '某某縣人民政府2019年法治政府建設工作報告\n一、加強組織領導\n全年辦理行政復議案件52件，辦結率100%。\n二、推進依法行政\n';
    const big5 = encodeWith('BIG5', traditional);
    if (big5) {
      await dropFile(page, big5, 'big5.txt');
      await page.waitForFunction(() => document.querySelector('.notice')?.textContent.includes('Big5'), null, { timeout: 10000 });
      ok((await page.textContent('#doc')).includes('辦結率100%'), 'a Big5 file is detected and decoded');
      await sameAsCli(big5, 'big5.txt', 'Big5');
    }
    const big5Seed = seeds.map((s) => ({ s, bytes: encodeWith('BIG5', readFileSync(join(FIXTURES, s), 'utf8')) })).find((x) => x.bytes);
    if (big5Seed) {
      const name = `${big5Seed.s.slice(0, 3)}-big5.txt`;
      await dropFile(page, big5Seed.bytes, name);
      await page.waitForFunction((name) => document.querySelector('.notice')?.textContent.includes(name), name, { timeout: 20000 });
      await sameAsCli(big5Seed.bytes, name, `Big5 ${big5Seed.s.slice(0, 3)}`);
    }
    const crlf = Buffer.from('一、总体情况\r\n共办理案件12件。\r\n二、存在问题\r\n执法力量薄弱。\r\n');
    await dropFile(page, crlf, 'crlf.txt');
    await page.waitForFunction(() => document.querySelector('.notice')?.textContent.includes('crlf.txt'), null, { timeout: 10000 });
    await sameAsCli(crlf, 'crlf.txt', 'CRLF line breaks');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('一、总体情况\n共办理案件12件。\n', 'utf16le')]);
    await dropFile(page, utf16, 'utf16.txt');
    await page.waitForFunction(() => document.querySelector('.notice')?.textContent.includes('UTF-16LE'), null, { timeout: 10000 });
    ok((await page.textContent('#doc')).includes('共办理案件12件'), 'a UTF-16LE file with BOM is decoded');

    section('XSS corpus: pasted, and dropped as .txt, .html and .docx, stays text');
    {
      const payloads = [
        '<script>alert("xss-script")</script>',
        '<img src=x onerror=alert("xss-img")>',
        '<svg onload=alert("xss-svg")><circle r=9></circle></svg>',
        '<iframe srcdoc="<script>alert(\'xss-srcdoc\')</script>"></iframe>',
        '<a href="javascript:alert(\'xss-href\')">点此查看</a>',
        '<div onmouseover="alert(\'xss-hover\')" style="position:fixed;inset:0">全屏</div>',
        '&lt;script&gt;alert("xss-entity")&lt;/script&gt; &#60;img src=x onerror=alert(1)&#62;',
        '</textarea><script>alert("xss-textarea")</script><textarea>',
        '<div style="background:url(javascript:alert(\'xss-css\'));width:expression(alert(\'xss-expr\'))">样式</div>',
        '[点我](javascript:alert("xss-md")) ![图](x" onerror="alert(\'xss-md-img\'))',
        '"><body onload=alert("xss-body")><math><mtext><style><img src=x onerror=alert(2)>',
        '<object data="javascript:alert(\'xss-object\')"></object><embed src="javascript:alert(3)">',
        '<base href="javascript:alert(4)//"><link rel=stylesheet href="http://127.0.0.2/x.css"><meta http-equiv="refresh" content="0;url=javascript:alert(5)">',
      ];
      const cn = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三'];
      // Each payload as a heading (so it reaches the outline and the exports) and before a figure.
      const corpus = ['某区2023年法治政府建设年度报告', '一、XSS 测试']
        .concat(payloads.flatMap((p, k) => [`（${cn[k]}）${p}`, `${p}全年办理案件${k + 10}件。`]))
        .join('\n') + '\n';
      const dialogsBefore = dialogs.length;
      const problemsBefore = problems.length;
      const requestsBefore = requestLog.length;
      const inert = async (how) => {
        await page.waitForTimeout(300);
        const now = await activeElements(page);
        const extra = now.filter((e) => !ownElements.includes(e));
        ok(extra.length === 0, `${how}: no element, handler or URL from the payloads in the page`, extra.slice(0, 4).join('\n        '));
        ok(dialogs.length === dialogsBefore, `${how}: no dialog opened`, dialogs.slice(dialogsBefore).join(', '));
        ok(requestLog.length === requestsBefore, `${how}: no request`, requestLog.slice(requestsBefore).map((r) => r.url).join(', '));
        ok(problems.length === problemsBefore, `${how}: no console error`, problems.slice(problemsBefore).join(', '));
      };
      const showsAll = async (texts, how) => {
        const doc = await page.textContent('#doc');
        const missing = texts.filter((t) => !doc.includes(t));
        ok(missing.length === 0, `${how}: every payload shows as literal text`, missing.slice(0, 3).join('\n        '));
      };

      // Pasted.
      await paste(page, corpus);
      await showsAll(payloads, 'pasted');
      await inert('pasted');
      await page.click('#toggle-edit');
      ok((await page.inputValue('textarea#report-input')) === corpus, 'in the editor the text is exactly the paste (no </textarea> breakout)');
      await inert('in the editor');
      await page.click('#toggle-edit');
      await page.waitForSelector('#doc');
      await shot(page, '07-xss');
      // Hovering and focusing the payload lines runs nothing either.
      await page.hover('#doc p.line:nth-of-type(4)');
      await page.click('#tab-review');
      await page.click('#tab-diagnostics');
      await page.click('#tab-indicators');
      await inert('hovered, every tab shown');

      // The exports carry the payloads as plain text, unescaped and unchanged.
      const download = async (id) => {
        const [dl] = await Promise.all([page.waitForEvent('download'), page.click(id)]);
        return readFileSync(await dl.path(), 'utf8');
      };
      const json = JSON.parse(await download('#export-json'));
      const csv = await download('#export-csv');
      const md = await download('#export-markdown');
      const titles = json.sections.map((x) => x.title).filter((t) => /[<>"]|javascript/.test(t));
      const subjects = json.indicators.map((x) => x.subject).filter((t) => /[<>"]|javascript/.test(t));
      ok(titles.length >= 5, `${titles.length} payload headings reach the exports (${titles.slice(0, 3).join(' · ')} …)`);
      ok(titles.every((t) => corpus.includes(t)) && subjects.every((t) => corpus.includes(t)), 'JSON: titles and subjects are verbatim slices of the text');
      const csvField = (t) => `"${t.replace(/"/g, '""')}"`;
      // Markdown escapes its active characters, so a viewer shows the payload as text.
      const mdEscape = (t) => t.replace(/[\\`*_[\]()<>#|!{}]/g, (c) => `\\${c}`);
      ok(titles.every((t) => md.includes(mdEscape(t))), 'Markdown: every payload heading, escaped as text');
      ok(!/[^\\]<img/.test(md) && !/[^\\]\]\(javascript/.test(md), 'Markdown: no live HTML or javascript: link');
      ok(subjects.every((t) => csv.includes(csvField(t)) || csv.includes(`,${t},`)), `CSV: every payload subject as a quoted field (${subjects.length})`);
      ok(![json, csv, md].some((x) => JSON.stringify(x).includes('&lt;')) || corpus.includes('&lt;'), 'nothing was HTML-escaped on the way out');
      const cliOut = (() => {
        const tmp = mkdtempSync(join(tmpdir(), 'report-lens-xss-'));
        writeFileSync(join(tmp, 'xss.txt'), corpus);
        try { return cliJson(join(tmp, 'xss.txt')); } finally { rmSync(tmp, { recursive: true, force: true }); }
      })();
      if (cliOut) ok(JSON.stringify(json) === JSON.stringify(cliOut), 'the JSON export equals the CLI\'s for the corpus', firstDifference(json, cliOut));
      await inert('after the exports');

      // Dropped as a .txt file.
      await dropFile(page, Buffer.from(corpus), 'xss.txt');
      await page.waitForFunction(() => document.querySelector('.notice')?.textContent.includes('xss.txt'), null, { timeout: 10000 });
      await showsAll(payloads, 'a dropped .txt');
      await inert('a dropped .txt');

      // Dropped as a web page: the reader extracts text. Markup is dropped (never run); escaped
      // markup becomes literal text, and must stay text.
      const esc = (t) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
      const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>XSS</title><script>alert("head")</script>`
        + `<base href="javascript:alert(1)//"><meta http-equiv="refresh" content="0;url=javascript:alert(2)"></head>`
        + `<body onload="alert('body')"><h1>某区2023年法治政府建设年度报告</h1><p>一、XSS 测试</p>`
        + payloads.map((p, k) => `<p>（${cn[k]}）${esc(p)}</p><p>全年办理案件${k + 10}件。</p>`).join('')
        // The raw markup last: a <textarea> or <style> in it swallows what follows.
        + payloads.map((p) => `<div>${p}</div>`).join('')
        + '</body></html>';
      await dropFile(page, Buffer.from(html), 'xss.html');
      await page.waitForFunction(() => document.querySelector('.notice')?.textContent.includes('xss.html'), null, { timeout: 10000 });
      await showsAll(payloads.map((p, k) => `（${cn[k]}）${p}`), 'a dropped .html (escaped payloads)');
      await inert('a dropped .html');
      await shot(page, '07-xss-html');

      // Dropped as a .docx whose runs hold the payloads.
      const docx = join(ARTIFACTS, 'xss.docx');
      execFileSync('python3', ['-c', `
import sys, zipfile, json
from xml.sax.saxutils import escape
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
lines = json.loads(sys.argv[2])
body = ''.join(f'<w:p><w:r><w:t xml:space="preserve">{escape(l)}</w:t></w:r></w:p>' for l in lines)
with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>')
    z.writestr('word/document.xml', f'<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>{body}</w:body></w:document>')
`, docx, JSON.stringify(corpus.trim().split('\n'))]);
      await dropFile(page, readFileSync(docx), 'xss.docx');
      await page.waitForFunction(() => document.querySelector('.notice')?.textContent.includes('xss.docx'), null, { timeout: 10000 });
      await showsAll(payloads, 'a dropped .docx');
      await inert('a dropped .docx');
    }

    section('editing is debounced');
    await page.click('#toggle-edit');
    await page.fill('textarea#report-input', '一、新标题\n共5件。');
    await page.waitForTimeout(800);
    const outlineAfterEdit = await page.textContent('#outline');
    ok(outlineAfterEdit?.includes('新标题'), 'an edit is analysed after the debounce');
    await page.keyboard.press('Escape');

    section('review: required parts, 纲要 coverage, figure findings, metadata');
    {
      const seedFile = (n) => join(FIXTURES, seeds.find((s) => s.startsWith(n)));
      const distinctHits = () => page.$$eval('#doc .hit', (h) => new Set(h.map((x) => x.dataset.hit)).size);
      const statuses = () => page.$$eval('#review [data-part]', (b) => b.map((x) => `${x.dataset.part}:${x.dataset.status}`).join(' '));
      await paste(page, readFileSync(seedFile('003'), 'utf8'));
      await page.click('#tab-review');
      await page.waitForSelector('#review [data-part="P5"]');
      ok((await statuses()) === 'P1:found P2:found P3:found P4:found P5:missing', `seed 003 (Traditional): ${await statuses()}`);
      ok((await page.locator('#coverage-chart [data-area]').count()) === 9, 'the coverage chart has 9 areas (SVG drawn by the app)');
      ok((await page.locator('#coverage-table tr[data-area]').count()) === 9, 'the coverage table has 9 rows');
      const flagged = await page.$$eval('#coverage-chart .bar.flagged', (b) => b.map((x) => x.dataset.area));
      const zero = await page.$$eval('#coverage-chart [data-area]', (b) => b.filter((x) => x.dataset.score === '0').map((x) => x.dataset.area));
      ok(JSON.stringify(flagged) === JSON.stringify(zero), `areas with nothing are flagged (${flagged.join(', ') || 'none'})`);
      const area = await page.$eval('#coverage-chart [data-area]:not(.flagged)', (g) => g.dataset.area);
      await page.click(`#coverage-chart [data-area="${area}"]`);
      await page.waitForTimeout(300);
      const areaHits = await distinctHits();
      const json003 = cliJson(seedFile('003'));
      ok(areaHits > 0, `clicking area ${area} highlights ${areaHits} phrase hits in the document`);
      ok(await inView(page, '#doc .hit'), 'and scrolls the first one into view');
      await shot(page, '12-review-003-area');
      await page.click('#review [data-part="P2"]');
      await page.waitForTimeout(300);
      ok((await distinctHits()) === 1 && (await inView(page, '#doc .hit')), 'clicking P2 highlights its heading or passage');
      ok((await page.getAttribute('#review [data-part="P5"]', 'disabled')) !== null, 'a missing part has nothing to show');
      // The page agrees with the CLI for every seed: part statuses, area scores.
      for (const seed of seeds) {
        const n = seed.slice(0, 3);
        await paste(page, readFileSync(join(FIXTURES, seed), 'utf8'));
        await page.waitForSelector('#review [data-part="P1"]');
        const json = cliJson(join(FIXTURES, seed));
        if (n === '001') {
          const st = await statuses();
          ok(/P2:missing P3:missing P4:missing P5:missing/.test(st), `seed 001 (only P1): ${st}`);
        }
        if (!json?.parts) continue;
        const cliParts = json.parts.map((p) => `${p.id}:${p.status}`).join(' ');
        ok((await statuses()) === cliParts, `${n}: parts equal the CLI's (${cliParts})`);
        const scores = await page.$$eval('#coverage-chart [data-area]', (b) => b.map((x) => `${x.dataset.area}=${x.dataset.score}`).join(' '));
        // Contract 4: the areas moved under coverage.areas, beside the 纲要's tasks.
        const cliScores = json.coverage.areas.map((c) => `${c.area}=${c.score}`).join(' ');
        ok(scores === cliScores, `${n}: coverage scores equal the CLI's`, `${scores}\n        ${cliScores}`);
        // The 纲要's tasks (issue 20): every task's status as the CLI gives it.
        const taskStatuses = await page.$$eval('#tasks button[data-task]', (b) => b.map((x) => `${x.dataset.task}:${x.dataset.status}`).join(' '));
        const cliTasks = (json.coverage.tasks ?? []).map((t) => `${t.number}:${t.status}`).join(' ');
        ok(taskStatuses === cliTasks, `${n}: 纲要 task statuses equal the CLI's (${json.coverage.outline ?? '无纲要'}, score ${json.coverage.score ?? '-'})`, `${taskStatuses.slice(0, 120)}\n        ${cliTasks.slice(0, 120)}`);
        // Choosing a task highlights the passages the CLI gives for it and scrolls to the first.
        const picked = (json.coverage.tasks ?? []).find((t) => t.status === 'addressed' && t.spans.length > 0);
        if (picked) {
          const button = `#tasks button[data-task="${picked.number}"]`;
          await page.$eval(button, (b) => { b.closest('details').open = true; });
          await page.click(button);
          await page.waitForTimeout(300);
          const hits = await distinctHits();
          ok(hits === picked.spans.length && (await inView(page, '#doc .hit')),
            `${n}: choosing 纲要 task ${picked.number} highlights its ${picked.spans.length} passages (${hits} shown)`);
        }
      }
      await shot(page, '13-review-004');

      await paste(page, readFileSync(seedFile('000'), 'utf8'));
      const meta = await page.$$eval('#meta [data-field]', (f) => Object.fromEntries(f.map((x) => [x.dataset.field, x.textContent])));
      ok(meta.year?.includes('2019') && meta.issuer?.includes('梅列区') && meta.kind?.includes('法治政府建设年度报告') && meta.signature?.includes('2020'),
        `metadata above the document: ${Object.values(meta).join(' | ')}`);
      await page.click('#tab-diagnostics');
      const figure = page.locator('[data-diagnostic][data-code="figure-sum"], [data-diagnostic][data-code="figure-rate"]').first();
      ok((await figure.count()) === 1, 'seed 000 has figure-sum / figure-rate findings');
      ok((await figure.textContent()).includes('置信度'), `a figure finding shows its confidence: ${(await figure.textContent()).slice(0, 60)}`);
      await figure.click();
      await page.waitForTimeout(300);
      const figHits = await distinctHits();
      ok(figHits >= 2, `selecting a figure finding highlights all its figures (${figHits} spans)`);
      ok(await inView(page, '#doc .hit'), 'the first figure is scrolled into view');
      await shot(page, '14-figure-finding');
      await figure.click();
      await page.waitForTimeout(100);
      ok((await distinctHits()) === 0, 'choosing it again removes the highlight');

      // Text copied out of a scan's OCR layer (issue 23): spaces between Chinese characters. The
      // page reads it as the CLI does (outline titles without the spaces) and says it looks
      // machine-recognised.
      {
        const ocrFile = join(ARTIFACTS, 'ocr-003.txt');
        writeFileSync(ocrFile, execFileSync('cargo', ['run', '--release', '--quiet', '--bin', 'report-lens', '--', 'text', join(FIXTURES, 'pdf/ocr-003.pdf')],
          { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
        const ocrText = readFileSync(ocrFile, 'utf8');
        ok(/[\u4e00-\u9fff] [\u4e00-\u9fff]/.test(ocrText), 'the OCR layer of ocr-003.pdf has spaces between Chinese characters');
        await paste(page, ocrText);
        const expected = cliJson(ocrFile);
        if (expected) {
          await page.waitForFunction((n) => document.querySelectorAll('#outline [data-section]').length === n, expected.sections.length, { timeout: 20000 }).catch(() => {});
          compare('OCR text pasted', expected, ocrText, await shown(page));
          ok(expected.sections.every((s) => !/[\u4e00-\u9fff0-9] [\u4e00-\u9fff]/.test(s.title)), 'its outline titles read without the OCR spaces');
        }
        await page.click('#tab-diagnostics');
        const notice = page.locator('[data-diagnostic][data-code="ocr-text"]');
        ok((await notice.count()) === 1, `pasted OCR text: one notice that it looks machine-recognised: ${(await notice.first().textContent().catch(() => '')).slice(0, 60)}`);
        // Text copied out of a PDF viewer: a line break wherever the page wrapped a line. The
        // page reads it as the CLI does (headings whole, figures cut by a break highlighted).
        const copyFile = join(FIXTURES, 'copied/chromium-003.txt');
        const copyText = readFileSync(copyFile, 'utf8');
        await paste(page, copyText);
        const copyJson = cliJson(copyFile);
        if (copyJson) {
          await page.waitForFunction((n) => document.querySelectorAll('#outline [data-section]').length === n, copyJson.sections.length, { timeout: 20000 }).catch(() => {});
          compare('PDF viewer copy pasted', copyJson, copyText, await shown(page));
          ok(copyJson.sections.some((s) => s.title === '黨政主要負責人履行推進法治建設第一責任人職責情況'), 'a heading the page cut reads whole');
        }
        await paste(page, readFileSync(seedFile('000'), 'utf8'));
      }

      section('report card (print)');
      await page.evaluate(() => { window.__printed = 0; window.print = () => window.__printed++; });
      await page.click('#print-card');
      ok((await page.evaluate(() => window.__printed)) === 1, '打印报告卡 opens the print dialog');
      ok(!(await page.isVisible('#report-card')), 'the card is hidden on screen');
      await page.setViewportSize({ width: 794, height: 1123 }); // A4 at 96 dpi
      await page.emulateMedia({ media: 'print' });
      ok(await page.isVisible('#report-card'), 'in print the card shows');
      ok(!(await page.isVisible('.panes')), 'and the app itself does not');
      const card = await page.textContent('#report-card');
      ok(['梅列区', '必备部分', '纲要覆盖', '量化指标', '诊断'].every((w) => card.includes(w)), 'the card has metadata, parts, coverage, indicator counts, diagnostics');
      ok((await page.locator('#report-card svg.coverage-chart [data-area]').count()) === 9, 'with the coverage chart');
      await page.screenshot({ path: join(ARTIFACTS, '15-report-card-print.png'), fullPage: true });
      const pdf = await page.pdf({ format: 'A4', printBackground: true });
      writeFileSync(join(ARTIFACTS, 'report-card.pdf'), pdf);
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
      ok(pages === 1, `the card prints on one A4 page (${pages})`);
      await page.emulateMedia({ media: 'screen' });
      await page.setViewportSize({ width: 1440, height: 900 });
      await page.click('#tab-indicators');
    }

    section('files: .docx, .html, .doc, .ofd, .pdf (read, or refused with a message), paste from Word/web');
    {
      // A .docx built here with Python's zipfile: paragraphs, a table, Word's automatic numbering.
      const docx = join(ARTIFACTS, 'built.docx');
      execFileSync('python3', ['-c', `
import sys, zipfile
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
def p(text, num=None):
    ppr = f'<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num}"/></w:numPr></w:pPr>' if num else ''
    return f'<w:p>{ppr}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'
body = p('某某区2023年法治政府建设年度报告') + p('主要举措和成效', 1) + p('全年办理行政复议案件52件，办结率100%。') \
  + '<w:tbl><w:tr><w:tc>' + p('事项') + '</w:tc><w:tc>' + p('数量') + '</w:tc></w:tr><w:tr><w:tc>' + p('行政许可') + '</w:tc><w:tc>' + p('128件') + '</w:tc></w:tr></w:tbl>' \
  + p('存在的不足和原因', 1) + p('执法队伍专业化水平有待提高。')
num = f'<w:numbering {W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>'
with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>')
    z.writestr('word/document.xml', f'<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>{body}</w:body></w:document>')
    z.writestr('word/numbering.xml', f'<?xml version="1.0" encoding="UTF-8"?>{num}')
`, docx]);
      await page.setInputFiles('#file-input', docx);
      await page.waitForFunction(() => document.querySelector('.notice')?.textContent.includes('docx'), null, { timeout: 10000 });
      const outline = await page.$$eval('#outline [data-section]', (b) => b.map((x) => x.textContent));
      ok(outline.some((t) => t.startsWith('一、主要举措')) && outline.some((t) => t.startsWith('二、存在的不足')), `a .docx built here opens, numbering rendered into the outline: ${outline.join(' | ')}`);
      const docText = await page.textContent('#doc');
      ok(docText.includes('办结率100%') && docText.includes('128件'), 'its paragraphs and table cells are in the document');
      await shot(page, '16-docx');

      const page_ = '<!DOCTYPE html><html><head><meta charset="gbk"><title>某县2022年法治政府建设年度报告_政府网</title><script>var nav = "脚本不应出现";</script><style>.x{}</style></head>'
        + '<body><div class="nav"><a href="/">首页</a> | <a href="/x">政务公开</a></div><div class="article"><h1>某县2022年法治政府建设年度报告</h1>'
        + '<p>一、主要举措和成效</p><p>全年共办理行政复议案件40件，办结率95%。组织领导干部学法12次，参学人员达500余人次，进一步提升依法行政能力。</p>'
        + '<p>二、存在的不足和原因</p><p>基层执法力量仍然薄弱，部分工作人员法治意识有待提高，执法规范化水平还存在不足。</p></div></body></html>';
      const gbkPage = encodeWith('GBK', page_);
      if (gbkPage) {
        await dropFile(page, gbkPage, '某县2022年报告.htm');
        await page.waitForFunction(() => document.querySelector('.notice')?.textContent.includes('网页'), null, { timeout: 10000 });
        const t = await page.textContent('#doc');
        ok(t.includes('办结率95%') && !t.includes('脚本不应出现'), `a GBK web page (.htm) is read (${await page.textContent('.notice')}), scripts dropped`);
        ok((await page.locator('#outline [data-section]').count()) >= 2, 'its paragraphs stay paragraphs (outline found)');
      }

      // Word 97–2003 and OFD fixtures (every one in tests/fixtures/doc and tests/fixtures/ofd),
      // read by the worker exactly as the CLI reads them: outline, highlights and JSON equal
      // the CLI's. The CLI's output is checked against each fixture's .txt in tests/doc_ofd.rs.
      const fixturesIn = (dir, ext) => readdirSync(join(FIXTURES, dir)).filter((f) => f.endsWith(ext)).sort().map((f) => `${dir}/${f}`);
      const wordAndOfd = [...fixturesIn('doc', '.doc'), ...fixturesIn('ofd', '.ofd')];
      ok(wordAndOfd.length >= 12 && ['doc/numbered.doc', 'ofd/minimal.ofd'].every((f) => wordAndOfd.includes(f)), `.doc and OFD fixtures to drop: ${wordAndOfd.length}`);
      const outlines = new Map();
      const dropAndCompare = async (file, name, label) => {
        await dropFile(page, readFileSync(file), name);
        await page.waitForFunction((name) => document.querySelector('.notice')?.textContent.includes(name), name, { timeout: 20000 });
        const notice = await page.textContent('.notice');
        ok(notice.includes(`已读取 ${name}（${label}）`), `${name} opens: ${notice}`);
        const view = await shown(page);
        const expected = cliJson(file);
        if (expected) {
          compare(name, expected, null, view);
          const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
          const got = JSON.parse(readFileSync(await dl.path(), 'utf8'));
          ok(JSON.stringify(got) === JSON.stringify(expected), `${name}: the page's JSON equals the CLI's`, firstDifference(got, expected));
        }
        return view;
      };
      for (const rel of wordAndOfd) {
        const name = rel.split('/').pop();
        const view = await dropAndCompare(join(FIXTURES, rel), name, rel.endsWith('.doc') ? 'Word .doc' : 'OFD');
        outlines.set(rel, view.sections);
      }
      // Word's automatic list numbering: the .doc's outline is the .docx's, in the page too.
      const numberedDocx = await dropAndCompare(join(FIXTURES, 'doc/numbered.docx'), 'numbered.docx', 'Word .docx');
      ok(JSON.stringify(outlines.get('doc/numbered.doc')) === JSON.stringify(numberedDocx.sections) && numberedDocx.sections.length >= 9,
        `the auto-numbered .doc shows the outline of its .docx (${numberedDocx.sections.map((s) => s.marker).join(' ')})`,
        firstDifference(outlines.get('doc/numbered.doc'), numberedDocx.sections));
      await shot(page, '16a-doc-ofd');
      // A .wps saved in the Word format reads like the .doc; an old Kingsoft .wps and a zip that
      // is no OFD are refused with their messages, and the current text stays.
      {
        const wpsFile = join(ARTIFACTS, '报告.wps');
        writeFileSync(wpsFile, readFileSync(join(FIXTURES, 'doc/numbered.doc')));
        const wps = await dropAndCompare(wpsFile, '报告.wps', 'Word .doc');
        ok(JSON.stringify(wps.sections) === JSON.stringify(outlines.get('doc/numbered.doc')), 'a .wps in the Word format shows the outline of the same .doc');
        // A zip that holds an OFD document part but no OFD.xml entry.
        const notOfdFile = join(ARTIFACTS, 'not-ofd.zip');
        execFileSync('python3', ['-c', `
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('Doc_0/Document.xml', '<ofd:Document xmlns:ofd="http://www.ofdspec.org/2016"/>')
`, notOfdFile]);
        const notOfd = readFileSync(notOfdFile);
        const before = await page.textContent('#doc');
        const refused = [
          ['旧报告.wps', Buffer.concat([Buffer.from([3, 0xff]), Buffer.alloc(1022, 0), Buffer.from('报告正文')]), '金山 WPS 早期格式'],
          ['公文.ofd', notOfd, '没有 OFD.xml'],
        ];
        for (const [name, bytes, message] of refused) {
          await dropFile(page, bytes, name);
          await page.waitForFunction((name) => document.querySelector('.notice')?.textContent.includes(name), name, { timeout: 20000 });
          const notice = await page.textContent('.notice');
          ok(notice.includes(message) && (await page.textContent('#doc')) === before, `${name} is refused with its message and the current text stays: ${notice}`);
        }
      }

      // PDFs (tests/fixtures/pdf, made by scripts/make-pdf-fixtures.sh): dropped on the page,
      // read by the worker with the CLI's reader; outline, highlights and JSON equal the CLI's.
      // The worker is already running (the encodings above started it): no new fetch.
      const readerFetches = () => requestLog.filter((r) => isReader(r.url)).length;
      const readerBeforePdf = readerFetches();
      const pdfDir = join(FIXTURES, 'pdf');
      const pdfs = existsSync(pdfDir) ? readdirSync(pdfDir).filter((f) => f.endsWith('.pdf')).sort() : [];
      const unreadable = { 'scan.pdf': '扫描件，没有文字层，需要先做文字识别', 'password.pdf': '密码', 'mupdf-password.pdf': '密码' };
      ok(pdfs.length >= 10 && Object.keys(unreadable).every((f) => pdfs.includes(f)), `PDF fixtures to drop: ${pdfs.join(', ')}`);
      for (const name of pdfs.filter((f) => !(f in unreadable))) {
        const file = join(pdfDir, name);
        await dropFile(page, readFileSync(file), name);
        await page.waitForFunction((name) => document.querySelector('.notice')?.textContent.includes(name), name, { timeout: 20000 });
        const notice = await page.textContent('.notice');
        // A scan's OCR layer (ocr-*.pdf) is read, and the notice says it is machine-recognised.
        const how = name.startsWith('ocr-') ? 'PDF · 扫描件的 OCR 识别文字，数字可能有识别错误，请与原件核对' : 'PDF';
        ok(notice.includes(`已读取 ${name}（${how}）`), `${name} opens: ${notice}`);
        const expected = cliJson(file);
        if (!expected) continue;
        ok(expected.sections.length >= 3 && expected.indicators.length >= 3,
          `${name}: the CLI finds an outline and indicators (${expected.sections.length} sections, ${expected.indicators.length} indicators)`);
        compare(name, expected, null, await shown(page));
        const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
        const got = JSON.parse(readFileSync(await dl.path(), 'utf8'));
        ok(JSON.stringify(got) === JSON.stringify(expected), `${name}: the page's JSON equals the CLI's`, firstDifference(got, expected));
      }
      await shot(page, '16b-pdf');
      // A scan and a file that needs a password: refused with their messages, text kept.
      const beforeUnreadable = await page.textContent('#doc');
      for (const [name, message] of Object.entries(unreadable)) {
        if (!pdfs.includes(name)) continue;
        await dropFile(page, readFileSync(join(pdfDir, name)), name);
        await page.waitForFunction((name) => document.querySelector('.notice')?.textContent.includes(name), name, { timeout: 20000 });
        const notice = await page.textContent('.notice');
        ok(notice.includes(message) && (await page.textContent('#doc')) === beforeUnreadable,
          `${name} is refused with its message and the current text stays: ${notice}`);
      }
      ok(readerFetches() === readerBeforePdf, `reading ${pdfs.length} PDFs fetched nothing new: the running reader worker read them`);

      const before = await page.textContent('#doc');
      await page.setInputFiles('#file-input', { name: '旧报告.doc', mimeType: 'application/msword', buffer: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]) });
      await page.waitForFunction(() => document.querySelector('.notice')?.textContent.includes('.doc'), null, { timeout: 10000 });
      const docNotice = await page.textContent('.notice');
      ok(/[\u4e00-\u9fff]/.test(docNotice) && docNotice.includes('.doc'), `a damaged .doc is refused with a Chinese message: ${docNotice}`);
      ok((await page.textContent('#doc')) === before, 'and the current text is unchanged');
      await dropFile(page, Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n'), '报告.pdf');
      await page.waitForFunction(() => document.querySelector('.notice')?.textContent.includes('PDF'), null, { timeout: 10000 });
      ok((await page.textContent('#doc')) === before, `a dropped .pdf: ${await page.textContent('.notice')}`);
      await shot(page, '17-doc-refused');
      // A .docx that is no zip, a zip without a document, a binary file named .txt: refused, text kept.
      const refused = [
        ['坏的.docx', Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(300, 0xa5)])],
        ['空壳.docx', Buffer.from('this is not a zip at all')],
        ['图片.txt', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), Buffer.from(Array.from({ length: 4000 }, (_, k) => (k * 37) % 256))])],
      ];
      for (const [name, bytes] of refused) {
        await dropFile(page, bytes, name);
        await page.waitForFunction((name) => document.querySelector('.notice')?.textContent.includes(name), name, { timeout: 10000 });
        ok((await page.textContent('#doc')) === before, `${name} is refused and the current text stays: ${await page.textContent('.notice')}`);
      }

      // Pasting from a page whose plain text lost its line breaks: the HTML keeps them.
      await ensureEditing(page);
      await page.evaluate(() => {
        const area = document.querySelector('textarea#report-input');
        area.focus();
        area.select();
        const data = new DataTransfer();
        const paras = ['某区2021年法治政府建设年度报告', '一、主要举措和成效', '全年受理行政复议案件31件。', '二、存在的不足和原因', '执法力量薄弱。', '三、下一年度工作安排', '继续推进依法行政。'];
        data.setData('text/plain', paras.join(' '));
        data.setData('text/html', `<html><body><!--StartFragment-->${paras.map((p) => `<p class="MsoNormal">${p}</p>`).join('')}<!--EndFragment--></body></html>`);
        area.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      });
      await page.waitForSelector('#doc');
      const pasted = await page.$$eval('#outline [data-section]', (b) => b.length);
      ok(pasted === 3 && (await page.locator('#doc p.line').count()) === 7, `a paste from Word keeps its paragraphs (${pasted} headings)`);
    }

    section('batch: overview, merged exports, comparison');
    {
      const seed000 = readFileSync(join(FIXTURES, seeds.find((s) => s.startsWith('000'))), 'utf8');
      const seed003 = readFileSync(join(FIXTURES, seeds.find((s) => s.startsWith('003'))), 'utf8');
      const edit = (t, pairs) => pairs.reduce((acc, [a, b]) => acc.split(a).join(b), t);
      const y2020 = edit(seed000, [['2019年', '2020年']]);
      const y2021 = edit(seed000, [
        ['2019年', '2021年'],
        ['精简64项申报材料', '精简70项申报材料'],
        ['等13家企业获得“一企一策”帮扶。', '等13家企业获得“一企一策”帮扶。全年新建公共法律服务工作站12个。'],
        ['加强市场监管水平', '提升市场监管水平'],
      ]);
      const batch = [['梅列区-2021.txt', y2021], ['梅列区-2020.txt', y2020], ['白沙镇-2023.txt', seed003]];
      droppedBatch = batch;
      const dropMany = (files) => page.evaluate((files) => {
        window.__tasks = [];
        window.__batchObserver?.disconnect();
        window.__batchObserver = new PerformanceObserver((list) => window.__tasks.push(...list.getEntries().map((e) => e.duration)));
        window.__batchObserver.observe({ type: 'longtask' });
        const data = new DataTransfer();
        for (const [name, text] of files) data.items.add(new File([text], name, { type: 'text/plain' }));
        const target = document.querySelector('.app');
        for (const type of ['dragenter', 'dragover', 'drop']) target.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
      }, files);
      await dropMany(batch);
      await page.waitForSelector('#overview[data-running="false"]', { timeout: 20000 });
      const rows = await page.$$eval('#overview tr[data-report]', (r) => r.map((x) => x.querySelector('.file').textContent));
      ok(rows.length === 3 && batch.every(([n]) => rows.includes(n)), `3 dropped files → 3 overview rows (${rows.join(', ')})`);
      ok((await page.textContent('#overview .status')).includes('3 份'), `progress: ${await page.textContent('#overview .status')}`);
      await shot(page, '18-overview');
      await axe(page, 'the batch overview');

      const tmp = mkdtempSync(join(tmpdir(), 'report-lens-batch-'));
      batch.forEach(([n, t]) => writeFileSync(join(tmp, n), t));
      const [ovDl] = await Promise.all([page.waitForEvent('download'), page.click('#export-overview')]);
      const ovCsv = readFileSync(await ovDl.path(), 'utf8').replace(/^\uFEFF/, '').split('\r\n').filter(Boolean);
      ok(ovCsv.length === 4 && ovCsv[0].startsWith('文件,标题'), `overview CSV: header and 3 rows (${ovDl.suggestedFilename()})`);
      const [xlsxDl] = await Promise.all([page.waitForEvent('download'), page.click('#export-batch-xlsx')]);
      const xlsx = officeContents(await xlsxDl.path());
      ok(JSON.stringify(xlsx.sheets) === JSON.stringify(['概览', '指标', '问题', '纲要任务']) && xlsx.rows[0] === 4 && xlsx.rows[1] > 3,
        `导出 Excel: ${xlsxDl.suggestedFilename()} has the four sheets and a 概览 row per report (rows ${JSON.stringify(xlsx.rows)})`, JSON.stringify(xlsx));
      try {
        const cliOv = execFileSync('cargo', ['run', '--release', '--quiet', '--bin', 'report-lens', '--', 'overview', '--format', 'csv', ...batch.map(([n]) => join(tmp, n))],
          { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).replace(/^\uFEFF/, '').split(/\r?\n/).filter(Boolean);
        const rest = (l) => l.split(',').slice(1).join(',');
        const cliByRow = new Map(cliOv.slice(1).map((l) => [l.split(',')[0].split('/').pop(), rest(l)]));
        ok(ovCsv.slice(1).every((l) => cliByRow.get(l.split(',')[0]) === rest(l)), 'overview rows equal the CLI\'s overview --format csv');
      } catch (e) {
        ok(false, 'the CLI writes the overview of the batch', String(e.stderr || e.message).split('\n')[0]);
      }
      const [inDl] = await Promise.all([page.waitForEvent('download'), page.click('#export-batch-indicators')]);
      const inCsv = readFileSync(await inDl.path(), 'utf8').replace(/^\uFEFF/, '').split('\r\n').filter(Boolean);
      const perFile = await page.$$eval('#overview tr[data-report]', (r) => r.map((x) => Number(x.children[7].textContent)));
      const total = perFile.reduce((a, b) => a + b, 0);
      ok(inCsv[0].startsWith('文件,序号') && inCsv.length - 1 === total, `merged indicators CSV: ${inCsv.length - 1} rows = ${perFile.join(' + ')}`);
      ok(batch.every(([n]) => inCsv.some((l) => l.startsWith(`${n},`))), 'with a file column naming every report');

      // Compare the two years of 梅列区: ticked in either order, 2020 is 上年.
      await page.check('#overview [data-pick="0"]');
      await page.check('#overview [data-pick="1"]');
      await page.click('#compare-picked');
      await page.waitForSelector('#compare');
      const sides = await page.$$eval('#compare .side', (s) => s.map((x) => x.textContent));
      ok(sides[0].includes('2020') && sides[1].includes('2021'), `the earlier report is 上年 (A): ${sides.map((x) => x.slice(0, 22)).join(' ↔ ')}`);
      const pairs = await page.locator('#compare-pairs tbody tr').count();
      const pairText = await page.textContent('#compare-pairs');
      ok(pairs > 20 && pairText.includes('64项') && pairText.includes('70项') && pairText.includes('+6项') && pairText.includes('持平'), `${pairs} indicator pairs listed, 64项 → 70项 with +6项, unchanged ones 持平`);
      ok((await page.textContent('#compare-new')).includes('公共法律服务工作站'), 'the new indicator is listed as new');
      await page.check('#compare-changed-only');
      const changedRows = await page.$$eval('#compare-pairs tbody td.change', (t) => t.map((x) => x.textContent.trim()));
      ok(changedRows.length >= 1 && changedRows.length < pairs && !changedRows.includes('持平'), `只看有变化的: ${changedRows.length} pairs (${changedRows.join(', ')})`);
      ok((await page.locator('#compare-outline tr.renamed').count()) >= 1, 'the renamed heading shows in the outline comparison');
      await shot(page, '19-compare');
      await axe(page, 'the comparison');
      await page.emulateMedia({ colorScheme: 'dark' });
      await axe(page, 'the comparison, dark');
      await page.click('#compare-back');
      await axe(page, 'the batch overview, dark');
      await page.emulateMedia({ colorScheme: 'light' });
      await page.click('#view-compare');
      await page.waitForSelector('#compare');
      const [cmpDl] = await Promise.all([page.waitForEvent('download'), page.click('#export-compare')]);
      const cmpCsv = readFileSync(await cmpDl.path(), 'utf8');
      try {
        const cliCmp = execFileSync('cargo', ['run', '--release', '--quiet', '--bin', 'report-lens', '--', 'compare', '--format', 'csv', join(tmp, '梅列区-2020.txt'), join(tmp, '梅列区-2021.txt')],
          { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
        ok(cmpCsv.replace(/\r\n/g, '\n').trim() === cliCmp.replace(/\r\n/g, '\n').trim(), `comparison CSV (${cmpCsv.split('\n').length - 2} rows) equals the CLI's compare --format csv`);
      } catch (e) {
        ok(cmpCsv.split('\n').length > pairs, `comparison CSV has ${cmpCsv.split('\n').length - 2} rows`);
      }
      rmSync(tmp, { recursive: true, force: true });

      // Click a row: that report opens in the document view.
      await page.click('#view-overview');
      await page.click('#overview tr[data-report="2"] td.title');
      await page.waitForSelector('#doc');
      ok((await page.textContent('.doc-head h2')).includes('白沙鎮'), 'clicking an overview row opens that report');
      // And by keyboard: a row is a Tab stop, Enter opens it.
      await page.click('#view-overview');
      await page.focus('#overview tr[data-report="1"]');
      await page.keyboard.press('Enter');
      await page.waitForSelector('#doc');
      ok((await page.textContent('.notice')).includes('梅列区-2020'), 'Enter on a focused overview row opens that report');

      // Throughput: 60 reports (the five seeds, twelve times), sliced on the main thread.
      const many = [];
      for (let k = 0; k < 12; k++) for (const s of seeds) many.push([`${k}-${s}`, readFileSync(join(FIXTURES, s), 'utf8')]);
      const bytes = many.reduce((a, [, t]) => a + Buffer.byteLength(t), 0);
      await dropMany(many);
      await page.waitForSelector('#overview[data-running="false"]', { timeout: 60000 });
      const ms = Number(await page.getAttribute('#overview', 'data-batch-ms'));
      const tasks = await page.evaluate(() => window.__tasks.map(Math.round));
      results.batch60 = { reports: many.length, bytes, ms, longTasksMs: tasks };
      ok((await page.locator('#overview tr[data-report]').count()) === 60, `60 reports (${(bytes / 1e6).toFixed(1)} MB) analysed in ${ms.toFixed(0)} ms (${(ms / 60).toFixed(1)} ms each)`);
      const longest = Math.max(0, ...tasks.slice(1));
      if (longest > 200) warn(`batch: a main-thread task took ${longest} ms`);
      else ok(true, `the page stayed responsive: longest task after the drop ${longest} ms`);

      // A 10 MB batch: the files are made in the page first (so that handing them over is not
      // measured), then dropped; no task on the page may take over 100 ms.
      await page.evaluate((texts) => {
        const files = [];
        let bytes = 0;
        for (let k = 0; bytes < 10e6; k++) {
          const [name, text] = texts[k % texts.length];
          const f = new File([text], `${k}-${name}`, { type: 'text/plain' });
          bytes += f.size;
          files.push(f);
        }
        window.__tenMb = files;
        window.__tenMbData = new DataTransfer();
        for (const f of files) window.__tenMbData.items.add(f);
      }, seeds.map((s) => [s, readFileSync(join(FIXTURES, s), 'utf8')]));
      await page.evaluate(() => {
        window.__tasks = [];
        window.__batchObserver?.disconnect();
        window.__batchObserver = new PerformanceObserver((list) => window.__tasks.push(...list.getEntries().map((e) => e.duration)));
        window.__batchObserver.observe({ type: 'longtask' });
        const data = window.__tenMbData;
        const target = document.querySelector('.app');
        for (const type of ['dragenter', 'dragover', 'drop']) target.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
      });
      await page.waitForSelector('#overview[data-running="false"]', { timeout: 180000 });
      await page.waitForTimeout(300);
      const tenMb = await page.evaluate(() => ({
        files: window.__tenMb.length,
        bytes: window.__tenMb.reduce((a, f) => a + f.size, 0),
        tasks: window.__tasks.map(Math.round),
        ms: Number(document.getElementById('overview').dataset.batchMs),
        rows: document.querySelectorAll('#overview tr[data-report]').length,
      }));
      results.batch10mb = tenMb;
      const longest10 = Math.max(0, ...tenMb.tasks);
      ok(tenMb.rows === tenMb.files, `10 MB batch: ${tenMb.files} files (${(tenMb.bytes / 1e6).toFixed(1)} MB) read and analysed in the worker in ${(tenMb.ms / 1000).toFixed(1)} s`);
      ok(longest10 <= 100, `10 MB batch: no long task over 100 ms on the page (longest ${longest10} ms; ${tenMb.tasks.length} long tasks: ${tenMb.tasks.slice(0, 12).join(', ')})`);
      await page.evaluate(() => { delete window.__tenMb; delete window.__tenMbData; });
      // Cancel stops a running batch: 300 reports, so that it is still running when the click
      // lands (60 take about half a second on an idle machine).
      const cancelled = [];
      for (let k = 0; k < 5; k++) for (const [n, t] of many) cancelled.push([`${k}-${n}`, t]);
      await dropMany(cancelled);
      await page.click('#batch-cancel');
      await page.waitForSelector('#overview[data-running="false"]', { timeout: 60000 });
      const status = await page.textContent('#overview .status');
      ok(status.includes('已取消') && (await page.locator('#overview tr[data-report]').count()) < cancelled.length, `取消 stops the batch: ${status}`);
      await page.evaluate(() => window.__batchObserver?.disconnect());
      await page.click('#view-document');
    }

    section('the reader worker: fetched once per page, when the first analysis, file or export needs it');
    {
      const fetched = requestLog.filter((r) => isReader(r.url)).slice(readerBefore);
      const names = fetched.map((r) => new URL(r.url).pathname.split('/').pop());
      ok(names.length === 0,
        `files (.txt in four encodings, .html, .docx, .doc, .ofd, .pdf, refused ones) and batches were read by the reader that analysed the restored report: ${names.length} fetches`);
    }

    section('review desk (审查台): status and note survive a reload, the memo is edited and exported, the desk as Excel');
    {
      const names = ['梅列区-2021.txt', '梅列区-2020.txt', '白沙镇-2023.txt'];
      const row = (name) => page.locator(`#desk tr[data-entry]:has(button.open[title="${name}"])`).first();
      // Every row of the desk rendered (the first screen paints first, the rest after it).
      const deskReady = () => page.waitForFunction(() => {
        const desk = document.getElementById('desk');
        return desk && Number(desk.dataset.rows) > 0 && desk.querySelectorAll('tr[data-entry]').length === Number(desk.dataset.rows);
      }, null, { timeout: 10000 });
      await page.click('#view-desk');
      await page.waitForSelector('#desk tr[data-entry]', { timeout: 10000 });
      await deskReady();
      const listed = [];
      for (const n of names) if ((await row(n).count()) === 1) listed.push(n);
      ok(listed.length === 3, `the three dropped files are on the desk (${listed.join(', ')})`);
      const note = '第三部分缺少数据来源，请补充。';
      await row(names[2]).locator('select.status').selectOption('revise');
      await row(names[2]).locator('input.note').fill(note);
      await page.waitForTimeout(400);
      await loading(async () => {
        await page.reload();
        await page.waitForSelector('#view-desk', { timeout: 20000 });
      });
      await page.click('#view-desk');
      await page.waitForSelector('#desk tr[data-entry]', { timeout: 10000 });
      await deskReady();
      const after = [];
      for (const n of names) if ((await row(n).count()) === 1) after.push(n);
      const status = await row(names[2]).locator('select.status').inputValue();
      const kept = await row(names[2]).locator('input.note').inputValue();
      ok(after.length === 3 && status === 'revise' && kept === note, `after a reload the three are listed, one 需修改 with its note (${status}, ${kept})`);
      // The same files dropped again are the same entries: nothing doubles, the status stays.
      {
        const total = Number(await page.getAttribute('#desk', 'data-rows'));
        await page.evaluate((files) => {
          const data = new DataTransfer();
          for (const [name, text] of files) data.items.add(new File([text], name, { type: 'text/plain' }));
          for (const type of ['dragenter', 'dragover', 'drop']) document.querySelector('.app').dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
        }, droppedBatch);
        await page.waitForSelector('#overview[data-running="false"]', { timeout: 20000 });
        await page.click('#view-desk');
        await deskReady();
        const again = Number(await page.getAttribute('#desk', 'data-rows'));
        const still = await row(names[2]).locator('select.status').inputValue();
        ok(again === total && still === 'revise', `the three dropped again are the same entries (${total} → ${again} on the desk, still ${still})`);
      }

      // A second tab lists the same desk, and a status set there reaches this tab.
      {
        const tab = await context.newPage();
        tab.on('pageerror', (e) => problems.push(`page error (second tab): ${e.message}`));
        try {
          await loading(async () => {
            await tab.goto(appUrl);
            await tab.waitForSelector('#view-desk', { timeout: 20000 });
          });
          await tab.click('#view-desk');
          const has = (n) => [...document.querySelectorAll('#desk button.open')].some((b) => b.title === n);
          await tab.waitForFunction(has, names[0], { timeout: 10000 });
          await tab.locator(`#desk tr[data-entry]:has(button.open[title="${names[0]}"])`).first().locator('select.status').selectOption('reviewed');
          await page.waitForFunction((n) => [...document.querySelectorAll('#desk tr[data-entry]')]
            .some((tr) => tr.querySelector('button.open')?.title === n && tr.dataset.status === 'reviewed'), names[0], { timeout: 10000 });
          ok(true, 'a second tab lists the desk, and a status set there shows in the first tab');
        } catch (e) {
          ok(false, 'a second tab lists the desk, and a status set there shows in the first tab', String(e.message).split('\n')[0]);
        } finally {
          await tab.close();
        }
      }
      // Filter by status, search by title, then open one.
      await page.selectOption('#desk-status', 'revise');
      const revise = await page.$$eval('#desk tr[data-entry]', (rows) => rows.map((r) => r.dataset.status));
      ok(revise.length >= 1 && revise.every((st) => st === 'revise'), `filtered by 需修改: ${revise.length} row(s), all 需修改`);
      await page.selectOption('#desk-status', '');
      await page.fill('#desk-search', '白沙');
      const found = await page.$$eval('#desk tr[data-entry] button.open', (b) => b.map((x) => x.textContent));
      ok(found.length >= 1 && found.every((t) => t.includes('白沙')), `searched 白沙: ${found.length} title(s), each with it`);
      await page.fill('#desk-search', '');
      await deskReady();
      await row(names[0]).locator('button.open').click();
      await page.waitForFunction(() => document.querySelector('.notice')?.textContent.includes('已从审查台打开'), null, { timeout: 10000 });
      ok((await page.locator('#doc mark[data-indicator]').count()) > 0, `opened from the desk and analysed again: ${(await page.textContent('.notice')).slice(0, 40)}`);
      await page.click('#view-desk');
      await deskReady();
      await shot(page, '30-desk');
      await page.screenshot({ path: join(ARTIFACTS, 'desk.png') });

      // The memo: drafted by the core in the worker, edited here, exported as Word.
      await row(names[2]).locator('button.memo').click();
      await page.waitForSelector('#memo-editor textarea#memo-conclusion', { timeout: 20000 });
      await page.selectOption('#memo-verdict', 'return');
      const conclusion = await page.inputValue('#memo-conclusion');
      ok(conclusion.startsWith('经审查，建议将该报告退回修改。'), `the 审查结论 select sets the conclusion's first sentence (${conclusion.split('\n')[0]})`);
      const edited = '编辑后的结论：第三部分请补充数据来源。';
      await page.fill('#memo-conclusion', `${conclusion}\n${edited}`);
      // The 落款: dated today when drafted; the reviewing body typed once.
      const dated = await page.inputValue('#memo-date');
      ok(/^20\d\d年\d{1,2}月\d{1,2}日$/.test(dated), `the drafted memo is dated today (${dated})`);
      await page.fill('#memo-signer', '某区司法局');
      await page.waitForTimeout(300);
      const [memoDl] = await Promise.all([page.waitForEvent('download'), page.click('#memo-docx')]);
      const memo = officeContents(await memoDl.path());
      const title = cliJson(join(FIXTURES, seeds.find((s) => s.startsWith('003'))))?.meta?.title ?? '';
      const bare = (t) => (t ?? '').replace(/[《》〈〉]/g, '');
      ok(memoDl.suggestedFilename().endsWith('.docx') && memo.text?.includes(edited) && memo.text.includes('退回修改') && bare(memo.text).includes(bare(title)),
        `导出 Word from the editor: ${memoDl.suggestedFilename()} holds the title and the edited conclusion (${(memo.text ?? '').length} characters)`);
      ok(memo.text?.includes('某区司法局') && memo.text.includes(dated), `and its 落款: 某区司法局, ${dated}`);
      await page.click('#memo-copy-markdown');
      await page.waitForFunction(() => document.querySelector('.notice')?.textContent.includes('Markdown'), null, { timeout: 10000 });
      const md = await page.evaluate(() => navigator.clipboard.readText());
      ok(md.startsWith('# ') && md.includes('## 六、审查结论') && md.includes(edited), `复制 Markdown: the core's Markdown of the edited memo (${md.split('\n').length} lines)`);
      await page.click('#memo-copy-text');
      await page.waitForFunction(() => document.querySelector('.notice')?.textContent.includes('文本'), null, { timeout: 10000 });
      const plain = await page.evaluate(() => navigator.clipboard.readText());
      ok(plain.includes('六、审查结论') && plain.includes(edited) && !plain.includes('## '), '复制文本: the core\'s plain text of the edited memo');
      // The edit is kept on the desk: a reload opens it again.
      await loading(async () => {
        await page.reload();
        await page.waitForSelector('#view-desk', { timeout: 20000 });
      });
      await page.click('#view-desk');
      await deskReady();
      await row(names[2]).locator('button.memo').click();
      await page.waitForSelector('#memo-editor textarea#memo-conclusion', { timeout: 20000 });
      ok((await page.inputValue('#memo-conclusion')).includes(edited) && (await page.inputValue('#memo-verdict')) === 'return', 'the edited memo survives a reload');
      await page.click('#memo-back');
      await deskReady();
      await row(names[1]).locator('button.memo').click();
      await page.waitForSelector('#memo-editor textarea#memo-conclusion', { timeout: 20000 });
      ok((await page.inputValue('#memo-signer')) === '某区司法局', 'the next memo drafted is signed by the same body (remembered)');
      await page.click('#memo-back');
      await deskReady();

      // The desk as Excel: four sheets, one 概览 row per report, status and note in it.
      await page.waitForSelector('#desk tr[data-entry]');
      const onDesk = await page.locator('#desk tr[data-entry]').count();
      const [xDl] = await Promise.all([page.waitForEvent('download', { timeout: 120000 }), page.click('#desk-xlsx')]);
      const xlsx = officeContents(await xDl.path());
      ok(JSON.stringify(xlsx.sheets) === JSON.stringify(['概览', '指标', '问题', '纲要任务']) && xlsx.rows[0] === onDesk + 1 && xlsx.strings?.includes(note) && xlsx.strings.includes('需修改'),
        `导出 Excel from the desk: ${xDl.suggestedFilename()}, four sheets, ${xlsx.rows[0] - 1} 概览 rows for ${onDesk} reports, with the status and note`, JSON.stringify({ sheets: xlsx.sheets, rows: xlsx.rows }));

      // Delete, then 撤销.
      await row(names[1]).locator('button.delete').click();
      await page.waitForSelector('#desk-undo');
      ok((await row(names[1]).count()) === 0, '删除 takes a report off the desk');
      await page.click('#desk-undo');
      await page.waitForFunction((n) => [...document.querySelectorAll('#desk button.open')].some((b) => b.title === n), names[1], { timeout: 5000 });
      ok((await row(names[1]).count()) === 1, '撤销 puts it back');

      // 300 reports: how soon after a page load the desk shows them all.
      const have = await page.locator('#desk tr[data-entry]').count();
      await addReports(page, Math.max(0, 300 - have));
      await loading(async () => {
        await page.reload();
        await page.waitForSelector('#view-desk', { timeout: 20000 });
      });
      // Clicked as soon as the page has loaded (its toolbar is there): the time to the frame that
      // shows every row, and the same from the start of the navigation.
      // The desk paints its first screen of rows, then the rest: both are timed.
      const desk = await openDeskTimed(page, 300);
      const deskMs = desk.first - desk.loaded;
      results.desk300 = { openMs: Math.round(deskMs), allRowsMs: Math.round(desk.shown - desk.loaded), sinceNavigationMs: Math.round(desk.shown) };
      const rows300 = await page.locator('#desk tr[data-entry]').count();
      const what = `审查台 with ${rows300} reports open (first rows painted) ${deskMs.toFixed(0)} ms after the page loaded, every row ${(desk.shown - desk.loaded).toFixed(0)} ms (${desk.shown.toFixed(0)} ms after the navigation began)`;
      if (deskMs <= 300) ok(true, `${what} ≤ 300 ms`);
      else if (deskMs <= 900) warn(`${what}: over 300 ms`);
      else ok(false, `${what} ≤ 3 × 300 ms`);
      await page.click('#view-document');
    }

    section('storage refused (IndexedDB throws): a Chinese message, and the page still works');
    {
      const p = await context.newPage();
      p.on('pageerror', (e) => problems.push(`page error (storage refused): ${e.message}`));
      await p.addInitScript(() => {
        IDBFactory.prototype.open = function () { throw new DOMException('refused for the test', 'SecurityError'); };
      });
      await loading(async () => {
        await p.goto(appUrl);
        await p.waitForSelector('#storage-refused', { timeout: 20000 });
      });
      const message = await p.textContent('#storage-refused');
      ok(message.includes('浏览器不允许在本机保存审查台'), `the message shows: ${message.slice(0, 30)}…`);
      const t = await paste(p, readFileSync(join(FIXTURES, seeds.find((s) => s.startsWith('002'))), 'utf8'));
      ok(t.marks > 0, `analysis still works (${t.marks} highlights)`);
      await p.click('#view-desk');
      await p.waitForSelector('#desk tr[data-entry]', { timeout: 5000 });
      ok((await p.locator('#desk tr[data-entry]').count()) >= 1, 'the desk keeps the session\'s reports in memory');
      await p.close();
    }

    section('the analysis worker refused (a policy that blocks workers): the text stays, and the page says why');
    {
      const p = await context.newPage();
      p.on('pageerror', (e) => problems.push(`page error (worker refused): ${e.message}`));
      await p.addInitScript(() => {
        window.Worker = function () { throw new DOMException('blocked for the test', 'SecurityError'); };
      });
      await loading(async () => {
        await p.goto(appUrl);
        await p.waitForSelector('#doc, textarea#report-input', { timeout: 20000 });
      });
      const text = readFileSync(join(FIXTURES, seeds.find((s) => s.startsWith('002'))), 'utf8');
      const t = await paste(p, text);
      await p.waitForSelector('.notice', { timeout: 5000 });
      const notice = await p.textContent('.notice');
      ok(notice.includes('未能分析'), `a Chinese message says the analysis could not run (${notice.slice(0, 24)}…)`);
      const firstLine = text.split('\n').find((l) => l.trim()).trim();
      ok(t.marks === 0 && (await p.textContent('#doc')).includes(firstLine), 'the pasted text is shown, without highlights');
      await p.waitForTimeout(900);
      ok((await savedText(p)) === text.replace(/\r\n?/g, '\n'), 'and kept: the autosave (its desk entry) holds it');
      await p.close();
    }

    section('an older version\'s autosave (the text in localStorage) moves to the desk');
    {
      const p = await context.newPage();
      p.on('pageerror', (e) => problems.push(`page error (older autosave): ${e.message}`));
      const text = readFileSync(join(FIXTURES, seeds.find((s) => s.startsWith('001'))), 'utf8').replace(/\r\n?/g, '\n');
      await p.addInitScript((text) => {
        if (sessionStorage.getItem('seeded')) return;
        sessionStorage.setItem('seeded', '1');
        localStorage.removeItem('report-lens:current');
        localStorage.setItem('report-lens:text', text);
        localStorage.setItem('report-lens:name', '旧版保存.txt');
      }, text);
      await loading(async () => {
        await p.goto(appUrl);
        await p.waitForSelector('#doc mark[data-indicator]', { timeout: 20000 });
      });
      const firstLine = text.split('\n').find((l) => l.trim()).trim();
      ok((await p.textContent('#doc')).includes(firstLine), 'the older copy is restored and analysed');
      await p.waitForTimeout(500);
      const moved = await p.evaluate(() => localStorage.getItem('report-lens:text'));
      ok(moved === null && (await savedText(p)) === text, 'it is now the open report\'s desk entry; the older copy is gone');
      await p.close();
    }

    section('a 5 MB paste');
    const big = readFileSync(seed004, 'utf8').repeat(50);
    await page.evaluate(() => {
      window.__tasks = [];
      new PerformanceObserver((list) => window.__tasks.push(...list.getEntries().map((e) => e.duration))).observe({ type: 'longtask' });
    });
    const bigTiming = await paste(page, big);
    await page.waitForFunction(() => !document.querySelector('#doc .progress'), null, { timeout: 60000 });
    const tasks = await page.evaluate(() => window.__tasks.map(Math.round));
    bigTiming.longTasksMs = tasks;
    // The first long task includes this test's own transfer of the 5 MB string into the page.
    const longest = Math.max(0, ...tasks.slice(1));
    results.bigLongestTaskMs = longest;
    if (longest > 1000) warn(`5 MB: the page was blocked for ${longest} ms at a stretch`);
    else ok(true, `5 MB: the longest main-thread task after the paste took ${longest} ms (all: ${tasks.join(', ')})`);
    const bigLines = await page.locator('#doc p.line').count();
    ok(bigLines > 20000, `5 MB: all ${bigLines} lines rendered in chunks`);
    results.big = { chars: [...big].length, ...bigTiming };
    ok(bigTiming.marks > 0, `5 MB (${(Buffer.byteLength(big) / 1e6).toFixed(1)} MB): analysis ${bigTiming.analysisMs.toFixed(0)} ms, on screen after ${bigTiming.paintMs.toFixed(0)} ms`);
    // The page stays responsive afterwards: a frame comes within a second.
    const frameMs = await page.evaluate(() => new Promise((r) => { const t = performance.now(); requestAnimationFrame(() => r(performance.now() - t)); }));
    ok(frameMs < 1000, `next frame after the 5 MB render in ${frameMs.toFixed(0)} ms`);
    await shot(page, '08-big');

    section('clear');
    await page.click('#clear');
    await page.waitForSelector('.start textarea#report-input');
    ok(dialogs.some((d) => d.startsWith('confirm')), '清空 asks before discarding');
    ok((await page.inputValue('textarea#report-input')) === '', 'the text is gone');
    await loading(async () => {
      await page.reload();
      await page.waitForSelector('textarea#report-input');
    });
    ok((await page.inputValue('textarea#report-input')) === '', 'and stays gone after a reload');

    section('layout: dark mode and a phone');
    await page.click('button:has-text("示例报告")');
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.waitForTimeout(200);
    await shot(page, '09-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.waitForTimeout(200);
    await shot(page, '09-laptop-1366');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(200);
    await shot(page, '10-phone');
    await page.setViewportSize({ width: 1440, height: 900 });

    section('the one-file build, opened from disk');
    // Written from the dist/ under test, so it is tested whenever the app is.
    const single = join(DIST, 'report-lens.html');
    execFileSync('node', [join(ROOT, 'scripts', 'build-single-file.mjs'), '--dist', DIST, '--out', single], {
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    {
      const fileUrl = `file://${single}`;
      const before = requests.length;
      const logBefore = requestLog.length;
      netPhase = 'single-file';
      await page.goto(fileUrl);
      await page.waitForSelector('textarea#report-input', { timeout: 20000 });
      await page.click('button:has-text("示例报告")');
      await page.waitForSelector('#doc mark[data-indicator]', { timeout: 10000 });
      const marks = await page.locator('#doc mark[data-indicator]').count();
      ok(marks > 0, `report-lens.html works from file:// (${marks} highlights in the sample)`);
      const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
      ok(JSON.parse(readFileSync(await dl.path(), 'utf8')).indicators.length > 0, 'and exports');
      await page.waitForTimeout(500);
      const own = requestLog.slice(logBefore).filter((r) => r.url !== fileUrl && !isDownload(r));
      ok(own.length === 0, `it makes no request at all besides opening itself (not even data: or blob:)`, own.slice(0, 3).map((r) => `${r.type} ${r.url.slice(0, 80)}`).join(', '));
      await shot(page, '11-single-file');
      // A file is read by the embedded reader, started from a blob: URL (worker-src blob:).
      const gbk = encodeWith('GBK', readFileSync(join(FIXTURES, seeds.find((s) => s.startsWith('002'))), 'utf8'));
      if (gbk) {
        await dropFile(page, gbk, 'single-gbk.txt');
        await page.waitForFunction(() => document.querySelector('.notice')?.textContent.includes('single-gbk.txt'), null, { timeout: 20000 });
        const notice = await page.textContent('.notice');
        ok(/GBK|gb18030/.test(notice) && (await page.locator('#doc mark[data-indicator]').count()) > 0,
          `report-lens.html reads a dropped GBK file with its embedded reader: ${notice}`);
        const more = requestLog.slice(logBefore).filter((r) => r.url !== fileUrl && !isDownload(r));
        ok(more.every((r) => r.url.startsWith('blob:')), `only the reader's blob: worker was loaded (${more.length} requests)`, more.slice(0, 3).map((r) => r.url.slice(0, 80)).join(', '));
      }
      requests.splice(before); // checked here; the origin check below is for the served app
      requestLog.splice(logBefore);
      netPhase = 'app';
    }

    section('privacy: no request after load; at load only the app\'s own files');
    {
      const staticFiles = new Set(readdirSync(DIST).map((f) => `${appUrl}${f}`).concat([appUrl]));
      const atLoad = requestLog.filter((r) => r.phase === 'load');
      const notStatic = atLoad.filter((r) => !staticFiles.has(r.url.split(/[?#]/)[0]));
      ok(atLoad.length > 0 && notStatic.length === 0,
        `at load: ${atLoad.length} requests over ${requestLog.filter((r) => r.phase === 'load' && r.type === 'document').length} page loads, all for files of dist/ (${[...new Set(atLoad.map((r) => r.type))].join(', ')})`,
        notStatic.slice(0, 5).map((r) => `${r.type} ${r.url}`).join(', '));
      const after = requestLog.filter((r) => r.phase === 'app');
      const downloads = after.filter(isDownload);
      // The reader worker's own files, fetched from the origin the first time a file is read.
      const readerFiles = after.filter((r) => isReader(r.url) && r.url.startsWith(appUrl));
      const network = after.filter((r) => !isDownload(r) && !readerFiles.includes(r));
      results.requests = { atLoad: atLoad.length, afterLoad: network.map((r) => r.url), downloads: downloads.length };
      ok(network.length === 0,
        `after load: 0 requests while analysing, editing, exporting, batching and comparing but the reader's ${readerFiles.length} files (${downloads.length} downloads were local blob: URLs)`,
        network.slice(0, 5).map((r) => `${r.type} ${r.url.slice(0, 100)}`).join(', '));
    }

    section('nothing leaves the origin');
    const foreign = requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'));
    ok(foreign.length === 0, `${requests.length} requests, all to ${origin}`, foreign.slice(0, 5).join(', '));
    ok(!requests.some((u) => /\/x$/.test(u)), 'the XSS <img src=x> was never fetched');
    const csp = await page.evaluate(() => window.__csp);
    ok(csp.length === 0, 'no Content-Security-Policy violations', csp.join('; '));
    ok(problems.length === 0, 'no page errors or console errors', problems.slice(0, 5).join('\n        '));
  } catch (e) {
    failures++;
    console.log(`  FAIL  ${e.stack || e}`);
    await shot(page, '99-failure').catch(() => {});
  } finally {
    await context.close();
    server.close();
    rmSync(profile, { recursive: true, force: true });
  }

  writeFileSync(join(ARTIFACTS, 'results.json'), JSON.stringify({ failures, warnings, results }, null, 2));
  console.log(`\nscreenshots and results.json in ${ARTIFACTS}`);
  console.log(failures ? `${failures} check(s) FAILED` : `all checks passed${warnings.length ? ` (${warnings.length} warning(s))` : ''}`);
  process.exit(failures ? 1 : 0);
}

main();
