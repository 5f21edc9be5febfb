/*
 * The reader's comment section. A page adds
 *   <script src="https://comments.example/embed/comments.js" defer></script>
 *   <div id="comments" data-article-id="my-article"></div>
 * and gets the approved comments, threaded, and the "Leave a Comment" form.
 *
 * This entry file stays a classic script on purpose: news sites already embed it with the tag above, and a classic
 * script is the one kind that every site's tag loads, that sees document.currentScript (where it came from) and that
 * can offer window.NewsComments at once. The section itself is ES modules (section.js and what it imports, with the
 * helpers the console shares in /shared/), brought in with import() from this script's own origin. On another site
 * that fetch is a CORS request, allowed for the same origins as the API (comments.cors.origins).
 *
 * Rules the section keeps: the only HTML it inserts is the server's bodyHtml (made safe by the server); every other
 * piece of the page is built with createElement and textContent. It loads nothing but its own files and the
 * service's API, all from the host that served this script.
 */
(function () {
  'use strict';

  var script = document.currentScript;
  var scriptUrl = script && script.src ? script.src : location.href;
  var waiting = [];      // elements given to NewsComments.mount before the modules arrived
  var mountNow = null;   // section.js's mount once loaded, or showFailure if they could not be

  function loadStylesheet() {
    var href = new URL('comments.css', scriptUrl).toString();
    var links = document.querySelectorAll('link[rel="stylesheet"]');
    for (var i = 0; i < links.length; i++) {
      if (links[i].href === href) return;
    }
    var link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    document.head.appendChild(link);
  }

  function mount(root) {
    if (mountNow) mountNow(root);
    else waiting.push(root);
  }

  /** Without its modules the section can still say, as text, that it could not load. */
  function showFailure(root) {
    if (!root || root.getAttribute('data-comments-started')) return;
    root.setAttribute('data-comments-started', 'failed');
    var note = document.createElement('p');
    note.setAttribute('role', 'status');
    note.textContent = 'The comments could not be loaded. Please try again later.';
    root.appendChild(note);
  }

  function loaded(mountFunction) {
    mountNow = mountFunction;
    var roots = waiting;
    waiting = [];
    roots.forEach(mountNow);
  }

  function start() {
    loadStylesheet();
    var roots = document.querySelectorAll('#comments[data-article-id], [data-comments-embed][data-article-id]');
    for (var i = 0; i < roots.length; i++) mount(roots[i]);
  }

  // For pages that add the element later (single-page sites): NewsComments.mount(element)
  window.NewsComments = { mount: function (root) { loadStylesheet(); mount(root); } };

  import(new URL('section.js', scriptUrl).toString()).then(function (section) {
    loaded(section.mount);
  }, function () {
    loaded(showFailure);
  });

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
