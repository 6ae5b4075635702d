package dev.parley.storage.sqlite;

import java.sql.SQLException;

/** A function that may fail with an {@link SQLException}, for work handed a connection. */
@FunctionalInterface
interface SqlFunction<T, R> {

    R apply(T input) throws SQLException;
}
