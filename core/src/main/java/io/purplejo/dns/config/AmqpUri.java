/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.config;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A RabbitMQ address parsed from an AMQP URI ({@code amqp://user:pass@host:5672/vhost} or {@code
 * amqps://}), following the RabbitMQ URI specification: an empty path is the default vhost "/", and
 * "%2F" spells "/". The password is never part of {@link #toString()} nor of an error message.
 */
public final class AmqpUri {
    private static final String EXPECTED = "expected amqp://user:password@host:5672/vhost";

    private final boolean tls;
    private final String host;
    private final int port;
    private final String virtualHost;
    private final String user;
    private final String password;
    private final Map<String, String> parameters;
    private final AmqpTrust trust;

    private AmqpUri(
            boolean tls,
            String host,
            int port,
            String virtualHost,
            String user,
            String password,
            Map<String, String> parameters,
            AmqpTrust trust) {
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
        return new AmqpUri(tls, host, port, virtualHost, user, password, parameters, trust);
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
        if (uri == null || uri.isBlank()) {
            throw new InvalidConfigurationException("RabbitMQ URL is empty (" + EXPECTED + ")");
        }
        String s = uri.strip();
        int schemeEnd = s.indexOf("://");
        if (schemeEnd < 0) {
            throw new InvalidConfigurationException(
                    "RabbitMQ URL has no scheme (" + EXPECTED + ")");
        }
        String scheme = s.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        boolean tls;
        if (scheme.equals("amqp")) {
            tls = false;
        } else if (scheme.equals("amqps")) {
            tls = true;
        } else {
            throw new InvalidConfigurationException(
                    "RabbitMQ URL has unsupported scheme '"
                            + scheme
                            + "' ("
                            + EXPECTED
                            + " or amqps://...)");
        }
        String rest = s.substring(schemeEnd + 3);
        String query = "";
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        String vhost = "/";
        int slash = rest.indexOf('/');
        if (slash >= 0) {
            String path = rest.substring(slash + 1);
            rest = rest.substring(0, slash);
            if (!path.isEmpty()) {
                if (path.contains("/")) {
                    throw new InvalidConfigurationException(
                            "RabbitMQ URL vhost must be one path segment;"
                                    + " write '/' inside a vhost as %2F");
                }
                vhost = decode(path, "vhost");
            }
        }
        String user = "guest";
        String password = "guest";
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = rest.substring(0, at);
            rest = rest.substring(at + 1);
            int colon = userInfo.indexOf(':');
            if (colon >= 0) {
                user = decode(userInfo.substring(0, colon), "user name");
                password = decode(userInfo.substring(colon + 1), "password");
            } else {
                user = decode(userInfo, "user name");
            }
        }
        int port = tls ? 5671 : 5672;
        String host = rest;
        int colon = rest.lastIndexOf(':');
        if (colon >= 0 && !rest.endsWith("]")) {
            host = rest.substring(0, colon);
            String portText = rest.substring(colon + 1);
            try {
                port = Integer.parseInt(portText);
                if (port < 1 || port > 65535) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                throw new InvalidConfigurationException(
                        "RabbitMQ URL has an invalid port '"
                                + portText
                                + "' (a number from 1 to 65535)");
            }
        }
        if (host.isEmpty()) {
            throw new InvalidConfigurationException("RabbitMQ URL has no host (" + EXPECTED + ")");
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            params.put(
                    decode(eq >= 0 ? pair.substring(0, eq) : pair, "parameter name"),
                    eq >= 0 ? decode(pair.substring(eq + 1), "parameter value") : "");
        }
        return new AmqpUri(tls, host, port, vhost, user, password, params, AmqpTrust.system());
    }

    private static String decode(String text, String what) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException(
                    "RabbitMQ URL has a malformed percent-escape in the " + what);
        }
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
