package org.timebank.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * CPU time spent per operation by the service's JVM, the PostgreSQL backends of the benchmark's
 * database and the load generator itself, read from /proc (all on this machine). Unlike
 * throughput, it barely depends on what else the machine is running, and it says where the time
 * of a request goes: with C cores, C seconds of CPU per second is the most there is.
 */
final class CpuMeter {
    /** Linux's USER_HZ: /proc reports CPU time in these ticks. */
    private static final double TICKS_PER_SECOND = 100;

    /** CPU seconds per side over a window. */
    record Usage(double serviceSeconds, double databaseSeconds, double loadSeconds) {
        double totalSeconds() {
            return orZero(serviceSeconds) + orZero(databaseSeconds) + orZero(loadSeconds);
        }
    }

    static double orZero(double v) {
        return Double.isNaN(v) ? 0 : v;
    }

    /** A reading at one moment. */
    record Reading(long serviceTicks, Map<Integer, Long> backendTicks, long loadNanos) {}

    private final Long servicePid;
    private final Database db;

    CpuMeter(Long servicePid, Database db) {
        this.servicePid = servicePid;
        this.db = db;
    }

    /** The service's pid from the file bench/serve writes, if it names a live process. */
    static Long servicePid(Path pidFile) {
        try {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            return Files.exists(Path.of("/proc/" + pid + "/stat")) ? pid : null;
        } catch (IOException | NumberFormatException e) {
            return null;
        }
    }

    boolean measuresService() {
        return servicePid != null;
    }

    Reading read() {
        Map<Integer, Long> backends = new HashMap<>();
        try {
            for (int pid : db.backendPids()) {
                long t = ticks(pid);
                if (t >= 0) {
                    backends.put(pid, t);
                }
            }
        } catch (java.sql.SQLException e) {
            // no database figure then
        }
        long service = servicePid == null ? -1 : ticks(servicePid);
        long load = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        return new Reading(service, backends, load);
    }

    /**
     * What was spent between two readings. A backend that appeared in between counts from zero
     * (it was started in the window); one that is gone by the end is not counted.
     */
    static Usage between(Reading start, Reading end) {
        double service = start.serviceTicks() < 0 || end.serviceTicks() < 0 ? Double.NaN
                : (end.serviceTicks() - start.serviceTicks()) / TICKS_PER_SECOND;
        long database = 0;
        Set<Integer> pids = new HashSet<>(end.backendTicks().keySet());
        for (int pid : pids) {
            database += end.backendTicks().get(pid) - start.backendTicks().getOrDefault(pid, 0L);
        }
        return new Usage(service, database / TICKS_PER_SECOND, (end.loadNanos() - start.loadNanos()) / 1e9);
    }

    /** utime + stime of a process, in ticks; -1 if it is gone. */
    static long ticks(long pid) {
        try {
            return ticksOf(Files.readString(Path.of("/proc/" + pid + "/stat")));
        } catch (IOException e) {
            return -1;
        }
    }

    /** Fields 14 and 15 of /proc/[pid]/stat, counted after the command name (which may hold spaces). */
    static long ticksOf(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // f[0] is field 3 (state): utime is field 14, stime field 15
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }
}
