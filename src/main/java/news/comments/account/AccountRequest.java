package news.comments.account;

/** A new account. The password is hashed at once and never stored or shown as given. */
public record AccountRequest(String username, String password, String role) {

    @Override
    public String toString() {
        return "AccountRequest[" + username + "]";
    }
}
