package news.comments.privacy;

/** The body of {@code POST /api/commenters/data-request}: the address, and {@code export} or {@code erase}. */
public record DataRequest(String email, String kind) {

    @Override
    public String toString() {
        return "DataRequest[" + kind + "]";
    }
}
