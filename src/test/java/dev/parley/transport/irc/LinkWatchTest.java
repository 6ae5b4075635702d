package dev.parley.transport.irc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The dead-link rules with made-up times: interval 60 s, timeout 30 s, opened at t = 1,000 s. */
class LinkWatchTest {

    private static final long S = 1_000_000_000L;
    private static final long OPENED = 1_000 * S;

    private final LinkWatch watch = new LinkWatch(Duration.ofSeconds(60), Duration.ofSeconds(30), OPENED);

    private LinkWatch.Verdict at(long secondsAfterOpen, long lastReadSecondsAfterOpen) {
        return watch.check(OPENED + secondsAfterOpen * S, OPENED + lastReadSecondsAfterOpen * S, true);
    }

    @Test
    void aLinkThatReadSomethingLatelyIsFine() {
        assertInstanceOf(LinkWatch.Fine.class, at(59, 0));
        assertInstanceOf(LinkWatch.Fine.class, at(100, 50));
    }

    @Test
    void afterTheIntervalWithNothingReadItPingsOnceThenWaitsForTheTimeout() {
        assertInstanceOf(LinkWatch.Ping.class, at(60, 0));
        assertInstanceOf(LinkWatch.Fine.class, at(61, 0), "one PING out at a time");
        assertInstanceOf(LinkWatch.Fine.class, at(89, 0));
        LinkWatch.Dead dead = assertInstanceOf(LinkWatch.Dead.class, at(90, 0));
        assertEquals("ping timeout: no answer from the server for 90 s", dead.reason());
    }

    @Test
    void anythingReadAfterThePingCountsAsTheAnswer() {
        assertInstanceOf(LinkWatch.Ping.class, at(60, 0));
        assertInstanceOf(LinkWatch.Fine.class, at(95, 70), "a line at 70 s, not a PONG, after the PING at 60 s");
        assertInstanceOf(LinkWatch.Fine.class, at(129, 70));
        assertInstanceOf(LinkWatch.Ping.class, at(130, 70), "the next PING after another interval of silence");
    }

    @Test
    void aLineReadBeforeThePingIsNoAnswer() {
        assertInstanceOf(LinkWatch.Ping.class, at(60, 0));
        assertInstanceOf(LinkWatch.Dead.class, at(90, 59));
    }

    @Test
    void registrationMustFinishWithinIntervalAndTimeoutTogether() {
        assertInstanceOf(LinkWatch.Fine.class, watch.check(OPENED + 89 * S, OPENED + 80 * S, false));
        LinkWatch.Dead dead = assertInstanceOf(LinkWatch.Dead.class, watch.check(OPENED + 90 * S, OPENED + 89 * S, false));
        assertEquals("the server did not finish registration in time", dead.reason());
        assertInstanceOf(LinkWatch.Fine.class, watch.check(OPENED + 90 * S, OPENED + 89 * S, true), "once registered, only silence counts");
    }

    @Test
    void timesAroundTheNanoTimeWrapWork() {
        LinkWatch wrapping = new LinkWatch(Duration.ofSeconds(60), Duration.ofSeconds(30), Long.MAX_VALUE - 30 * S);
        long opened = Long.MAX_VALUE - 30 * S;
        assertInstanceOf(LinkWatch.Fine.class, wrapping.check(opened + 59 * S, opened, true));
        assertInstanceOf(LinkWatch.Ping.class, wrapping.check(opened + 60 * S, opened, true));
        assertInstanceOf(LinkWatch.Dead.class, wrapping.check(opened + 90 * S, opened, true));
    }
}
