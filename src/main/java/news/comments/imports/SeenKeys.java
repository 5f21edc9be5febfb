package news.comments.imports;

import java.nio.charset.StandardCharsets;

/**
 * The keys a dry run has met so far (articles and comments of the file), kept as 64-bit hashes in an open-addressing
 * table: 8 bytes a key at most twice over, so a dry run of a million comments stays in bounded memory where a set of
 * strings would not. Two keys sharing a hash (about one chance in 10<sup>7</sup> at a million keys) would count one
 * comment as skipped that an import creates: a dry run estimates, the import decides.
 */
final class SeenKeys {

    private long[] table = new long[1 << 12];
    private int size;
    private boolean zeroSeen;

    /** Adds the key; answers whether it was new. */
    boolean add(String kind, String key) {
        long hash = hash(kind + "\u0000" + key);
        if (hash == 0) {
            boolean added = !zeroSeen;
            zeroSeen = true;
            return added;
        }
        if (size * 2 >= table.length) {
            grow();
        }
        int mask = table.length - 1;
        for (int i = (int) (hash ^ hash >>> 32) & mask; ; i = i + 1 & mask) {
            if (table[i] == hash) {
                return false;
            }
            if (table[i] == 0) {
                table[i] = hash;
                size++;
                return true;
            }
        }
    }

    private void grow() {
        long[] old = table;
        table = new long[old.length * 2];
        int mask = table.length - 1;
        for (long hash : old) {
            if (hash != 0) {
                int i = (int) (hash ^ hash >>> 32) & mask;
                while (table[i] != 0) {
                    i = i + 1 & mask;
                }
                table[i] = hash;
            }
        }
    }

    /** FNV-1a over the UTF-8 bytes, then a 64-bit finalizer so that near keys spread. */
    private static long hash(String key) {
        long h = 0xcbf29ce484222325L;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }

    int size() {
        return size + (zeroSeen ? 1 : 0);
    }

    @Override
    public String toString() {
        return "SeenKeys[" + size() + "]";
    }
}
