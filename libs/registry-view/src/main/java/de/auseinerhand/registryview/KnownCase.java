package de.auseinerhand.registryview;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** A case as this service knows it from the registry's events. */
@Entity
@Table(name = "known_case")
public class KnownCase extends PanacheEntityBase {
    @Id
    @Column(name = "case_id")
    public String caseId;

    @Column(nullable = false)
    public String municipality;

    @Column(name = "opened_on", nullable = false)
    public LocalDate openedOn;

    @Column(name = "closed_on")
    public LocalDate closedOn;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
