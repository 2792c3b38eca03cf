/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package rules the build keeps: no package cycle anywhere, the run's rules free of JOSDK and
 * of the Kubernetes client, the one-machine run apart from the operator, and the resolver apart
 * from the command lines that configure it. This module sees every other, so the rules read the
 * production classes of all of them.
 */
class PackageDependenciesTest {
    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production =
                new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        // the modules' test fixtures, shared as Maven test-jars
                        .withImportOption(location -> !location.contains("-tests.jar"))
                        .importPackages("io.purplejo.dns");
    }

    @Test
    void noPackageDependsOnItselfThroughOthers() {
        slices().matching("io.purplejo.dns.(**)")
                .should()
                .beFreeOfCycles()
                .because("a cycle makes two packages one, and neither can be read on its own")
                .check(production);
    }

    @Test
    void theRunRulesNeedNeitherJosdkNorAKubernetesClient() {
        noClasses()
                .that()
                .resideInAPackage("io.purplejo.dns.rules..")
                .should()
                .dependOnClassesThat(
                        resideInAnyPackage(
                                        "io.javaoperatorsdk..",
                                        "io.fabric8.kubernetes.client.dsl..",
                                        "io.fabric8.kubernetes.client.informers..",
                                        "io.purplejo.dns.operator..",
                                        "io.purplejo.dns.local..")
                                .or(
                                        describe(
                                                "a Kubernetes client",
                                                assignableTo(KubernetesClient.class))))
                .because("the operator and the one-machine run both apply them")
                .check(production);
    }

    @Test
    void theOneMachineRunNeverReachesIntoTheOperator() {
        noClasses()
                .that()
                .resideInAPackage("io.purplejo.dns.local..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.purplejo.dns.operator..", "io.javaoperatorsdk..")
                .because("what both runners share lives in run-rules")
                .check(production);
    }

    @Test
    void theResolverNeverReadsCommandLineDeclarations() {
        noClasses()
                .that()
                .resideInAPackage("io.purplejo.dns.resolve..")
                .should()
                .dependOnClassesThat()
                .haveNameMatching(
                        "io\\.purplejo\\.dns\\.config\\.(.*Options|Option|ParsedOptions)(\\$.*)?"
                                + "|io\\.purplejo\\.dns\\.worker\\..*")
                .because(
                        "the resolver's defaults belong to the resolver (core's lookup package);"
                                + " the options read them from there")
                .check(production);
    }
}
