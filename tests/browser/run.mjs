// End-to-end tests of the built web app in a real browser.
//
//   node tests/browser/run.mjs [--dist DIR] [--keep-open]
//
// Serves dist/ (default: <repo>/dist, built by `trunk build --release`) under a sub-path on
// 127.0.0.1 with a tiny static server, drives Debian's Chromium through playwright-core, and
// checks what issue 3 asks: paste each seed and compare outline and highlights with the CLI's
// JSON; drop GBK / Big5 / UTF-16 files; outline and table clicks; CSV export; restore after
// reload; XSS text stays inert; no request leaves the origin; timings; and the one-file build
// (written to DIST/report-lens.html by scripts/build-single-file.mjs) opened from file://.
// Screenshots go to tests/browser/artifacts/. Exit code 0 when every check passed.

import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, mkdirSync, rmSync, existsSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, extname, resolve, normalize } from 'node:path';
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

// Budgets from the issue. Timing on a loaded CI machine varies: over budget is a warning,
// over three times the budget a failure.
const BUDGET = { analysisMs: 10, pasteToHighlightsMs: 300 };

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

// ---- the static server ----------------------------------------------------------------------
const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
};
function serve(dir) {
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    if (!url.pathname.startsWith(SUB_PATH)) {
      res.writeHead(404).end('outside the app');
      return;
    }
    let rel = decodeURIComponent(url.pathname.slice(SUB_PATH.length)) || 'index.html';
    const file = normalize(join(dir, rel));
    if (!file.startsWith(dir) || !existsSync(file) || statSync(file).isDirectory()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': MIME[extname(file)] || 'application/octet-stream',
      'cache-control': 'no-store',
    });
    res.end(readFileSync(file));
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}

// ---- the CLI, for the expected answers ------------------------------------------------------
let cliChecked = false;
let cliWorks = false;
function cli(format, file) {
  if (cliChecked && !cliWorks) return null;
  try {
    const out = execFileSync(
      'cargo',
      ['run', '--release', '--quiet', '--bin', 'report-lens', '--', 'analyze', '--format', format, file],
      { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    cliChecked = true;
    cliWorks = true;
    return out;
  } catch (e) {
    if (!cliChecked) {
      console.log(`  skip  the CLI did not run (${String(e.message).split('\n')[0]}): comparisons are skipped`);
    }
    cliChecked = true;
    cliWorks = false;
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
    console.log(`  skip  the CLI does not print the JSON contract yet (${e.message}): comparison skipped`);
    return null;
  }
}

// ---- page helpers -----------------------------------------------------------------------------
async function ensureEditing(page) {
  if (await page.locator('textarea#report-input').count()) return;
  await page.click('#toggle-edit');
  await page.waitForSelector('textarea#report-input');
}

// Pastes `text` as a user would into the (fully selected) paste area; resolves with timings.
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
  const cps = [...text];
  const slice = (s, e) => cps.slice(s, e).join('');
  ok(
    view.sections.length === json.sections.length,
    `${name}: ${view.sections.length} outline entries (CLI: ${json.sections.length})`,
  );
  let bad = [];
  json.sections.forEach((s, i) => {
    const v = view.sections[i];
    if (!v || v.index !== i || v.marker !== s.marker || v.title !== s.title || v.inferred !== s.inferred) {
      bad.push(`#${i} page=${JSON.stringify(v)} cli=${JSON.stringify([s.marker, s.title, s.inferred])}`);
    }
  });
  ok(bad.length === 0, `${name}: outline markers, titles and inferred flags equal the CLI's`, bad.slice(0, 3).join('\n        '));
  ok(
    view.marks.length === json.indicators.length,
    `${name}: ${view.marks.length} highlighted indicators (CLI: ${json.indicators.length})`,
  );
  bad = [];
  const byIndex = new Map(view.marks);
  json.indicators.forEach((ind, i) => {
    const m = byIndex.get(i);
    const expected = slice(ind.start, ind.end);
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

// ---- the run --------------------------------------------------------------------------------
async function main() {
  if (!existsSync(join(DIST, 'index.html'))) {
    console.error(`no ${DIST}/index.html: run 'trunk build --release' first`);
    process.exit(2);
  }
  rmSync(ARTIFACTS, { recursive: true, force: true });
  mkdirSync(ARTIFACTS, { recursive: true });
  const shot = (page, name) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });

  const server = await serve(DIST);
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
  context.on('request', (r) => requests.push(r.url()));
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
    await page.goto(appUrl);
    await page.waitForSelector('textarea#report-input', { timeout: 20000 });
    results.loadMs = Date.now() - t0;
    ok(true, `page starts in ${results.loadMs} ms from ${appUrl}`);
    const hint = await page.textContent('.start .hint');
    ok(hint?.includes('粘贴报告全文，或把文件拖到这里'), 'the empty page explains itself');
    ok((await page.getByRole('button', { name: '打开文件', exact: true }).count()) === 1, '打开文件 button');
    ok((await page.locator('#open-folder').count()) === 1, '打开文件夹 button (batch)');
    ok((await page.locator('button', { hasText: '示例报告' }).count()) === 1, '示例报告 button');
    await shot(page, '01-start');

    section('sample report');
    await page.click('button:has-text("示例报告")');
    await page.waitForSelector('#doc mark[data-indicator], #doc p', { timeout: 10000 });
    const sampleLines = await page.locator('#doc p').count();
    ok(sampleLines > 10, `示例报告 shows the bundled report (${sampleLines} lines)`);

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
      else console.log(`  skip  ${name}: no CLI JSON to compare with`);
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
    if (csv.length === 0) {
      console.log('  skip  the core does not write CSV yet');
    } else {
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

    section('copy the outline');
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    await page.click('#copy-outline');
    await page.waitForFunction(() => document.querySelector('.notice')?.textContent.includes('剪贴板'), null, { timeout: 5000 });
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const markdown = cli('markdown', seed004);
    if (markdown !== null) ok(copied.trim() === markdown.trim(), `the copied outline equals the CLI's Markdown (${copied.split('\n').length} lines)`);
    else ok(copied.length > 0, 'the outline was copied');

    section('reload restores the text');
    const before = await page.textContent('#summary');
    await page.reload();
    await page.waitForSelector('#summary', { timeout: 20000 });
    const after = await page.textContent('#summary');
    const firstLine = readFileSync(seed004, 'utf8').split('\n').find((l) => l.trim()).trim();
    const docText = await page.textContent('#doc');
    ok(docText.includes(firstLine) && before.split('分析')[0] === after.split('分析')[0], 'after a reload the last report is back');

    section('encodings: GBK, Big5, UTF-16 files dropped on the page');
    const gbSeed = seeds
      .map((s) => ({ s, text: readFileSync(join(FIXTURES, s), 'utf8') }))
      .map((x) => ({ ...x, bytes: encodeWith('GBK', x.text) }))
      .find((x) => x.bytes);
    if (gbSeed) {
      await dropFile(page, gbSeed.bytes, `${gbSeed.s.slice(0, 3)}-gbk.txt`);
      await page.waitForFunction(() => document.querySelector('.notice')?.textContent.includes('GB18030'), null, { timeout: 10000 });
      const chars = await page.textContent('#summary .stat b');
      ok(Number(chars) === [...gbSeed.text].length, `GBK file ${gbSeed.s.slice(0, 3)} decodes to the same ${chars} characters`);
      const json = cliJson(join(FIXTURES, gbSeed.s));
      if (json) compare(`${gbSeed.s.slice(0, 3)} (GBK)`, json, gbSeed.text, await shown(page));
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
    }
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('一、总体情况\n共办理案件12件。\n', 'utf16le')]);
    await dropFile(page, utf16, 'utf16.txt');
    await page.waitForFunction(() => document.querySelector('.notice')?.textContent.includes('UTF-16LE'), null, { timeout: 10000 });
    ok((await page.textContent('#doc')).includes('共办理案件12件'), 'a UTF-16LE file with BOM is decoded');

    section('XSS text stays text');
    const xss = '一、测试\n<img src=x onerror=alert(1)> 与 <script>alert(2)</script> 共3件\n';
    await paste(page, xss);
    await page.waitForTimeout(300);
    const xssState = await page.evaluate(() => ({
      img: document.querySelectorAll('#doc img, img[src="x"]').length,
      script: document.querySelectorAll('#doc script').length,
      text: document.getElementById('doc').textContent,
    }));
    ok(xssState.img === 0 && xssState.script === 0, 'no <img> or <script> element is created from the text');
    ok(xssState.text.includes('<img src=x onerror=alert(1)>'), 'the markup shows as literal text');
    ok(!dialogs.some((d) => d.startsWith('alert')), 'no alert ran');
    await shot(page, '07-xss');

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
        const cliScores = json.coverage.map((c) => `${c.area}=${c.score}`).join(' ');
        ok(scores === cliScores, `${n}: coverage scores equal the CLI's`, `${scores}\n        ${cliScores}`);
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

    section('files: .docx, .html, refused .doc/.pdf, paste from Word/web');
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

      const before = await page.textContent('#doc');
      await page.setInputFiles('#file-input', { name: '旧报告.doc', mimeType: 'application/msword', buffer: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]) });
      await page.waitForFunction(() => document.querySelector('.notice')?.textContent.includes('.doc'), null, { timeout: 10000 });
      const docNotice = await page.textContent('.notice');
      ok(docNotice.includes('另存为 .docx'), `a .doc is refused with the Chinese message: ${docNotice}`);
      ok((await page.textContent('#doc')) === before, 'and the current text is unchanged');
      await dropFile(page, Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n'), '报告.pdf');
      await page.waitForFunction(() => document.querySelector('.notice')?.textContent.includes('PDF'), null, { timeout: 10000 });
      ok((await page.textContent('#doc')) === before, `a dropped .pdf: ${await page.textContent('.notice')}`);
      await shot(page, '17-doc-refused');

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

      const tmp = mkdtempSync(join(tmpdir(), 'report-lens-batch-'));
      batch.forEach(([n, t]) => writeFileSync(join(tmp, n), t));
      const [ovDl] = await Promise.all([page.waitForEvent('download'), page.click('#export-overview')]);
      const ovCsv = readFileSync(await ovDl.path(), 'utf8').replace(/^\uFEFF/, '').split('\r\n').filter(Boolean);
      ok(ovCsv.length === 4 && ovCsv[0].startsWith('文件,标题'), `overview CSV: header and 3 rows (${ovDl.suggestedFilename()})`);
      try {
        const cliOv = execFileSync('cargo', ['run', '--release', '--quiet', '--bin', 'report-lens', '--', 'overview', '--format', 'csv', ...batch.map(([n]) => join(tmp, n))],
          { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).replace(/^\uFEFF/, '').split(/\r?\n/).filter(Boolean);
        const rest = (l) => l.split(',').slice(1).join(',');
        const cliByRow = new Map(cliOv.slice(1).map((l) => [l.split(',')[0].split('/').pop(), rest(l)]));
        ok(ovCsv.slice(1).every((l) => cliByRow.get(l.split(',')[0]) === rest(l)), 'overview rows equal the CLI\'s overview --format csv');
      } catch (e) {
        console.log(`  skip  CLI overview (${String(e.message).split('\n')[0]})`);
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
      // Cancel stops a running batch.
      await dropMany(many);
      await page.click('#batch-cancel');
      await page.waitForSelector('#overview[data-running="false"]', { timeout: 60000 });
      const status = await page.textContent('#overview .status');
      ok(status.includes('已取消') && (await page.locator('#overview tr[data-report]').count()) < 60, `取消 stops the batch: ${status}`);
      await page.evaluate(() => window.__batchObserver?.disconnect());
      await page.click('#view-document');
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
    await page.reload();
    await page.waitForSelector('textarea#report-input');
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
      await page.goto(fileUrl);
      await page.waitForSelector('textarea#report-input', { timeout: 20000 });
      await page.click('button:has-text("示例报告")');
      await page.waitForSelector('#doc mark[data-indicator]', { timeout: 10000 });
      const marks = await page.locator('#doc mark[data-indicator]').count();
      ok(marks > 0, `report-lens.html works from file:// (${marks} highlights in the sample)`);
      const own = requests.slice(before).filter((u) => u !== fileUrl && !u.startsWith('data:') && !u.startsWith('blob:'));
      ok(own.length === 0, 'it loads nothing besides itself', own.slice(0, 3).join(', '));
      await shot(page, '11-single-file');
      requests.splice(before); // checked here; the origin check below is for the served app
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
