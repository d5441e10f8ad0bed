package dev.tollgate.exception;

import java.time.LocalDate;
import java.util.List;

/** Where exceptions requested by reply are kept, per repository (a database in the bot; nothing in the CLI). */
public interface ExceptionLedger {

    /** Nothing recorded, nothing to record: the CLI. */
    ExceptionLedger NONE = new ExceptionLedger() {
        @Override
        public boolean add(String repository, long commentId, RegisteredException entry) {
            throw new UnsupportedOperationException("exceptions by reply are not recorded here");
        }

        @Override
        public List<RegisteredException> active(String repository, LocalDate today) {
            return List.of();
        }
    };

    /** Records the exception requested by comment {@code commentId}; false when already recorded (a redelivery). */
    boolean add(String repository, long commentId, RegisteredException entry);

    /** The repository's entries that have not expired by {@code today}. */
    List<RegisteredException> active(String repository, LocalDate today);
}
