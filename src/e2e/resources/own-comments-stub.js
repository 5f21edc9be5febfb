/*
 * The service's part of issue 15 for the reader's own comments, as its contract describes it, played inside the page
 * for OwnCommentsContractBrowserTest: a real 201 gains editToken and editableUntil (now + arguments[0] minutes);
 * GET, PATCH and DELETE /api/comments/{id} with a Comment-Token answer from what is kept in sessionStorage (so a
 * reload keeps it). arguments[1], when given, is the status an edit leaves the comment in (say "PENDING").
 * Everything else goes to the real service.
 */
(function (editMinutes, statusAfterEdit) {
  if (window.__ownStub) return;
  window.__ownStub = true;
  var KEY = 'e2e-own-stub';
  var real = window.fetch;
  window.__stubCalls = [];

  function load() {
    try { return JSON.parse(sessionStorage.getItem(KEY)) || {}; } catch (e) { return {}; }
  }
  function save(all) { sessionStorage.setItem(KEY, JSON.stringify(all)); }
  function answer(status, body) {
    var json = status >= 400 ? 'application/problem+json' : 'application/json';
    return Promise.resolve(new Response(body === null ? null : JSON.stringify(body),
      { status: status, headers: body === null ? {} : { 'Content-Type': json } }));
  }
  function problem(status, slug) {
    return answer(status, { type: '/problems/' + slug, title: slug, status: status });
  }
  function html(text) {
    return '<p>' + text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;') + '</p>';
  }

  window.fetch = function (url, init) {
    init = init || {};
    var method = init.method || 'GET';
    var path = new URL(String(url), location.href).pathname;
    var token = init.headers && init.headers['Comment-Token'];
    var own = path.match(/^\/api\/comments\/(\d+)$/);
    if (own && token) {
      window.__stubCalls.push(method + ' ' + path);
      var all = load();
      var kept = all[own[1]];
      if (!kept || kept.editToken !== token) return problem(404, 'not-found');
      if (method === 'GET') return answer(200, kept.view);
      if (method === 'PATCH') {
        if (Date.parse(kept.view.editableUntil) <= Date.now()) return problem(403, 'edit-window-closed');
        var text = JSON.parse(init.body).body;
        kept.view.body = text;
        kept.view.bodyHtml = html(text);
        kept.view.editedAt = new Date().toISOString();
        if (statusAfterEdit) kept.view.status = statusAfterEdit;
        save(all);
        return answer(200, kept.view);
      }
      if (method === 'DELETE') {
        delete all[own[1]];
        save(all);
        return answer(204, null);
      }
      return problem(405, 'method-not-allowed');
    }
    var posting = method === 'POST' && /^\/api\/articles\/([^/]+)\/comments$/.exec(path);
    return real.apply(this, arguments).then(function (response) {
      if (!posting || response.status !== 201) return response;
      return response.json().then(function (body) {
        body.editToken = 'stub-token-' + body.id;
        body.editableUntil = new Date(Date.now() + editMinutes * 60000).toISOString();
        var all = load();
        all[body.id] = { editToken: body.editToken, view: {
          id: body.id, articleId: decodeURIComponent(posting[1]), parentId: body.parentId,
          authorName: body.authorName, authorUrl: body.authorUrl, status: body.status, body: body.body,
          bodyHtml: body.bodyHtml, createdAt: body.createdAt, editedAt: null, editableUntil: body.editableUntil } };
        save(all);
        return new Response(JSON.stringify(body), { status: 201, headers: { 'Content-Type': 'application/json' } });
      });
    });
  };
})(arguments[0], arguments[1]);
