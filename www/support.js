// Runs before the app, as a classic script that every browser parses (ES5: no modules, no
// arrows, no `let`), so that a browser which cannot run report-lens says so in Chinese instead
// of showing "正在载入…" forever:
//
// - no WebAssembly, no module scripts, no fetch or Promise (IE, 360's IE mode, very old
//   kernels): a message naming the browsers that work;
// - wasm compilation refused by the page's Content-Security-Policy: engines that predate the
//   CSP source 'wasm-unsafe-eval' (Chromium < 97, Firefox < 102, Safari < 16) compile wasm only
//   under 'unsafe-eval'. They are sent to the compatibility page (`data-compat-page` on <html>:
//   compat.html on the site), the same app whose policy adds 'unsafe-eval'; every other
//   browser keeps the strict policy (README, "Security"). The one-file build has no page to
//   go to: it names its compatibility file instead.
// - the app's module loader (boot.js) did not run or failed: the same message, with the reason.
//
// `window.reportLensFail(reason)` is the one place that writes the message; boot.js calls it.
(function () {
  var root = document.documentElement;
  var compatPage = root.getAttribute('data-compat-page');
  var isCompat = root.hasAttribute('data-compat');
  var shown = false;

  function el(tag, text) {
    var node = document.createElement(tag);
    if (text) node.appendChild(document.createTextNode(text));
    return node;
  }

  // Replaces "正在载入…" with a message: a title, paragraphs, and an optional link.
  function show(title, lines, link) {
    if (shown) return;
    shown = true;
    window.reportLensStopped = true;
    var box = el('div');
    box.id = 'unsupported';
    box.className = 'unsupported';
    box.setAttribute('role', 'alert');
    box.appendChild(el('h1', title));
    for (var i = 0; i < lines.length; i++) box.appendChild(el('p', lines[i]));
    if (link) {
      var a = el('a', '打开兼容版');
      a.setAttribute('href', link);
      box.appendChild(a);
    }
    var loading = document.getElementById('loading');
    if (loading) loading.parentNode.replaceChild(box, loading);
    else document.body.appendChild(box);
  }

  var ADVICE = '请使用新版 360、奇安信或统信 UOS 浏览器（极速模式），或 Chrome、Edge、Firefox。';
  var SINGLE = '离线使用可下载单文件版 report-lens.html。';

  function unsupported(missing) {
    show('此浏览器无法运行 report-lens', ['缺少' + missing + '。', ADVICE, SINGLE]);
  }

  window.reportLensFail = function (reason) {
    show('report-lens 未能启动', ['出错：' + String(reason || '未知原因'), ADVICE, '刷新页面可重试；已输入的报告保存在本机。']);
  };

  var missing = [];
  if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') missing.push('WebAssembly');
  if (!('noModule' in document.createElement('script'))) missing.push('模块脚本（ES 模块）');
  if (typeof fetch !== 'function' || typeof Promise !== 'function') missing.push('fetch');
  if (missing.length) {
    unsupported(missing.join('、'));
    return;
  }

  // Can this page compile wasm? The smallest module (magic and version only).
  var compiles = true;
  try {
    new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));
  } catch (e) {
    compiles = false;
  }
  if (!compiles) {
    if (isCompat || !compatPage) {
      show('此浏览器禁止运行 WebAssembly', [ADVICE, SINGLE]);
    } else if (/^https?:$/.test(location.protocol)) {
      window.reportLensStopped = true;
      location.replace(compatPage + location.search + location.hash);
    } else {
      // The one-file build, opened from disk: its compatibility file sits beside it.
      show('请改用兼容版', ['此浏览器内核较旧，请打开同一文件夹中的兼容版 ' + compatPage + '。'], compatPage);
    }
    return;
  }

  // boot.js (a module) marks itself started; a browser that could not parse it never does.
  window.addEventListener('load', function () {
    if (!window.reportLensBooting && !window.reportLensStopped) unsupported('所需的脚本功能（浏览器版本过旧）');
  });
})();
