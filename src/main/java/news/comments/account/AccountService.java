package news.comments.account;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import news.comments.comment.Actor;
import news.comments.infra.InsertOnce;
import news.comments.web.DomainException;
import news.comments.web.InvalidRequestException;
import news.comments.web.NotFoundException;
import news.comments.web.Problem;
import news.comments.web.ProblemType;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Moderator and admin accounts, kept in the database so that every instance knows the same people. */
@ApplicationScoped
public class AccountService {

    /** bcrypt reads at most 72 bytes of a password; a longer one would be silently cut, so it is refused. */
    static final int PASSWORD_MAX_BYTES = 72;
    static final int PASSWORD_MIN = 10;
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{3,100}");

    private final AccountRepository accounts;
    private final Clock clock;

    AccountService(AccountRepository accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    public AccountView create(AccountRequest request) {
        if (request == null) {
            request = new AccountRequest(null, null, null);
        }
        List<Problem.Violation> violations = new ArrayList<>();
        if (request.username() == null || !USERNAME.matcher(request.username()).matches()) {
            violations.add(new Problem.Violation("username",
                    "must be 3 to 100 letters, digits, '.', '_' or '-'"));
        } else if (Actor.isReserved(request.username())) {
            // the history names the service's own actors so; an account of that name would pass for one of them
            violations.add(new Problem.Violation("username", "must not be system, author or import"));
        }
        String password = request.password();
        if (password == null || password.codePointCount(0, password.length()) < PASSWORD_MIN
                || password.getBytes(StandardCharsets.UTF_8).length > PASSWORD_MAX_BYTES) {
            violations.add(new Problem.Violation("password",
                    "must be at least " + PASSWORD_MIN + " characters and at most " + PASSWORD_MAX_BYTES
                            + " bytes"));
        }
        Role role = null;
        try {
            role = Role.parse(request.role());
        } catch (InvalidRequestException e) {
            violations.add(new Problem.Violation("role", "must be moderator or admin"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        Account account = new Account(request.username(), BcryptUtil.bcryptHash(password), role, clock.instant());
        if (!InsertOnce.tryInsert(() -> accounts.persist(account))) {
            throw new DomainException(ProblemType.CONFLICT, "An account with this username exists");
        }
        return AccountView.of(account);
    }

    @Transactional
    public List<AccountView> list() {
        return accounts.listAll(io.quarkus.panache.common.Sort.by("username")).stream()
                .map(AccountView::of).toList();
    }

    /** Deletes an account; the last admin stays, or nobody could manage the service any more. */
    @Transactional
    public void delete(String username) {
        Account account = accounts.findByUsername(username)
                .orElseThrow(() -> new NotFoundException("There is no account with this username"));
        if (Role.ADMIN.value().equals(account.role) && accounts.countAdmins() <= 1) {
            throw new DomainException(ProblemType.CONFLICT, "The last admin account cannot be deleted");
        }
        accounts.delete(account);
    }
}
