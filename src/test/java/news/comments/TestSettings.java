package news.comments;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

import static news.comments.TestApi.admin;

/**
 * Runs a test with the auto-moderation settings changed through the admin API, then puts the previous document
 * back, so that tests stay independent of each other.
 */
public final class TestSettings {

    private TestSettings() {
    }

    public static Map<String, Object> current() {
        return new HashMap<>(admin().get("/api/admin/settings").then().statusCode(200).extract().jsonPath()
                .getMap(""));
    }

    public static void with(Consumer<Map<String, Object>> change, Runnable test) {
        Map<String, Object> before = current();
        Map<String, Object> changed = new HashMap<>(before);
        change.accept(changed);
        admin().body(changed).put("/api/admin/settings").then().statusCode(200);
        try {
            test.run();
        } finally {
            admin().body(before).put("/api/admin/settings").then().statusCode(200);
        }
    }
}
