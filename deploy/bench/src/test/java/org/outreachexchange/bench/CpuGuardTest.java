package org.outreachexchange.bench;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CpuGuardTest {

    private final CpuGuard guard = new CpuGuard(CpuGuard.baselineOf(Map.of("gateway", 4.0, "scheduling-jp", 4.0, "kafka", 2.0)));

    @Test
    void passesARunWhoseServicesUseAtMostAQuarterMoreCpuThanTheBaseline() {
        CpuGuard.Verdict verdict = guard.judge(Map.of("gateway", 5.0, "scheduling-jp", 5.0, "kafka", 2.0));

        assertThat(verdict.services()).isEqualTo(10.0);
        assertThat(verdict.ratio()).isEqualTo(1.25);
        assertThat(verdict.passed()).isTrue();
    }

    @Test
    void failsARunWhoseServicesUseMoreThanAQuarterMoreCpuThanTheBaseline() {
        assertThat(guard.judge(Map.of("gateway", 6.1, "scheduling-jp", 4.0, "kafka", 2.0)).passed()).isFalse();
    }

    @Test
    void leavesKafkaOutOfTheJudgedTotal() {
        CpuGuard.Verdict verdict = guard.judge(Map.of("gateway", 4.0, "scheduling-jp", 4.0, "kafka", 20.0));

        assertThat(verdict.services()).isEqualTo(8.0);
        assertThat(verdict.passed()).isTrue();
        assertThat(verdict.detail()).contains("kafka 20.000 (10.00×)");
    }

    @Test
    void judgesTheServicesCpuLessWhatTheirJitCompilerThreadsUsed() {
        CpuGuard.Verdict verdict = guard.judge(Map.of("gateway", 7.0, "gateway#jit", 3.0, "scheduling-jp", 4.0, "kafka", 2.0));

        assertThat(verdict.services()).isEqualTo(8.0);
        assertThat(verdict.passed()).isTrue();
        assertThat(verdict.detail()).contains("gateway 4.000 (1.00×) + JIT 3.000").doesNotContain("#jit");
    }

    @Test
    void takesABaselineLessWhatTheJitCompilerThreadsUsed() {
        Map<String, Double> baseline = CpuGuard.baselineOf(Map.of("gateway", 7.0, "gateway#jit", 3.0, "kafka", 2.0, "kafka#jit", 1.0));

        assertThat(baseline).containsEntry("gateway", 4.0).containsEntry("kafka", 1.0).containsEntry(CpuGuard.SERVICES, 4.0)
                .doesNotContainKey("gateway#jit");
    }

    @Test
    void refusesABaselineWithoutTheServicesTotal() {
        assertThatThrownBy(() -> new CpuGuard(Map.of("gateway", 4.0))).isInstanceOf(IllegalArgumentException.class);
    }
}
