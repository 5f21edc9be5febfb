package news.comments.automod;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A stored {@link Hit}: one rule that fired on one comment. The queue filters on {@code rule_name}. */
@Entity
@Table(name = "rule_hit")
class RuleHitEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "comment_id", nullable = false)
    long commentId;

    @Column(name = "rule_name", nullable = false)
    String rule;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    Effect effect;

    @Column(nullable = false)
    String detail;

    Hit toHit() {
        return new Hit(rule, effect, detail);
    }
}
