/*
 * The queue's shortcuts: j / k next and previous, a / r / s decide, x select, h history, b ban, and Esc to leave a
 * text field. They act on the highlighted comment only, and never while the moderator types.
 */
import { openBan } from './bans.js';
import { decide } from './decisions.js';
import { currentItem, focusCurrent, isSelected, moveBy, nodeOf, toggleSelected } from './list.js';
import { session } from './session.js';
import { $ } from './ui.js';

function typing(target) {
  if (!target || !target.tagName) return false;
  const tag = target.tagName.toLowerCase();
  if (tag === 'textarea' || tag === 'select' || target.isContentEditable) return true;
  if (tag === 'input') {
    const type = (target.type || 'text').toLowerCase();
    return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(type);
  }
  return false;
}

export function onKey(event) {
  if (!session() || $('queue-view').hidden) return;
  if (event.key === 'Escape' && typing(event.target) && !event.target.closest('.ban-form')) {
    // Leaves a filter or the reason field, so that the shortcuts work again
    event.target.blur();
    focusCurrent();
    return;
  }
  if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
  const item = currentItem();
  const inList = $('queue-list').contains(document.activeElement);
  if ((event.key === 'j' || event.key === 'k') && !inList && item) {
    // The first j or k brings the keyboard to the highlighted comment
    focusCurrent();
    event.preventDefault();
    return;
  }
  switch (event.key) {
    case 'j':
      moveBy(1);
      break;
    case 'k':
      moveBy(-1);
      break;
    case 'a':
      if (item) decide(item.id, 'approve', false);
      break;
    case 'r':
      if (item) decide(item.id, 'reject', false);
      break;
    case 's':
      if (item) decide(item.id, 'spam', false);
      break;
    case 'x':
      if (item) toggleSelected(item.id, !isSelected(item.id));
      break;
    case 'h':
      if (item) {
        const details = nodeOf(item.id).querySelector('.history');
        details.open = !details.open;
      }
      break;
    case 'b':
      if (item) openBan(nodeOf(item.id), item);
      break;
    default:
      return;
  }
  event.preventDefault();
}
