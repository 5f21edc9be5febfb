package news.comments.account;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import news.comments.infra.InsertOnce;
import org.jboss.logging.Logger;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;

/**
 * Makes sure someone can log in on a fresh database: with no admin yet, an {@code admin} account is created with
 * {@code comments.admin.password}, or with a random password that is logged this once. Two instances starting
 * together race on the unique username, and the loser does nothing.
 */
@ApplicationScoped
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);

    void onStart(@Observes StartupEvent event, AccountRepository accounts, AccountConfig config, Clock clock) {
        boolean hasAdmin = QuarkusTransaction.requiringNew().call(() -> accounts.countAdmins() > 0);
        if (hasAdmin) {
            return;
        }
        boolean generated = config.admin().password().isEmpty();
        String password = config.admin().password().orElseGet(AdminBootstrap::randomPassword);
        if (!InsertOnce.tryInsert(() -> accounts.persist(
                new Account("admin", BcryptUtil.bcryptHash(password), Role.ADMIN, clock.instant())))) {
            LOG.info("Another instance created the admin account first");
            return;
        }
        if (generated) {
            LOG.warnf("Created account 'admin' with the generated password %s - set COMMENTS_ADMIN_PASSWORD to choose "
                    + "one; this password is not shown again", password);
        } else {
            LOG.info("Created account 'admin' with the password from comments.admin.password");
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
