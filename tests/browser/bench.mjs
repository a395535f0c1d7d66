// Analysis speed in the browser, to compare builds (e.g. before and after a change of wasm
// baseline or engine):
//
//   node tests/browser/bench.mjs [--dist DIR]... [--runs N] [--seed 004]
//
// For each dist/ given (default: <repo>/dist), current Chromium ($CHROMIUM or /usr/bin/chromium,
// driven by playwright-core) loads the app, pastes the seed N times (default 15) and reads the
// analysis time the page reports (`#summary[data-analysis-ms]`, measured with performance.now()
// around the core's analyze in wasm; each paste carries a run mark, since the app skips a paste
// that changes nothing). Prints the first (cold) paste and the median and minimum
// of the warm ones. The builds are measured in turns, run by run, so machine load falls on both.
import { chromium } from 'playwright-core';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './serve.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..', '..');
const args = process.argv.slice(2);
const all = (name) => args.flatMap((a, i) => (a === name && args[i + 1] ? [args[i + 1]] : []));
const dists = (all('--dist').length ? all('--dist') : [join(ROOT, 'dist')]).map((d) => resolve(d));
const runs = Number(all('--runs')[0] ?? 15);
const seedPrefix = all('--seed')[0] ?? '004';
const FIXTURES = join(ROOT, 'tests', 'fixtures');
const seedFile = readdirSync(FIXTURES).find((f) => f.startsWith(seedPrefix) && f.endsWith('.txt'));
const text = readFileSync(join(FIXTURES, seedFile), 'utf8');

// Pastes `text` with a mark of run `k` (the app skips a paste that changes nothing) and returns
// the analysis time the page reports once the marked text is on screen.
async function paste(page, text, k) {
  return page.evaluate(async ({ text, k }) => {
    if (!document.querySelector('textarea#report-input')) document.getElementById('toggle-edit').click();
    while (!document.querySelector('textarea#report-input')) await new Promise((r) => setTimeout(r, 1));
    const area = document.querySelector('textarea#report-input');
    area.focus();
    area.select();
    const mark = `（第${k}遍）`;
    const data = new DataTransfer();
    data.setData('text/plain', `${text}\n${mark}`);
    area.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    for (;;) {
      const doc = document.getElementById('doc');
      const s = document.getElementById('summary');
      if (doc && s && doc.textContent.includes(mark)) return Number(s.dataset.analysisMs);
      await new Promise((r) => setTimeout(r, 1));
    }
  }, { text, k });
}

const profile = mkdtempSync(join(tmpdir(), 'report-lens-bench-'));
const browser = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const pages = [];
const servers = [];
for (const dist of dists) {
  const server = await serve(dist, '/bench/');
  servers.push(server);
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${server.address().port}/bench/`);
  await page.waitForSelector('textarea#report-input', { timeout: 30000 });
  pages.push({ dist, page, times: [] });
}
for (let k = 0; k < runs; k++) {
  for (const p of pages) {
    await p.page.bringToFront();
    p.times.push(await paste(p.page, text, k));
  }
}
for (const p of pages) {
  const warm = p.times.slice(1).sort((a, b) => a - b);
  const median = warm[Math.floor(warm.length / 2)];
  console.log(`${p.dist}: seed ${seedPrefix} analysis in wasm: cold ${p.times[0].toFixed(1)} ms, warm median ${median.toFixed(2)} ms, min ${warm[0].toFixed(2)} ms (${warm.length} runs)`);
}
await browser.close();
for (const s of servers) s.close();
rmSync(profile, { recursive: true, force: true });
