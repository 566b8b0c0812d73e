package de.auseinerhand.registryview;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;

/** A member of a case as this service knows it: no names, only what the work and statistics need. */
@Entity
@Table(name = "known_person")
public class KnownPerson extends PanacheEntityBase {
    @Id
    @Column(name = "person_id")
    public UUID personId;

    @Column(name = "case_id", nullable = false)
    public String caseId;

    @Column(nullable = false)
    public String role;

    @Column(name = "birth_year_month", nullable = false)
    public String birthYearMonth;

    @Column(nullable = false)
    public String sex;

    @Column(nullable = false)
    public boolean employable;

    @Column(name = "single_parent", nullable = false)
    public boolean singleParent;

    @Column(name = "joined_on", nullable = false)
    public LocalDate joinedOn;

    @Column(name = "left_on")
    public LocalDate leftOn;

    @Column(nullable = false)
    public boolean erased;
}
