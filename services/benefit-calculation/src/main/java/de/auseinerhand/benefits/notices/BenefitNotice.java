package de.auseinerhand.benefits.notices;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A stored notice: the encrypted PDF (null once erased) with what identifies it. Written once, never changed but by erasure. */
@Entity
@Table(name = "benefit_notice")
public class BenefitNotice extends PanacheEntityBase {
    @Id
    @Column(name = "notice_id")
    public UUID noticeId;

    @Column(name = "case_id", nullable = false)
    public String caseId;

    @Column(nullable = false)
    public String kind;

    @Column(name = "source_event_id", nullable = false, unique = true)
    public UUID sourceEventId;

    @Column(name = "decision_id")
    public UUID decisionId;

    @Column(name = "addressee_id", nullable = false)
    public UUID addresseeId;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "person_ids", nullable = false, columnDefinition = "uuid[]")
    public UUID[] personIds;

    @Column(name = "issued_on", nullable = false)
    public LocalDate issuedOn;

    @Column(name = "issued_at", nullable = false)
    public Instant issuedAt;

    @Column(nullable = false)
    public String template;

    @Column(nullable = false)
    public String sha256;

    @Column(name = "size_bytes", nullable = false)
    public int sizeBytes;

    /** {@link NoticeVault.Share}s as JSON. */
    @Column(nullable = false)
    public String shares;

    @Column(name = "pdf")
    public byte[] pdf;

    @Column(name = "erased_at")
    public Instant erasedAt;
}
