package news.comments.ban;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Locale;
import java.util.Optional;

@ApplicationScoped
public class BanRepository implements PanacheRepository<Ban> {

    /** A ban on this email or this IP (ban_email_unique and ban_ip_idx serve it). */
    public Optional<Ban> firstMatching(String email, String ip) {
        return find("email = ?1 or ip = ?2 order by id", email.toLowerCase(Locale.ROOT), ip).firstResultOptional();
    }

    public boolean emailBanned(String email) {
        return count("email", email.toLowerCase(Locale.ROOT)) > 0;
    }
}
