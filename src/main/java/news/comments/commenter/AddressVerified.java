package news.comments.commenter;

/**
 * A reader proved they control an address. Fired inside the verifying transaction, so that what waits for the
 * address (comments held by {@code comments.mail.require-verification}) moves in the same commit.
 */
public record AddressVerified(String emailLowerCase) {

    @Override
    public String toString() {
        return "AddressVerified[redacted]";
    }
}
