#!/usr/bin/env node
// Trunk's post-build hook (Trunk.toml): finishes the site in trunk's staging folder.
//
//   node scripts/finish-site.mjs [DIR]      DIR defaults to $TRUNK_STAGING_DIR
//
// 1. compat.html: index.html with 'unsafe-eval' in place of 'wasm-unsafe-eval' in its script-src and `data-compat` on
//    <html>. Engines that predate the CSP source 'wasm-unsafe-eval' (Chromium < 97, Firefox <
//    102, Safari < 16) refuse to compile wasm under index.html's policy; support.js sends
//    exactly those to compat.html, so every other browser keeps the strict policy (README,
//    "Security" / "安全").
// 2. The hand-written loaders (support.js, boot.js) lose their comment lines: they are part of
//    the first load, and their documentation lives in www/.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const dir = resolve(process.argv[2] || process.env.TRUNK_STAGING_DIR || 'dist');
const die = (msg) => {
  console.error(`finish-site: ${msg}`);
  process.exit(1);
};

/** The compatibility variant of a page: the same document under a policy old engines obey. */
export function compatPage(html) {
  const meta = html.match(/<meta\b[^>]*\bhttp-equiv="?Content-Security-Policy"?[^>]*>/i);
  if (!meta) throw new Error('no Content-Security-Policy meta');
  if (!/script-src [^;"]*'wasm-unsafe-eval'/.test(meta[0])) throw new Error("the policy's script-src has no 'wasm-unsafe-eval'");
  // 'unsafe-eval' covers wasm in every engine; 'wasm-unsafe-eval' goes, since the engines sent
  // here log it as an invalid source.
  const relaxed = meta[0].replace(/(script-src [^;"]*)'wasm-unsafe-eval'/, "$1'unsafe-eval'");
  let out = html.replace(meta[0], relaxed);
  out = out.replace(/<html\b/i, '<html data-compat');
  if (!out.includes('data-compat ')) throw new Error('no <html> tag');
  return out;
}

/** Drops whole-line `//` comments and leading indentation (the loaders have no string spanning lines). */
export function stripComments(js) {
  return js
    .split('\n')
    .filter((line) => !/^\s*\/\//.test(line))
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .join('\n') + '\n';
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  const index = join(dir, 'index.html');
  if (!existsSync(index)) die(`no ${index}`);
  try {
    writeFileSync(join(dir, 'compat.html'), compatPage(readFileSync(index, 'utf8')));
  } catch (e) {
    die(`${index}: ${e.message}`);
  }
  for (const name of ['support.js', 'boot.js']) {
    const file = join(dir, name);
    if (!existsSync(file)) die(`no ${file}`);
    writeFileSync(file, stripComments(readFileSync(file, 'utf8')));
  }
  console.log(`finish-site: wrote ${join(dir, 'compat.html')}; stripped the loaders' comments`);
}
