package news.comments.commenter;

/**
 * What the service knows of an address at posting time: whether its owner has verified it, and whether this post
 * carried that owner's {@code commenterKey}. Only a matched key proves who is posting; a typed address proves nothing.
 */
public record Standing(boolean emailVerified, boolean keyMatched) {
}
