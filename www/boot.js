// Starts the app. Trunk's default loader is an inline <script>, which a strict
// Content-Security-Policy forbids; Trunk.toml's `pattern_script` loads this file instead and
// passes the hashed file names in data attributes.
const tag = document.querySelector('script[data-wasm]');
const { default: init } = await import(tag.dataset.js);
await init({ module_or_path: tag.dataset.wasm });
document.getElementById('loading')?.remove();
