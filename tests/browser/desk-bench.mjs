// How soon the 审查台 with 300 reports opens after a reload (clicked as soon as the toolbar is
// there), with a restored report (seed 004) and without, and with the reader worker blocked;
// prints the page's long tasks. Not part of the suite (the suite times the desk once):
//
//   node tests/browser/desk-bench.mjs [RUNS] [DIST]
import { chromium } from 'playwright-core';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './serve.mjs';
import { addReports, openDeskTimed } from './desk.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..', '..');
const DIST = resolve(process.argv[3] ?? join(ROOT, 'dist'));
const runs = Number(process.argv[2] ?? 3);
const seed = readFileSync(join(ROOT, 'tests', 'fixtures', readdirSync(join(ROOT, 'tests', 'fixtures')).find((f) => f.startsWith('004') && f.endsWith('.txt'))), 'utf8');
const server = await serve(DIST, '/p/');
const url = `http://127.0.0.1:${server.address().port}/p/`;
const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'desk-')), { executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true });
const page = await context.newPage();
await page.addInitScript(() => { window.__lt = []; new PerformanceObserver((l) => window.__lt.push(...l.getEntries().map((e) => `${e.startTime.toFixed(0)}+${e.duration.toFixed(0)}`))).observe({ type: 'longtask', buffered: true }); });
const logs = [];
page.on('console', (m) => logs.push(m.text()));
await page.goto(url);
await page.waitForSelector('#view-desk');
await addReports(page, 300);
for (let r = 0; r < runs; r++) {
  for (const [restore, block] of [[true, false], [true, true], [false, false]]) {
    if (block) await page.route('**/reader.js*', (r) => r.abort()); else await page.unroute('**/reader.js*');
    // The open report is the desk entry report-lens:current names: seed 004's, added once.
    await page.evaluate(({ restore, seed }) => new Promise((resolve) => {
      if (!restore) { localStorage.removeItem('report-lens:current'); return resolve(); }
      const id = 1e12 + 0.25;
      const open = indexedDB.open('report-lens', 1);
      open.onsuccess = () => {
        const db = open.result;
        const t = db.transaction(['reports', 'texts'], 'readwrite');
        t.objectStore('reports').put({ id, name: '004.txt', kind: 'UTF-8', added: id, opened: 0, status: 'Pending', note: '', title: null, issuer: null, year: null, score: null, problems: 0 });
        t.objectStore('texts').put(seed, id);
        t.oncomplete = () => { db.close(); localStorage.setItem('report-lens:current', `${id} ${Date.now()}`); resolve(); };
      };
    }), { restore, seed });
    logs.length = 0;
    await page.reload();
    await page.waitForSelector('#view-desk');
    const timed = await openDeskTimed(page, 300);
    const desk = { loaded: timed.loaded, first: timed.first - timed.loaded, all: timed.shown - timed.loaded, lt: await page.evaluate(() => window.__lt.join(' ')) };
    console.log(`restore=${restore} block=${block}: loaded at ${desk.loaded.toFixed(0)} ms, first rows +${desk.first.toFixed(0)}, all +${desk.all.toFixed(0)} long tasks: ${desk.lt}  ${logs.filter((l) => l.includes('desk')).join(' | ')}`);
  }
}
await context.close();
server.close();
