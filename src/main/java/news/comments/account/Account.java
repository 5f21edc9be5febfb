package news.comments.account;

import io.quarkus.security.jpa.Password;
import io.quarkus.security.jpa.Roles;
import io.quarkus.security.jpa.UserDefinition;
import io.quarkus.security.jpa.Username;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A moderator or admin. Quarkus Security JPA reads it for HTTP Basic; the password is a bcrypt hash in modular
 * crypt format, never the password itself.
 */
@Entity
@Table(name = "account")
@UserDefinition
public class Account {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Username
    @Column(nullable = false, unique = true)
    String username;

    @Password
    @Column(name = "password_hash", nullable = false)
    String passwordHash;

    @Roles
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
