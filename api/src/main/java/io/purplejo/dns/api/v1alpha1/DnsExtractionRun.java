package io.purplejo.dns.api.v1alpha1;

import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** One DNS extraction run: which domains and record types to resolve, with what, and how it is going. */
@Group(DnsExtractionRun.GROUP)
@Version(DnsExtractionRun.VERSION)
@ShortNames({"dnsrun", "dxr"})
public class DnsExtractionRun extends CustomResource<DnsExtractionRunSpec, DnsExtractionRunStatus>
        implements Namespaced {
    public static final String GROUP = "dns.purplejo.io";
    public static final String VERSION = "v1alpha1";

    @Override
    protected DnsExtractionRunStatus initStatus() {
        return new DnsExtractionRunStatus();
    }
}
