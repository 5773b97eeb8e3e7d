package org.outreachexchange.gateway.domain;

import java.util.Locale;

/** The kinds of notice event the gateway publishes; each is one CloudEvent type. */
public enum NoticeKind {
    COMPLIANT, LATE, INCOMPLETE, SHORT_NOTICE_CHANGE, ADVISORY;

    /** e.g. {@code outreach.notice.short-notice-change}. */
    public String eventType() {
        return "outreach.notice." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
