package dev.parley.transport;

/**
 * A way to talk: a connection to a relay or any IRC server ({@code transport.irc}), or the LAN
 * mesh ({@code transport.mesh}). The client service drives it and never knows which it is.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>Every method returns at once; the work happens on the transport's own threads.</li>
 *   <li>Events go to the listener given to {@link #start}, one at a time, in order, on the
 *       transport's thread; the listener must not block.</li>
 *   <li>Requests made while not connected are the caller's to hold (the client service keeps an
 *       outbox); a transport may drop them with {@link TransportListener#sendFailed} or an
 *       error. A transport that reconnects by itself rejoins its channels.</li>
 *   <li>Channel and nick names are compared the transport's way (IRC: case-insensitive).</li>
 * </ul>
 */
public interface Transport extends AutoCloseable {

    /** Starts connecting (and reconnecting, by its own policy). Called once. */
    void start(TransportListener listener);

    /** Joins a channel; {@code key} may be null. Success shows as {@link TransportListener#joined}. */
    void join(String channel, String key);

    /** Leaves a channel; {@code reason} may be null. */
    void part(String channel, String reason);

    /** Sends a message. Confirmed later by {@link TransportListener#sent}, or failed. */
    void send(OutgoingMessage message);

    void changeNick(String nick);

    void setTopic(String channel, String topic);

    /** Marks the user away with a message, or back when {@code message} is null. */
    void setAway(String message);

    /** Asks for the channel list; answered by {@link TransportListener#channelList}. */
    void requestChannelList();

    /** Asks for a channel's members; answered by {@link TransportListener#members}. */
    void requestMembers(String channel);

    /** Asks who someone is (or who is in a channel); answered with info lines. */
    void requestWho(String target);

    /** Asks for stored messages; answered by {@link TransportListener#history}. */
    void requestHistory(HistoryRequest request);

    /**
     * Reaches one more peer directly ({@code host:port}): the mesh does, for peers its LAN
     * broadcast does not reach. False when the transport has no peers of its own (IRC); the
     * caller then connects elsewhere instead.
     *
     * @throws IllegalArgumentException when the address is not {@code host:port}, with a message for the user
     */
    default boolean addPeer(String address) {
        return false;
    }

    /** When waiting to reconnect: try now. */
    void reconnectNow();

    /** Says goodbye (with a reason, may be null) and stops; the listener sees OFFLINE. */
    void quit(String reason);

    /** Where it connects, as people read it: {@code 10.0.0.5:6667}, {@code LAN mesh}. */
    String endpoint();

    /** Stops at once, without waiting for the other side. */
    @Override
    void close();
}
