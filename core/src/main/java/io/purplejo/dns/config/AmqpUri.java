/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.config;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A RabbitMQ address read (by {@link ServerUrl}) from an AMQP URI ({@code
 * amqp://user:pass@host:5672/vhost} or {@code amqps://}), following the RabbitMQ URI specification:
 * an empty path is the default vhost "/", and "%2F" spells "/". The password is never part of
 * {@link #toString()} nor of an error message.
 */
public final class AmqpUri {
    private static final String WHAT = "RabbitMQ URL";
    private static final String EXPECTED = "expected amqp://user:password@host:5672/vhost";

    /** The query parameters that {@code ConnectionFactory.setUri} reads as numbers. */
    private static final List<String> INTEGER_PARAMETERS =
            List.of("heartbeat", "connection_timeout", "channel_max");

    private final URI connectionUri;

    private final boolean tls;
    private final String host;
    private final int port;
    private final String virtualHost;
    private final String user;
    private final String password;
    private final Map<String, String> parameters;
    private final AmqpTrust trust;

    private AmqpUri(
            URI connectionUri,
            boolean tls,
            String host,
            int port,
            String virtualHost,
            String user,
            String password,
            Map<String, String> parameters,
            AmqpTrust trust) {
        this.connectionUri = connectionUri;
        this.tls = tls;
        this.host = host;
        this.port = port;
        this.virtualHost = virtualHost;
        this.user = user;
        this.password = password;
        this.parameters = Map.copyOf(parameters);
        this.trust = trust;
    }

    /** The same address, verifying an amqps:// broker against {@code trust}. */
    public AmqpUri withTrust(AmqpTrust trust) {
        return new AmqpUri(
                connectionUri, tls, host, port, virtualHost, user, password, parameters, trust);
    }

    /** What an amqps:// connection trusts; the system trust store unless set. */
    public AmqpTrust trust() {
        return trust;
    }

    /**
     * Parses an AMQP URI; throws {@link InvalidConfigurationException} naming what is wrong, never
     * the password.
     */
    public static AmqpUri parse(String uri) {
        ServerUrl url = ServerUrl.parse(uri, WHAT, EXPECTED);
        boolean tls;
        if (url.scheme().equals("amqp")) {
            tls = false;
        } else if (url.scheme().equals("amqps")) {
            tls = true;
        } else {
            throw new InvalidConfigurationException(
                    "RabbitMQ URL has unsupported scheme '"
                            + url.scheme()
                            + "' ("
                            + EXPECTED
                            + " or amqps://...)");
        }
        // "amqp://host/" is the default vhost, as the legacy clients read it
        String path = url.rawPath().startsWith("/") ? url.rawPath().substring(1) : url.rawPath();
        if (path.contains("/")) {
            throw new InvalidConfigurationException(
                    "RabbitMQ URL vhost must be one path segment; write '/' inside a vhost as %2F");
        }
        String vhost = path.isEmpty() ? "/" : ServerUrl.decode(path, WHAT, "vhost");
        for (String number : INTEGER_PARAMETERS) {
            String value = url.query().get(number);
            if (value != null && !value.matches("\\d{1,9}")) {
                throw new InvalidConfigurationException(
                        "RabbitMQ URL parameter '"
                                + number
                                + "' takes a whole number, not '"
                                + value
                                + "'");
            }
        }
        return new AmqpUri(
                url.uri(),
                tls,
                url.host(),
                url.port(tls ? 5671 : 5672),
                vhost,
                url.user() == null ? "guest" : url.user(),
                url.password() == null ? "guest" : url.password(),
                url.query(),
                AmqpTrust.system());
    }

    /**
     * The URI to hand to {@code ConnectionFactory.setUri}: the given one, with the user information
     * escaped where the legacy clients accepted it raw. Holds the password: never log it.
     */
    public URI connectionUri() {
        return connectionUri;
    }

    public boolean tls() {
        return tls;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String virtualHost() {
        return virtualHost;
    }

    public String user() {
        return user;
    }

    /** The password. Never log it. */
    public String password() {
        return password;
    }

    /** Query parameters such as {@code heartbeat} and {@code connection_timeout}. */
    public Map<String, String> parameters() {
        return parameters;
    }

    /** The URI with the password masked: safe for logs. */
    @Override
    public String toString() {
        String vh =
                virtualHost.equals("/")
                        ? ""
                        : java.net.URLEncoder.encode(virtualHost, StandardCharsets.UTF_8);
        return (tls ? "amqps" : "amqp") + "://" + user + ":***@" + host + ":" + port + "/" + vh;
    }
}
