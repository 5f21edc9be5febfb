package news.comments.account;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Staff accounts: the first admin's password and how long a matched password is remembered. */
@ConfigMapping(prefix = "comments")
public interface AccountConfig {

    Admin admin();

    Accounts accounts();

    interface Admin {
        /** Password of the {@code admin} account created on first start; unset means a random one is logged once. */
        Optional<String> password();
    }

    interface Accounts {
        /**
         * How long this instance remembers that a moderator's password matched, so that their next requests skip
         * the bcrypt check (about 90 ms of CPU each). The account itself is read on every request. 0 = always check.
         */
        @WithDefault("5m")
        Duration verifiedLoginTtl();
    }
}
