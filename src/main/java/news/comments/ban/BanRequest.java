package news.comments.ban;

/** Why the author is banned, and whether their IP is banned with their email. */
public record BanRequest(String reason, Boolean banIp) {
}
