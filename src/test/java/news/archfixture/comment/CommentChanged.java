package news.archfixture.comment;

public record CommentChanged(long commentId) {
}
