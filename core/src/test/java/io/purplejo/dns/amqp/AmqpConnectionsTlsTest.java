/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.amqp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.purplejo.dns.config.AmqpTrust;
import io.purplejo.dns.config.AmqpUri;
import io.purplejo.dns.config.InvalidConfigurationException;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * amqps:// verifies the broker: a TLS server on 127.0.0.1 with a certificate of a CA of the test's
 * own stands in for RabbitMQ, and counts the handshakes that complete.
 */
class AmqpConnectionsTlsTest {
    static final String PASSWORD = "changeit";

    @TempDir Path dir;
    SSLServerSocket server;
    final AtomicInteger handshakes = new AtomicInteger();
    String caPem;

    @BeforeEach
    void setUp() throws Exception {
        // a self-signed certificate for 127.0.0.1 only, made with the JDK's keytool
        keytool(
                "-genkeypair",
                "-alias",
                "broker",
                "-keyalg",
                "EC",
                "-dname",
                "CN=test-broker",
                "-ext",
                "SAN=ip:127.0.0.1",
                "-validity",
                "2",
                "-keystore",
                dir.resolve("broker.p12").toString(),
                "-storetype",
                "PKCS12",
                "-storepass",
                PASSWORD,
                "-keypass",
                PASSWORD);
        keytool(
                "-exportcert",
                "-rfc",
                "-alias",
                "broker",
                "-keystore",
                dir.resolve("broker.p12").toString(),
                "-storepass",
                PASSWORD,
                "-file",
                dir.resolve("ca.pem").toString());
        caPem = Files.readString(dir.resolve("ca.pem"));
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(dir.resolve("broker.p12").toFile())) {
            ks.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory kmf =
                KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, PASSWORD.toCharArray());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        server =
                (SSLServerSocket)
                        ctx.getServerSocketFactory()
                                .createServerSocket(0, 10, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::serve, "tls-broker");
        t.setDaemon(true);
        t.start();
    }

    /**
     * Completes handshakes, then hangs up: no AMQP is spoken, so every connect ends in an error
     * after TLS.
     */
    private void serve() {
        while (!server.isClosed()) {
            try (SSLSocket s = (SSLSocket) server.accept()) {
                s.setSoTimeout(5000);
                try {
                    s.startHandshake();
                    handshakes.incrementAndGet();
                } catch (IOException e) {
                    // the client refused our certificate
                }
            } catch (IOException e) {
                return;
            }
        }
    }

    @AfterEach
    void tearDown() throws IOException {
        server.close();
    }

    private static void keytool(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out =
                new String(
                        p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }

    private AmqpUri uri(String host) {
        return AmqpUri.parse(
                "amqps://guest:Hunter2@"
                        + host
                        + ":"
                        + server.getLocalPort()
                        + "/?connection_timeout=3000");
    }

    @Test
    void byDefaultABrokerWhoseCertificateNoTrustedCaSignedIsRefused() {
        assertThatThrownBy(() -> AmqpConnections.open(uri("127.0.0.1"), "tls-test"))
                .isInstanceOf(IOException.class)
                .hasMessageNotContaining("Hunter2");

        await().during(Duration.ofMillis(300))
                .atMost(Duration.ofSeconds(2))
                .until(() -> handshakes.get() == 0);
    }

    @Test
    void theGivenCaIsTrustedForTheHostItNames() {
        assertThatThrownBy(
                        () ->
                                AmqpConnections.open(
                                        uri("127.0.0.1").withTrust(AmqpTrust.ofPem(caPem)),
                                        "tls-test"))
                .as("TLS completes; the stand-in then hangs up instead of speaking AMQP")
                .isInstanceOf(IOException.class);

        await().atMost(Duration.ofSeconds(5)).until(() -> handshakes.get() == 1);
    }

    @Test
    void theGivenCaDoesNotMakeAnotherHostNameAcceptable() {
        assertThatThrownBy(
                        () ->
                                AmqpConnections.open(
                                        uri("localhost").withTrust(AmqpTrust.ofPem(caPem)),
                                        "tls-test"))
                .isInstanceOf(IOException.class);

        await().during(Duration.ofMillis(300))
                .atMost(Duration.ofSeconds(2))
                .until(() -> handshakes.get() == 0);
    }

    @Test
    void onlyTheOptionNamedInsecureAcceptsAnyCertificate() {
        assertThatThrownBy(
                        () ->
                                AmqpConnections.open(
                                        uri("localhost").withTrust(AmqpTrust.insecureTrustAll()),
                                        "tls-test"))
                .isInstanceOf(IOException.class);

        await().atMost(Duration.ofSeconds(5)).until(() -> handshakes.get() == 1);
        assertThat(AmqpTrust.INSECURE.name()).contains("insecure");
    }

    @Test
    void aCaBundleWithoutACertificateIsAConfigurationError() {
        assertThatThrownBy(() -> AmqpTrust.ofPem("not a certificate"))
                .isInstanceOf(InvalidConfigurationException.class);
    }
}
