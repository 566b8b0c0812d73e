package de.auseinerhand.matching;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.UUID;

/**
 * Deterministic order of matches (score descending, then distance ascending with unknown distances
 * last, then id) and keyset pagination over it: the cursor is the position of the last item shown,
 * so inserts and removals between pages neither repeat nor skip items of an unchanged ranking.
 */
public final class Ranking {

    /** A ranked candidate: its id, score and distance. */
    public record Ranked(UUID id, int score, int distanceKm) {
    }

    /** A page and the cursor of the next one (null at the end). */
    public record Page(List<Ranked> items, String nextCursor) {
    }

    public static final Comparator<Ranked> ORDER = Comparator.comparingInt((Ranked r) -> -r.score())
            .thenComparingInt(r -> r.distanceKm() < 0 ? Integer.MAX_VALUE : r.distanceKm())
            .thenComparing(Ranked::id);

    private Ranking() {
    }

    /** The best {@code limit} candidates after {@code cursor}, in O(n log limit). */
    public static Page page(Iterable<Ranked> candidates, String cursor, int limit) {
        TopK top = new TopK(cursor, limit);
        for (Ranked r : candidates) {
            top.offer(r.id(), r.score(), r.distanceKm());
        }
        return top.page();
    }

    /**
     * Collects the best {@code limit} candidates after the cursor while they are scored, allocating
     * only for candidates that enter the current top: ranking 50,000 candidates costs little more
     * than looking at them.
     */
    public static final class TopK {
        private final Ranked after;
        private final int limit;
        private final PriorityQueue<Ranked> worstFirst;
        private long accepted;

        /** @throws IllegalArgumentException for a cursor this API did not issue */
        public TopK(String cursor, int limit) {
            this.after = decode(cursor);
            this.limit = limit;
            this.worstFirst = new PriorityQueue<>(limit + 1, ORDER.reversed());
        }

        public void offer(UUID id, int score, int distanceKm) {
            if (after != null && compare(score, distanceKm, id, after) <= 0) {
                return;
            }
            accepted++;
            if (worstFirst.size() == limit) {
                if (compare(score, distanceKm, id, worstFirst.peek()) >= 0) {
                    return;
                }
                worstFirst.poll();
            }
            worstFirst.add(new Ranked(id, score, distanceKm));
        }

        /**
         * True when a candidate scoring at most {@code bound} points can no longer change the page:
         * the top is full, it is known that more candidates follow, and the bound is below the worst
         * score in the top.
         */
        public boolean cannotEnter(int bound) {
            return accepted > limit && bound < worstFirst.peek().score();
        }

        public Page page() {
            List<Ranked> items = new ArrayList<>(worstFirst);
            items.sort(ORDER);
            String next = accepted > limit && !items.isEmpty() ? encode(items.get(items.size() - 1)) : null;
            return new Page(items, next);
        }

        /** {@link #ORDER} on primitives first, so the common case allocates nothing. */
        private static int compare(int score, int km, UUID id, Ranked r) {
            if (score != r.score()) {
                return score > r.score() ? -1 : 1;
            }
            int a = km < 0 ? Integer.MAX_VALUE : km;
            int b = r.distanceKm() < 0 ? Integer.MAX_VALUE : r.distanceKm();
            if (a != b) {
                return a < b ? -1 : 1;
            }
            return id.compareTo(r.id());
        }
    }

    static String encode(Ranked r) {
        String raw = r.score() + ":" + r.distanceKm() + ":" + r.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws IllegalArgumentException for a cursor this API did not issue */
    static Ranked decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":");
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a cursor of this API");
        }
        return new Ranked(UUID.fromString(parts[2]), Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
    }
}
