// Starts the app. Trunk's default loader is an inline <script>, which a strict
// Content-Security-Policy forbids; Trunk.toml's `pattern_script` loads this file instead and
// passes the hashed file names in data attributes. support.js ran first and stopped here when
// this browser cannot run the app (it shows why). No top-level `await` and nothing newer than
// what Chromium 63 parses: old kernels must get as far as the message (issue 19).
window.reportLensBooting = true;
if (!window.reportLensStopped) {
  var tag = document.querySelector('script[data-wasm]');
  import(tag.dataset.js)
    .then(function (glue) {
      return glue.default({ module_or_path: tag.dataset.wasm });
    })
    .then(function () {
      var loading = document.getElementById('loading');
      if (loading) loading.remove();
    })
    .catch(function (e) {
      if (window.reportLensFail) window.reportLensFail((e && e.message) || e);
      console.error(e);
    });
}
