// Starts report-lens's reader in a Web Worker (see www/reader and src/platform/reader.rs):
// wasm-bindgen's no-modules glue and the reader's wasm, both fetched with this script's own
// `?v=` so that a new page never runs an old, cached reader.
const v = new URL(self.location.href).searchParams.get('v') || '';
importScripts(`./report-lens-reader.js?v=${v}`);
wasm_bindgen({ module_or_path: `./report-lens-reader_bg.wasm?v=${v}` });
