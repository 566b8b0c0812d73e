package de.auseinerhand.events;

import de.auseinerhand.events.benefits.ApplicationReceived;
import de.auseinerhand.events.benefits.ApplicationWithdrawn;
import de.auseinerhand.events.benefits.BenefitReductionImposed;
import de.auseinerhand.events.benefits.BenefitReductionLifted;
import de.auseinerhand.events.benefits.CostReductionNoticeIssued;
import de.auseinerhand.events.benefits.NoticeIssued;
import de.auseinerhand.events.benefits.ApprovalRequested;
import de.auseinerhand.events.benefits.ApprovalDecided;
import de.auseinerhand.events.benefits.CostReductionNoticeWithdrawn;
import de.auseinerhand.events.benefits.EntitlementAmended;
import de.auseinerhand.events.benefits.EntitlementDecided;
import de.auseinerhand.events.benefits.EntitlementTerminated;
import de.auseinerhand.events.benefits.MonthlyEntitlementPosted;
import de.auseinerhand.events.placement.ClientProfileRecorded;
import de.auseinerhand.events.placement.CooperationPlanAgreed;
import de.auseinerhand.events.placement.BreachOfDutyRecorded;
import de.auseinerhand.events.placement.CooperationPlanDisputeEnded;
import de.auseinerhand.events.placement.CooperationPlanDisputeStarted;
import de.auseinerhand.events.placement.CooperationPlanUpdated;
import de.auseinerhand.events.placement.EmployerRegistered;
import de.auseinerhand.events.placement.EmploymentEnded;
import de.auseinerhand.events.placement.IntegrationRecorded;
import de.auseinerhand.events.placement.JobOfferClosed;
import de.auseinerhand.events.placement.JobOfferPublished;
import de.auseinerhand.events.placement.MeasureAssigned;
import de.auseinerhand.events.placement.MeasureAssignmentWithdrawn;
import de.auseinerhand.events.placement.MeasureEnded;
import de.auseinerhand.events.placement.MeasureStarted;
import de.auseinerhand.events.placement.PlacementOutcomeRecorded;
import de.auseinerhand.events.placement.PlacementProposed;
import de.auseinerhand.events.registry.AssetsDeclared;
import de.auseinerhand.events.registry.CaseClosed;
import de.auseinerhand.events.registry.CaseMoved;
import de.auseinerhand.events.registry.CaseOpened;
import de.auseinerhand.events.registry.CaseworkerAssigned;
import de.auseinerhand.events.registry.CitizenLinked;
import de.auseinerhand.events.registry.CitizenUnlinked;
import de.auseinerhand.events.registry.CircumstancesRecorded;
import de.auseinerhand.events.registry.EmployabilityChanged;
import de.auseinerhand.events.registry.HousingCostsDeclared;
import de.auseinerhand.events.registry.IncomeDeclared;
import de.auseinerhand.events.registry.PersonDataErased;
import de.auseinerhand.events.registry.PersonJoinedCase;
import de.auseinerhand.events.registry.PersonLeftCase;
import de.auseinerhand.events.registry.PersonRegistered;
import de.auseinerhand.events.registry.UnemploymentEnded;
import de.auseinerhand.events.registry.UnemploymentStarted;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registry of case-event types: stable type names to record classes and back. A class can be
 * renamed or moved freely; its {@link CaseEventType} must not change once published.
 */
public final class EventTypes {

    /** Every published event type. Adding a type here makes the approval and schema tests demand its example and schema. */
    public static final List<Class<? extends EventData>> ALL = List.of(
            CaseOpened.class, PersonRegistered.class, PersonJoinedCase.class, PersonLeftCase.class, CaseMoved.class,
            CaseworkerAssigned.class, CitizenLinked.class, CitizenUnlinked.class, UnemploymentStarted.class, UnemploymentEnded.class, IncomeDeclared.class,
            HousingCostsDeclared.class, AssetsDeclared.class, CaseClosed.class, PersonDataErased.class, EmployabilityChanged.class, CircumstancesRecorded.class,
            ApplicationReceived.class, ApplicationWithdrawn.class, EntitlementDecided.class, EntitlementAmended.class, EntitlementTerminated.class,
            BenefitReductionImposed.class, BenefitReductionLifted.class, MonthlyEntitlementPosted.class,
            CostReductionNoticeIssued.class, CostReductionNoticeWithdrawn.class, NoticeIssued.class, ApprovalRequested.class,
            ApprovalDecided.class,
            EmployerRegistered.class, JobOfferPublished.class, JobOfferClosed.class, ClientProfileRecorded.class, CooperationPlanAgreed.class,
            CooperationPlanUpdated.class, CooperationPlanDisputeStarted.class, CooperationPlanDisputeEnded.class, BreachOfDutyRecorded.class, PlacementProposed.class, PlacementOutcomeRecorded.class, MeasureAssigned.class, MeasureAssignmentWithdrawn.class, MeasureStarted.class, MeasureEnded.class,
            IntegrationRecorded.class, EmploymentEnded.class);

    private static final Map<String, EventTypeInfo> BY_TYPE = new LinkedHashMap<>();
    private static final Map<Class<?>, EventTypeInfo> BY_CLASS = new LinkedHashMap<>();

    static {
        for (Class<? extends EventData> c : ALL) {
            EventTypeInfo info = EventTypeInfo.of(c);
            if (BY_TYPE.put(info.type(), info) != null) {
                throw new IllegalStateException("Duplicate event type " + info.type());
            }
            BY_CLASS.put(c, info);
        }
    }

    private EventTypes() {
    }

    public static Optional<EventTypeInfo> byType(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }

    public static EventTypeInfo of(Class<? extends EventData> type) {
        EventTypeInfo info = BY_CLASS.get(type);
        if (info == null) {
            throw new IllegalArgumentException(type.getName() + " is not a registered case-event type");
        }
        return info;
    }

    public static EventTypeInfo of(EventData data) {
        return of(data.getClass());
    }

    public static Collection<EventTypeInfo> all() {
        return BY_TYPE.values();
    }
}
