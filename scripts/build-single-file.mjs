#!/usr/bin/env node
// Writes report-lens.html: the whole web app in one self-contained file (script, wasm, styles
// and icon inlined) that works when double-clicked from a folder or a USB stick — no server,
// for intranets where nobody can host anything.
//
//   trunk build --release && node scripts/build-single-file.mjs [--dist dist] [--out FILE]
//
// Default output: dist/report-lens.html (so a Pages deployment offers it as a download too).
// The wasm is embedded as base64 and instantiated from bytes (file:// pages cannot fetch).
// The reader worker (file readers, big analyses) is embedded too and started from a blob:
// URL that the app finds in `globalThis.reportLensReader` (file:// pages cannot start a
// worker from a file). The page keeps a strict Content-Security-Policy: the one inline
// script and the one inline style are allowed by their SHA-256 hashes, workers only from
// blob:, and nothing may be fetched at all.
//
// Beside it, report-lens-compat.html: the same file under a policy that adds 'unsafe-eval', for
// engines that predate 'wasm-unsafe-eval' (Chromium < 97, Firefox < 102, Safari < 16). The
// strict file's support script names it to those engines (it cannot navigate for them: a
// file:// page may not know whether its sibling was copied too).

import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compatPage, stripComments } from './finish-site.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : dflt;
};
const DIST = resolve(opt('--dist', join(ROOT, 'dist')));
const OUT = resolve(opt('--out', join(DIST, 'report-lens.html')));
const COMPAT_NAME = 'report-lens-compat.html';
const COMPAT_OUT = join(dirname(OUT), COMPAT_NAME);

function die(msg) {
  console.error(`build-single-file: ${msg}`);
  process.exit(1);
}

const indexPath = join(DIST, 'index.html');
if (!existsSync(indexPath)) die(`no ${indexPath}: run 'trunk build --release' first`);
const index = readFileSync(indexPath, 'utf8');

// Trunk's output names are hashed: take them from the tags it wrote. Its minifier drops
// quotes that HTML does not need, so values are read with or without them.
const value = (tag, name) => tag.match(new RegExp(`\\b${name}=(?:"([^"]*)"|([^\\s>]+))`))?.slice(1).find((v) => v !== undefined);
const tagWith = (re) => index.match(re)?.[0];
const named = (v, what) => (v ?? die(`cannot find ${what} in ${indexPath}`)).replace(/^\.\//, '');
const boot = tagWith(/<script\b[^>]*\bdata-wasm=[^>]*>/);
const jsName = named(boot && value(boot, 'data-js'), 'the script (data-js)');
const wasmName = named(boot && value(boot, 'data-wasm'), 'the wasm (data-wasm)');
const styleTag = tagWith(/<link\b[^>]*\brel="?stylesheet\b[^>]*>/);
const cssName = named(styleTag && value(styleTag, 'href'), 'the stylesheet');
const iconTag = tagWith(/<link\b[^>]*\brel="?icon\b[^>]*>/);
const iconName = iconTag && value(iconTag, 'href')?.replace(/^\.\//, '');

// The wasm-bindgen glue is an ES module; inline it as a module script without its exports.
let glue = readFileSync(join(DIST, jsName), 'utf8');
if (/^\s*import\s/m.test(glue)) die('the glue imports other modules (wasm-bindgen snippets); inline them first');
glue = glue.replace(/^export\s*\{[^}]*\};?\s*$/gm, '');
if (/^export\s/m.test(glue)) die('unexpected export statement left in the glue');
if (!glue.includes('function __wbg_init')) die('the glue has no __wbg_init');

const wasm = readFileSync(join(DIST, wasmName));
const css = readFileSync(join(DIST, cssName), 'utf8');
// The reader worker: trunk writes it unhashed, as the no-modules glue and its wasm.
const readerGlue = readFileSync(join(DIST, 'report-lens-reader.js'), 'utf8');
const readerWasm = readFileSync(join(DIST, 'report-lens-reader_bg.wasm'));
if (!readerGlue.includes('wasm_bindgen')) die('report-lens-reader.js is not the no-modules glue');
// The FinalizationRegistry fallback of www/reader.js, for the same minified glue.
const readerPolyfill = readFileSync(join(DIST, 'reader.js'), 'utf8').match(/^if \(typeof FinalizationRegistry[^]*?\n\}\n/m)?.[0];
if (!readerPolyfill) die('reader.js has no FinalizationRegistry fallback');
const readerSource = `${readerPolyfill}${readerGlue}
wasm_bindgen({ module_or_path: Uint8Array.from(atob("${readerWasm.toString('base64')}"), (c) => c.charCodeAt(0)) });
`;
const script = `${glue}
globalThis.reportLensReader = URL.createObjectURL(new Blob([${JSON.stringify(readerSource)}], { type: 'text/javascript' }));
const bytes = Uint8Array.from(atob("${wasm.toString('base64')}"), (c) => c.charCodeAt(0));
if (!window.reportLensStopped) {
  window.reportLensBooting = true;
  __wbg_init({ module_or_path: bytes }).then(() => {
    const loading = document.getElementById('loading');
    if (loading) loading.remove();
  }, (e) => {
    if (window.reportLensFail) window.reportLensFail((e && e.message) || e);
    console.error(e);
  });
}
`;
// The classic support script (www/support.js): the message for browsers that cannot run the app.
const support = `\n${stripComments(readFileSync(join(DIST, 'support.js'), 'utf8'))}`;
const style = `\n${css}\n`;
if (/<\/script/i.test(script + support) || /<\/style/i.test(style)) die('a closing tag inside the inlined code');
const sha256 = (s) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;
const csp = [
  "default-src 'none'",
  `script-src ${sha256(script)} ${sha256(support)} 'wasm-unsafe-eval'`,
  `style-src ${sha256(style)}`,
  'img-src data:',
  'worker-src blob:',
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

let html = index;
html = html.replace(/<meta\b[^>]*\bhttp-equiv="?Content-Security-Policy\b[^>]*>/, `<meta http-equiv="Content-Security-Policy" content="${csp}">`);
if (!html.includes(csp)) die('no Content-Security-Policy meta in index.html to replace');
// Drop every tag that would load a file: stylesheet, preloads, the boot script, the icon.
html = html.replace(/<link\b[^>]*\brel="?(?:stylesheet|modulepreload|preload|icon)\b[^>]*>/g, '');
html = html.replace(/<script\b[^>]*\bsrc=[^>]*><\/script>/g, '');
html = html.replace(/<!--[^]*?-->\s*/g, '');
if (/(?:src|href)="?\.\//.test(html)) die('a reference to another file is left in the page');
const icon = iconName
  ? `<link rel="icon" href="data:image/svg+xml;base64,${readFileSync(join(DIST, iconName)).toString('base64')}">`
  : '';
// A function replacement: `$` in the inlined code must stay literal.
html = html.replace('</head>', () => `  ${icon}\n  <style>${style}</style>\n  <script type="module">${script}</script>\n</head>`);
// support.js where the site has it: after "正在载入…", which it replaces with its message.
const loadingTag = /<p\b[^>]*\bid="?loading"?[^>]*>[^<]*<\/p>/;
if (!loadingTag.test(html)) die('no #loading paragraph in index.html');
html = html.replace(loadingTag, (p) => `${p}\n  <script>${support}</script>`);
if (!/data-compat-page="?compat\.html"?/.test(html)) die('no data-compat-page on <html> in index.html');
html = html.replace(/data-compat-page="?compat\.html"?/, `data-compat-page="${COMPAT_NAME}"`);

writeFileSync(OUT, html);
writeFileSync(COMPAT_OUT, compatPage(html));
const kb = (n) => `${Math.round(n / 1024)} KB`;
console.log(`build-single-file: wrote ${OUT} and ${COMPAT_NAME} (${kb(Buffer.byteLength(html))}; wasm ${kb(wasm.length)} and reader ${kb(readerWasm.length)} as base64)`);
