package io.purplejo.dns.api.v1alpha1;

/** A key of a Secret in the run's namespace. */
public class SecretKeyRef {
    private String name;
    private String key;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }
}
