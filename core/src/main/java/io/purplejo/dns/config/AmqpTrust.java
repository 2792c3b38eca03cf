/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.config;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Which certificates an {@code amqps://} connection trusts: the system trust store by default, or
 * the CAs of a PEM bundle; the host name is verified either way. Trusting everything takes the
 * option whose name says it is insecure. The two options are declared here, once, for every
 * component.
 */
public final class AmqpTrust {
    public static final Option<String> CA_FILE =
            Option.text(
                    "rabbitmq-ca-file",
                    "RABBITMQ_CA_FILE",
                    null,
                    "PEM file of the CAs an `amqps://` broker's certificate must chain to (the host name is verified too); default: the system trust store");
    public static final Option<Boolean> INSECURE =
            Option.flag(
                    "rabbitmq-tls-insecure",
                    "RABBITMQ_TLS_INSECURE",
                    false,
                    "INSECURE: accept any certificate and host name from an `amqps://` broker; for tests only");

    private static final AmqpTrust SYSTEM = new AmqpTrust(null, false);

    private final String caPem;
    private final boolean insecure;

    private AmqpTrust(String caPem, boolean insecure) {
        this.caPem = caPem;
        this.insecure = insecure;
    }

    /** The system trust store, with host name verification. */
    public static AmqpTrust system() {
        return SYSTEM;
    }

    /** The CAs of this PEM text only, with host name verification. */
    public static AmqpTrust ofPem(String pem) {
        AmqpTrust t = new AmqpTrust(pem, false);
        t.sslContext(); // fail now, with the configuration error, not at the first connection
        return t;
    }

    /** Any certificate and any host name. Insecure: for tests only. */
    public static AmqpTrust insecureTrustAll() {
        return new AmqpTrust(null, true);
    }

    /** Adds the trust options to a component's options. */
    public static CommandLineOptions declare(CommandLineOptions options) {
        return options.add(CA_FILE, INSECURE);
    }

    public static AmqpTrust from(ParsedOptions o) {
        if (o.get(INSECURE)) {
            return insecureTrustAll();
        }
        String file = o.get(CA_FILE);
        if (file == null) {
            return system();
        }
        try {
            return ofPem(Files.readString(Path.of(file), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new InvalidConfigurationException(
                    "cannot read " + CA_FILE + " " + file + ": " + e.getMessage());
        }
    }

    public boolean insecure() {
        return insecure;
    }

    /** The TLS context of a connection: the configured trust, or (insecure) none. */
    public SSLContext sslContext() {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            if (insecure) {
                ctx.init(
                        null,
                        new javax.net.ssl.TrustManager[] {
                            new com.rabbitmq.client.TrustEverythingTrustManager()
                        },
                        null);
                return ctx;
            }
            TrustManagerFactory tmf =
                    TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(caPem == null ? null : keyStore(caPem));
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new InvalidConfigurationException(
                    "cannot set up TLS towards RabbitMQ: " + e.getMessage());
        }
    }

    private static KeyStore keyStore(String pem) throws GeneralSecurityException {
        Collection<? extends Certificate> certs =
                CertificateFactory.getInstance("X.509")
                        .generateCertificates(
                                new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        if (certs.isEmpty()) {
            throw new InvalidConfigurationException(
                    "the RabbitMQ CA bundle holds no PEM certificate");
        }
        KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
        try {
            ks.load(null, null);
        } catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
        int i = 0;
        for (Certificate c : certs) {
            ks.setCertificateEntry("ca-" + i++, c);
        }
        return ks;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AmqpTrust t && insecure == t.insecure && Objects.equals(caPem, t.caPem);
    }

    @Override
    public int hashCode() {
        return Objects.hash(caPem, insecure);
    }

    @Override
    public String toString() {
        return insecure
                ? "insecure (any certificate)"
                : caPem == null ? "system trust store" : "given CA bundle";
    }
}
