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

    /** Up to {@code count} versions after {@code afterVersion}, oldest first. */
    public List<CriteriaVersion> versionsAfter(int afterVersion, int count) {
        return find("version > ?1", Sort.ascending("version"), afterVersion).range(0, count - 1).list();
    }
}
