package de.auseinerhand.events.benefits;

import de.auseinerhand.events.CaseEventType;
import de.auseinerhand.events.EventData;
import de.auseinerhand.events.OptionalField;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A written decision (Bescheid) was issued for the event {@code sourceEventId} of the case's benefit stream: a PDF
 * rendered with template {@code template}, stored immutably and identified by its SHA-256 ({@code sha256}, lower-case
 * hex, {@code sizeBytes} bytes). The notice is addressed to {@code addresseeId}; names and addresses are only inside the
 * stored PDF, which is encrypted so that erasing any member's key makes it unreadable. {@code decisionId} names the
 * decision concerned (absent for a reduction).
 */
@CaseEventType(domain = "benefits", name = "notice-issued")
public record NoticeIssued(
        UUID noticeId,
        NoticeKind kind,
        UUID sourceEventId,
        @OptionalField UUID decisionId,
        UUID addresseeId,
        LocalDate issuedOn,
        String template,
        String sha256,
        int sizeBytes) implements EventData {
}
