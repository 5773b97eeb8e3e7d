package org.outreachexchange.bench.hello;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** One entity, so Hibernate ORM and its connection pool start as they do in the services. */
@Entity
public class Greeting {

    @Id
    public Long id;
    public String text;
}
