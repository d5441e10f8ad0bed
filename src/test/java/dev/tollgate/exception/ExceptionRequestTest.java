package dev.tollgate.exception;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExceptionRequestTest {

    private static final LocalDate TODAY = LocalDate.of(2027, 1, 15);

    @Test
    void validReplyIsRead() {
        ExceptionRequest request = ExceptionRequest.parse("Thanks!\n\n/tollgate exception owner=@acme/platform "
                + "expires=2027-03-31 reason=\"legacy export bucket\"\n", TODAY, 90);
        assertTrue(request.isValid(), request.problems().toString());
        assertEquals("@acme/platform", request.owner());
        assertEquals("2027-03-31", request.expires());
        assertEquals("legacy export bucket", request.reason());
    }

    @Test
    void invalidReplySaysWhatIsMissing() {
        ExceptionRequest request = ExceptionRequest.parse("/tollgate exception owner=@a expires=2027-12-31", TODAY, 90);
        assertFalse(request.isValid());
        assertEquals(List.of("expires 2027-12-31 is more than 90 days away; the latest allowed date is 2027-04-15",
                "reason is missing; add reason=\"why this is acceptable\""), request.problems());
    }

    @Test
    void otherTextIsNoRequest() {
        assertNull(ExceptionRequest.parse("please add a /tollgate exception here", TODAY, 90));
        assertNull(ExceptionRequest.parse("/tollgate exceptions owner=@a", TODAY, 90));
        assertNull(ExceptionRequest.parse(null, TODAY, 90));
    }
}
