package dev.tollgate.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The webhook delivery ids already accepted, kept for {@link #RETENTION} (GitHub redelivers for three days), so that
 * a redelivery or a retry is not reviewed twice, also after a restart. Old ids are pruned as new ones arrive.
 */
public final class DeliveryLog {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryLog.class);
    public static final Duration RETENTION = Duration.ofDays(7);
    public static final int MAX_ID_LENGTH = 255;
    private static final Duration PRUNE_EVERY = Duration.ofHours(1);

    private final Database database;
    private final Clock clock;
    private volatile Instant nextPrune = Instant.MIN;

    public DeliveryLog(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Records the id; false when it was already recorded (a duplicate delivery). */
    public boolean record(String deliveryId) {
        checkLength(deliveryId);
        pruneNowAndThen();
        try (Connection connection = database.connection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO webhook_deliveries (delivery_id, received_at) VALUES (?, ?)")) {
            insert.setString(1, deliveryId);
            insert.setObject(2, Sql.timestamp(clock.instant()));
            insert.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (Sql.isUniqueViolation(e)) {
                return false;
            }
            throw new StoreException("cannot record delivery " + deliveryId + ": " + StoreException.firstLine(e), e);
        }
    }

    public boolean contains(String deliveryId) {
        try (Connection connection = database.connection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT 1 FROM webhook_deliveries WHERE delivery_id = ?")) {
            select.setString(1, deliveryId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the delivery log: " + StoreException.firstLine(e), e);
        }
    }

    /** Forgets the id, so that a redelivery (GitHub reuses the id) is accepted again, e.g. after a failed review. */
    public void forget(String deliveryId) {
        try (Connection connection = database.connection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM webhook_deliveries WHERE delivery_id = ?")) {
            delete.setString(1, deliveryId);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot forget delivery " + deliveryId + ": " + StoreException.firstLine(e), e);
        }
    }

    /** Deletes ids older than the retention; returns how many. */
    public int prune() {
        try (Connection connection = database.connection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM webhook_deliveries WHERE received_at < ?")) {
            delete.setObject(1, Sql.timestamp(clock.instant().minus(RETENTION)));
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot prune the delivery log: " + StoreException.firstLine(e), e);
        }
    }

    private void pruneNowAndThen() {
        Instant now = clock.instant();
        if (now.isBefore(nextPrune)) {
            return;
        }
        nextPrune = now.plus(PRUNE_EVERY);
        try {
            int pruned = prune();
            if (pruned > 0) {
                LOG.info("delivery log: pruned {} ids older than {} days", pruned, RETENTION.toDays());
            }
        } catch (StoreException e) {
            LOG.warn("{}", e.getMessage());
        }
    }

    private static void checkLength(String deliveryId) {
        if (deliveryId == null || deliveryId.isEmpty() || deliveryId.length() > MAX_ID_LENGTH) {
            throw new IllegalArgumentException("delivery id must have 1 to " + MAX_ID_LENGTH + " characters");
        }
    }
}
