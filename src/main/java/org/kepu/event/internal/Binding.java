package org.kepu.event.internal;

import org.springframework.r2dbc.core.DatabaseClient;

/** Binds values that may be null (R2DBC needs the type of a null). */
final class Binding {

    private Binding() {
    }

    static <T> DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec spec, String name, T value, Class<T> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }
}
