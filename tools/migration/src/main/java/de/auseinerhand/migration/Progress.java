package de.auseinerhand.migration;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** A progress line on the terminal at most once a second: households done and rejected, households per second, ETA. */
public class Progress {
    private final PrintStream out;
    private final Clock clock;
    private final long total;
    private final String what;
    private final Instant started;
    private Instant shown;

    /** @param total the number of lines expected (0 when unknown: no ETA) */
    public Progress(PrintStream out, Clock clock, long total, String what) {
        this.out = out;
        this.clock = clock;
        this.total = total;
        this.what = what;
        this.started = clock.instant();
        this.shown = started;
    }

    public static Progress silent() {
        return new Progress(null, Clock.systemUTC(), 0, "") {
            @Override
            public void line(long ok, long rejected) {
            }

            @Override
            public void done(long ok, long rejected) {
            }
        };
    }

    public void line(long ok, long rejected) {
        Instant now = clock.instant();
        if (Duration.between(shown, now).toMillis() >= 1000) {
            shown = now;
            out.print("\r" + render(ok, rejected, now));
            out.flush();
        }
    }

    public void done(long ok, long rejected) {
        out.println("\r" + render(ok, rejected, clock.instant()));
    }

    String render(long ok, long rejected, Instant now) {
        double seconds = Math.max(0.001, Duration.between(started, now).toMillis() / 1000.0);
        long done = ok + rejected;
        double rate = done / seconds;
        StringBuilder s = new StringBuilder(what).append(": ");
        if (total > 0) {
            int width = 30;
            int filled = (int) Math.min(width, width * done / total);
            s.append('[').append("#".repeat(filled)).append(" ".repeat(width - filled)).append("] ");
        }
        s.append(String.format("%,d households (%,d rejected), %,.0f/s", done, rejected, rate));
        if (total > 0 && rate > 0 && done < total) {
            long eta = (long) ((total - done) / rate);
            s.append(String.format(", ETA %d:%02d", eta / 60, eta % 60));
        } else {
            s.append(String.format(", %.1f s", seconds));
        }
        return s.toString();
    }
}
