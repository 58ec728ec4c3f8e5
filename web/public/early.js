/*
 * Starts the first view's requests while the console's code is still downloading: the session, the layer
 * catalogue and the map style. web/src/api/client.ts takes each answer once, for the same path, instead of asking
 * again. A classic script from our own origin (the page's Content Security Policy allows no inline script).
 */
(function () {
  var lang = /(?:^#|&)lang=en(?:&|$)/.test(location.hash) ? 'en' : 'zh-CN';
  var paths = ['/api/session', '/api/layers', '/api/style.json?lang=' + lang];
  var early = {};
  paths.forEach(function (p) {
    early[p] = fetch(p, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    early[p].catch(function () {}); // an unused failure must not be reported as unhandled
  });
  window.__gcEarly = early;
})();
