/* The statuses a comment can have and the actions that move it, in the console's words. */

export const STATUS_LABEL = { PENDING: 'Pending', REPORTED: 'Reported', APPROVED: 'Approved', REJECTED: 'Rejected', SPAM: 'Spam' };
export const ACTION_DONE = { approve: 'approved', reject: 'rejected', spam: 'marked as spam' };
export const ACTION_STATUS = { approve: 'APPROVED', reject: 'REJECTED', spam: 'SPAM' };
/** What a comment became, in words: "rejected by bob". */
export const STATUS_DONE = { APPROVED: 'approved', REJECTED: 'rejected', SPAM: 'marked as spam', PENDING: 'put back in Pending' };

/** Whether the action changes the comment: approving a published one again dismisses its open reports. */
export function changes(item, action) {
  return ACTION_STATUS[action] !== item.status || (action === 'approve' && item.openReports > 0);
}
