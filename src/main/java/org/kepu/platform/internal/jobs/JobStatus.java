package org.kepu.platform.internal.jobs;

public enum JobStatus {
    QUEUED, RUNNING, SUCCEEDED, FAILED
}
