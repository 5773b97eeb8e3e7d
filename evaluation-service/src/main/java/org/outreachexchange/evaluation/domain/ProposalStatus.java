package org.outreachexchange.evaluation.domain;

public enum ProposalStatus {
    OPEN, ADOPTED, DROPPED
}
