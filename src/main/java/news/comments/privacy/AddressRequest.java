package news.comments.privacy;

/** The body of the admins' {@code POST /api/admin/commenters/export} and {@code /erase}: the address concerned. */
public record AddressRequest(String email) {

    @Override
    public String toString() {
        return "AddressRequest[redacted]";
    }
}
