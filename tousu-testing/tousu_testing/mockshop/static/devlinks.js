/* Mock shop only. Pages link to the real hosts (//rights.taobao.com/...), as the real site does.
   A routed browser (tests, extension dev) follows them as they are. A developer who opened the
   mock's own address (http://127.0.0.1:PORT/buyertrade.taobao.com/...) would leave the mock, so
   there, and only there, clicks are rewritten to the mock path (/rights.taobao.com/...). */
(function () {
  var REAL = /(^|\.)(taobao|tmall|alicdn)\.com$/;
  var direct = !REAL.test(location.hostname);
  var currentHost = direct ? location.pathname.split('/')[1] : location.hostname;

  function mockPath(url) {
    if (!url || !direct) return url;
    var m = /^(?:https?:)?\/\/([^/]+)(.*)$/.exec(url);
    if (m) return '/' + m[1] + (m[2] || '/');
    if (url.charAt(0) === '/') return '/' + currentHost + url;
    return url;
  }
  window.__tousuMockPath = mockPath;

  if (!direct) return;
  document.addEventListener('click', function (event) {
    var a = event.target.closest ? event.target.closest('a[href]') : null;
    if (!a) return;
    var href = a.getAttribute('href');
    if (!/^(https?:)?\/\//.test(href)) return;
    event.preventDefault();
    location.href = mockPath(href);
  }, true);
})();
