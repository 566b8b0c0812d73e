package de.auseinerhand.benefits.notices;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A notice still to render for an event of a case's benefit stream (written in that event's transaction). */
@Entity
@Table(name = "notice_job")
public class NoticeJob extends PanacheEntityBase {
    public static final String PENDING = "PENDING";
    /** Not issued: the addressee's data was erased before the notice could be rendered. */
    public static final String WITHHELD = "WITHHELD";
    /** Given up after repeated failures; the reason is in {@link #lastError}. */
    public static final String FAILED = "FAILED";

    @Id
    @Column(name = "source_event_id")
    public UUID sourceEventId;

    @Column(name = "case_id", nullable = false)
    public String caseId;

    @Column(name = "stream_version", nullable = false)
    public long streamVersion;

    @Column(name = "hearing_on")
    public LocalDate hearingOn;

    @Column(name = "enqueued_at", nullable = false)
    public Instant enqueuedAt;

    @Column(name = "not_before", nullable = false)
    public Instant notBefore;

    @Column(nullable = false)
    public int attempts;

    @Column(nullable = false)
    public String status = PENDING;

    @Column(name = "last_error")
    public String lastError;
}
