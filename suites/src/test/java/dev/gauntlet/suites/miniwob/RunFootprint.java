package dev.gauntlet.suites.miniwob;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * Episodes per minute of one run and the memory it takes besides Chromium: the JVM's heap (all workers share it:
 * its peak while the run went, and what is live after a full collection) and the peak resident memory of each
 * worker's Playwright driver (a Node process per worker, read from {@code /proc}). Chromium's processes are not
 * counted.
 *
 * @param workers      parallel episodes
 * @param episodes     episodes the run played
 * @param seconds      wall time of the run
 * @param heapPeakMb   the heap's peak use during the run (garbage not yet collected included)
 * @param heapLiveMb   the heap in use after the run and a full collection
 * @param driverPeakMb the largest peak resident memory of one worker's Playwright driver
 */
record RunFootprint(int workers, int episodes, double seconds, double heapPeakMb, double heapLiveMb,
                    double driverPeakMb) {

    static RunFootprint measure(int workers, IntSupplier run) throws InterruptedException {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        Map<Long, Long> driverPeaks = new HashMap<>();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                ProcessHandle.current().descendants().filter(p -> p.info().command().orElse("").endsWith("node"))
                        .forEach(p -> driverPeaks.merge(p.pid(), peakRss(p.pid()), Math::max));
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "footprint-sampler");
        sampler.start();
        long t0 = System.nanoTime();
        int episodes = run.getAsInt();
        double seconds = (System.nanoTime() - t0) / 1e9;
        sampler.interrupt();
        sampler.join();
        long heapPeak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heapPeak += pool.getPeakUsage().getUsed();
            }
        }
        System.gc();
        long live = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long driver = driverPeaks.values().stream().mapToLong(Long::longValue).max().orElse(0);
        return new RunFootprint(workers, episodes, seconds, heapPeak / 1048576.0, live / 1048576.0, driver / 1048576.0);
    }

    /** The process's peak resident memory ({@code VmHWM}), in bytes; 0 when it cannot be read. */
    private static long peakRss(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process ended, or no /proc (not Linux)
        }
        return 0;
    }

    /** Memory per worker besides Chromium: its driver, and its share of the live heap. */
    double perWorkerMb() {
        return driverPeakMb + heapLiveMb / workers;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d worker(s), defaults (screenshot per step): %d episodes in %.1f s ="
                        + " %.0f episodes/min; per worker besides Chromium %.0f MB (Playwright driver peak RSS %.0f MB"
                        + " + live heap %.0f MB / %d; heap peak before collection %.0f MB)",
                workers, episodes, seconds, episodes * 60 / seconds, perWorkerMb(), driverPeakMb, heapLiveMb, workers,
                heapPeakMb);
    }
}
