package news.comments.e2e;

import news.comments.TestSettings;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

import static news.comments.TestApi.admin;

/**
 * The auto-moderation settings changed through the admin API for one browser test, and the previous document put
 * back on {@link #close()}: {@link TestSettings#with} as a resource, since browser tests throw checked exceptions.
 */
final class SettingsChange implements AutoCloseable {

    private final Map<String, Object> before;

    private SettingsChange(Map<String, Object> before) {
        this.before = before;
    }

    /** Keeps the current document and puts the changed one; {@code change} may also change nothing. */
    static SettingsChange of(Consumer<Map<String, Object>> change) {
        Map<String, Object> before = TestSettings.current();
        Map<String, Object> changed = new HashMap<>(before);
        change.accept(changed);
        admin().body(changed).put("/api/admin/settings").then().statusCode(200);
        return new SettingsChange(before);
    }

    @Override
    public void close() {
        admin().body(before).put("/api/admin/settings").then().statusCode(200);
    }
}
