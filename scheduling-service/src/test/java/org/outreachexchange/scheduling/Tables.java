package org.outreachexchange.scheduling;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Row counts straight from the service's database, to prove what a request did or did not store. */
final class Tables {

    private Tables() {
    }

    static long count(DataSource dataSource, String table) {
        try (Connection connection = dataSource.getConnection();
             ResultSet rs = connection.createStatement().executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static long count(DataSource dataSource, String table, String where, Object parameter) {
        try (Connection connection = dataSource.getConnection();
             var statement = connection.prepareStatement("SELECT count(*) FROM " + table + " WHERE " + where)) {
            statement.setObject(1, parameter);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
