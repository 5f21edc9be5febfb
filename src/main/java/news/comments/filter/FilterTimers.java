package news.comments.filter;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** The filter's two timers, alike: median and 99th percentile over the last minutes, plus count, sum and max. */
final class FilterTimers {

    private FilterTimers() {
    }

    static Timer timer(MeterRegistry metrics, String name, String description) {
        return Timer.builder(name).description(description).publishPercentiles(0.5, 0.99).register(metrics);
    }
}
