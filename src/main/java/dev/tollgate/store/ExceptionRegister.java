package dev.tollgate.store;

import dev.tollgate.exception.ExceptionLedger;
import dev.tollgate.exception.RegisteredException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The exceptions requested by reply, per repository (table {@code exception_register}). */
public final class ExceptionRegister implements ExceptionLedger {

    /** At most this many active entries are read per repository and scan. */
    public static final int MAX_ACTIVE = 5_000;
    static final int MAX_FINGERPRINT = 2048;
    static final int MAX_OWNER = 300;
    static final int MAX_REASON = 4096;
    static final int MAX_LOGIN = 100;

    private final Database database;
    private final Clock clock;

    public ExceptionRegister(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /**
     * Records the exception requested by comment {@code commentId}; false when that comment already recorded one for
     * this fingerprint (a redelivery). {@code expires} must be an ISO date.
     */
    @Override
    public boolean add(String repository, long commentId, RegisteredException entry) {
        check(entry.fingerprint(), MAX_FINGERPRINT, "fingerprint");
        check(entry.owner(), MAX_OWNER, "owner");
        check(entry.reason(), MAX_REASON, "reason");
        check(entry.requestedBy(), MAX_LOGIN, "requested_by");
        LocalDate expires = LocalDate.parse(entry.expires());
        try (Connection connection = database.connection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO exception_register (repository,"
                     + " fingerprint, owner, expires, reason, requested_by, comment_id, created_at)"
                     + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, repository);
            insert.setString(2, entry.fingerprint());
            insert.setString(3, entry.owner());
            insert.setObject(4, expires);
            insert.setString(5, entry.reason());
            insert.setString(6, entry.requestedBy());
            insert.setLong(7, commentId);
            insert.setObject(8, Sql.timestamp(clock.instant()));
            insert.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (Sql.isUniqueViolation(e)) {
                return false;
            }
            throw new StoreException("cannot record an exception for " + repository + ": "
                    + StoreException.firstLine(e), e);
        }
    }

    /** The repository's entries that have not expired by {@code today} (which is still a valid day), oldest first. */
    @Override
    public List<RegisteredException> active(String repository, LocalDate today) {
        try (Connection connection = database.connection();
             PreparedStatement select = connection.prepareStatement("SELECT fingerprint, owner, expires, reason,"
                     + " requested_by FROM exception_register WHERE repository = ? AND expires >= ? ORDER BY id")) {
            select.setString(1, repository);
            select.setObject(2, today);
            select.setMaxRows(MAX_ACTIVE);
            List<RegisteredException> entries = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    entries.add(new RegisteredException(rows.getString(1), rows.getString(2),
                            rows.getObject(3, LocalDate.class).toString(), rows.getString(4), rows.getString(5)));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new StoreException("cannot read the exception register of " + repository + ": "
                    + StoreException.firstLine(e), e);
        }
    }

    private static void check(String value, int max, String field) {
        if (value == null || value.isBlank() || value.length() > max) {
            throw new IllegalArgumentException(field + " must have 1 to " + max + " characters");
        }
    }
}
