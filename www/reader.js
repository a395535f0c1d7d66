// Starts report-lens's reader in a Web Worker (see www/reader and src/platform/reader.rs):
// wasm-bindgen's no-modules glue and the reader's wasm, both fetched with this script's own
// `?v=` so that a new page never runs an old, cached reader.
//
// Trunk's minifier hoists the glue's globals into aliases (`a1=FinalizationRegistry`), which
// throws where FinalizationRegistry does not exist (Chromium < 84), defeating wasm-bindgen's own
// `typeof` fallback. Its fallback is defined here first: a registry that never finalizes (the
// page's glue is not minified and keeps its own check). scripts/build-single-file.mjs puts the
// same lines before the embedded reader.
if (typeof FinalizationRegistry === 'undefined') {
  self.FinalizationRegistry = function () {};
  self.FinalizationRegistry.prototype.register = function () {};
  self.FinalizationRegistry.prototype.unregister = function () {};
}
const v = new URL(self.location.href).searchParams.get('v') || '';
importScripts(`./report-lens-reader.js?v=${v}`);
wasm_bindgen({ module_or_path: `./report-lens-reader_bg.wasm?v=${v}` });
