/*
 * The moderator console. Signs in with HTTP Basic done by the page: the credentials stay in sessionStorage (this tab
 * only) and go out as an Authorization header on each fetch. No cookie is involved, so other sites cannot make the
 * browser act for the moderator (no CSRF), and credentials: 'omit' keeps the browser's own login prompt away.
 *
 * Like the reader embed, it inserts no HTML but the server's sanitized bodyHtml; everything else is built with
 * createElement and textContent.
 */
(function () {
  'use strict';

  var STORAGE_KEY = 'comments-console';
  var PAGE_SIZE = 50;
  var STATUS_LABEL = { PENDING: 'Pending', REPORTED: 'Reported', APPROVED: 'Approved', REJECTED: 'Rejected', SPAM: 'Spam' };
  var ACTION_DONE = { approve: 'approved', reject: 'rejected', spam: 'marked as spam' };
  var ACTION_STATUS = { approve: 'APPROVED', reject: 'REJECTED', spam: 'SPAM' };

  var state = {
    auth: null,             // {user, token, admin}
    status: 'PENDING',
    articleId: '',
    rule: '',
    next: null,
    items: [],              // ModerationItem objects in list order
    nodes: {},              // id -> <li>
    current: -1,            // index of the highlighted item
    selected: {},           // id -> true
    loadedOnce: false,
    loadSeq: 0,
    stream: null,           // AbortController of the live stream
    streamDelay: 1000,
    missedBelow: 0,
    settings: null,
    articlesNext: null,
    banned: {}              // lower-cased email -> the ban made in this tab
  };

  var $ = function (id) { return document.getElementById(id); };

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  function announce(text) {
    var live = $('live');
    live.textContent = '';
    setTimeout(function () { live.textContent = text; }, 50);
  }

  var toastTimer = null;

  function toast(text, kind) {
    var node = $('toast');
    node.textContent = text;
    node.className = 'toast toast-' + (kind || 'info');
    node.hidden = false;
    clearTimeout(toastTimer);
    toastTimer = setTimeout(function () { node.hidden = true; }, 6000);
  }

  function notice(id, text, kind) {
    var node = $(id);
    if (!text) {
      node.hidden = true;
      node.textContent = '';
      return;
    }
    node.textContent = text;
    node.className = 'notice notice-' + (kind || 'info');
    node.hidden = false;
  }

  var dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

  function when(iso) {
    var date = new Date(iso);
    return isNaN(date.getTime()) ? '' : dateFormat.format(date);
  }

  function timeNode(iso) {
    var node = el('time', 'time', when(iso));
    node.dateTime = iso || '';
    return node;
  }

  function basicToken(user, password) {
    var bytes = new TextEncoder().encode(user + ':' + password);
    var binary = '';
    bytes.forEach(function (b) { binary += String.fromCharCode(b); });
    return btoa(binary);
  }

  /* ---------- HTTP ---------- */

  function call(method, path, options) {
    options = options || {};
    var headers = { Accept: 'application/json' };
    var token = options.token || (state.auth && state.auth.token);
    if (token) headers.Authorization = 'Basic ' + token;
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    if (options.ifMatch !== undefined) headers['If-Match'] = '"' + options.ifMatch + '"';
    return fetch(path, {
      method: method,
      headers: headers,
      credentials: 'omit',
      cache: 'no-store',
      body: options.body === undefined ? undefined : JSON.stringify(options.body)
    }).then(function (response) {
      var type = response.headers.get('Content-Type') || '';
      var parse = type.indexOf('json') >= 0 ? response.json().catch(function () { return null; }) : Promise.resolve(null);
      return parse.then(function (body) {
        var answer = { status: response.status, ok: response.ok, body: body, headers: response.headers };
        if (response.status === 401 && !options.token) {
          signOut('Your session has ended. Please sign in again.');
          throw new Error('unauthorized');
        }
        return answer;
      });
    });
  }

  function problemText(answer, fallback) {
    var body = answer.body;
    if (body && Array.isArray(body.violations) && body.violations.length) {
      return body.violations.map(function (v) { return v.field + ' ' + v.message; }).join('; ');
    }
    if (body && body.detail) return body.detail;
    return fallback + ' (error ' + answer.status + ')';
  }

  function networkTrouble() {
    toast('The service cannot be reached. Check your connection.', 'error');
  }

  /* ---------- Signing in and out ---------- */

  function showLogin(message) {
    $('app').hidden = true;
    $('login-view').hidden = false;
    var error = $('login-error');
    error.hidden = !message;
    error.textContent = message || '';
    $('login-password').value = '';
    $('login-user').focus();
  }

  function signIn(event) {
    event.preventDefault();
    var user = $('login-user').value.trim();
    var password = $('login-password').value;
    var error = $('login-error');
    if (!user || !password) {
      error.textContent = 'Enter your username and password.';
      error.hidden = false;
      (user ? $('login-password') : $('login-user')).focus();
      return;
    }
    var token = basicToken(user, password);
    var button = $('login-submit');
    button.disabled = true;
    button.textContent = 'Signing in…';
    call('GET', '/api/moderation/queue?limit=1', { token: token })
      .then(function (answer) {
        if (answer.status === 401) throw new Error('Wrong username or password.');
        if (answer.status === 403) throw new Error('This account may not moderate comments.');
        if (!answer.ok) throw new Error('Signing in failed (error ' + answer.status + ').');
        return call('GET', '/api/admin/articles?limit=1', { token: token }).then(function (admin) {
          state.auth = { user: user, token: token, admin: admin.ok };
          sessionStorage.setItem(STORAGE_KEY, JSON.stringify(state.auth));
          start();
        });
      })
      .catch(function (e) {
        error.textContent = e instanceof TypeError ? 'The service cannot be reached.' : e.message;
        error.hidden = false;
        $('login-password').value = '';
        $('login-password').focus();
      })
      .then(function () {
        button.disabled = false;
        button.textContent = 'Sign in';
      });
  }

  function signOut(message) {
    sessionStorage.removeItem(STORAGE_KEY);
    state.auth = null;
    stopStream();
    clear($('queue-list'));
    state.items = [];
    state.nodes = {};
    state.selected = {};
    state.banned = {};
    state.loadedOnce = false;
    showLogin(message);
  }

  function start() {
    $('login-view').hidden = true;
    $('app').hidden = false;
    $('who-name').textContent = state.auth.user;
    $('who-role').textContent = state.auth.admin ? 'admin' : 'moderator';
    document.querySelectorAll('.admin-only').forEach(function (node) { node.hidden = !state.auth.admin; });
    showView('queue');
    loadQueue();
    startStream();
  }

  /* ---------- Views ---------- */

  function showView(name) {
    document.querySelectorAll('.view-link').forEach(function (link) {
      if (link.getAttribute('data-view') === name) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    });
    $('queue-view').hidden = name !== 'queue';
    $('articles-view').hidden = name !== 'articles';
    $('settings-view').hidden = name !== 'settings';
    document.querySelector('.side').hidden = name !== 'queue';
    document.querySelector('.layout').classList.toggle('layout-wide', name !== 'queue');
    if (name === 'articles') loadArticles(null);
    if (name === 'settings') loadSettings();
  }

  /* ---------- The queue ---------- */

  function queueUrl(after, limit) {
    var params = new URLSearchParams();
    params.set('status', state.status);
    if (state.articleId) params.set('articleId', state.articleId);
    if (state.rule) params.set('rule', state.rule);
    params.set('limit', String(limit || PAGE_SIZE));
    if (after) params.set('after', after);
    return '/api/moderation/queue?' + params.toString();
  }

  /** Loads the first page again; keeps the highlighted comment and the selection where they still apply. */
  function loadQueue(keep) {
    var seq = ++state.loadSeq;
    var keepId = keep && state.items[state.current] ? state.items[state.current].id : null;
    var list = $('queue-list');
    list.setAttribute('aria-busy', 'true');
    return call('GET', queueUrl(null))
      .then(function (answer) {
        if (seq !== state.loadSeq) return;
        list.removeAttribute('aria-busy');
        if (!answer.ok) {
          showQueueProblem(answer);
          return;
        }
        notice('queue-notice', null);
        clear(list);
        state.items = [];
        state.nodes = {};
        state.missedBelow = 0;
        if (!keep) state.selected = {};
        state.next = answer.body.next || null;
        (answer.body.comments || []).forEach(function (item) { addItem(item); });
        state.loadedOnce = true;
        var index = keepId != null ? indexOf(keepId) : -1;
        setCurrent(index >= 0 ? index : (state.items.length ? 0 : -1), false);
        afterListChange();
      })
      .catch(function (e) {
        list.removeAttribute('aria-busy');
        if (e.message !== 'unauthorized') networkTrouble();
      });
  }

  /** A 400 names the filter it refuses; anything else shows the problem's own words. */
  function showQueueProblem(answer) {
    clear($('queue-list'));
    state.items = [];
    state.nodes = {};
    state.next = null;
    afterListChange();
    $('queue-empty').hidden = true;
    var fields = answer.body && answer.body.violations ? answer.body.violations.map(function (v) { return v.field; }) : [];
    if (answer.status === 400 && fields.indexOf('articleId') >= 0) {
      notice('queue-notice', 'That is not a valid article id.', 'error');
    } else {
      notice('queue-notice', problemText(answer, 'The queue could not be loaded'), 'error');
    }
  }

  function loadMore() {
    if (!state.next) return;
    var button = $('queue-more');
    button.disabled = true;
    call('GET', queueUrl(state.next))
      .then(function (answer) {
        if (!answer.ok) {
          toast(problemText(answer, 'More comments could not be loaded'), 'error');
          return;
        }
        var before = state.items.length;
        state.next = answer.body.next || null;
        (answer.body.comments || []).forEach(function (item) {
          if (!state.nodes[item.id]) addItem(item);
        });
        if (!state.next) state.missedBelow = 0;
        afterListChange();
        if (state.items.length > before) setCurrent(before, true);
      })
      .catch(function (e) { if (e.message !== 'unauthorized') networkTrouble(); })
      .then(function () { button.disabled = false; });
  }

  function indexOf(id) {
    for (var i = 0; i < state.items.length; i++) if (state.items[i].id === id) return i;
    return -1;
  }

  function afterListChange() {
    var count = state.items.length;
    $('queue-empty').hidden = count > 0 || !$('queue-notice').hidden;
    $('queue-more').hidden = !state.next;
    if (state.missedBelow > 0 && state.next) {
      $('queue-more').textContent = 'Load more (' + state.missedBelow + ' new)';
    } else {
      $('queue-more').textContent = 'Load more';
    }
    Object.keys(state.selected).forEach(function (id) { if (!state.nodes[id]) delete state.selected[id]; });
    updateSelection();
  }

  function addItem(item, position) {
    var node = renderItem(item);
    var list = $('queue-list');
    if (position === undefined || position >= state.items.length) {
      state.items.push(item);
      list.appendChild(node);
    } else {
      list.insertBefore(node, state.nodes[state.items[position].id]);
      state.items.splice(position, 0, item);
    }
    state.nodes[item.id] = node;
    return node;
  }

  function replaceItem(item, detail) {
    var index = indexOf(item.id);
    if (index < 0) return;
    var old = state.nodes[item.id];
    var node = renderItem(item);
    old.parentNode.replaceChild(node, old);
    state.items[index] = item;
    state.nodes[item.id] = node;
    if (detail && detail.history) fillHistory(node, detail.history);
    if (index === state.current) setCurrent(index, false);
  }

  function removeItem(id) {
    var index = indexOf(id);
    if (index < 0) return;
    var node = state.nodes[id];
    var hadFocus = node.contains(document.activeElement);
    node.parentNode.removeChild(node);
    state.items.splice(index, 1);
    delete state.nodes[id];
    delete state.selected[id];
    if (state.current > index || state.current >= state.items.length) state.current -= 1;
    if (state.current < 0 && state.items.length) state.current = 0;
    setCurrent(state.current, hadFocus);
    afterListChange();
  }

  function setCurrent(index, focus) {
    state.items.forEach(function (item, i) {
      state.nodes[item.id].classList.toggle('is-current', i === index);
    });
    state.current = index;
    if (index < 0 || !state.items[index]) return;
    var node = state.nodes[state.items[index].id];
    if (focus) {
      node.focus({ preventScroll: true });
      node.scrollIntoView({ block: 'nearest' });
    }
    loadHistory(node, state.items[index].id, false);
  }

  function currentItem() {
    return state.current >= 0 ? state.items[state.current] : null;
  }

  /* ---------- One comment ---------- */

  function renderItem(item) {
    var node = el('li', state.selected[item.id] ? 'item is-selected' : 'item');
    node.tabIndex = -1;
    node.setAttribute('data-id', String(item.id));
    var headingId = 'item-' + item.id + '-author';
    node.setAttribute('aria-labelledby', headingId);
    node.addEventListener('click', function (event) {
      var index = indexOf(item.id);
      if (index >= 0 && index !== state.current) setCurrent(index, !event.target.closest('button, a, input, select, textarea, summary'));
    });

    var head = el('div', 'item-head');
    var check = el('input', 'item-check');
    check.type = 'checkbox';
    check.checked = !!state.selected[item.id];
    check.setAttribute('aria-label', 'Select the comment by ' + item.authorName);
    check.addEventListener('change', function () { toggleSelected(item.id, check.checked); });
    head.appendChild(check);

    var title = el('div', 'item-title');
    var author = el('h3', 'item-author', item.authorName);
    author.id = headingId;
    title.appendChild(author);
    var sub = el('p', 'item-sub');
    sub.appendChild(el('span', 'badge badge-' + String(item.status).toLowerCase(), STATUS_LABEL[item.status] || item.status));
    sub.appendChild(document.createTextNode(' on '));
    sub.appendChild(el('code', 'article-id', item.articleId));
    sub.appendChild(document.createTextNode(' · '));
    sub.appendChild(timeNode(item.createdAt));
    if (item.parentId) sub.appendChild(document.createTextNode(' · reply to #' + item.parentId));
    sub.appendChild(document.createTextNode(' · #' + item.id + ' v' + item.version));
    title.appendChild(sub);
    head.appendChild(title);
    node.appendChild(head);

    var facts = el('dl', 'facts');
    fact(facts, 'Email', item.authorEmail);
    if (item.authorUrl) {
      var link = el('a', null, item.authorUrl);
      if (/^https?:\/\//i.test(item.authorUrl)) {
        link.href = item.authorUrl;
        link.rel = 'nofollow noopener noreferrer';
        link.target = '_blank';
      }
      fact(facts, 'Website', link);
    } else {
      fact(facts, 'Website', '—');
    }
    fact(facts, 'IP', item.ip);
    var agent = el('span', 'agent', item.userAgent || '—');
    agent.title = item.userAgent || '';
    fact(facts, 'User agent', agent, true);
    if (item.moderatedBy) {
      var by = el('span', null, item.moderatedBy + ', ');
      by.appendChild(timeNode(item.moderatedAt));
      fact(facts, 'Decided by', by, true);
    }
    var banned = bannedAuthor(item);
    if (banned) {
      var banFact = el('span', 'banned', (banned.ip ? 'email and IP' : 'email') + ' banned by ' + banned.createdBy +
        (banned.reason ? ': ' + banned.reason : '') + ' (ban ' + banned.id + ')');
      fact(facts, 'Ban', banFact, true);
    }
    node.appendChild(facts);

    var body = el('div', 'item-body');
    // bodyHtml is made safe by the server (escaped text, paragraphs, nofollow links)
    body.innerHTML = item.bodyHtml || '';
    node.appendChild(body);

    var rules = item.autoDecision && Array.isArray(item.autoDecision.rules) ? item.autoDecision.rules : [];
    if (rules.length) {
      var ruleBox = el('div', 'rules');
      ruleBox.appendChild(el('span', 'rules-label', 'Rules:'));
      var ruleList = el('ul', 'chips');
      rules.forEach(function (rule) {
        var chip = el('li', 'chip chip-' + String(rule.effect || 'info').toLowerCase());
        chip.appendChild(el('strong', null, rule.name || 'rule'));
        if (rule.effect) chip.appendChild(el('span', 'chip-effect', ' ' + String(rule.effect).toLowerCase()));
        if (rule.detail) chip.appendChild(el('span', 'chip-detail', ' — ' + rule.detail));
        ruleList.appendChild(chip);
      });
      ruleBox.appendChild(ruleList);
      node.appendChild(ruleBox);
    }
    // the learned filter's spam probability (null while it is untrained or off); its reasons are in the rule's detail
    if (typeof item.spamScore === 'number') {
      node.appendChild(el('div', 'rules', 'Spam score: ' + item.spamScore.toFixed(3)));
    }

    var reports = item.reports;
    if (Array.isArray(reports) && reports.length) {
      var reportBox = el('div', 'reports');
      reportBox.appendChild(el('span', 'rules-label', reports.length === 1 ? '1 report:' : reports.length + ' reports:'));
      var reportList = el('ul', 'report-list');
      reports.forEach(function (report) {
        var line = el('li', null, report.reason || 'report');
        if (report.note) line.appendChild(el('span', 'muted', ' — ' + report.note));
        var at = report.createdAt || report.at;
        if (at) {
          line.appendChild(document.createTextNode(' · '));
          line.appendChild(timeNode(at));
        }
        reportList.appendChild(line);
      });
      reportBox.appendChild(reportList);
      node.appendChild(reportBox);
    } else if (typeof reports === 'number' && reports > 0) {
      node.appendChild(el('div', 'reports', reports === 1 ? '1 report' : reports + ' reports'));
    }

    var actions = el('div', 'item-actions');
    [['approve', 'Approve', 'a'], ['reject', 'Reject', 'r'], ['spam', 'Spam', 's']].forEach(function (spec) {
      var button = el('button', 'btn btn-' + spec[0]);
      button.type = 'button';
      button.appendChild(document.createTextNode(spec[1] + ' '));
      var key = el('kbd', null, spec[2]);
      key.setAttribute('aria-hidden', 'true');
      button.appendChild(key);
      button.setAttribute('aria-keyshortcuts', spec[2]);
      if (!changes(item, spec[0])) button.disabled = true;
      else if (spec[0] === 'approve' && item.status === 'APPROVED') button.title = 'Keep it published and dismiss its reports';
      button.addEventListener('click', function () { decide(item.id, spec[0]); });
      actions.appendChild(button);
    });
    var ban = el('button', 'btn btn-quiet', banned ? 'Author banned' : 'Ban author…');
    ban.type = 'button';
    ban.disabled = !!banned;
    ban.setAttribute('aria-keyshortcuts', 'b');
    ban.addEventListener('click', function () { openBan(node, item); });
    actions.appendChild(ban);
    node.appendChild(actions);

    var history = el('details', 'history');
    var summary = el('summary', null, 'History');
    history.appendChild(summary);
    history.appendChild(el('p', 'muted small', 'Loading…'));
    history.addEventListener('toggle', function () {
      if (history.open) loadHistory(node, item.id, false);
    });
    node.appendChild(history);
    return node;
  }

  function fact(list, name, value, wide) {
    var row = el('div', wide ? 'fact-wide' : null);
    row.appendChild(el('dt', null, name));
    var dd = el('dd');
    if (value && value.nodeType) dd.appendChild(value);
    else dd.textContent = value || '—';
    row.appendChild(dd);
    list.appendChild(row);
  }

  function loadHistory(node, id, force) {
    if (!force && node.getAttribute('data-history') === 'loaded') return;
    if (node.getAttribute('data-history') === 'loading') return;
    node.setAttribute('data-history', 'loading');
    call('GET', '/api/moderation/comments/' + id)
      .then(function (answer) {
        if (!answer.ok) {
          node.removeAttribute('data-history');
          return;
        }
        fillHistory(node, answer.body.history || []);
      })
      .catch(function () { node.removeAttribute('data-history'); });
  }

  function fillHistory(node, history) {
    node.setAttribute('data-history', 'loaded');
    var box = node.querySelector('.history');
    if (!box) return;
    var summary = box.querySelector('summary');
    summary.textContent = 'History (' + history.length + ')';
    Array.from(box.children).forEach(function (child) { if (child !== summary) box.removeChild(child); });
    var list = el('ol', 'history-list');
    history.forEach(function (entry) {
      var line = el('li');
      line.appendChild(timeNode(entry.at));
      line.appendChild(document.createTextNode(' '));
      line.appendChild(el('strong', null, entry.actor));
      line.appendChild(document.createTextNode(entry.from ? ': ' + entry.from + ' → ' + entry.to : ': new, ' + entry.to));
      if (entry.reason) line.appendChild(el('span', 'muted', ' — ' + entry.reason));
      list.appendChild(line);
    });
    box.appendChild(list);
  }

  /* ---------- Decisions ---------- */

  /** Whether the action changes the comment: approving a published one again dismisses its open reports. */
  function changes(item, action) {
    return ACTION_STATUS[action] !== item.status || (action === 'approve' && item.openReports > 0);
  }

  function reason() {
    var value = $('reason').value.trim();
    return value ? { reason: value } : {};
  }

  function decide(id, action) {
    var index = indexOf(id);
    if (index < 0) return;
    var item = state.items[index];
    if (!changes(item, action)) return;
    var node = state.nodes[id];
    node.classList.add('is-busy');
    call('POST', '/api/moderation/comments/' + id + '/' + action, { body: reason(), ifMatch: item.version })
      .then(function (answer) {
        node.classList.remove('is-busy');
        if (answer.ok) {
          var done = answer.body;
          $('reason').value = ''; // a reason belongs to one decision
          var dismissed = action === 'approve' && item.openReports > 0 ? ', its reports dismissed' : '';
          announce('Comment by ' + item.authorName + ' ' + ACTION_DONE[action] + dismissed + '.');
          if (!belongsHere(done)) {
            var wasCurrent = indexOf(id) === state.current;
            removeItem(id);
            if (wasCurrent && state.current >= 0) setCurrent(state.current, true);
          } else {
            replaceItem(done, done);
          }
        } else if (answer.status === 412) {
          toast('This comment was changed by someone else; it has been reloaded. Check it and decide again.', 'warning');
          reloadItem(id);
        } else if (answer.status === 404) {
          toast('This comment no longer exists.', 'warning');
          removeItem(id);
        } else if (answer.status === 409) {
          toast('Someone decided this comment at the same moment; it has been reloaded.', 'warning');
          reloadItem(id);
        } else {
          toast(problemText(answer, 'The decision failed'), 'error');
        }
      })
      .catch(function (e) {
        node.classList.remove('is-busy');
        if (e.message !== 'unauthorized') networkTrouble();
      });
  }

  function reloadItem(id) {
    return call('GET', '/api/moderation/comments/' + id).then(function (answer) {
      if (answer.status === 404) {
        removeItem(id);
        return;
      }
      if (!answer.ok) return;
      if (belongsHere(answer.body)) replaceItem(answer.body, answer.body);
      else removeItem(id);
    });
  }

  /** Whether a comment belongs in the list as filtered now (Reported: published with open reports). */
  function belongsHere(item) {
    if (state.status === 'REPORTED') {
      if (item.status !== 'APPROVED' || !(item.openReports > 0)) return false;
    } else if (item.status !== state.status) {
      return false;
    }
    if (state.articleId && item.articleId !== state.articleId) return false;
    return matchesRule(item);
  }

  /**
   * The server filters the pages by rule; a comment that arrives alone (a live event, a reload after a decision) is
   * checked here against the same filter.
   */
  function matchesRule(item) {
    if (!state.rule) return true;
    var rules = item.autoDecision && item.autoDecision.rules ? item.autoDecision.rules : [];
    return rules.some(function (rule) { return rule.name === state.rule; });
  }

  function toggleSelected(id, on) {
    if (on) state.selected[id] = true;
    else delete state.selected[id];
    var node = state.nodes[id];
    if (node) {
      node.classList.toggle('is-selected', !!on);
      node.querySelector('.item-check').checked = !!on;
    }
    updateSelection();
  }

  function selectedIds() {
    return state.items.filter(function (item) { return state.selected[item.id]; }).map(function (item) { return item.id; });
  }

  function updateSelection() {
    var count = selectedIds().length;
    $('selected-count').textContent = count + ' selected';
    document.querySelectorAll('[data-bulk]').forEach(function (button) { button.disabled = count === 0; });
    var all = $('select-all');
    all.checked = count > 0 && count === state.items.length;
    all.indeterminate = count > 0 && count < state.items.length;
  }

  function bulk(action) {
    var ids = selectedIds();
    if (!ids.length) return;
    var body = reason();
    body.action = action;
    body.ids = ids;
    call('POST', '/api/moderation/bulk', { body: body })
      .then(function (answer) {
        if (!answer.ok) {
          toast(problemText(answer, 'The bulk decision failed'), 'error');
          return;
        }
        $('reason').value = '';
        var changed = 0, conflicts = 0, gone = 0;
        (answer.body.results || []).forEach(function (result) {
          if (result.outcome === 'changed' || result.outcome === 'unchanged') {
            if (result.outcome === 'changed') changed += 1;
            if (result.status !== state.status) removeItem(result.id);
            else toggleSelected(result.id, false);
          } else if (result.outcome === 'not-found') {
            gone += 1;
            removeItem(result.id);
          } else {
            conflicts += 1;
            reloadItem(result.id);
          }
        });
        var text = changed + (changed === 1 ? ' comment ' : ' comments ') + ACTION_DONE[action] + '.';
        if (conflicts) text += ' ' + conflicts + ' changed by someone else at the same moment and reloaded.';
        if (gone) text += ' ' + gone + ' no longer exist.';
        announce(text);
        toast(text, conflicts ? 'warning' : 'success');
        if (state.current >= 0) setCurrent(state.current, true);
      })
      .catch(function (e) { if (e.message !== 'unauthorized') networkTrouble(); });
  }

  /* ---------- Banning ---------- */

  function bannedAuthor(item) {
    return item.authorEmail ? state.banned[String(item.authorEmail).toLowerCase()] : null;
  }

  function openBan(node, item) {
    if (bannedAuthor(item)) return;
    var existing = node.querySelector('.ban-form');
    if (existing) {
      existing.querySelector('input').focus();
      return;
    }
    var form = el('form', 'ban-form');
    form.noValidate = true;
    var legend = el('p', 'ban-title', 'Ban ' + item.authorName + ' (' + item.authorEmail + ')');
    form.appendChild(legend);
    var reasonId = 'ban-reason-' + item.id;
    var label = el('label', null, 'Reason');
    label.htmlFor = reasonId;
    var input = el('input');
    input.id = reasonId;
    input.required = true;
    input.maxLength = 2000;
    var ipLabel = el('label', 'check');
    var ip = el('input');
    ip.type = 'checkbox';
    ipLabel.appendChild(ip);
    ipLabel.appendChild(document.createTextNode(' Also ban the IP address ' + (item.ip || '')));
    var submit = el('button', 'btn btn-spam', 'Ban');
    submit.type = 'submit';
    var cancel = el('button', 'btn btn-quiet', 'Cancel');
    cancel.type = 'button';
    var error = el('p', 'field-error');
    error.id = reasonId + '-error';
    error.hidden = true;
    cancel.addEventListener('click', function () {
      form.parentNode.removeChild(form);
      node.focus();
    });
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var why = input.value.trim();
      if (!why) {
        error.textContent = 'Give a reason for the ban.';
        error.hidden = false;
        input.setAttribute('aria-invalid', 'true');
        input.setAttribute('aria-describedby', error.id);
        input.focus();
        return;
      }
      submit.disabled = true;
      call('POST', '/api/moderation/comments/' + item.id + '/ban', { body: { reason: why, banIp: ip.checked } })
        .then(function (answer) {
          submit.disabled = false;
          if (answer.ok) {
            form.parentNode.removeChild(form);
            state.banned[String(item.authorEmail).toLowerCase()] = answer.body;
            toast(item.authorName + ' is banned' + (ip.checked ? ', and their IP address too.' : '.'), 'success');
            announce(item.authorName + ' is banned.');
            // Every comment of theirs on show says so; the banned one is read again with its history
            state.items.forEach(function (other) {
              if (other.id !== item.id && bannedAuthor(other)) replaceItem(other);
            });
            reloadItem(item.id).catch(function () { /* the toast said it */ });
          } else if (answer.status === 404) {
            error.textContent = 'This comment no longer exists.';
            error.hidden = false;
          } else {
            error.textContent = problemText(answer, 'The ban failed');
            error.hidden = false;
          }
        })
        .catch(function (e) {
          submit.disabled = false;
          if (e.message !== 'unauthorized') networkTrouble();
        });
    });
    form.appendChild(label);
    form.appendChild(input);
    form.appendChild(error);
    form.appendChild(ipLabel);
    var buttons = el('div', 'ban-buttons');
    buttons.appendChild(submit);
    buttons.appendChild(cancel);
    form.appendChild(buttons);
    node.insertBefore(form, node.querySelector('.history'));
    input.focus();
  }

  /* ---------- Live updates ---------- */

  function setStreamState(name, text) {
    var node = $('stream-status');
    node.setAttribute('data-state', name);
    node.textContent = text;
  }

  function stopStream() {
    if (state.stream) state.stream.abort();
    state.stream = null;
    setStreamState('off', 'Offline');
  }

  /**
   * Reads /api/moderation/stream with fetch, because EventSource cannot send the Authorization header, and parses the
   * server-sent events itself. On any break it reconnects with a growing pause, and reloads the list once connected
   * again, since events may have been missed meanwhile.
   */
  function startStream() {
    if (!state.auth) return;
    var controller = new AbortController();
    state.stream = controller;
    setStreamState('connecting', 'Connecting…');
    fetch('/api/moderation/stream', {
      headers: { Authorization: 'Basic ' + state.auth.token, Accept: 'text/event-stream' },
      credentials: 'omit',
      cache: 'no-store',
      signal: controller.signal
    }).then(function (response) {
      if (response.status === 401) {
        signOut('Your session has ended. Please sign in again.');
        return null;
      }
      if (!response.ok || !response.body) throw new Error('stream ' + response.status);
      var reader = response.body.getReader();
      var decoder = new TextDecoder();
      var buffer = '';
      var data = [];
      function line(text) {
        if (text === '') {
          if (data.length) {
            var payload = data.join('\n');
            data = [];
            try {
              onStreamEvent(JSON.parse(payload));
            } catch (e) { /* not ours: ignore */ }
          }
        } else if (text.charAt(0) === ':') {
          // a comment line: keeps the connection warm
        } else if (text.indexOf('data:') === 0) {
          data.push(text.slice(5).replace(/^ /, ''));
        }
      }
      function pump() {
        return reader.read().then(function (chunk) {
          if (chunk.done) throw new Error('stream ended');
          buffer += decoder.decode(chunk.value, { stream: true });
          var index;
          while ((index = buffer.indexOf('\n')) >= 0) {
            line(buffer.slice(0, index).replace(/\r$/, ''));
            buffer = buffer.slice(index + 1);
          }
          return pump();
        });
      }
      return pump();
    }).catch(function () {
      if (controller.signal.aborted || state.stream !== controller) return;
      setStreamState('reconnecting', 'Reconnecting…');
      var delay = state.streamDelay;
      state.streamDelay = Math.min(delay * 2, 30000);
      setTimeout(function () {
        if (state.stream === controller && state.auth) startStream();
      }, delay);
    });
  }

  function onStreamEvent(event) {
    if (event.type === 'connected') {
      state.streamDelay = 1000;
      setStreamState('live', 'Live');
      // Whatever happened before the stream listened is in a fresh first page
      if (state.loadedOnce) loadQueue(true);
      return;
    }
    if (event.type !== 'new' && event.type !== 'decided') return;
    var shownIndex = indexOf(event.commentId);
    if (state.status === 'REPORTED') {
      // Reports send no events (a reload shows new ones); a shown comment decided elsewhere may leave the list
      if (shownIndex >= 0) reloadItem(event.commentId).catch(function () { /* the next reload shows it */ });
      return;
    }
    if (shownIndex >= 0) {
      if (event.to !== state.status) {
        var item = state.items[shownIndex];
        removeItem(event.commentId);
        announce('The comment by ' + item.authorName + ' was ' + String(event.to).toLowerCase() + ' elsewhere.');
      }
      return;
    }
    if (event.to !== state.status) return;
    if (state.articleId && event.articleId !== state.articleId) return;
    call('GET', '/api/moderation/comments/' + event.commentId).then(function (answer) {
      if (!answer.ok || !belongsHere(answer.body) || state.nodes[answer.body.id]) return;
      if (state.next) {
        // Oldest first: it belongs after pages not loaded yet
        state.missedBelow += 1;
        afterListChange();
        announce('A new comment arrived at the end of the queue.');
        return;
      }
      var node = addItem(answer.body);
      fillHistory(node, answer.body.history || []);
      node.classList.add('is-new');
      setTimeout(function () { node.classList.remove('is-new'); }, 4000);
      if (state.current < 0) setCurrent(0, false);
      afterListChange();
      announce((event.type === 'new' ? 'New comment from ' : 'Comment back in this queue: ') + answer.body.authorName + '.');
    }).catch(function () { /* the next reload shows it */ });
  }

  /* ---------- Filters and tabs ---------- */

  function selectTab(status, focus) {
    state.status = status;
    document.querySelectorAll('[role="tab"]').forEach(function (tab) {
      var on = tab.getAttribute('data-status') === status;
      tab.setAttribute('aria-selected', on ? 'true' : 'false');
      tab.tabIndex = on ? 0 : -1;
      if (on && focus) tab.focus();
      if (on) $('queue-panel').setAttribute('aria-labelledby', tab.id);
    });
    state.selected = {};
    loadQueue(false);
  }

  function applyFilters(event) {
    if (event) event.preventDefault();
    state.articleId = $('filter-article').value.trim();
    state.rule = $('filter-rule').value;
    loadQueue(false);
  }

  /* ---------- Keyboard ---------- */

  function typing(target) {
    if (!target || !target.tagName) return false;
    var tag = target.tagName.toLowerCase();
    if (tag === 'textarea' || tag === 'select' || target.isContentEditable) return true;
    if (tag === 'input') {
      var type = (target.type || 'text').toLowerCase();
      return ['checkbox', 'radio', 'button', 'submit', 'reset'].indexOf(type) < 0;
    }
    return false;
  }

  function onKey(event) {
    if (!state.auth || $('queue-view').hidden) return;
    if (event.key === 'Escape' && typing(event.target) && !event.target.closest('.ban-form')) {
      // Leaves a filter or the reason field, so that the shortcuts work again
      event.target.blur();
      if (currentItem()) setCurrent(state.current, true);
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
    var item = currentItem();
    var inList = $('queue-list').contains(document.activeElement);
    if ((event.key === 'j' || event.key === 'k') && !inList && item) {
      // The first j or k brings the keyboard to the highlighted comment
      setCurrent(state.current, true);
      event.preventDefault();
      return;
    }
    switch (event.key) {
      case 'j':
        if (state.current < state.items.length - 1) setCurrent(state.current + 1, true);
        else if (state.items.length) setCurrent(state.current, true);
        break;
      case 'k':
        if (state.current > 0) setCurrent(state.current - 1, true);
        else if (state.items.length) setCurrent(0, true);
        break;
      case 'a':
        if (item) decide(item.id, 'approve');
        break;
      case 'r':
        if (item) decide(item.id, 'reject');
        break;
      case 's':
        if (item) decide(item.id, 'spam');
        break;
      case 'x':
        if (item) toggleSelected(item.id, !state.selected[item.id]);
        break;
      case 'h':
        if (item) {
          var details = state.nodes[item.id].querySelector('.history');
          details.open = !details.open;
        }
        break;
      case 'b':
        if (item) openBan(state.nodes[item.id], item);
        break;
      default:
        return;
    }
    event.preventDefault();
  }

  function onTabKey(event) {
    var tabs = Array.from(document.querySelectorAll('[role="tab"]'));
    var index = tabs.indexOf(event.target);
    if (index < 0) return;
    var next = null;
    if (event.key === 'ArrowRight') next = tabs[(index + 1) % tabs.length];
    else if (event.key === 'ArrowLeft') next = tabs[(index - 1 + tabs.length) % tabs.length];
    else if (event.key === 'Home') next = tabs[0];
    else if (event.key === 'End') next = tabs[tabs.length - 1];
    if (next) {
      event.preventDefault();
      selectTab(next.getAttribute('data-status'), true);
    }
  }

  /* ---------- Admin: articles ---------- */

  function loadArticles(after) {
    var body = $('articles-body');
    if (!after) clear(body);
    notice('articles-notice', null);
    call('GET', '/api/admin/articles?limit=100' + (after ? '&after=' + encodeURIComponent(after) : ''))
      .then(function (answer) {
        if (!answer.ok) {
          notice('articles-notice', problemText(answer, 'The articles could not be loaded'), 'error');
          return;
        }
        var articles = answer.body.articles || [];
        articles.forEach(function (article) { body.appendChild(articleRow(article)); });
        if (!after && !articles.length) notice('articles-notice', 'No articles yet: an article appears with its first comment.', 'info');
        state.articlesNext = answer.body.next || null;
        $('articles-more').hidden = !state.articlesNext;
      })
      .catch(function (e) { if (e.message !== 'unauthorized') networkTrouble(); });
  }

  function articleRow(article) {
    var row = el('tr');
    var name = el('td', 'article-name');
    name.appendChild(el('strong', null, article.title || '(no title)'));
    name.appendChild(el('br'));
    name.appendChild(el('code', 'article-id', article.articleId));
    if (article.url && /^https?:\/\//i.test(article.url)) {
      name.appendChild(document.createTextNode(' '));
      var link = el('a', 'small', 'open page');
      link.href = article.url;
      link.rel = 'noopener noreferrer';
      link.target = '_blank';
      name.appendChild(link);
    }
    row.appendChild(name);

    var counts = el('td', 'counts');
    var byStatus = article.comments || {};
    ['PENDING', 'APPROVED', 'REJECTED', 'SPAM'].forEach(function (status) {
      var n = byStatus[status] || 0;
      var chip = el('span', 'count count-' + status.toLowerCase(), n + ' ' + STATUS_LABEL[status].toLowerCase());
      counts.appendChild(chip);
    });
    row.appendChild(counts);

    var openCell = el('td');
    var openLabel = el('label', 'switch');
    var open = el('input');
    open.type = 'checkbox';
    open.checked = !!article.commentsOpen;
    open.setAttribute('aria-label', 'Comments open on ' + article.articleId);
    openLabel.appendChild(open);
    openLabel.appendChild(el('span', 'switch-text', article.commentsOpen ? 'open' : 'closed'));
    openCell.appendChild(openLabel);
    row.appendChild(openCell);

    var modeCell = el('td');
    var mode = el('select');
    mode.setAttribute('aria-label', 'Moderation of ' + article.articleId);
    [['PRE', 'PRE: hold every comment'], ['POST', 'POST: publish at once']].forEach(function (option) {
      var node = el('option', null, option[1]);
      node.value = option[0];
      mode.appendChild(node);
    });
    mode.value = article.moderation;
    modeCell.appendChild(mode);
    row.appendChild(modeCell);

    var actions = el('td');
    var moderate = el('button', 'btn btn-quiet', 'Moderate');
    moderate.type = 'button';
    moderate.setAttribute('aria-label', 'Moderate comments of ' + article.articleId);
    moderate.addEventListener('click', function () {
      $('filter-article').value = article.articleId;
      showView('queue');
      applyFilters();
    });
    actions.appendChild(moderate);
    row.appendChild(actions);

    function save() {
      var request = { title: article.title, url: article.url, commentsOpen: open.checked, moderation: mode.value };
      open.disabled = true;
      mode.disabled = true;
      call('PUT', '/api/admin/articles/' + encodeURIComponent(article.articleId), { body: request })
        .then(function (answer) {
          if (answer.ok) {
            article.commentsOpen = open.checked;
            article.moderation = mode.value;
            openLabel.querySelector('.switch-text').textContent = article.commentsOpen ? 'open' : 'closed';
            toast('Saved ' + article.articleId + ': comments ' + (article.commentsOpen ? 'open' : 'closed') + ', ' +
              article.moderation + '-moderation.', 'success');
          } else {
            open.checked = !!article.commentsOpen;
            mode.value = article.moderation;
            toast(problemText(answer, 'The article could not be saved'), 'error');
          }
        })
        .catch(function (e) { if (e.message !== 'unauthorized') networkTrouble(); })
        .then(function () {
          open.disabled = false;
          mode.disabled = false;
        });
    }
    open.addEventListener('change', save);
    mode.addEventListener('change', save);
    return row;
  }

  /* ---------- Admin: rule settings, a form built from whatever document the server sends ---------- */

  var SETTING_HELP = {
    maxLinks: 'More links than this in a body holds the comment.',
    holdWords: 'Words or phrases that hold a comment for review, one per line.',
    blockWords: 'Words or phrases that send a comment to spam, one per line.',
    blockEmails: 'Addresses, or @domain, whose comments go to spam; one per line.',
    blockIps: 'IP addresses or CIDR ranges whose comments go to spam; one per line.',
    trustReturningCommenters: 'In PRE mode, approve authors with an approved comment and none marked spam.',
    floodSeconds: 'Seconds between two comments from one IP or email; 0 switches it off.',
    honeypotField: 'Name of the hidden form field that only bots fill.',
    closeAfterDays: 'Close comments this many days after an article starts; 0 means never.',
    reportsHideThreshold: 'Reports after which an approved comment is hidden until a moderator decides.',
    defaultModeration: 'Moderation of new articles.'
  };

  var SETTING_LABEL = { blockIps: 'Block IPs' };

  function humanize(key) {
    if (SETTING_LABEL[key]) return SETTING_LABEL[key];
    var words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
    return words.charAt(0).toUpperCase() + words.slice(1);
  }

  function loadSettings() {
    notice('settings-notice', null);
    $('settings-form').hidden = true;
    call('GET', '/api/admin/settings')
      .then(function (answer) {
        if (!answer.ok || !answer.body || typeof answer.body !== 'object') {
          notice('settings-notice', problemText(answer, 'The rules could not be loaded'), 'error');
          return;
        }
        state.settings = answer.body;
        renderSettings(answer.body);
      })
      .catch(function (e) { if (e.message !== 'unauthorized') networkTrouble(); });
  }

  function renderSettings(doc) {
    var box = $('settings-fields');
    clear(box);
    Object.keys(doc).forEach(function (key) {
      var value = doc[key];
      var field = el('div', 'setting');
      field.setAttribute('data-key', key);
      var id = 'setting-' + key;
      var input;
      var kind;
      if (typeof value === 'boolean') {
        kind = 'boolean';
        var label = el('label', 'check');
        input = el('input');
        input.type = 'checkbox';
        input.checked = value;
        input.id = id;
        label.appendChild(input);
        label.appendChild(document.createTextNode(' ' + humanize(key)));
        field.appendChild(label);
      } else {
        var text = el('label', 'setting-label', humanize(key));
        text.htmlFor = id;
        field.appendChild(text);
        if (typeof value === 'number') {
          kind = 'number';
          input = el('input');
          input.type = 'number';
          input.step = '1';
          input.value = String(value);
        } else if (Array.isArray(value)) {
          kind = 'list';
          input = el('textarea');
          input.rows = Math.min(8, Math.max(3, value.length + 1));
          input.value = value.join('\n');
        } else if (key === 'defaultModeration' || value === 'PRE' || value === 'POST') {
          kind = 'string';
          input = el('select');
          ['PRE', 'POST'].forEach(function (mode) {
            var option = el('option', null, mode);
            option.value = mode;
            input.appendChild(option);
          });
          input.value = value;
        } else if (value !== null && typeof value === 'object') {
          kind = 'json';
          input = el('textarea');
          input.rows = 4;
          input.value = JSON.stringify(value, null, 2);
        } else {
          kind = value === null ? 'nullable' : 'string';
          input = el('input');
          input.value = value === null ? '' : String(value);
        }
        input.id = id;
        field.appendChild(input);
      }
      input.setAttribute('data-kind', kind);
      input.name = key;
      var help = SETTING_HELP[key] || (kind === 'list' ? 'One per line.' : '');
      if (help) {
        var hint = el('p', 'hint', help);
        hint.id = id + '-hint';
        field.appendChild(hint);
        input.setAttribute('aria-describedby', hint.id);
      }
      var error = el('p', 'field-error');
      error.id = id + '-error';
      error.hidden = true;
      field.appendChild(error);
      box.appendChild(field);
    });
    $('settings-form').hidden = false;
  }

  function readSettings() {
    var doc = {};
    var bad = [];
    document.querySelectorAll('#settings-fields [data-kind]').forEach(function (input) {
      var key = input.name;
      switch (input.getAttribute('data-kind')) {
        case 'boolean': doc[key] = input.checked; break;
        case 'number':
          if (input.value.trim() === '' || isNaN(Number(input.value))) bad.push([key, 'must be a number']);
          doc[key] = Number(input.value);
          break;
        case 'list':
          doc[key] = input.value.split('\n').map(function (s) { return s.trim(); }).filter(Boolean);
          break;
        case 'json':
          try { doc[key] = JSON.parse(input.value); } catch (e) { bad.push([key, 'must be valid JSON']); }
          break;
        case 'nullable': doc[key] = input.value.trim() === '' ? null : input.value.trim(); break;
        default: doc[key] = input.value.trim();
      }
    });
    return { doc: doc, bad: bad };
  }

  /** Shows a problem beside its field; {@code entry} is the list entry it is about, if any. Several add up. */
  function settingsError(key, message, entry) {
    var field = document.querySelector('#settings-fields .setting[data-key="' + CSS.escape(key) + '"]');
    if (!field) return null;
    var input = field.querySelector('[data-kind]');
    var error = field.querySelector('.field-error');
    var shown = typeof entry === 'string' ? ': "' + (entry.length > 40 ? entry.slice(0, 40) + '…' : entry) + '"' : '';
    var text = humanize(key) + shown + ' ' + message + '.';
    error.textContent = error.hidden ? text : error.textContent + ' ' + text;
    error.hidden = false;
    input.setAttribute('aria-invalid', 'true');
    var described = (input.getAttribute('aria-describedby') || '').split(' ').filter(Boolean);
    if (described.indexOf(error.id) < 0) described.unshift(error.id);
    input.setAttribute('aria-describedby', described.join(' '));
    return input;
  }

  function clearSettingsErrors() {
    document.querySelectorAll('#settings-fields .setting').forEach(function (field) {
      var input = field.querySelector('[data-kind]');
      var error = field.querySelector('.field-error');
      error.hidden = true;
      input.removeAttribute('aria-invalid');
      var described = (input.getAttribute('aria-describedby') || '').split(' ')
        .filter(function (id) { return id && id !== error.id; });
      if (described.length) input.setAttribute('aria-describedby', described.join(' '));
      else input.removeAttribute('aria-describedby');
    });
  }

  function saveSettings(event) {
    event.preventDefault();
    clearSettingsErrors();
    notice('settings-notice', null);
    var read = readSettings();
    if (read.bad.length) {
      var first = null;
      read.bad.forEach(function (b) { first = first || settingsError(b[0], b[1]); });
      if (first) first.focus();
      return;
    }
    call('PUT', '/api/admin/settings', { body: read.doc })
      .then(function (answer) {
        if (answer.ok) {
          if (answer.body && typeof answer.body === 'object') {
            state.settings = answer.body;
            renderSettings(answer.body);
          }
          notice('settings-notice', 'Rules saved. They apply to the next comment.', 'success');
          announce('Rules saved.');
          return;
        }
        var violations = answer.body && Array.isArray(answer.body.violations) ? answer.body.violations : [];
        var first = null;
        var other = [];
        violations.forEach(function (v) {
          // "holdWords[2]" (the third entry sent) or "settings.holdWords" name the field holdWords
          var name = String(v.field || '');
          var index = /\[(\d+)\]$/.exec(name);
          var key = name.replace(/\[\d+\]$/, '').split('.').pop();
          var entry = index && Array.isArray(read.doc[key]) ? read.doc[key][Number(index[1])] : undefined;
          var input = settingsError(key, v.message, entry);
          if (input) first = first || input;
          else other.push(v.field + ' ' + v.message);
        });
        notice('settings-notice', violations.length ? 'Some rules are not valid.' + (other.length ? ' ' + other.join('; ') : '')
          : problemText(answer, 'The rules could not be saved'), 'error');
        if (first) first.focus();
      })
      .catch(function (e) { if (e.message !== 'unauthorized') networkTrouble(); });
  }

  /* ---------- Wiring ---------- */

  function init() {
    $('login-form').addEventListener('submit', signIn);
    $('logout').addEventListener('click', function () { signOut('You are logged out.'); });
    document.querySelectorAll('.view-link').forEach(function (link) {
      link.addEventListener('click', function () { showView(link.getAttribute('data-view')); });
    });
    document.querySelectorAll('[role="tab"]').forEach(function (tab) {
      tab.addEventListener('click', function () { selectTab(tab.getAttribute('data-status'), false); });
      tab.addEventListener('keydown', onTabKey);
    });
    $('filters').addEventListener('submit', applyFilters);
    $('filter-clear').addEventListener('click', function () {
      $('filter-article').value = '';
      $('filter-rule').value = '';
      applyFilters();
    });
    $('select-all').addEventListener('change', function () {
      var on = $('select-all').checked;
      state.items.forEach(function (item) { toggleSelected(item.id, on); });
    });
    document.querySelectorAll('[data-bulk]').forEach(function (button) {
      button.addEventListener('click', function () { bulk(button.getAttribute('data-bulk')); });
    });
    $('queue-more').addEventListener('click', loadMore);
    $('articles-more').addEventListener('click', function () { loadArticles(state.articlesNext); });
    $('settings-form').addEventListener('submit', saveSettings);
    $('settings-reset').addEventListener('click', function () {
      clearSettingsErrors();
      notice('settings-notice', null);
      if (state.settings) renderSettings(state.settings);
    });
    document.addEventListener('keydown', onKey);

    var saved = null;
    try { saved = JSON.parse(sessionStorage.getItem(STORAGE_KEY)); } catch (e) { saved = null; }
    if (saved && saved.token && saved.user) {
      state.auth = saved;
      start();
    } else {
      showLogin(null);
    }
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
