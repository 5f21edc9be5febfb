package news.archfixture.comment;

public class CommentRepository {

    public void persist(Comment comment) {
    }

    public Comment findById(long id) {
        return new Comment();
    }
}
