package org.outreachexchange.evaluation.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class CriteriaRepository implements PanacheRepositoryBase<CriteriaVersion, Integer> {

    public Optional<CriteriaVersion> current() {
        return findAll(Sort.descending("version")).firstResultOptional();
    }

    public List<CriteriaVersion> allVersions() {
        return listAll(Sort.ascending("version"));
    }
}
