package io.essays.importer;

import java.lang.management.ManagementFactory;

import org.jboss.logging.Logger;

import com.sun.management.HotSpotDiagnosticMXBean;

/**
 * Lets the heap grow in larger steps while an import reads, renders, writes and loads a corpus, and puts the JVM's
 * heap free ratios back afterwards. The production options keep little free heap ({@code MinHeapFreeRatio=10},
 * {@code MaxHeapFreeRatio=30}), which suits serving; a large import, whose live set grows from tens of megabytes to
 * most of the heap, then pays a full collection for every tenth it grows (36 in a 10,000-essay first launch at
 * {@code -Xmx1g}). Both ratios are manageable flags of HotSpot, read at every resize. Ratios already as wide are left
 * alone; on a JVM without the flags nothing changes. Imports in one JVM share one widening, the last one out restores.
 */
final class HeapGrowth implements AutoCloseable {
    static final int MIN_FREE = 40;
    static final int MAX_FREE = 70;
    private static final Logger LOG = Logger.getLogger(HeapGrowth.class);
    private static final String MIN = "MinHeapFreeRatio";
    private static final String MAX = "MaxHeapFreeRatio";

    private static int holders;
    private static String savedMin;
    private static String savedMax;

    private HeapGrowth() {
    }

    /** Widens the ratios until {@link #close()}. */
    static HeapGrowth widen() {
        synchronized (HeapGrowth.class) {
            if (holders++ == 0) {
                try {
                    var vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
                    String min = vm.getVMOption(MIN).getValue();
                    String max = vm.getVMOption(MAX).getValue();
                    if (Integer.parseInt(min) < MIN_FREE) {
                        // saved first, so that close() puts back whatever was set before a failure
                        savedMin = min;
                        savedMax = max;
                        // the minimum may never exceed the maximum: raise the maximum first
                        vm.setVMOption(MAX, Integer.toString(Math.max(MAX_FREE, Integer.parseInt(max))));
                        vm.setVMOption(MIN, Integer.toString(MIN_FREE));
                    }
                } catch (RuntimeException e) {
                    LOG.debugf("heap free ratios not widened: %s", e.toString());
                }
            }
            return new HeapGrowth();
        }
    }

    @Override
    public void close() {
        synchronized (HeapGrowth.class) {
            if (--holders == 0 && savedMin != null) {
                try {
                    var vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
                    vm.setVMOption(MIN, savedMin);
                    vm.setVMOption(MAX, savedMax);
                } catch (RuntimeException e) {
                    LOG.warnf("could not restore the heap free ratios %s-%s: %s", savedMin, savedMax, e.toString());
                } finally {
                    savedMin = null;
                    savedMax = null;
                }
            }
        }
    }
}
