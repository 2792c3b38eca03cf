/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.rules.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.purplejo.dns.api.v1alpha1.RecordType;
import io.purplejo.dns.api.v1alpha1.ResolverSpec;
import io.purplejo.dns.api.v1alpha1.WorkerSpec;
import io.purplejo.dns.config.Option;
import io.purplejo.dns.config.WorkerOptions;
import io.purplejo.dns.lookup.RecordTypeNames;
import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A spec field that {@link RunEnvironment} passes to a worker option accepts what the option
 * accepts and defaults to what it defaults to, so that a run applied without the field behaves as
 * the worker run by hand, and the API server never admits a value the worker then refuses.
 */
class SpecMatchesOptionsTest {
    static Stream<Arguments> fieldsAndOptions() {
        return Stream.of(
                Arguments.of(WorkerSpec.class, "concurrency", WorkerOptions.CONCURRENCY),
                Arguments.of(WorkerSpec.class, "prefetch", WorkerOptions.PREFETCH),
                Arguments.of(ResolverSpec.class, "timeoutSeconds", WorkerOptions.DNS_TIMEOUT),
                Arguments.of(ResolverSpec.class, "retries", WorkerOptions.DNS_RETRIES),
                Arguments.of(
                        ResolverSpec.class,
                        "queriesPerSecondPerResolver",
                        WorkerOptions.RESOLVER_QPS));
    }

    @ParameterizedTest(name = "{0}.{1} = {2}")
    @MethodSource("fieldsAndOptions")
    void theCrdFieldHasTheOptionsDefaultAndBounds(Class<?> spec, String field, Option<?> option)
            throws ReflectiveOperationException {
        Field f = spec.getField(field);
        double[] range = range(option);

        assertThat(number(f.getAnnotation(Default.class).value()))
                .as("the CRD's default of %s", field)
                .isEqualTo(number(option.defaultText()));
        assertThat(((Number) f.get(spec.getConstructor().newInstance())).doubleValue())
                .as("the default of %s in Java", field)
                .isEqualTo(number(option.defaultText()));
        assertThat(f.getAnnotation(Min.class)).as("a minimum on %s", field).isNotNull();
        assertThat(f.getAnnotation(Min.class).value()).as("minimum").isEqualTo(range[0]);
        assertThat(f.getAnnotation(Max.class)).as("a maximum on %s", field).isNotNull();
        assertThat(f.getAnnotation(Max.class).value()).as("maximum").isEqualTo(range[1]);
    }

    @Test
    void theCrdOffersExactlyTheRecordTypesTheWorkersExtract() {
        assertThat(Arrays.stream(RecordType.values()).map(Enum::name))
                .containsExactlyElementsOf(RecordTypeNames.SUPPORTED);
    }

    /** The option's accepted range, as its help shows it: {@code "min to max"}. */
    private static double[] range(Option<?> option) {
        String[] parts = option.accepts().split(" to ");
        return new double[] {number(parts[0]), number(parts[1])};
    }

    private static double number(String text) {
        return Double.parseDouble(text.strip());
    }
}
