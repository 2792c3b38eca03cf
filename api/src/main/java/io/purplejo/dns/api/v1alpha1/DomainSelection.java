package io.purplejo.dns.api.v1alpha1;

import java.util.ArrayList;
import java.util.List;

/** Which domains of the {@code domains} table a run resolves. */
public class DomainSelection {
    /** All, NeverExtracted or NotExtractedSince. */
    private String mode = "All";
    /** RFC 3339 time, with mode NotExtractedSince. */
    private String notExtractedSince;
    /** Only names ending with one of these suffixes. */
    private List<String> suffixes = new ArrayList<>();
    /** An explicit list of names, inserted into domains when missing. */
    private List<String> domains = new ArrayList<>();
    /** At most this many domains. */
    private Long limit;

    public String getMode() {
        return mode;
    }

    public void setMode(String mode) {
        this.mode = mode;
    }

    public String getNotExtractedSince() {
        return notExtractedSince;
    }

    public void setNotExtractedSince(String notExtractedSince) {
        this.notExtractedSince = notExtractedSince;
    }

    public List<String> getSuffixes() {
        return suffixes;
    }

    public void setSuffixes(List<String> suffixes) {
        this.suffixes = suffixes;
    }

    public List<String> getDomains() {
        return domains;
    }

    public void setDomains(List<String> domains) {
        this.domains = domains;
    }

    public Long getLimit() {
        return limit;
    }

    public void setLimit(Long limit) {
        this.limit = limit;
    }
}
