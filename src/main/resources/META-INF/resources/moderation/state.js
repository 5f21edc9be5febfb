/* What the console knows in this tab, shared by its views, and the words it uses for statuses and actions. */

export const PAGE_SIZE = 50;
export const STORAGE_KEY = 'comments-console';
export const STATUS_LABEL = { PENDING: 'Pending', REPORTED: 'Reported', APPROVED: 'Approved', REJECTED: 'Rejected', SPAM: 'Spam' };
export const ACTION_DONE = { approve: 'approved', reject: 'rejected', spam: 'marked as spam' };
export const ACTION_STATUS = { approve: 'APPROVED', reject: 'REJECTED', spam: 'SPAM' };
/** What a comment became, in words: "rejected by bob". */
export const STATUS_DONE = { APPROVED: 'approved', REJECTED: 'rejected', SPAM: 'marked as spam', PENDING: 'put back in Pending' };

export const state = {
  auth: null,             // {user, token, admin}
  status: 'PENDING',
  articleId: '',
  rule: '',
  next: null,
  items: [],              // ModerationItem objects in list order
  nodes: {},              // id -> <li>
  currentId: null,        // id of the highlighted comment, the one shortcuts act on
  selected: {},           // id -> true
  elsewhere: {},          // id -> what another moderator made of a shown comment: {text}
  deciding: {},           // id -> true while this console's own decision on it is on its way
  loadedOnce: false,
  loadSeq: 0,
  stream: null,           // AbortController of the live stream
  streamDelay: 1000,
  missedBelow: 0,
  settings: null,
  articlesNext: null,
  banned: {}              // lower-cased email -> the ban made in this tab
};

export const $ = (id) => document.getElementById(id);
