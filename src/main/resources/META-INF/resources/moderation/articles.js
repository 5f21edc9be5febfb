/*
 * Admin view Articles: each article with its comment counts; opens or closes comments and switches PRE/POST
 * moderation (PUT /api/admin/articles/{id}), and leads to the queue filtered by it (Moderate, wired by console.js).
 */
import { clear, el } from '../shared/dom.js';
import { isHttpUrl } from '../shared/format.js';
import { problemText } from '../shared/http.js';
import { call } from './api.js';
import { STATUS_LABEL } from './statuses.js';
import { $, failed, notice, toast } from './ui.js';

let next = null;          // the cursor of the next page of articles, null on the last
let moderateArticle = () => {};

/** What Moderate does with an article's id: console.js shows the queue of that article. */
export function onModerate(handler) {
  moderateArticle = handler;
}

export async function loadArticles(after) {
  const body = $('articles-body');
  if (!after) clear(body);
  notice('articles-notice', null);
  try {
    const answer = await call('GET', '/api/admin/articles?limit=100' + (after ? '&after=' + encodeURIComponent(after) : ''));
    if (!answer.ok) {
      notice('articles-notice', problemText(answer, 'The articles could not be loaded'), 'error');
      return;
    }
    const articles = answer.body.articles || [];
    articles.forEach((article) => body.appendChild(articleRow(article)));
    if (!after && !articles.length) notice('articles-notice', 'No articles yet: an article appears with its first comment.', 'info');
    next = answer.body.next || null;
    $('articles-more').hidden = !next;
  } catch (e) {
    failed(e);
  }
}

export function loadMoreArticles() {
  return loadArticles(next);
}

function articleRow(article) {
  const row = el('tr');
  const name = el('td', 'article-name');
  name.appendChild(el('strong', null, article.title || '(no title)'));
  name.appendChild(el('br'));
  name.appendChild(el('code', 'article-id', article.articleId));
  if (article.url && isHttpUrl(article.url)) {
    name.appendChild(document.createTextNode(' '));
    const link = el('a', 'small', 'open page');
    link.href = article.url;
    link.rel = 'noopener noreferrer';
    link.target = '_blank';
    name.appendChild(link);
  }
  row.appendChild(name);

  const counts = el('td', 'counts');
  const byStatus = article.comments || {};
  ['PENDING', 'APPROVED', 'REJECTED', 'SPAM'].forEach((status) => {
    const n = byStatus[status] || 0;
    counts.appendChild(el('span', 'count count-' + status.toLowerCase(), n + ' ' + STATUS_LABEL[status].toLowerCase()));
  });
  row.appendChild(counts);

  const openCell = el('td');
  const openLabel = el('label', 'switch');
  const open = el('input');
  open.type = 'checkbox';
  open.checked = !!article.commentsOpen;
  open.setAttribute('aria-label', 'Comments open on ' + article.articleId);
  openLabel.appendChild(open);
  openLabel.appendChild(el('span', 'switch-text', article.commentsOpen ? 'open' : 'closed'));
  openCell.appendChild(openLabel);
  row.appendChild(openCell);

  const modeCell = el('td');
  const mode = el('select');
  mode.setAttribute('aria-label', 'Moderation of ' + article.articleId);
  [['PRE', 'PRE: hold every comment'], ['POST', 'POST: publish at once']].forEach(([value, text]) => {
    const option = el('option', null, text);
    option.value = value;
    mode.appendChild(option);
  });
  mode.value = article.moderation;
  modeCell.appendChild(mode);
  row.appendChild(modeCell);

  const actions = el('td');
  const moderate = el('button', 'btn btn-quiet', 'Moderate');
  moderate.type = 'button';
  moderate.setAttribute('aria-label', 'Moderate comments of ' + article.articleId);
  moderate.addEventListener('click', () => moderateArticle(article.articleId));
  actions.appendChild(moderate);
  row.appendChild(actions);

  const save = async () => {
    const request = { title: article.title, url: article.url, commentsOpen: open.checked, moderation: mode.value };
    open.disabled = true;
    mode.disabled = true;
    try {
      const answer = await call('PUT', '/api/admin/articles/' + encodeURIComponent(article.articleId), { body: request });
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
    } catch (e) {
      failed(e);
    } finally {
      open.disabled = false;
      mode.disabled = false;
    }
  };
  open.addEventListener('change', save);
  mode.addEventListener('change', save);
  return row;
}
