package news.comments.account;

import news.comments.web.InvalidRequestException;

import java.util.Locale;

/** The roles of the service: moderators decide on comments, admins also run articles, accounts and settings. */
public enum Role {
    MODERATOR, ADMIN;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Role parse(String value) {
        for (Role role : values()) {
            if (role.value().equals(value)) {
                return role;
            }
        }
        throw InvalidRequestException.of("role", "must be moderator or admin");
    }
}
