package io.purplejo.dns.api.v1alpha1;

import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the operator observed of a run: phase, counters, workers, rate and conditions. */
public class DnsExtractionRunStatus {
    private RunPhase phase;
    private Long total;
    private Long published;
    private Long resolved;
    private Long failed;
    private Map<String, Long> outcomes = new LinkedHashMap<>();
    private Long queueDepth;
    private Integer desiredWorkers;
    private Integer readyWorkers;
    private Double rate;
    private String eta;
    private String startTime;
    private String completionTime;
    private Long observedGeneration;
    private String publisherJob;
    private String workerDeployment;
    private List<Condition> conditions = new ArrayList<>();

    public RunPhase getPhase() {
        return phase;
    }

    public void setPhase(RunPhase phase) {
        this.phase = phase;
    }

    public Long getTotal() {
        return total;
    }

    public void setTotal(Long total) {
        this.total = total;
    }

    public Long getPublished() {
        return published;
    }

    public void setPublished(Long published) {
        this.published = published;
    }

    public Long getResolved() {
        return resolved;
    }

    public void setResolved(Long resolved) {
        this.resolved = resolved;
    }

    public Long getFailed() {
        return failed;
    }

    public void setFailed(Long failed) {
        this.failed = failed;
    }

    public Map<String, Long> getOutcomes() {
        return outcomes;
    }

    public void setOutcomes(Map<String, Long> outcomes) {
        this.outcomes = outcomes;
    }

    public Long getQueueDepth() {
        return queueDepth;
    }

    public void setQueueDepth(Long queueDepth) {
        this.queueDepth = queueDepth;
    }

    public Integer getDesiredWorkers() {
        return desiredWorkers;
    }

    public void setDesiredWorkers(Integer desiredWorkers) {
        this.desiredWorkers = desiredWorkers;
    }

    public Integer getReadyWorkers() {
        return readyWorkers;
    }

    public void setReadyWorkers(Integer readyWorkers) {
        this.readyWorkers = readyWorkers;
    }

    public Double getRate() {
        return rate;
    }

    public void setRate(Double rate) {
        this.rate = rate;
    }

    public String getEta() {
        return eta;
    }

    public void setEta(String eta) {
        this.eta = eta;
    }

    public String getStartTime() {
        return startTime;
    }

    public void setStartTime(String startTime) {
        this.startTime = startTime;
    }

    public String getCompletionTime() {
        return completionTime;
    }

    public void setCompletionTime(String completionTime) {
        this.completionTime = completionTime;
    }

    public Long getObservedGeneration() {
        return observedGeneration;
    }

    public void setObservedGeneration(Long observedGeneration) {
        this.observedGeneration = observedGeneration;
    }

    public String getPublisherJob() {
        return publisherJob;
    }

    public void setPublisherJob(String publisherJob) {
        this.publisherJob = publisherJob;
    }

    public String getWorkerDeployment() {
        return workerDeployment;
    }

    public void setWorkerDeployment(String workerDeployment) {
        this.workerDeployment = workerDeployment;
    }

    public List<Condition> getConditions() {
        return conditions;
    }

    public void setConditions(List<Condition> conditions) {
        this.conditions = conditions;
    }
}
