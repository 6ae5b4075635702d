package dev.parley.storage;

/** The store could not do what was asked (disk full, file locked, closed). The message says which. */
public final class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
