package news.comments.config;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.ConfigValidationException;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import news.comments.moderation.ModerationConfig;
import news.comments.privacy.PrivacyConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A setting with a fixed set of values is an enum in its feature's mapping, so a value outside the set is refused
 * when the mappings are built, with a message naming the key and the values it takes, instead of failing on first
 * use (an erasure, hours later) or never (a settings document already stored). Quarkus builds every registered
 * mapping as the service starts and stops it on such a refusal; {@code ConfigMappingsTest} checks that every mapping
 * is registered. This builds the two mappings the way Quarkus does, without starting a second service.
 */
class StartupChecksTest {

    @Test
    void shouldRefuseAnUnknownModeNamingTheKeyAndTheValuesItTakes() {
        ConfigValidationException refused = assertThrows(ConfigValidationException.class, () ->
                new SmallRyeConfigBuilder()
                        .withConverter(Duration.class, 200, new DurationConverter())
                        .withMapping(PrivacyConfig.class)
                        .withMapping(ModerationConfig.class)
                        .withSources(new PropertiesConfigSource(Map.of("comments.privacy.erase-mode", "wipe",
                                "comments.moderation.default-mode", "sometimes"), "test", 500))
                        .build());

        String said = refused.getMessage();
        assertTrue(said.contains("comments.privacy.erase-mode") && said.contains("wipe"), said);
        assertTrue(said.contains("anonymize,delete"), said);
        assertTrue(said.contains("comments.moderation.default-mode") && said.contains("sometimes"), said);
        assertTrue(said.contains("pre,post"), said);
    }

    @Test
    void shouldTakeTheDocumentedValuesInAnyCase() {
        new SmallRyeConfigBuilder()
                .withConverter(Duration.class, 200, new DurationConverter())
                .withMapping(PrivacyConfig.class)
                .withMapping(ModerationConfig.class)
                .withSources(new PropertiesConfigSource(Map.of("comments.privacy.erase-mode", "DELETE",
                        "comments.moderation.default-mode", "post"), "test", 500))
                .build();
    }
}
