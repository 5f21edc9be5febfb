/*
 * One comment of the queue as a moderator sees it: author and where they come from, the rendered body, the rules that
 * fired, its reports, the decision buttons and its history. A comment decided elsewhere says so at the top.
 *
 * It is drawn from what it is given: list.js says how it stands in the list and what its controls do, so this module
 * knows neither the list nor the decisions and bans its buttons lead to.
 */
import { el, timeNode } from '../shared/dom.js';
import { isHttpUrl } from '../shared/format.js';
import { fetchComment } from './api.js';
import { STATUS_LABEL, changes } from './statuses.js';

/**
 * The list item of {@code item}. {@code shown}: selected (boolean), elsewhere (what another moderator made of it, in
 * words, or null), ban (the ban made in this tab of its author, or null). {@code on}: pick(focus) (a click on it),
 * toggle(checked) (its checkbox), decide(action) (its decision buttons), ban(node) (Ban author…).
 */
export function renderItem(item, shown, on) {
  const elsewhere = shown.elsewhere;
  let className = 'item';
  if (shown.selected) className += ' is-selected';
  if (elsewhere) className += ' is-elsewhere';
  const node = el('li', className);
  node.tabIndex = -1;
  node.setAttribute('data-id', String(item.id));
  const headingId = 'item-' + item.id + '-author';
  node.setAttribute('aria-labelledby', headingId);
  node.addEventListener('click', (event) => {
    on.pick(!event.target.closest('button, a, input, select, textarea, summary'));
  });

  if (elsewhere) {
    const note = el('p', 'elsewhere');
    note.id = 'item-' + item.id + '-elsewhere';
    note.appendChild(el('strong', null, elsewhere));
    if (item.moderatedAt) {
      note.appendChild(document.createTextNode(', '));
      note.appendChild(timeNode(item.moderatedAt, 'time'));
    }
    note.appendChild(document.createTextNode(', while it was open here. It leaves this list when you move on.'));
    node.appendChild(note);
    node.setAttribute('aria-describedby', note.id);
  }

  const head = el('div', 'item-head');
  const check = el('input', 'item-check');
  check.type = 'checkbox';
  check.checked = !!shown.selected;
  check.disabled = !!elsewhere;
  check.setAttribute('aria-label', 'Select the comment by ' + item.authorName);
  check.addEventListener('change', () => on.toggle(check.checked));
  head.appendChild(check);

  const title = el('div', 'item-title');
  // h2: the queue's h1 (for screen readers) comes first, and headings go down one level at a time
  const author = el('h2', 'item-author', item.authorName);
  author.id = headingId;
  title.appendChild(author);
  const sub = el('p', 'item-sub');
  sub.appendChild(el('span', 'badge badge-' + String(item.status).toLowerCase(), STATUS_LABEL[item.status] || item.status));
  sub.appendChild(document.createTextNode(' on '));
  sub.appendChild(el('code', 'article-id', item.articleId));
  sub.appendChild(document.createTextNode(' · '));
  sub.appendChild(timeNode(item.createdAt, 'time'));
  if (item.parentId) sub.appendChild(document.createTextNode(' · reply to #' + item.parentId));
  sub.appendChild(document.createTextNode(' · #' + item.id + ' v' + item.version));
  title.appendChild(sub);
  head.appendChild(title);
  node.appendChild(head);

  const facts = el('dl', 'facts');
  fact(facts, 'Email', addressNode(item));
  if (item.authorUrl) {
    const link = el('a', null, item.authorUrl);
    if (isHttpUrl(item.authorUrl)) {
      link.href = item.authorUrl;
      link.rel = 'nofollow noopener noreferrer';
      link.target = '_blank';
    }
    fact(facts, 'Website', link);
  } else {
    fact(facts, 'Website', '—');
  }
  fact(facts, 'IP', item.ip);
  const agent = el('span', 'agent', item.userAgent || '—');
  agent.title = item.userAgent || '';
  fact(facts, 'User agent', agent, true);
  if (item.moderatedBy) {
    const by = el('span', null, item.moderatedBy + ', ');
    by.appendChild(timeNode(item.moderatedAt, 'time'));
    fact(facts, 'Decided by', by, true);
  }
  const banned = shown.ban;
  if (banned) {
    const banFact = el('span', 'banned', (banned.ip ? 'email and IP' : 'email') + ' banned by ' + banned.createdBy +
      (banned.reason ? ': ' + banned.reason : '') + ' (ban ' + banned.id + ')');
    fact(facts, 'Ban', banFact, true);
  }
  node.appendChild(facts);

  const body = el('div', 'item-body');
  // bodyHtml is made safe by the server (escaped text, paragraphs, nofollow links)
  body.innerHTML = item.bodyHtml || '';
  node.appendChild(body);

  const rules = item.autoDecision && Array.isArray(item.autoDecision.rules) ? item.autoDecision.rules : [];
  if (rules.length) node.appendChild(ruleBox(rules));
  // the learned filter's spam probability (null while it is untrained or off); its reasons are in the rule's detail
  if (typeof item.spamScore === 'number') {
    node.appendChild(el('div', 'rules', 'Spam score: ' + item.spamScore.toFixed(3)));
  }
  const reports = reportBox(item.reports);
  if (reports) node.appendChild(reports);

  const actions = el('div', 'item-actions');
  [['approve', 'Approve', 'a'], ['reject', 'Reject', 'r'], ['spam', 'Spam', 's']].forEach(([action, label, key]) => {
    const button = el('button', 'btn btn-' + action);
    button.type = 'button';
    button.appendChild(document.createTextNode(label + ' '));
    const kbd = el('kbd', null, key);
    kbd.setAttribute('aria-hidden', 'true');
    button.appendChild(kbd);
    button.setAttribute('aria-keyshortcuts', key);
    if (!changes(item, action)) button.disabled = true;
    else if (action === 'approve' && item.status === 'APPROVED') button.title = 'Keep it published and dismiss its reports';
    button.addEventListener('click', () => on.decide(action));
    actions.appendChild(button);
  });
  const ban = el('button', 'btn btn-quiet', banned ? 'Author banned' : 'Ban author…');
  ban.type = 'button';
  ban.disabled = !!banned;
  ban.setAttribute('aria-keyshortcuts', 'b');
  ban.addEventListener('click', () => on.ban(node));
  actions.appendChild(ban);
  node.appendChild(actions);

  const history = el('details', 'history');
  const summary = el('summary', null, 'History');
  history.appendChild(summary);
  history.appendChild(el('p', 'muted small', 'Loading…'));
  history.addEventListener('toggle', () => {
    if (history.open) loadHistory(node, item.id, false);
  });
  node.appendChild(history);
  return node;
}

/**
 * The address with what the post proved: "address verified" when its owner confirmed it, and "posted without its
 * key" when this post did not carry the key of that verified address (anyone may have typed it).
 */
function addressNode(item) {
  const node = el('span', null, item.authorEmail || '—');
  if (item.emailVerified) {
    node.appendChild(document.createTextNode(' '));
    node.appendChild(el('span', 'badge badge-approved', 'address verified'));
    if (!item.keyMatched) {
      node.appendChild(document.createTextNode(' '));
      node.appendChild(el('span', 'badge badge-pending', 'posted without its key'));
    }
  }
  return node;
}

function ruleBox(rules) {
  const box = el('div', 'rules');
  box.appendChild(el('span', 'rules-label', 'Rules:'));
  const list = el('ul', 'chips');
  rules.forEach((rule) => {
    const chip = el('li', 'chip chip-' + String(rule.effect || 'info').toLowerCase());
    chip.appendChild(el('strong', null, rule.name || 'rule'));
    if (rule.effect) chip.appendChild(el('span', 'chip-effect', ' ' + String(rule.effect).toLowerCase()));
    if (rule.detail) chip.appendChild(el('span', 'chip-detail', ' — ' + rule.detail));
    list.appendChild(chip);
  });
  box.appendChild(list);
  return box;
}

function reportBox(reports) {
  if (Array.isArray(reports) && reports.length) {
    const box = el('div', 'reports');
    box.appendChild(el('span', 'rules-label', reports.length === 1 ? '1 report:' : reports.length + ' reports:'));
    const list = el('ul', 'report-list');
    reports.forEach((report) => {
      const line = el('li', null, report.reason || 'report');
      if (report.note) line.appendChild(el('span', 'muted', ' — ' + report.note));
      const at = report.createdAt || report.at;
      if (at) {
        line.appendChild(document.createTextNode(' · '));
        line.appendChild(timeNode(at, 'time'));
      }
      list.appendChild(line);
    });
    box.appendChild(list);
    return box;
  }
  if (typeof reports === 'number' && reports > 0) return el('div', 'reports', reports === 1 ? '1 report' : reports + ' reports');
  return null;
}

function fact(list, name, value, wide) {
  const row = el('div', wide ? 'fact-wide' : null);
  row.appendChild(el('dt', null, name));
  const dd = el('dd');
  if (value && value.nodeType) dd.appendChild(value);
  else dd.textContent = value || '—';
  row.appendChild(dd);
  list.appendChild(row);
}

export async function loadHistory(node, id, force) {
  if (!force && node.getAttribute('data-history') === 'loaded') return;
  if (node.getAttribute('data-history') === 'loading') return;
  node.setAttribute('data-history', 'loading');
  try {
    const answer = await fetchComment(id);
    if (!answer.ok) {
      node.removeAttribute('data-history');
      return;
    }
    fillHistory(node, answer.body.history || []);
  } catch (e) {
    node.removeAttribute('data-history');
  }
}

export function fillHistory(node, history) {
  node.setAttribute('data-history', 'loaded');
  const box = node.querySelector('.history');
  if (!box) return;
  const summary = box.querySelector('summary');
  summary.textContent = 'History (' + history.length + ')';
  Array.from(box.children).forEach((child) => { if (child !== summary) box.removeChild(child); });
  const list = el('ol', 'history-list');
  history.forEach((entry) => {
    const line = el('li');
    line.appendChild(timeNode(entry.at, 'time'));
    line.appendChild(document.createTextNode(' '));
    line.appendChild(el('strong', null, entry.actor));
    line.appendChild(document.createTextNode(entry.from ? ': ' + entry.from + ' → ' + entry.to : ': new, ' + entry.to));
    if (entry.reason) line.appendChild(el('span', 'muted', ' — ' + entry.reason));
    list.appendChild(line);
  });
  box.appendChild(list);
}
