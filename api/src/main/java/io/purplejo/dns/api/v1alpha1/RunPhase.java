package io.purplejo.dns.api.v1alpha1;

/** Where a run is in its life. */
public enum RunPhase {
    Pending, Publishing, Resolving, Succeeded, Failed, Suspended
}
