package news.comments.automod;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Blocked addresses: an exact address ({@code spammer@example.com}, any case) or a whole domain
 * ({@code @example.com}, which also covers its subdomains such as {@code mail.example.com}).
 */
public final class EmailBlocks {

    private static final Pattern DOMAIN = Pattern.compile("@[^@\\s]+\\.[^@\\s.]+");
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s]+@[^@\\s]+");

    private final List<String> entries;

    public EmailBlocks(List<String> entries) {
        this.entries = entries.stream().map(e -> e.strip().toLowerCase(Locale.ROOT)).toList();
    }

    public static boolean isValid(String entry) {
        return entry != null && (DOMAIN.matcher(entry.strip()).matches() || ADDRESS.matcher(entry.strip()).matches());
    }

    public Optional<String> firstMatching(String email) {
        String lower = email.toLowerCase(Locale.ROOT);
        String domain = lower.substring(lower.lastIndexOf('@') + 1);
        for (String entry : entries) {
            if (entry.startsWith("@")) {
                String blocked = entry.substring(1);
                if (domain.equals(blocked) || domain.endsWith("." + blocked)) {
                    return Optional.of(entry);
                }
            } else if (entry.equals(lower)) {
                return Optional.of(entry);
            }
        }
        return Optional.empty();
    }
}
