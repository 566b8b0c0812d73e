package de.auseinerhand.placement.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.auseinerhand.events.placement.EmployerRegistered;
import de.auseinerhand.placement.domain.employer.EmployerDecider;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EmployerDeciderTest {

    static final UUID EMPLOYER = UUID.fromString("00000000-0000-4000-8000-0000000000e1");
    private final EmployerDecider decider = new EmployerDecider();

    @Test
    void anEmployerIsRegisteredOnceWithNameAndOptionalIndustry() {
        var register = new EmployerDecider.Register(EMPLOYER, " Altenzentrum ", "05958032", "87.10");
        var events = decider.decide(register, decider.initialState());
        assertThat(events).containsExactly(new EmployerRegistered(EMPLOYER, "Altenzentrum", "05958032", "87.10"));
        assertThatThrownBy(() -> decider.decide(register, decider.fold(events)))
                .hasFieldOrPropertyWithValue("code", "employer-exists");
        assertThatThrownBy(() -> decider.decide(new EmployerDecider.Register(EMPLOYER, " ", "05958032", null), decider.initialState()))
                .hasFieldOrPropertyWithValue("field", "name");
        assertThatThrownBy(() -> decider.decide(new EmployerDecider.Register(EMPLOYER, "x", "05958032", "8710"), decider.initialState()))
                .hasFieldOrPropertyWithValue("code", "invalid-industry-code");
        assertThat(decider.decide(new EmployerDecider.Register(EMPLOYER, "x", "05958032", null), decider.initialState()))
                .hasSize(1);
        assertThat(decider.fold(List.copyOf(events)).name()).isEqualTo("Altenzentrum");
    }
}
