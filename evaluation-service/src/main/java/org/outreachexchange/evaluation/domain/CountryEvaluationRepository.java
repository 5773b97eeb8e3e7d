package org.outreachexchange.evaluation.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class CountryEvaluationRepository implements PanacheRepositoryBase<CountryEvaluation, String> {

    public List<CountryEvaluation> allByCountry() {
        return listAll(Sort.by("country"));
    }
}
