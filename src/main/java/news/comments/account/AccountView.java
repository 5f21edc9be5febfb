package news.comments.account;

import java.time.Instant;

/** An account as admins see it: no password hash. */
public record AccountView(String username, String role, Instant createdAt) {

    static AccountView of(Account account) {
        return new AccountView(account.username, account.role, account.createdAt);
    }
}
