package de.auseinerhand.servicekit.tracing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.regex.Pattern;

/**
 * Keeps personal data out of the HTTP spans before any exporter sees them: a trace backend cannot honour
 * an erasure request (Art. 17 GDPR), and its retention is not ours. Case numbers and ids in the path
 * become placeholders ({@code /api/v1/cases/{caseId}/persons/{id}}), and the query string (a search by
 * surname, a birth date) is dropped. Picked up by Quarkus as a CDI {@link SpanProcessor}.
 */
@ApplicationScoped
public class RedactPersonalData implements SpanProcessor {

    static final AttributeKey<String> URL_PATH = AttributeKey.stringKey("url.path");
    static final AttributeKey<String> URL_QUERY = AttributeKey.stringKey("url.query");
    static final AttributeKey<String> URL_FULL = AttributeKey.stringKey("url.full");
    private static final Pattern CASE_NUMBER = Pattern.compile("BG-\\d{8}-\\d{6}");
    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** The path with case numbers and ids replaced by placeholders. */
    public static String redactPath(String path) {
        if (path == null) {
            return null;
        }
        return UUID.matcher(CASE_NUMBER.matcher(path).replaceAll("{caseId}")).replaceAll("{id}");
    }

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {
        String path = span.getAttribute(URL_PATH);
        if (path != null) {
            span.setAttribute(URL_PATH, redactPath(path));
        }
        if (span.getAttribute(URL_QUERY) != null) {
            span.setAttribute(URL_QUERY, "redacted");
        }
        String full = span.getAttribute(URL_FULL);
        if (full != null) {
            int query = full.indexOf('?');
            span.setAttribute(URL_FULL, redactPath(query < 0 ? full : full.substring(0, query)));
        }
        String name = span.getName();
        String redactedName = redactPath(name);
        if (name != null && !name.equals(redactedName)) {
            span.updateName(redactedName);
        }
    }

    @Override
    public boolean isStartRequired() {
        return true;
    }

    @Override
    public void onEnd(ReadableSpan span) {
        // attributes can only be changed while the span runs
    }

    @Override
    public boolean isEndRequired() {
        return false;
    }
}
