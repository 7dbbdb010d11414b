package io.essays.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.management.HotSpotDiagnosticMXBean;

/** The heap free ratios an import widens, on this very JVM: set to the production ratios first, put back after. */
class HeapGrowthTest {
    private final HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
    private String min;
    private String max;

    @BeforeEach
    void productionRatios() {
        min = ratio("MinHeapFreeRatio");
        max = ratio("MaxHeapFreeRatio");
        vm.setVMOption("MinHeapFreeRatio", "0");
        vm.setVMOption("MaxHeapFreeRatio", "30");
        vm.setVMOption("MinHeapFreeRatio", "10");
    }

    @AfterEach
    void jvmRatios() {
        vm.setVMOption("MaxHeapFreeRatio", "100");
        vm.setVMOption("MinHeapFreeRatio", min);
        vm.setVMOption("MaxHeapFreeRatio", max);
    }

    @Test
    void anImportWidensTheRatiosAndPutsTheProductionOnesBackWhenItEnds() {
        try (var growth = HeapGrowth.widen()) {
            assertThat(ratio("MinHeapFreeRatio")).isEqualTo("40");
            assertThat(ratio("MaxHeapFreeRatio")).isEqualTo("70");
        }
        assertThat(ratio("MinHeapFreeRatio")).isEqualTo("10");
        assertThat(ratio("MaxHeapFreeRatio")).isEqualTo("30");
    }

    @Test
    void overlappingImportsShareOneWideningAndTheLastOneOutRestores() {
        var first = HeapGrowth.widen();
        try (var second = HeapGrowth.widen()) {
            assertThat(ratio("MinHeapFreeRatio")).isEqualTo("40");
        }
        assertThat(ratio("MinHeapFreeRatio")).as("the first import still runs").isEqualTo("40");
        first.close();
        assertThat(ratio("MinHeapFreeRatio")).isEqualTo("10");
        assertThat(ratio("MaxHeapFreeRatio")).isEqualTo("30");
    }

    @Test
    void ratiosAlreadyWideAreLeftAsTheyAre() {
        vm.setVMOption("MaxHeapFreeRatio", "80");
        vm.setVMOption("MinHeapFreeRatio", "50");
        try (var growth = HeapGrowth.widen()) {
            assertThat(ratio("MinHeapFreeRatio")).isEqualTo("50");
            assertThat(ratio("MaxHeapFreeRatio")).isEqualTo("80");
        }
        assertThat(ratio("MinHeapFreeRatio")).isEqualTo("50");
    }

    private String ratio(String name) {
        return vm.getVMOption(name).getValue();
    }
}
