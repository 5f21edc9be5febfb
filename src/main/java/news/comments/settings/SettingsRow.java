package news.comments.settings;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/** The one row holding the settings document as JSON; every instance reads it, so a change counts everywhere. */
@Entity
@Table(name = "settings")
class SettingsRow {

    static final int ID = 1;

    @Id
    int id;

    @Column(nullable = false)
    String document;

    @Column(name = "updated_by", nullable = false)
    String updatedBy;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    @Version
    long version;
}
