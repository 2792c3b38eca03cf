package io.purplejo.dns.operator;

import java.util.Arrays;

/** Entry point of {@code dns-operator.jar}. */
public final class OperatorMain {
    private OperatorMain() {
    }

    public static void main(String[] args) {
        // The reconciler is the subject of issue 5 (operator); until it lands the jar says so.
        System.err.println("dns-operator: the reconciler is not implemented yet " + Arrays.toString(args));
        System.exit(2);
    }
}
