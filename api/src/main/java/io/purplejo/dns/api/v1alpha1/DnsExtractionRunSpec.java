package io.purplejo.dns.api.v1alpha1;

import java.util.ArrayList;
import java.util.List;

/** What a run extracts and with which resources; selection and record types are fixed once it starts. */
public class DnsExtractionRunSpec {
    private DomainSelection selection = new DomainSelection();
    private List<String> recordTypes = new ArrayList<>(List.of("A", "AAAA", "NS", "MX", "SOA", "CNAME", "TXT"));
    private ResolverSpec resolvers = new ResolverSpec();
    private WorkerSpec workers = new WorkerSpec();
    private SecretKeyRef postgresDsnSecret;
    private SecretKeyRef rabbitmqUrlSecret;
    private String queueName;
    private Boolean suspend = false;
    private Integer ttlSecondsAfterFinished;

    public DomainSelection getSelection() {
        return selection;
    }

    public void setSelection(DomainSelection selection) {
        this.selection = selection;
    }

    public List<String> getRecordTypes() {
        return recordTypes;
    }

    public void setRecordTypes(List<String> recordTypes) {
        this.recordTypes = recordTypes;
    }

    public ResolverSpec getResolvers() {
        return resolvers;
    }

    public void setResolvers(ResolverSpec resolvers) {
        this.resolvers = resolvers;
    }

    public WorkerSpec getWorkers() {
        return workers;
    }

    public void setWorkers(WorkerSpec workers) {
        this.workers = workers;
    }

    public SecretKeyRef getPostgresDsnSecret() {
        return postgresDsnSecret;
    }

    public void setPostgresDsnSecret(SecretKeyRef postgresDsnSecret) {
        this.postgresDsnSecret = postgresDsnSecret;
    }

    public SecretKeyRef getRabbitmqUrlSecret() {
        return rabbitmqUrlSecret;
    }

    public void setRabbitmqUrlSecret(SecretKeyRef rabbitmqUrlSecret) {
        this.rabbitmqUrlSecret = rabbitmqUrlSecret;
    }

    public String getQueueName() {
        return queueName;
    }

    public void setQueueName(String queueName) {
        this.queueName = queueName;
    }

    public Boolean getSuspend() {
        return suspend;
    }

    public void setSuspend(Boolean suspend) {
        this.suspend = suspend;
    }

    public Integer getTtlSecondsAfterFinished() {
        return ttlSecondsAfterFinished;
    }

    public void setTtlSecondsAfterFinished(Integer ttlSecondsAfterFinished) {
        this.ttlSecondsAfterFinished = ttlSecondsAfterFinished;
    }
}
