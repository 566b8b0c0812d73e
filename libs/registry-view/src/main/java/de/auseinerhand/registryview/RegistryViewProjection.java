package de.auseinerhand.registryview;

import de.auseinerhand.events.EventCodec;
import de.auseinerhand.events.EventData;
import de.auseinerhand.events.EventEnvelope;
import de.auseinerhand.events.registry.CaseClosed;
import de.auseinerhand.events.registry.CaseMoved;
import de.auseinerhand.events.registry.CaseOpened;
import de.auseinerhand.events.registry.CitizenLinked;
import de.auseinerhand.events.registry.CitizenUnlinked;
import de.auseinerhand.events.registry.EmployabilityChanged;
import de.auseinerhand.events.registry.PersonDataErased;
import de.auseinerhand.events.registry.PersonJoinedCase;
import de.auseinerhand.events.registry.PersonLeftCase;
import de.auseinerhand.events.registry.PersonRegistered;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;

/**
 * Applies registry events to {@code known_case}/{@code known_person}. Runs inside the consumer's
 * transaction (with the inbox row and checkpoint); events of other services pass through unchanged.
 */
@ApplicationScoped
public class RegistryViewProjection {

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(EventEnvelope envelope) {
        if (!envelope.type().startsWith("de.auseinerhand.registry.")) {
            return;
        }
        EventData data = EventCodec.instance().decode(envelope);
        if (data instanceof CaseOpened e) {
            KnownCase c = KnownCase.findById(e.caseId());
            if (c == null) {
                c = new KnownCase();
                c.caseId = e.caseId();
            }
            c.municipality = e.municipality();
            c.openedOn = e.openedOn();
            c.updatedAt = envelope.time();
            c.persist();
            return;
        }
        KnownCase c = KnownCase.findById(envelope.subject());
        if (c == null) {
            throw new IllegalStateException("event " + envelope.type() + " for unknown case " + envelope.subject());
        }
        c.updatedAt = envelope.time() == null ? Instant.now(clock) : envelope.time();
        if (data instanceof CitizenLinked e) {
            KnownCase.getEntityManager().createNativeQuery(
                    "insert into known_case_citizen (citizen_id, case_id) values (?1, ?2) on conflict do nothing")
                    .setParameter(1, e.citizenId()).setParameter(2, c.caseId).executeUpdate();
        } else if (data instanceof CitizenUnlinked e) {
            KnownCase.getEntityManager().createNativeQuery("delete from known_case_citizen where citizen_id = ?1 and case_id = ?2")
                    .setParameter(1, e.citizenId()).setParameter(2, c.caseId).executeUpdate();
        } else if (data instanceof PersonRegistered e) {
            KnownPerson p = KnownPerson.findById(e.personId());
            if (p == null) {
                p = new KnownPerson();
                p.personId = e.personId();
            }
            p.caseId = c.caseId;
            p.role = e.role().name();
            p.birthYearMonth = e.birthYearMonth().toString();
            p.sex = e.sex().name();
            p.employable = e.employable();
            p.singleParent = e.singleParent();
            p.joinedOn = e.effectiveFrom();
            if (e.pii() != null) {
                p.piiKeyId = e.pii().keyId();
                p.piiAlgorithm = e.pii().alg();
                p.piiCiphertext = e.pii().ciphertext();
            }
            p.registeredOn = e.effectiveFrom();
            p.leftOn = null;
            p.persist();
        } else if (data instanceof EmployabilityChanged e) {
            KnownPerson p = KnownPerson.findById(e.personId());
            if (p != null) {
                p.employable = e.employable();
                p.employabilityRecorded = true;
            }
        } else if (data instanceof PersonLeftCase e) {
            KnownPerson p = KnownPerson.findById(e.personId());
            if (p != null) {
                p.leftOn = e.effectiveFrom();
            }
        } else if (data instanceof PersonJoinedCase e) {
            KnownPerson p = KnownPerson.findById(e.personId());
            if (p != null) {
                p.caseId = c.caseId;
                p.role = e.role().name();
                p.joinedOn = e.effectiveFrom();
                p.leftOn = null;
            }
        } else if (data instanceof CaseMoved e) {
            c.municipality = e.toMunicipality();
        } else if (data instanceof CaseClosed e) {
            c.closedOn = e.effectiveFrom();
        } else if (data instanceof PersonDataErased e) {
            KnownPerson p = KnownPerson.findById(e.personId());
            if (p != null) {
                p.erased = true;
            }
        }
    }
}
