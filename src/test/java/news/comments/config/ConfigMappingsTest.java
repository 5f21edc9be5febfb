package news.comments.config;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.config.SmallRyeConfig;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Quarkus registers a {@code @ConfigMapping} only where one is injected; a mapping nobody injects gives its keys no
 * default and checks nothing at start-up, while docs/configuration.md still lists it. So every mapping the docs test
 * finds by scanning must be one the running service knows.
 */
@QuarkusTest
class ConfigMappingsTest {

    @Test
    void shouldRegisterEveryMappingOfTheService() {
        SmallRyeConfig config = ConfigProvider.getConfig().unwrap(SmallRyeConfig.class);
        List<String> unknown = new ArrayList<>();
        for (Class<?> mapping : ConfigurationDocsTest.serviceMappings()) {
            try {
                config.getConfigMapping(mapping);
            } catch (NoSuchElementException e) {
                unknown.add(mapping.getName());
            }
        }
        assertTrue(unknown.isEmpty(), () -> "not registered, so neither defaulted nor checked at start-up "
                + "(inject each where it is read): " + unknown);
    }
}
