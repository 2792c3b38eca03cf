package io.purplejo.dns.api.v1alpha1;

import java.util.ArrayList;
import java.util.List;

/** The recursive resolvers a run's workers query, and how hard. */
public class ResolverSpec {
    /** host or host:port; empty means the node's resolvers. */
    private List<String> servers = new ArrayList<>();
    private Integer queriesPerSecondPerResolver;
    private Double timeoutSeconds = 1.0;
    private Integer retries = 2;

    public List<String> getServers() {
        return servers;
    }

    public void setServers(List<String> servers) {
        this.servers = servers;
    }

    public Integer getQueriesPerSecondPerResolver() {
        return queriesPerSecondPerResolver;
    }

    public void setQueriesPerSecondPerResolver(Integer queriesPerSecondPerResolver) {
        this.queriesPerSecondPerResolver = queriesPerSecondPerResolver;
    }

    public Double getTimeoutSeconds() {
        return timeoutSeconds;
    }

    public void setTimeoutSeconds(Double timeoutSeconds) {
        this.timeoutSeconds = timeoutSeconds;
    }

    public Integer getRetries() {
        return retries;
    }

    public void setRetries(Integer retries) {
        this.retries = retries;
    }
}
