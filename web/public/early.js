/*
 * Starts the first view's requests while the console's code is still downloading: the server's health, the
 * session, the layer catalogue and the map style. web/src/api/client.ts takes each answer once, for the same path, instead of asking
 * again. A classic script from our own origin (the page's Content Security Policy allows no inline script).
 */
(function () {
  var lang = /(?:^#|&)lang=en(?:&|$)/.test(location.hash) ? 'en' : 'zh-CN';
  var get = function (p) {
    return fetch(p, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  };
  var early = { '/api/health': get('/api/health'), '/api/session': get('/api/session') };
  // The catalogue and the style only for a signed-in browser: signed out they would answer 401 (an error in the
  // console, and an answer the page could not use). Chained on the session's answer, still while the code loads.
  // The signed-in user (or null) is kept for web/src/map/earlyMap.ts, which starts the console's map with it.
  var user = early['/api/session'].then(function (r) {
    return r.clone().json().then(function (s) { return (s && s.user) || null; });
  });
  var signedIn = user.then(function (u) { return !!u; });
  ['/api/layers', '/api/style.json?lang=' + lang].forEach(function (p) {
    early[p] = signedIn.then(function (yes) {
      if (!yes) throw new Error('signed out');
      return get(p);
    });
  });
  Object.keys(early).forEach(function (p) {
    early[p].catch(function () {}); // an unused failure must not be reported as unhandled
  });
  user.catch(function () {});
  window.__gcEarly = early;
  window.__gcEarlyUser = user;
})();
