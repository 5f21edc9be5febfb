package news.comments.web;

/** Something the caller named does not exist, or is not visible through this door. */
public class NotFoundException extends DomainException {

    public NotFoundException(String detail) {
        super(ProblemType.NOT_FOUND, detail);
    }
}
