package news.comments.config;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A setting with a fixed set of values is an enum in its feature's mapping, so a value outside the set stops the
 * service as it starts, with a message naming the key and the values it takes, instead of failing on first use
 * (an erasure, hours later) or never (a settings document already stored).
 */
@QuarkusMainTest
@TestProfile(StartupChecksTest.UnknownModes.class)
class StartupChecksTest {

    public static class UnknownModes implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("comments.privacy.erase-mode", "wipe", "comments.moderation.default-mode", "sometimes");
        }
    }

    // a service that starts anyway would wait for its end; the timeout fails the test instead
    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void shouldRefuseToStartWhenAModeIsUnknown(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch();

        String said = result.getErrorOutput() + "\n" + result.getOutput();
        assertEquals(1, result.exitCode(), said);
        assertTrue(said.contains("The config property comments.privacy.erase-mode with the config value \"wipe\""),
                said);
        assertTrue(said.contains("allowed values: anonymize,delete"), said);
        assertTrue(said.contains("The config property comments.moderation.default-mode with the config value "
                + "\"sometimes\""), said);
        assertTrue(said.contains("allowed values: pre,post"), said);
    }
}
