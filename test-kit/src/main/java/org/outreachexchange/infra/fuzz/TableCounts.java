package org.outreachexchange.infra.fuzz;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The row count of every table of a service's database (schema {@code public}, Flyway's history left out), read in one
 * statement on one connection kept open (a new connection for each of thousands of snapshots costs the database a
 * process each time). The outbox table is one of them, so an event a refused request appended would show.
 */
public final class TableCounts implements Effects, AutoCloseable {

    /** Opens a connection to the service's database. */
    @FunctionalInterface
    public interface Connector {
        Connection connect() throws SQLException;
    }

    private final Connector connector;
    private final List<String> tables;
    private Connection connection;

    /** Counts every table except {@code excluded} (each exclusion needs a reason where it is made). */
    public TableCounts(Connector connector, Set<String> excluded) {
        this.connector = connector;
        this.tables = tables(connector, excluded);
    }

    public List<String> tables() {
        return tables;
    }

    @Override
    public Map<String, Long> snapshot() {
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < tables.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(SELECT count(*) FROM \"").append(tables.get(i)).append("\")");
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Statement statement = connection().createStatement(); ResultSet rs = statement.executeQuery(sql.toString())) {
            rs.next();
            for (int i = 0; i < tables.size(); i++) {
                counts.put("table " + tables.get(i), rs.getLong(i + 1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the service's rows", e);
        }
        return counts;
    }

    /** The open connection the counts are read on, for other reads of the same database. */
    public Connection connection() throws SQLException {
        if (connection == null || connection.isClosed()) {
            connection = connector.connect();
            connection.setAutoCommit(true);
        }
        return connection;
    }

    @Override
    public void close() {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException e) {
            // closing what is no longer used: nothing to do about a failure
        }
    }

    private static List<String> tables(Connector connector, Set<String> excluded) {
        List<String> names = new ArrayList<>();
        try (Connection connection = connector.connect(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
                     + " AND table_type = 'BASE TABLE' AND table_name <> 'flyway_schema_history' ORDER BY table_name")) {
            while (rs.next()) {
                if (!excluded.contains(rs.getString(1))) {
                    names.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list the service's tables", e);
        }
        if (names.isEmpty()) {
            throw new IllegalStateException("the service's database has no tables to count");
        }
        return List.copyOf(names);
    }
}
