/*
 * Copyright 2026 The dns-extraction authors
 * SPDX-License-Identifier: Apache-2.0
 */
package io.purplejo.dns.resolve;

import io.purplejo.dns.config.InvalidConfigurationException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.ResolverConfig;

/** Parses resolver lists such as {@code 10.0.0.2,10.0.0.3:5353,[2001:db8::53]:53}. */
public final class ResolverAddress {
    private ResolverAddress() {}

    /**
     * Parses a comma-separated list of IP[:port]; host names are refused so that no lookup is
     * needed.
     */
    public static List<InetSocketAddress> parseList(String list) {
        List<InetSocketAddress> out = new ArrayList<>();
        for (String part : list.split(",")) {
            String s = part.trim();
            if (!s.isEmpty()) {
                out.add(parse(s));
            }
        }
        if (out.isEmpty()) {
            throw new InvalidConfigurationException("--resolvers lists no resolver");
        }
        return List.copyOf(out);
    }

    static InetSocketAddress parse(String s) {
        String host = s;
        int port = 53;
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            if (close < 0) {
                throw new InvalidConfigurationException("resolver '" + s + "' has an unclosed '['");
            }
            host = s.substring(1, close);
            if (s.length() > close + 1) {
                if (s.charAt(close + 1) != ':') {
                    throw new InvalidConfigurationException(
                            "resolver '" + s + "' is not [IPv6]:port");
                }
                port = port(s, s.substring(close + 2));
            }
        } else if (s.indexOf(':') >= 0 && s.indexOf(':') == s.lastIndexOf(':')) {
            host = s.substring(0, s.indexOf(':'));
            port = port(s, s.substring(s.indexOf(':') + 1));
        }
        if (!host.matches("[0-9.]+") && !host.contains(":")) {
            throw new InvalidConfigurationException(
                    "resolver '" + s + "' must be an IP address, not a host name");
        }
        try {
            return new InetSocketAddress(InetAddress.getByName(host), port);
        } catch (UnknownHostException e) {
            throw new InvalidConfigurationException(
                    "resolver '" + s + "' is not a valid IP address");
        }
    }

    private static int port(String whole, String text) {
        try {
            int p = Integer.parseInt(text);
            if (p < 1 || p > 65535) {
                throw new NumberFormatException();
            }
            return p;
        } catch (NumberFormatException e) {
            throw new InvalidConfigurationException("resolver '" + whole + "' has an invalid port");
        }
    }

    /** The resolvers of this machine's /etc/resolv.conf. */
    public static List<InetSocketAddress> system() {
        List<InetSocketAddress> servers = ResolverConfig.getCurrentConfig().servers();
        if (servers.isEmpty()) {
            throw new InvalidConfigurationException(
                    "no --resolvers given and the system has none configured");
        }
        return List.copyOf(servers);
    }
}
