package org.kepu.platform;

/** What one instance of Kepu does: serve HTTP, run durable jobs, or both. */
public enum InstanceRole {
    WEB, WORKER, ALL;

    public boolean runsJobs() {
        return this != WEB;
    }

    public boolean servesWeb() {
        return this != WORKER;
    }
}
