package news.comments.filter;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * The 64-bit key of a token in {@code filter_token}: FNV-1a over its UTF-16 characters, then a finalizer that spreads
 * the bits. Scoring hashes a few hundred tokens per comment, so SHA-256 (a microsecond each) would cost more than
 * the whole budget; two tokens sharing a key, about one chance in 10^9 with 200,000 tokens, only blur both.
 */
final class TokenHash {

    private TokenHash() {
    }

    static long of(String token) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < token.length(); i++) {
            hash ^= token.charAt(i);
            hash *= 0x100000001b3L;
        }
        hash ^= hash >>> 33;
        hash *= 0xff51afd7ed558ccdL;
        hash ^= hash >>> 33;
        return hash == 0 ? 1 : hash;
    }

    /** The keys of a list of tokens, 8 bytes each, as {@code filter_example.tokens} keeps them. */
    static byte[] pack(List<String> tokens) {
        ByteBuffer buffer = ByteBuffer.allocate(tokens.size() * Long.BYTES);
        tokens.forEach(t -> buffer.putLong(of(t)));
        return buffer.array();
    }

    static long[] unpack(byte[] packed) {
        ByteBuffer buffer = ByteBuffer.wrap(packed);
        long[] keys = new long[packed.length / Long.BYTES];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = buffer.getLong();
        }
        return keys;
    }
}
