// Prints report texts as A4 PDFs in headless Chromium (see scripts/make-pdf-fixtures.sh).
//
//   node scripts/pdf-fixtures.mjs OUT.pdf TEXT.txt STYLE
//
// The first line of the text becomes a centred title, every other non-empty line a paragraph
// with a 2-em first-line indent, justified, in WenQuanYi Micro Hei. STYLE picks the page
// chrome: "header" (a running header and "— N —"), "dash" ("- N -"), "total" ("第 N 页 共 M
// 页"). Needs playwright-core (npm ci in tests/browser) and /usr/bin/chromium.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const require = createRequire(join(dirname(fileURLToPath(import.meta.url)), '../tests/browser/package.json'));
const { chromium } = require('playwright-core');

const [out, textFile, style] = process.argv.slice(2);
const lines = readFileSync(textFile, 'utf8').split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const [title, ...body] = lines;
const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>
  body { font-family: "WenQuanYi Micro Hei"; font-size: 16pt; line-height: 28pt; margin: 0;
         text-align: justify; }
  h1 { font-size: 22pt; line-height: 34pt; text-align: center; font-weight: normal;
       margin: 0 0 28pt; }
  p { margin: 0; text-indent: 2em; }
</style></head><body><h1>${escape(title)}</h1>
${body.map((l) => `<p>${escape(l)}</p>`).join('\n')}
</body></html>`;

const chrome = 'font-family: \'WenQuanYi Micro Hei\'; font-size: 10.5pt; width: 100%; text-align: center;';
const footers = {
  header: `<div style="${chrome}">— <span class="pageNumber"></span> —</div>`,
  dash: `<div style="${chrome}">- <span class="pageNumber"></span> -</div>`,
  total: `<div style="${chrome}">第 <span class="pageNumber"></span> 页 共 <span class="totalPages"></span> 页</div>`,
};
const header = style === 'header'
  ? `<div style="${chrome} border-bottom: 0.5pt solid #000; margin: 0 26mm 0 28mm;">${escape(title.split(/\s/)[0].slice(0, 16))}</div>`
  : '<span></span>';

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const page = await browser.newPage();
await page.setContent(html, { waitUntil: 'load' });
await page.pdf({
  path: out,
  format: 'A4',
  displayHeaderFooter: true,
  headerTemplate: header,
  footerTemplate: footers[style] ?? footers.header,
  margin: { top: '37mm', bottom: '35mm', left: '28mm', right: '26mm' },
});
await browser.close();
