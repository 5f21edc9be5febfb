package news.comments.imports;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.util.Optional;

/** Imports of WordPress, Disqus, Remark42 and Isso exports and of the service's own ({@code comments.imports.*}). */
@ConfigMapping(prefix = "comments.imports")
public interface ImportsConfig {

    /** Largest import file accepted by {@code POST /api/admin/imports}, which alone lifts the body limit. */
    @WithDefault("4G")
    MemorySize maxBytes();

    /** Comments written per transaction during an import, so readers are served in between. */
    @WithDefault("500")
    @Min(1)
    @Max(10000)
    int batchSize();

    /** Folder of the uploaded files while their import runs; unset means the system's temporary folder. */
    Optional<String> tempDir();
}
