/*
 * The reader's comment section. A page adds
 *   <script src="https://comments.example/embed/comments.js" defer></script>
 *   <div id="comments" data-article-id="my-article"></div>
 * and gets the approved comments, threaded, and the "Leave a Comment" form.
 *
 * Rules this file keeps: the only HTML it inserts is the server's bodyHtml (made safe by the server); every other
 * piece of the page is built with createElement and textContent. It loads nothing but its own stylesheet and the
 * service's API, both from the host that served this script.
 */
(function () {
  'use strict';

  var script = document.currentScript;
  var scriptUrl = script && script.src ? script.src : location.href;
  // The service is the folder above /embed/, so the embed works from any page on any allowed origin
  var SERVICE = new URL('../', scriptUrl);
  var PAGE_SIZE = 50;
  var FIELDS = {
    body: { label: 'Comment', required: true },
    authorName: { label: 'Name', required: true },
    authorEmail: { label: 'Email', required: true },
    authorUrl: { label: 'Website', required: false }
  };
  var uid = 0;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function api(path) {
    return new URL(path.replace(/^\//, ''), SERVICE).toString();
  }

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

  function readJson(response) {
    var type = response.headers.get('Content-Type') || '';
    if (type.indexOf('json') < 0) return Promise.resolve(null);
    return response.json().catch(function () { return null; });
  }

  /** Retry-After is seconds or an HTTP date; answers whole seconds, at least 1. */
  function retryAfterSeconds(value) {
    if (!value) return null;
    var seconds = Number(value);
    if (!isFinite(seconds)) {
      var when = Date.parse(value);
      if (isNaN(when)) return null;
      seconds = (when - Date.now()) / 1000;
    }
    return Math.max(1, Math.ceil(seconds));
  }

  var dateFormat = (function () {
    try {
      return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
    } catch (e) {
      return null;
    }
  })();

  function formatDate(iso) {
    var date = new Date(iso);
    if (isNaN(date.getTime())) return '';
    return dateFormat ? dateFormat.format(date) : date.toLocaleString();
  }

  function isHttpUrl(value) {
    return /^https?:\/\/[^\s/?#]+/i.test(value);
  }

  /** A colored circle with the author's initial; the hue comes from the server's avatarKey. */
  function avatar(comment) {
    var node = el('span', 'nc-avatar');
    node.setAttribute('aria-hidden', 'true');
    var name = (comment.authorName || '?').trim();
    var initial = Array.from(name)[0] || '?';
    node.textContent = initial.toLocaleUpperCase();
    var key = comment.avatarKey || '';
    var hue = key ? parseInt(key.slice(0, 4), 16) % 360 : 210;
    node.style.setProperty('background-color', 'hsl(' + hue + ', 45%, 42%)');
    return node;
  }

  function CommentSection(root) {
    this.root = root;
    this.articleId = root.getAttribute('data-article-id');
    var size = parseInt(root.getAttribute('data-page-size'), 10);
    this.pageSize = size >= 1 && size <= 200 ? size : PAGE_SIZE;
    this.honeypotField = 'website2';
    this.maxBodyLength = 5000;
    this.next = null;
    this.total = 0;
    this.shown = {};          // comment id -> its <li>
    this.replyTo = null;      // the comment being answered, or null
    this.prefix = 'nc' + (++uid) + '-';
  }

  CommentSection.prototype.start = function () {
    this.build();
    this.loadFormRules();
    this.loadPage(null);
  };

  CommentSection.prototype.build = function () {
    var root = this.root;
    while (root.firstChild) root.removeChild(root.firstChild);
    var section = el('section', 'nc-comments');
    var titleId = this.prefix + 'title';
    section.setAttribute('aria-labelledby', titleId);

    this.heading = el('h2', 'nc-heading', 'Comments');
    this.heading.id = titleId;
    section.appendChild(this.heading);

    // One polite live region for everything the section announces (loading, posting, errors)
    this.live = el('div', 'nc-live');
    this.live.setAttribute('role', 'status');
    this.live.setAttribute('aria-live', 'polite');
    section.appendChild(this.live);

    this.list = el('ol', 'nc-thread');
    this.list.setAttribute('aria-label', 'Comments');
    section.appendChild(this.list);

    this.empty = el('p', 'nc-empty', 'No comments yet. Start the conversation.');
    this.empty.hidden = true;
    section.appendChild(this.empty);

    this.more = el('button', 'nc-button nc-more', 'Load more comments');
    this.more.type = 'button';
    this.more.hidden = true;
    var self = this;
    this.more.addEventListener('click', function () { self.loadPage(self.next); });
    section.appendChild(this.more);

    this.respond = this.buildForm();
    section.appendChild(this.respond);
    root.appendChild(section);
  };

  CommentSection.prototype.buildForm = function () {
    var self = this;
    var p = this.prefix;
    var respond = el('div', 'nc-respond');
    var title = el('h3', 'nc-form-title', 'Leave a Comment');
    title.id = p + 'form-title';
    respond.appendChild(title);

    this.replyNote = el('p', 'nc-reply-note');
    this.replyNote.hidden = true;
    this.replyNoteText = el('span');
    this.replyNote.appendChild(this.replyNoteText);
    var cancel = el('button', 'nc-link-button', 'Cancel reply');
    cancel.type = 'button';
    cancel.addEventListener('click', function () { self.cancelReply(true); });
    this.replyNote.appendChild(document.createTextNode(' '));
    this.replyNote.appendChild(cancel);
    respond.appendChild(this.replyNote);

    var form = el('form', 'nc-form');
    form.noValidate = true; // our messages sit beside the fields, where the server's also go
    form.setAttribute('aria-labelledby', title.id);
    var notice = el('p', 'nc-notice');
    notice.id = p + 'notice';
    notice.appendChild(document.createTextNode('Your email address will not be published. Required fields are marked '));
    notice.appendChild(el('span', 'nc-required', '*'));
    form.appendChild(notice);

    this.formMessage = el('div', 'nc-form-message');
    this.formMessage.hidden = true;
    this.formMessage.setAttribute('tabindex', '-1');
    form.appendChild(this.formMessage);

    this.inputs = {};
    this.errors = {};
    var order = ['body', 'authorName', 'authorEmail', 'authorUrl'];
    var row = null;
    order.forEach(function (name) {
      var spec = FIELDS[name];
      var field = el('div', 'nc-field nc-field-' + name);
      var id = p + name;
      var label = el('label', 'nc-label', spec.label);
      label.htmlFor = id;
      if (spec.required) {
        label.appendChild(document.createTextNode(' '));
        var star = el('span', 'nc-required', '*');
        star.setAttribute('aria-hidden', 'true');
        label.appendChild(star);
      }
      var input;
      if (name === 'body') {
        input = el('textarea', 'nc-input nc-textarea');
        input.rows = 6;
      } else {
        input = el('input', 'nc-input');
        input.type = name === 'authorEmail' ? 'email' : name === 'authorUrl' ? 'url' : 'text';
        input.autocomplete = name === 'authorEmail' ? 'email' : name === 'authorUrl' ? 'url' : 'name';
        if (name === 'authorEmail') input.setAttribute('aria-describedby', p + 'notice');
      }
      input.id = id;
      input.name = name;
      if (spec.required) {
        input.required = true;
        input.setAttribute('aria-required', 'true');
      }
      var error = el('p', 'nc-error');
      error.id = p + name + '-error';
      error.hidden = true;
      field.appendChild(label);
      field.appendChild(input);
      field.appendChild(error);
      self.inputs[name] = input;
      self.errors[name] = error;
      if (name === 'body') {
        form.appendChild(field);
      } else {
        if (!row) {
          row = el('div', 'nc-row');
          form.appendChild(row);
        }
        row.appendChild(field);
      }
      input.addEventListener('input', function () {
        if (input.getAttribute('aria-invalid') === 'true') self.clearError(name);
      });
    });

    // The honeypot: people never see it (off-screen, hidden from screen readers, out of the tab order); bots fill it
    var trap = el('div', 'nc-hp');
    trap.setAttribute('aria-hidden', 'true');
    var trapLabel = el('label', null, 'Leave this field empty');
    trapLabel.htmlFor = p + 'hp';
    this.honeypot = el('input');
    this.honeypot.type = 'text';
    this.honeypot.id = p + 'hp';
    this.honeypot.name = this.honeypotField;
    this.honeypot.tabIndex = -1;
    this.honeypot.autocomplete = 'off';
    this.honeypot.value = '';
    trap.appendChild(trapLabel);
    trap.appendChild(this.honeypot);
    form.appendChild(trap);

    var actions = el('div', 'nc-actions');
    this.submit = el('button', 'nc-button nc-submit', 'Post Comment');
    this.submit.type = 'submit';
    actions.appendChild(this.submit);
    form.appendChild(actions);
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      self.send();
    });
    this.form = form;
    respond.appendChild(form);
    return respond;
  };

  /** The server names its honeypot field (admins may rename it) and body limit; if the call fails, defaults stay. */
  CommentSection.prototype.loadFormRules = function () {
    var self = this;
    fetch(api('/api/comment-form'), { credentials: 'omit', headers: { Accept: 'application/json' } })
      .then(function (response) { return response.ok ? readJson(response) : null; })
      .then(function (rules) {
        if (!rules) return;
        if (typeof rules.honeypotField === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(rules.honeypotField) &&
            !FIELDS[rules.honeypotField] && rules.honeypotField !== 'parentId') {
          self.honeypotField = rules.honeypotField;
          self.honeypot.name = rules.honeypotField;
        }
        if (typeof rules.maxBodyLength === 'number' && rules.maxBodyLength > 0) {
          self.maxBodyLength = rules.maxBodyLength;
        }
      })
      .catch(function () { /* defaults stay */ });
  };

  CommentSection.prototype.loadPage = function (after) {
    var self = this;
    var url = api('/api/articles/' + encodeURIComponent(this.articleId) + '/comments') +
      '?limit=' + this.pageSize + (after ? '&after=' + encodeURIComponent(after) : '');
    this.list.setAttribute('aria-busy', 'true');
    this.more.disabled = true;
    // 'no-cache' revalidates with the page's ETag on every load: a 304 costs the server no database work, and a
    // reader who reloads right after a moderator's decision never sees a copy held by max-age (CDNs still may)
    return fetch(url, { credentials: 'omit', cache: 'no-cache', headers: { Accept: 'application/json' } })
      .then(function (response) {
        return readJson(response).then(function (body) {
          if (!response.ok || !body) throw new Error('status ' + response.status);
          return body;
        });
      })
      .then(function (page) {
        self.total = page.total || 0;
        (page.comments || []).forEach(function (comment) { self.show(comment, false); });
        self.next = page.next || null;
        self.more.hidden = !self.next;
        self.updateCount();
        if (after) self.announce('More comments loaded.');
      })
      .catch(function () {
        var text = 'The comments could not be loaded. Please try again later.';
        if (!after) {
          self.empty.textContent = text;
          self.empty.hidden = false;
        }
        self.announce(text);
        self.more.hidden = !self.next;
      })
      .then(function () {
        self.list.removeAttribute('aria-busy');
        self.more.disabled = false;
      });
  };

  CommentSection.prototype.updateCount = function () {
    var n = this.total;
    this.heading.textContent = n === 0 ? 'Comments' : n === 1 ? '1 Comment' : n + ' Comments';
    this.empty.hidden = n > 0 || this.list.children.length > 0;
  };

  /**
   * Puts one comment in the thread: under its parent when the parent is shown, else at the top level (its parent may
   * have been rejected since). Pages come oldest first, so a parent always arrives before its replies.
   */
  CommentSection.prototype.show = function (comment, pending) {
    if (this.shown[comment.id]) return this.shown[comment.id];
    var item = this.renderComment(comment, pending);
    var parent = comment.parentId != null ? this.shown[comment.parentId] : null;
    if (parent) {
      var children = parent.querySelector(':scope > .nc-children');
      if (!children) {
        children = el('ol', 'nc-children');
        parent.appendChild(children);
      }
      children.appendChild(item);
    } else {
      this.list.appendChild(item);
    }
    this.shown[comment.id] = item;
    return item;
  };

  CommentSection.prototype.renderComment = function (comment, pending) {
    var self = this;
    var item = el('li', 'nc-comment');
    item.id = 'comment-' + comment.id;
    var article = el('article', 'nc-card');
    article.setAttribute('aria-label', 'Comment by ' + (comment.authorName || 'a reader'));

    var header = el('header', 'nc-meta');
    header.appendChild(avatar(comment));
    var who = el('div', 'nc-who');
    var name;
    if (comment.authorUrl && isHttpUrl(comment.authorUrl)) {
      name = el('a', 'nc-author', comment.authorName);
      name.href = comment.authorUrl;
      name.rel = 'nofollow ugc noopener';
    } else {
      name = el('span', 'nc-author', comment.authorName);
    }
    who.appendChild(name);
    if (comment.createdAt) {
      var time = el('time', 'nc-date', formatDate(comment.createdAt));
      time.dateTime = comment.createdAt;
      var permalink = el('a', 'nc-permalink');
      permalink.href = '#comment-' + comment.id;
      permalink.appendChild(time);
      who.appendChild(permalink);
    }
    header.appendChild(who);
    article.appendChild(header);

    if (pending) {
      var badge = el('p', 'nc-pending', 'Your comment is awaiting moderation.');
      article.appendChild(badge);
    }

    var body = el('div', 'nc-body');
    // bodyHtml is the server's escaped and sanitized rendering (paragraphs, line breaks, nofollow links)
    body.innerHTML = comment.bodyHtml || '';
    article.appendChild(body);

    if (!pending) {
      var footer = el('footer', 'nc-actions-row');
      var reply = el('button', 'nc-link-button nc-reply', 'Reply');
      reply.type = 'button';
      reply.setAttribute('aria-label', 'Reply to ' + (comment.authorName || 'this comment'));
      reply.addEventListener('click', function () { self.startReply(comment, item); });
      footer.appendChild(reply);
      article.appendChild(footer);
    }
    item.appendChild(article);
    return item;
  };

  /** Moves the form under the comment being answered, as readers know it from news sites. */
  CommentSection.prototype.startReply = function (comment, item) {
    this.replyTo = comment;
    this.replyNoteText.textContent = 'Replying to ' + comment.authorName + '.';
    this.replyNote.hidden = false;
    var card = item.querySelector(':scope > .nc-card');
    card.parentNode.insertBefore(this.respond, card.nextSibling);
    this.respond.classList.add('nc-respond-inline');
    this.inputs.body.focus();
  };

  CommentSection.prototype.cancelReply = function (focus) {
    var answered = this.replyTo;
    this.replyTo = null;
    this.replyNote.hidden = true;
    this.respond.classList.remove('nc-respond-inline');
    this.root.querySelector('.nc-comments').appendChild(this.respond);
    if (focus && answered && this.shown[answered.id]) {
      var button = this.shown[answered.id].querySelector('.nc-reply');
      if (button) button.focus();
    }
  };

  CommentSection.prototype.announce = function (text) {
    // Emptied first, so that the same message twice is read twice
    var live = this.live;
    live.textContent = '';
    setTimeout(function () { live.textContent = text; }, 50);
  };

  CommentSection.prototype.showFormMessage = function (text, kind) {
    this.formMessage.textContent = text;
    this.formMessage.className = 'nc-form-message nc-msg-' + kind;
    this.formMessage.hidden = false;
    this.announce(text);
  };

  CommentSection.prototype.hideFormMessage = function () {
    this.formMessage.hidden = true;
    this.formMessage.textContent = '';
  };

  CommentSection.prototype.setError = function (name, message) {
    var input = this.inputs[name];
    var error = this.errors[name];
    error.textContent = FIELDS[name].label + ' ' + message + '.';
    error.hidden = false;
    input.setAttribute('aria-invalid', 'true');
    var described = (input.getAttribute('aria-describedby') || '').split(' ').filter(Boolean);
    if (described.indexOf(error.id) < 0) described.unshift(error.id);
    input.setAttribute('aria-describedby', described.join(' '));
  };

  CommentSection.prototype.clearError = function (name) {
    var input = this.inputs[name];
    var error = this.errors[name];
    error.hidden = true;
    error.textContent = '';
    input.removeAttribute('aria-invalid');
    var described = (input.getAttribute('aria-describedby') || '').split(' ')
      .filter(function (id) { return id && id !== error.id; });
    if (described.length) input.setAttribute('aria-describedby', described.join(' '));
    else input.removeAttribute('aria-describedby');
  };

  CommentSection.prototype.values = function () {
    var v = {};
    for (var name in this.inputs) v[name] = this.inputs[name].value.trim();
    return v;
  };

  /** The same rules the server applies first; the server still has the last word. */
  CommentSection.prototype.check = function (v) {
    var problems = [];
    if (!v.body) problems.push(['body', 'is required']);
    else if (Array.from(v.body).length > this.maxBodyLength) {
      problems.push(['body', 'must be at most ' + this.maxBodyLength + ' characters']);
    }
    if (!v.authorName) problems.push(['authorName', 'is required']);
    if (!v.authorEmail) problems.push(['authorEmail', 'is required']);
    else if (!/^[^@\s]+@[^@\s]+\.[^@\s.]+$/.test(v.authorEmail)) {
      problems.push(['authorEmail', 'must be a valid email address']);
    }
    if (v.authorUrl && !isHttpUrl(v.authorUrl)) problems.push(['authorUrl', 'must be an http or https address']);
    return problems;
  };

  CommentSection.prototype.showProblems = function (problems) {
    var self = this;
    var first = null;
    problems.forEach(function (problem) {
      self.setError(problem[0], problem[1]);
    });
    // Focus goes to the first invalid field in the order of the form
    ['body', 'authorName', 'authorEmail', 'authorUrl'].forEach(function (name) {
      if (!first && self.inputs[name].getAttribute('aria-invalid') === 'true') first = self.inputs[name];
    });
    var count = problems.length;
    this.showFormMessage(count === 1 ? 'Please correct the highlighted field.'
      : 'Please correct the ' + count + ' highlighted fields.', 'error');
    if (first) first.focus();
  };

  CommentSection.prototype.send = function () {
    var self = this;
    if (this.sending) return;
    Object.keys(this.inputs).forEach(function (name) { self.clearError(name); });
    this.hideFormMessage();
    var v = this.values();
    var problems = this.check(v);
    if (problems.length) {
      this.showProblems(problems);
      return;
    }
    var payload = { body: v.body, authorName: v.authorName, authorEmail: v.authorEmail };
    if (v.authorUrl) payload.authorUrl = v.authorUrl;
    if (this.replyTo) payload.parentId = this.replyTo.id;
    payload[this.honeypotField] = this.honeypot.value;

    this.sending = true;
    this.submit.disabled = true;
    this.submit.textContent = 'Posting…';
    this.announce('Posting your comment…');
    fetch(api('/api/articles/' + encodeURIComponent(this.articleId) + '/comments'), {
      method: 'POST',
      credentials: 'omit',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(payload)
    })
      .then(function (response) {
        return readJson(response).then(function (body) { self.handleAnswer(response, body); });
      })
      .catch(function () {
        self.showFormMessage('Your comment could not be sent. Check your connection and try again.', 'error');
      })
      .then(function () {
        self.sending = false;
        self.submit.textContent = 'Post Comment';
        self.submit.disabled = !!self.closed;
      });
  };

  CommentSection.prototype.handleAnswer = function (response, body) {
    var status = response.status;
    if (status === 201 && body) {
      this.posted(body);
      return;
    }
    var type = body && body.type ? body.type : '';
    if (status === 400 && body && Array.isArray(body.violations) && body.violations.length) {
      var problems = [];
      var general = [];
      var self = this;
      body.violations.forEach(function (violation) {
        if (self.inputs[violation.field]) problems.push([violation.field, violation.message]);
        else if (violation.field === 'parentId') general.push('The comment you are answering is no longer open to replies.');
        else general.push(violation.message);
      });
      if (problems.length) {
        this.showProblems(problems);
        if (general.length) this.showFormMessage(general.join(' '), 'error');
      } else {
        this.showFormMessage(general.join(' ') || 'Your comment could not be accepted.', 'error');
      }
      return;
    }
    if (status === 429) {
      var wait = retryAfterSeconds(response.headers.get('Retry-After'));
      this.showFormMessage('You are commenting too quickly. Please wait ' +
        (wait ? wait + (wait === 1 ? ' second' : ' seconds') : 'a moment') + ' and try again.', 'error');
      return;
    }
    if (status === 403 && type.indexOf('comments-closed') >= 0) {
      this.closed = true;
      this.showFormMessage('Comments are closed for this article.', 'info');
      this.form.querySelectorAll('input, textarea, button').forEach(function (node) { node.disabled = true; });
      return;
    }
    if (status === 409) {
      this.showFormMessage('You have already posted this comment.', 'info');
      return;
    }
    if (status === 413 || (status === 400 && type.indexOf('payload-too-large') >= 0)) {
      this.showFormMessage('Your comment is too long.', 'error');
      return;
    }
    if (status === 404) {
      this.showFormMessage('Comments are not available for this article.', 'error');
      return;
    }
    if (status >= 500) {
      this.showFormMessage('Something went wrong on our side. Please try again in a moment.', 'error');
      return;
    }
    this.showFormMessage('Your comment could not be posted (error ' + status + ').', 'error');
  };

  CommentSection.prototype.posted = function (comment) {
    var approved = comment.status === 'APPROVED';
    this.inputs.body.value = '';
    if (this.replyTo) this.cancelReply(false);
    var item = this.show(comment, !approved);
    item.classList.add('nc-just-posted');
    if (approved) {
      this.total += 1;
      this.updateCount();
      this.showFormMessage('Thank you! Your comment has been published.', 'success');
    } else {
      this.showFormMessage('Thank you! Your comment is awaiting moderation.', 'success');
    }
    this.empty.hidden = true;
    item.scrollIntoView({ block: 'nearest' });
  };

  function mount(root) {
    if (!root || !root.getAttribute('data-article-id') || root.getAttribute('data-comments-started')) return;
    root.setAttribute('data-comments-started', 'true');
    new CommentSection(root).start();
  }

  function start() {
    loadStylesheet();
    var roots = document.querySelectorAll('#comments[data-article-id], [data-comments-embed][data-article-id]');
    for (var i = 0; i < roots.length; i++) mount(roots[i]);
  }

  // For pages that add the element later (single-page sites): NewsComments.mount(element)
  window.NewsComments = { mount: function (root) { loadStylesheet(); mount(root); } };

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
