package dev.parley.client;

import dev.parley.model.Member;
import dev.parley.transport.TransportState;
import java.util.List;

/** What {@link TransportEvents} needs from the command side: follow-ups of the user's requests. */
interface ClientActions {

    /** Sends what waits in the outbox, oldest first. */
    void flushOutbox();

    void stateChanged(TransportState state);

    /** Completes the waiters of {@code whenIdle} when nothing is pending. */
    void checkIdle();

    /** We are in a channel now: open its room, select it if the user asked, fetch its history. */
    void joinedChannel(String channel);

    /** An answer to a /create check; true when it was one (and is handled). */
    boolean createAnswered(String channel, List<Member> members);

    /** A member list arrived: show it if the user asked with /names. */
    void namesAnswered(String channel, List<Member> members);

    /** An error came for a target: forget requests that were waiting on it. */
    void errorReported(String target);
}
