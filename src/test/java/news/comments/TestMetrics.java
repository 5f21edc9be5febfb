package news.comments;

import io.restassured.RestAssured;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Prometheus scrape at /q/metrics, read as a test compares it before and after what it does. */
public final class TestMetrics {

    private TestMetrics() {
    }

    public static String scrape() {
        return RestAssured.given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The value of one series (name and exact labels as Prometheus prints them), 0 when absent. */
    public static double value(String scrape, String series) {
        Matcher matcher = Pattern.compile("^" + Pattern.quote(series) + " ([0-9.eE+-]+)$", Pattern.MULTILINE)
                .matcher(scrape);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }
}
