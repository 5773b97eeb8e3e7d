package org.outreachexchange.gateway.service;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Name resolution for webhook hosts: every address a host name resolves to, in the resolver's order of preference.
 * It may block (DNS), so callers on an event loop or the delivery dispatcher call it from a thread of their own. The
 * one seam through which tests say what a name resolves to ({@link SystemHostResolver} otherwise).
 */
public interface HostResolver {

    List<InetAddress> resolve(String host) throws UnknownHostException;
}
