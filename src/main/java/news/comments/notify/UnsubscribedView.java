package news.comments.notify;

/** What an unsubscribe stopped: {@code replies} (to one comment) or {@code all} (all mail to the address). */
public record UnsubscribedView(String unsubscribed) {
}
