package news.comments.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * HTTP Basic for moderators and admins, against the account table. The account is read on every request, so a
 * deleted account or a changed role counts at once on every instance. The bcrypt check, about 90 ms of CPU by
 * design, is made once per password and then remembered for {@code comments.accounts.verified-login-ttl}: without
 * that, each page of the moderation queue cost a bcrypt check (bench/README, benchmark 3). Only successes are
 * remembered, as an HMAC of the stored hash and the password under a key that exists only in this process's memory
 * (a new password or a re-created account has another stored hash, so nothing stale can match); a wrong password
 * always pays the full check, which is what slows guessing down.
 */
@ApplicationScoped
public class AccountIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    /** Checked when the username is unknown, so that the answer takes as long as for a wrong password. */
    private static final String NO_ACCOUNT_HASH = BcryptUtil.bcryptHash("no account has this password");

    private final AccountRepository accounts;
    private final Cache<String, Boolean> verified;
    private final SecretKeySpec processKey;

    AccountIdentityProvider(AccountRepository accounts, AccountConfig config) {
        this.accounts = accounts;
        this.verified = Caffeine.newBuilder().maximumSize(1000)
                .expireAfterWrite(config.accounts().verifiedLoginTtl()).build();
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        this.processKey = new SecretKeySpec(key, "HmacSHA256");
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
                                              AuthenticationRequestContext context) {
        return context.runBlocking(() -> identity(request.getUsername(),
                new String(request.getPassword().getPassword())));
    }

    private SecurityIdentity identity(String username, String password) {
        Optional<Login> login = QuarkusTransaction.requiringNew().call(() -> accounts.findByUsername(username)
                .map(account -> new Login(account.username, account.passwordHash, account.role)));
        if (login.isEmpty()) {
            BcryptUtil.matches(password, NO_ACCOUNT_HASH);
            throw new AuthenticationFailedException();
        }
        if (!matches(password, login.get().passwordHash())) {
            throw new AuthenticationFailedException();
        }
        return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(login.get().username()))
                .addRole(login.get().role()).build();
    }

    private boolean matches(String password, String passwordHash) {
        String remembered = digest(passwordHash, password);
        if (verified.getIfPresent(remembered) != null) {
            return true;
        }
        if (!BcryptUtil.matches(password, passwordHash)) {
            return false;
        }
        verified.put(remembered, Boolean.TRUE);
        return true;
    }

    private String digest(String passwordHash, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(processKey);
            mac.update(passwordHash.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return Base64.getEncoder().encodeToString(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private record Login(String username, String passwordHash, String role) {
    }
}
