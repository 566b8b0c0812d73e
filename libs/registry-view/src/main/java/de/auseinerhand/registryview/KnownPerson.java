package de.auseinerhand.registryview;

import de.auseinerhand.events.registry.WorkingAge;
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

    /** The business date of the registration. */
    @Column(name = "registered_on")
    public LocalDate registeredOn;

    /** Whether a change of employability was recorded after the registration (then {@link #employable} is its value). */
    @Column(name = "employability_recorded", nullable = false)
    public boolean employabilityRecorded;

    /** The registry's encrypted identifying data (never decrypted into this table): key id, algorithm, ciphertext. */
    @Column(name = "pii_key_id")
    public String piiKeyId;

    @Column(name = "pii_algorithm")
    public String piiAlgorithm;

    @Column(name = "pii_ciphertext")
    public String piiCiphertext;

    /** The encrypted identifying data, or null when the registry sent none. */
    public de.auseinerhand.events.EncryptedPii pii() {
        return piiCiphertext == null ? null : new de.auseinerhand.events.EncryptedPii(piiKeyId, piiAlgorithm, piiCiphertext);
    }

    /**
     * Employable in {@code month} (§ 7(1) Nr. 1, § 7a, § 8): of working age, and able to work as last recorded;
     * without a recorded change, a person registered under 15 counts as able to work from the 15th birthday.
     */
    public boolean employableIn(java.time.YearMonth month) {
        java.time.YearMonth born = java.time.YearMonth.parse(birthYearMonth);
        if (!WorkingAge.in(born, month)) {
            return false;
        }
        if (employabilityRecorded) {
            return employable;
        }
        boolean registeredYoung = registeredOn != null && java.time.YearMonth.from(registeredOn).isBefore(WorkingAge.firstMonth(born));
        return employable || registeredYoung;
    }
}
