package news.comments.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A moderator or admin. {@link AccountIdentityProvider} reads it for HTTP Basic; the password is a bcrypt hash in
 * modular crypt format, never the password itself.
 */
@Entity
@Table(name = "account")
public class Account {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(nullable = false, unique = true)
    String username;

    @Column(name = "password_hash", nullable = false)
    String passwordHash;

    @Column(nullable = false)
    String role;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    protected Account() {
    }

    Account(String username, String passwordHash, Role role, Instant createdAt) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.role = role.value();
        this.createdAt = createdAt;
    }

    @Override
    public String toString() {
        return "Account[" + username + "]";
    }
}
