package org.kepu.platform.internal.jobs;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.util.List;
import java.util.UUID;

import org.kepu.platform.JobHandler;
import org.kepu.platform.PlatformProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/** Runs one {@link KindWorker} per job handler on instances whose role includes work. */
@Component
class JobWorkers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JobWorkers.class);

    private final List<KindWorker> workers;
    private final boolean enabled;
    private volatile boolean running;

    JobWorkers(JobsTable table, List<JobHandler> handlers, JobsProperties properties, PlatformProperties platform,
               JobNotifications notifications) {
        String workerId = instanceName() + "/" + UUID.randomUUID().toString().substring(0, 8);
        this.workers = handlers.stream().map(handler -> new KindWorker(table, handler, properties, workerId,
                notifications.kinds())).toList();
        this.enabled = platform.role().runsJobs();
    }

    private static String instanceName() {
        try {
            return InetAddress.getLocalHost().getHostName() + ":" + ManagementFactory.getRuntimeMXBean().getPid();
        } catch (Exception e) {
            return "kepu:" + ProcessHandle.current().pid();
        }
    }

    @Override
    public void start() {
        if (enabled) {
            workers.forEach(KindWorker::start);
            log.info("Job workers started for {} job kinds", workers.size());
        }
        running = true;
    }

    @Override
    public void stop() {
        if (enabled) {
            workers.parallelStream().forEach(KindWorker::stop);
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stop before the web server and the database pool go away. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1024;
    }
}
