package de.auseinerhand.registry.infrastructure;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The data key of one person; {@code keyMaterial} is null once the person's data was erased. */
@Entity
@Table(name = "person_key")
public class PersonKey extends PanacheEntityBase {
    @Id
    @Column(name = "key_id")
    public String keyId;

    @Column(name = "person_id", nullable = false, unique = true)
    public UUID personId;

    @Column(name = "key_material")
    public byte[] keyMaterial;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "erased_at")
    public Instant erasedAt;
}
