package dev.tollgate.store;

/** The database could not be reached or refused an operation; the caller answers "unavailable" and carries on. */
public final class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The first line of the innermost cause: JDBC drivers and Flyway nest long, multi-line messages. */
    public static String firstLine(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage().strip();
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline).strip();
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }
}
