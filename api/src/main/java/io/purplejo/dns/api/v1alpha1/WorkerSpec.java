package io.purplejo.dns.api.v1alpha1;

/** Bounds and tuning of the run's worker Deployment. */
public class WorkerSpec {
    private Integer minWorkers = 0;
    private Integer maxWorkers = 10;
    private Integer messagesPerWorker = 100;
    private Integer concurrency = 500;
    private Integer prefetch = 800;
    private Integer scaleDownStabilizationSeconds = 300;

    public Integer getMinWorkers() {
        return minWorkers;
    }

    public void setMinWorkers(Integer minWorkers) {
        this.minWorkers = minWorkers;
    }

    public Integer getMaxWorkers() {
        return maxWorkers;
    }

    public void setMaxWorkers(Integer maxWorkers) {
        this.maxWorkers = maxWorkers;
    }

    public Integer getMessagesPerWorker() {
        return messagesPerWorker;
    }

    public void setMessagesPerWorker(Integer messagesPerWorker) {
        this.messagesPerWorker = messagesPerWorker;
    }

    public Integer getConcurrency() {
        return concurrency;
    }

    public void setConcurrency(Integer concurrency) {
        this.concurrency = concurrency;
    }

    public Integer getPrefetch() {
        return prefetch;
    }

    public void setPrefetch(Integer prefetch) {
        this.prefetch = prefetch;
    }

    public Integer getScaleDownStabilizationSeconds() {
        return scaleDownStabilizationSeconds;
    }

    public void setScaleDownStabilizationSeconds(Integer scaleDownStabilizationSeconds) {
        this.scaleDownStabilizationSeconds = scaleDownStabilizationSeconds;
    }
}
