// The browsers government offices run (issue 19), against the built app (dist/):
//
//   node tests/browser/compat.mjs [--dist DIR] [--only NAME]
//   NAME: baseline | chromium-83 | chromium-89 | single-file | firefox | simulated
//
// - baseline: both wasm files validate as MVP (wabt with every post-MVP feature off), and the
//   shipped JS parses as what old engines parse (acorn: support.js as ES5, the rest as ES2020 =
//   Chromium 80, so no top-level await);
// - Chromium 83 and 89: real builds from npm's chrome-aws-lambda (5.0.0, 6.0.0; decompressed
//   from its bin/chromium.br), driven by puppeteer-core 5 over the DevTools protocol. They
//   predate the CSP source 'wasm-unsafe-eval', so the app must send them to compat.html;
// - Firefox ESR: Debian's firefox-esr, driven by puppeteer-core over WebDriver BiDi; it keeps
//   the strict page;
//   in each: the app starts; seed 002 pasted (Chromium; Firefox drops it, since scripted paste
//   events arrive empty there) gives the CLI's highlights; the sample report, a dropped .docx
//   and a dropped PDF come through the reader worker with the CLI's highlights; a CSV export
//   is made; no console error;
// - the one-file build in Chromium 83 from file://: report-lens.html names
//   report-lens-compat.html, which runs and reads a dropped PDF with its blob: reader;
// - simulated: current Chromium with WebAssembly removed, and without module scripts, shows the
//   Chinese message; wasm compilation refused (as under an old engine's CSP) is sent to
//   compat.html once, and says so there; current Chromium keeps the strict policy.
// A browser this machine cannot have is skipped only when setup said why
// (REPORT_LENS_SKIP_FIREFOX / REPORT_LENS_SKIP_OLD_CHROMIUM hold the reason); otherwise a
// missing browser is a failure.

import puppeteer from 'puppeteer-core';
import puppeteer5 from 'puppeteer-core-5';
import * as acorn from 'acorn';
import wabtInit from 'wabt';
import { execFileSync } from 'node:child_process';
import { brotliDecompressSync } from 'node:zlib';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './serve.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..', '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const DIST = resolve(opt('--dist', join(ROOT, 'dist')));
const ONLY = opt('--only', null);
const FIXTURES = join(ROOT, 'tests', 'fixtures');
const SUB_PATH = '/intranet/report-lens/';
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const FIREFOX = process.env.FIREFOX || '/usr/bin/firefox-esr';
// Flags that work here for every Chromium: headless as root, no traffic to Google's hosts.
const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

let failures = 0;
const skipped = [];
function ok(cond, what, detail = '') {
  if (cond) console.log(`  ok    ${what}`);
  else {
    failures++;
    console.log(`  FAIL  ${what}${detail ? `\n        ${detail}` : ''}`);
  }
  return cond;
}
function skip(what) {
  skipped.push(what);
  console.log(`  skip  ${what}`);
}
const wanted = (name) => !ONLY || ONLY === name;

// ---- expected answers: the CLI ------------------------------------------------------------------
const cliCache = new Map();
function cli(format, file) {
  const key = `${format} ${file}`;
  if (!cliCache.has(key)) {
    cliCache.set(key, execFileSync(
      'cargo',
      ['run', '--release', '--quiet', '--bin', 'report-lens', '--', 'analyze', '--format', format, file],
      { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'pipe'] },
    ));
  }
  return cliCache.get(key);
}
const cliJson = (file) => JSON.parse(cli('json', file).split('\n')[0]);

// ---- baseline: MVP wasm, old-engine JS ------------------------------------------------------------
async function baseline() {
  console.log('\n== baseline: MVP wasm and JS old engines parse');
  const wabt = await wabtInit();
  const wasms = readdirSync(DIST).filter((f) => f.endsWith('.wasm'));
  ok(wasms.length === 2, `two wasm files in dist/: ${wasms.join(', ')}`);
  const mvp = {
    mutable_globals: false, sat_float_to_int: false, sign_extension: false, simd: false, threads: false,
    multi_value: false, tail_call: false, bulk_memory: false, reference_types: false, exceptions: false,
    function_references: false, gc: false, memory64: false, extended_const: false, relaxed_simd: false,
    multi_memory: false,
  };
  for (const f of wasms) {
    let error = '';
    try {
      const module = wabt.readWasm(readFileSync(join(DIST, f)), { readDebugNames: false, ...mvp });
      module.validate();
      module.destroy();
    } catch (e) {
      error = String(e.message || e).split('\n').slice(0, 3).join(' | ');
    }
    ok(error === '', `${f} validates as MVP wasm (no reference types, multi-value, bulk memory, sign-ext, non-trapping float-to-int, mutable-global imports)`, error);
  }
  // The shipped scripts: support.js runs in every browser (ES5, classic); the rest in what
  // Chromium 80 parses (ES2020): no top-level await, no class fields, no `||=`.
  const scripts = readdirSync(DIST).filter((f) => f.endsWith('.js'));
  for (const f of scripts) {
    const source = readFileSync(join(DIST, f), 'utf8');
    const classic = f === 'support.js' || f === 'reader.js' || f === 'report-lens-reader.js';
    const ecmaVersion = f === 'support.js' ? 5 : 2020;
    let error = '';
    try {
      acorn.parse(source, { ecmaVersion, sourceType: classic ? 'script' : 'module' });
    } catch (e) {
      error = `${e.message} near ${JSON.stringify(source.slice(Math.max(0, e.pos - 40), e.pos + 40))}`;
    }
    ok(error === '', `${f} parses as ES${ecmaVersion === 5 ? 5 : 2020} ${classic ? 'script' : 'module'}`, error);
  }
  const index = readFileSync(join(DIST, 'index.html'), 'utf8');
  const compat = existsSync(join(DIST, 'compat.html')) ? readFileSync(join(DIST, 'compat.html'), 'utf8') : '';
  // Trunk's minifier reorders attributes and drops quotes it does not need.
  const csp = (html) => (html.match(/<meta\b[^>]*Content-Security-Policy[^>]*>/i)?.[0] ?? '').match(/content="([^"]*)"/)?.[1] ?? '';
  ok(/'wasm-unsafe-eval'/.test(csp(index)) && !/'unsafe-eval'/.test(csp(index)), `index.html keeps the strict policy: ${csp(index).match(/script-src[^;]*/)?.[0]}`);
  ok(/'unsafe-eval'/.test(csp(compat)) && /data-compat\b/.test(compat), `compat.html adds 'unsafe-eval' for old engines: ${csp(compat).match(/script-src[^;]*/)?.[0]}`);
  ok(/<meta\b(?=[^>]*\bname="?renderer\b)(?=[^>]*\bcontent="?webkit\b)[^>]*>/.test(index), 'index.html asks 360 browsers for their Chromium engine (renderer=webkit)');
}

// ---- a smoke run in one browser -----------------------------------------------------------------
// Drops a file on the page, as a drag from the desktop does.
async function dropFile(page, bytes, name) {
  await page.evaluate(
    (b64, name) => {
      const bin = atob(b64);
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      const data = new DataTransfer();
      data.items.add(new File([bytes], name, { type: '' }));
      const target = document.querySelector('.app');
      for (const type of ['dragenter', 'dragover', 'drop']) {
        target.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
      }
    },
    Buffer.from(bytes).toString('base64'),
    name,
  );
}

// The highlights on the page: [text, kind] per indicator index.
function highlights(page) {
  return page.evaluate(() => {
    const marks = new Map();
    for (const m of document.querySelectorAll('#doc mark[data-indicator]')) {
      const i = Number(m.dataset.indicator);
      const prev = marks.get(i);
      marks.set(i, [(prev ? prev[0] : '') + m.textContent, m.dataset.kind]);
    }
    return [...marks.entries()].sort((a, b) => a[0] - b[0]).map((e) => e[1]);
  });
}

// The page shows the CLI's highlights for `file` (`text`: the file's text for .txt, else null).
async function sameHighlights(page, label, file, text) {
  const json = cliJson(file);
  const shown = await highlights(page);
  const cps = text === null ? null : [...text];
  const expected = json.indicators.map((ind) => [cps ? cps.slice(ind.start, ind.end).join('') : ind.text, ind.kind]);
  const bad = expected.map((e, i) => [i, e, shown[i]]).filter(([, e, s]) => !s || s[0] !== e[0] || s[1] !== e[1]);
  ok(shown.length === expected.length && bad.length === 0,
    `${label}: ${shown.length} highlights, the CLI's ${expected.length} (same texts and kinds)`,
    bad.slice(0, 3).map(([i, e, s]) => `#${i} page=${JSON.stringify(s)} cli=${JSON.stringify(e)}`).join(' | '));
}

// Waits for the notice that names the file just opened; fails when it reports an error.
async function waitNotice(page, label, name) {
  await page.waitForFunction((name) => {
    const n = document.querySelector('.notice');
    return n && n.textContent.includes(name);
  }, { timeout: 60000 }, name);
  const notice = await page.evaluate(() => document.querySelector('.notice').textContent);
  ok(!/出错|失败|无法|不是/.test(notice), `${label}: read (${notice.slice(0, 60)})`, notice);
}

async function smoke(name, browser, appUrl, { expectCompat, canPaste }) {
  const page = await browser.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message || e}`));
  page.on('console', (m) => {
    // The one expected message: an old engine parsing the strict page's policy, just before
    // support.js sends it to compat.html.
    const oldEngineOnStrictPage = expectCompat && /invalid source: ''wasm-unsafe-eval''/.test(m.text());
    if (m.type() === 'error' && !oldEngineOnStrictPage) problems.push(`console error: ${m.text()}`);
  });
  try {
    const t0 = Date.now();
    await page.goto(appUrl);
    await page.waitForSelector('textarea#report-input', { timeout: 90000 });
    const where = await page.evaluate(() => ({
      url: location.href,
      csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]').content,
      ua: navigator.userAgent,
    }));
    ok(true, `${name}: the app starts in ${Date.now() - t0} ms (${where.ua.match(/(HeadlessChrome|Chrome|Firefox)\/[0-9.]+/)?.[0] ?? where.ua})`);
    if (expectCompat) {
      ok(where.url.endsWith('compat.html') && /'unsafe-eval'/.test(where.csp), `${name}: sent to compat.html, whose policy lets it compile wasm`, where.url);
    } else {
      ok(!where.url.endsWith('compat.html') && !/'unsafe-eval'/.test(where.csp), `${name}: keeps the strict page (no 'unsafe-eval')`, `${where.url} ${where.csp}`);
    }

    const seed = join(FIXTURES, '002_e8b339a04b4c8932.txt');
    const seedText = readFileSync(seed, 'utf8');
    if (canPaste) {
      await page.evaluate((text) => {
        const area = document.querySelector('textarea#report-input');
        area.focus();
        area.select();
        const data = new DataTransfer();
        data.setData('text/plain', text);
        area.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      }, seedText);
      await page.waitForSelector('#doc mark[data-indicator]', { timeout: 30000 });
      await sameHighlights(page, `${name}: seed 002 pasted`, seed, seedText);
    } else {
      await dropFile(page, readFileSync(seed), 'seed-002.txt');
      await waitNotice(page, `${name}: seed 002 dropped`, 'seed-002.txt');
      await sameHighlights(page, `${name}: seed 002 dropped`, seed, seedText);
    }

    // The sample report comes from the reader worker.
    const before = await page.evaluate(() => {
      [...document.querySelectorAll('button')].find((b) => b.textContent.includes('示例报告')).click();
      return document.getElementById('doc').textContent.length;
    });
    await page.waitForFunction((before) => {
      const n = document.querySelector('.notice');
      const doc = document.getElementById('doc');
      return (n && /出错|失败|无法/.test(n.textContent)) || (doc && doc.textContent.length !== before && doc.querySelector('mark[data-indicator]'));
    }, { timeout: 90000 }, before);
    const sampleNotice = await page.evaluate(() => (document.querySelector('.notice') || {}).textContent || '');
    ok(!/出错|失败|无法/.test(sampleNotice), `${name}: 示例报告 read by the worker`, sampleNotice);
    const sample = join(FIXTURES, '000_4650dba7b757251d.txt');
    await sameHighlights(page, `${name}: the sample report (read by the worker)`, sample, readFileSync(sample, 'utf8'));

    for (const [file, label] of [['doc/numbered.docx', 'a dropped .docx'], ['pdf/chromium-002.pdf', 'a dropped PDF']]) {
      const path = join(FIXTURES, file);
      await dropFile(page, readFileSync(path), basename(path));
      await waitNotice(page, `${name}: ${label}`, basename(path));
      await sameHighlights(page, `${name}: ${label} (${basename(path)}, read by the worker)`, path, null);
    }

    // An export: the file the app hands to the browser, caught where it is made.
    const csv = await page.evaluate(async () => {
      const made = [];
      const create = URL.createObjectURL;
      URL.createObjectURL = function (blob) {
        made.push(blob);
        return create.call(URL, blob);
      };
      try {
        document.getElementById('export-csv').click();
        for (let i = 0; i < 100 && made.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
      } finally {
        URL.createObjectURL = create;
      }
      if (!made.length) return null;
      const bytes = new Uint8Array(await new Response(made[0]).arrayBuffer());
      return { bom: bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf, text: new TextDecoder().decode(bytes) };
    });
    const expectedRows = cli('csv', join(FIXTURES, 'pdf/chromium-002.pdf')).replace(/^\uFEFF/, '').split(/\r?\n/).filter(Boolean).length;
    const rows = csv ? csv.text.replace(/^\uFEFF/, '').split(/\r?\n/).filter(Boolean).length : 0;
    ok(csv && csv.bom && rows === expectedRows, `${name}: 导出 CSV makes a file (BOM, ${rows} lines; the CLI's: ${expectedRows})`);
  } catch (e) {
    ok(false, `${name}: ${e.message || e}`);
  } finally {
    ok(problems.length === 0, `${name}: no page or console errors`, problems.slice(0, 5).join('\n        '));
    await page.close().catch(() => {});
  }
}

// ---- old Chromium from npm --------------------------------------------------------------------------
function oldChromium(version) {
  const packed = join(HERE, 'node_modules', `chrome-aws-lambda-${version}`, 'bin', 'chromium.br');
  const out = join(HERE, 'node_modules', '.report-lens', `chromium-${version}`, 'chromium');
  if (!existsSync(out)) {
    if (!existsSync(packed)) return null;
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, brotliDecompressSync(readFileSync(packed)));
    chmodSync(out, 0o755);
  }
  return out;
}

async function withOldChromium(version, fn) {
  if (process.env.REPORT_LENS_SKIP_OLD_CHROMIUM) return skip(`Chromium ${version}: ${process.env.REPORT_LENS_SKIP_OLD_CHROMIUM}`);
  if (process.platform !== 'linux' || process.arch !== 'x64') return skip(`Chromium ${version}: npm's chrome-aws-lambda builds run on Linux x86_64 only`);
  const exe = oldChromium(version);
  if (!ok(exe !== null, `Chromium ${version} from npm chrome-aws-lambda (npm ci in tests/browser)`)) return;
  const profile = mkdtempSync(join(tmpdir(), `report-lens-chromium-${version}-`));
  const browser = await puppeteer5.launch({
    executablePath: exe,
    headless: true,
    userDataDir: profile,
    args: [...CHROMIUM_FLAGS, '--single-process', '--no-zygote'],
  });
  try {
    await fn(browser);
  } finally {
    await browser.close().catch(() => {});
    rmSync(profile, { recursive: true, force: true });
  }
}

async function main() {
  if (!existsSync(join(DIST, 'index.html'))) {
    console.error(`no ${DIST}/index.html: run 'trunk build --release' first`);
    process.exit(2);
  }
  const server = await serve(DIST, SUB_PATH);
  const appUrl = `http://127.0.0.1:${server.address().port}${SUB_PATH}`;
  try {
    if (wanted('baseline')) await baseline();

    for (const version of ['83', '89']) {
      if (!wanted(`chromium-${version}`)) continue;
      console.log(`\n== Chromium ${version} (npm chrome-aws-lambda, puppeteer-core 5)`);
      await withOldChromium(version, (browser) => smoke(`Chromium ${version}`, browser, appUrl, { expectCompat: true, canPaste: true }));
    }

    if (wanted('single-file')) {
      console.log('\n== the one-file build in Chromium 83, from file://');
      execFileSync('node', [join(ROOT, 'scripts', 'build-single-file.mjs'), '--dist', DIST, '--out', join(DIST, 'report-lens.html')], { stdio: ['ignore', 'inherit', 'inherit'] });
      await withOldChromium('83', (browser) => singleFile(browser));
    }

    if (wanted('firefox')) {
      console.log('\n== Firefox ESR (puppeteer-core, WebDriver BiDi)');
      if (process.env.REPORT_LENS_SKIP_FIREFOX) skip(`Firefox ESR: ${process.env.REPORT_LENS_SKIP_FIREFOX}`);
      else if (ok(existsSync(FIREFOX), `Firefox at ${FIREFOX} (scripts/setup.sh installs firefox-esr on Debian)`)) {
        const browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true, protocol: 'webDriverBiDi' });
        try {
          await smoke('Firefox ESR', browser, appUrl, { expectCompat: false, canPaste: false });
        } finally {
          await browser.close().catch(() => {});
        }
      }
    }

    if (wanted('simulated')) {
      console.log('\n== simulated old browsers (current Chromium)');
      const profile = mkdtempSync(join(tmpdir(), 'report-lens-simulated-'));
      const browser = await puppeteer.launch({ executablePath: CHROMIUM, headless: true, userDataDir: profile, args: CHROMIUM_FLAGS });
      try {
        await simulated(browser, appUrl);
      } finally {
        await browser.close().catch(() => {});
        rmSync(profile, { recursive: true, force: true });
      }
    }
  } finally {
    server.close();
  }
  console.log(failures ? `\n${failures} check(s) FAILED` : `\nall compatibility checks passed${skipped.length ? ` (${skipped.length} skipped: ${skipped.join('; ')})` : ''}`);
  process.exit(failures ? 1 : 0);
}

// report-lens.html names its compatibility file to an old engine; that file runs, and reads a
// dropped file with its embedded (blob:) reader.
async function singleFile(browser) {
  const page = await browser.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message || e}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/invalid source: ''wasm-unsafe-eval''/.test(m.text())) problems.push(`console error: ${m.text()}`);
  });
  try {
    await page.goto(`file://${join(DIST, 'report-lens.html')}`);
    await page.waitForSelector('#unsupported', { timeout: 30000 });
    const said = await page.evaluate(() => ({
      text: document.getElementById('unsupported').textContent,
      link: document.querySelector('#unsupported a').getAttribute('href'),
    }));
    ok(/兼容版/.test(said.text) && said.link === 'report-lens-compat.html', `report-lens.html tells Chromium 83 to open report-lens-compat.html (${said.text.slice(0, 40)}…)`, JSON.stringify(said));
    await page.click('#unsupported a');
    await page.waitForSelector('textarea#report-input', { timeout: 60000 });
    ok(page.url().endsWith('report-lens-compat.html'), 'its link opens report-lens-compat.html, which starts');
    const pdf = join(FIXTURES, 'pdf', 'chromium-002.pdf');
    await dropFile(page, readFileSync(pdf), basename(pdf));
    await waitNotice(page, 'report-lens-compat.html: a dropped PDF', basename(pdf));
    await sameHighlights(page, 'report-lens-compat.html: a dropped PDF (its blob: reader)', pdf, null);
  } catch (e) {
    ok(false, `the one-file build in Chromium 83: ${e.message || e}`);
  } finally {
    ok(problems.length === 0, 'the one-file build in Chromium 83: no page or console errors', problems.slice(0, 5).join('\n        '));
    await page.close().catch(() => {});
  }
}

// A browser without WebAssembly, one without module scripts, and one whose policy refuses wasm.
async function simulated(browser, appUrl) {
  const cases = [
    ['without WebAssembly', () => { delete window.WebAssembly; }, /WebAssembly/],
    ['without module scripts', () => { delete HTMLScriptElement.prototype.noModule; }, /模块脚本/],
  ];
  for (const [label, patch, missing] of cases) {
    const page = await browser.newPage();
    await page.evaluateOnNewDocument(patch);
    await page.goto(appUrl);
    await page.waitForSelector('#unsupported', { timeout: 20000 }).catch(() => {});
    const state = await page.evaluate(() => ({
      message: document.getElementById('unsupported')?.textContent ?? '',
      loading: Boolean(document.getElementById('loading')),
      app: Boolean(document.querySelector('textarea#report-input')),
    }));
    ok(missing.test(state.message) && /极速模式/.test(state.message) && /report-lens\.html/.test(state.message) && !state.loading && !state.app,
      `${label}: a Chinese message replaces 正在载入… (${state.message.slice(0, 60)}…)`, JSON.stringify(state));
    await page.close();
  }
  // Wasm compilation refused, as an engine that predates 'wasm-unsafe-eval' does: sent once to
  // compat.html, which says so when it cannot compile either (no loop).
  const page = await browser.newPage();
  const navigations = [];
  page.on('framenavigated', (f) => { if (f === page.mainFrame()) navigations.push(f.url()); });
  await page.evaluateOnNewDocument(() => {
    WebAssembly.Module = function () { throw new WebAssembly.CompileError('refused by the test'); };
  });
  await page.goto(appUrl);
  await page.waitForSelector('#unsupported', { timeout: 20000 }).catch(() => {});
  const state = await page.evaluate(() => ({ url: location.href, message: document.getElementById('unsupported')?.textContent ?? '' }));
  ok(state.url.endsWith('compat.html') && /禁止运行 WebAssembly/.test(state.message) && navigations.length === 2,
    `wasm refused: sent to compat.html once, which explains (${navigations.length} navigations)`, JSON.stringify(state));
  await page.close();
  // And a current Chromium stays on the strict page and runs.
  const modern = await browser.newPage();
  await modern.goto(appUrl);
  await modern.waitForSelector('textarea#report-input', { timeout: 20000 });
  const where = await modern.evaluate(() => ({ url: location.href, csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]').content }));
  ok(!where.url.endsWith('compat.html') && !/'unsafe-eval'/.test(where.csp), 'current Chromium runs the strict page (no \'unsafe-eval\')', where.url);
  await modern.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
