package news.comments.filter;

/**
 * This instance's copy of the model's counts: token hash → (ham, spam), an open-addressing table of primitives, so
 * 200,000 tokens take about 6 MB instead of the 25 MB boxed maps would. Not thread-safe: {@link SpamModel} guards it.
 */
final class TokenCounts {

    private long[] keys;
    private int[] ham;
    private int[] spam;
    private int size;

    TokenCounts(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1;
        keys = new long[capacity];
        ham = new int[capacity];
        spam = new int[capacity];
    }

    int size() {
        return size;
    }

    /** Sets a token's counts (they are absolute, as stored, so reading a row twice does no harm). */
    void put(long key, long hamCount, long spamCount) {
        long k = key == 0 ? 1 : key;
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        int slot = slotOf(k);
        if (keys[slot] == 0) {
            keys[slot] = k;
            size++;
        }
        ham[slot] = (int) Math.min(Integer.MAX_VALUE, hamCount);
        spam[slot] = (int) Math.min(Integer.MAX_VALUE, spamCount);
    }

    /** The ham count of a token, or 0 when unknown. */
    int ham(long key) {
        int slot = slotOf(key == 0 ? 1 : key);
        return keys[slot] == 0 ? 0 : ham[slot];
    }

    /** The spam count of a token, or 0 when unknown. */
    int spam(long key) {
        int slot = slotOf(key == 0 ? 1 : key);
        return keys[slot] == 0 ? 0 : spam[slot];
    }

    private int slotOf(long key) {
        int mask = keys.length - 1;
        int slot = (int) (mix(key) & mask);
        while (keys[slot] != 0 && keys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldHam = ham;
        int[] oldSpam = spam;
        keys = new long[oldKeys.length * 2];
        ham = new int[keys.length];
        spam = new int[keys.length];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                put(oldKeys[i], oldHam[i], oldSpam[i]);
            }
        }
    }

    private static long mix(long key) {
        long z = key * 0x9E3779B97F4A7C15L;
        return z ^ (z >>> 32);
    }

    @Override
    public String toString() {
        return "TokenCounts[" + size + " of " + keys.length + "]";
    }
}
