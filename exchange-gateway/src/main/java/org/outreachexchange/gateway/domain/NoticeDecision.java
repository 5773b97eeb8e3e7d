package org.outreachexchange.gateway.domain;

import java.util.List;

/** What the notice policy decided: the activity's notice state from now on, and the notices to raise, in order. */
public record NoticeDecision(NoticeState state, List<Raise> notices) {

    public NoticeDecision {
        notices = List.copyOf(notices);
    }

    /** One notice to raise: its kind, what the notice lacked, and what changed (for short-notice changes). */
    public record Raise(NoticeKind kind, List<Missing> missing, List<String> changed) {

        public Raise {
            missing = List.copyOf(missing);
            changed = List.copyOf(changed);
        }
    }

    static NoticeDecision quiet(NoticeState state) {
        return new NoticeDecision(state, List.of());
    }
}
