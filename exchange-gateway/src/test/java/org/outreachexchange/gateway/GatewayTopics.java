package org.outreachexchange.gateway;

/** The topics the gateway reads and writes besides the activity topics, created before it starts. */
final class GatewayTopics {

    static final String OTHERS = "outreach.evaluations,outreach.notices,outreach.dlq.exchange-gateway";

    private GatewayTopics() {
    }
}
