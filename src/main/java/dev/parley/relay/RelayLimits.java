package dev.parley.relay;

import java.time.Duration;

/**
 * Limits that keep one client from hurting the others.
 *
 * @param maxClients           connections at once; more are refused with an ERROR line
 * @param maxClientsPerAddress connections at once from one IP address
 * @param sendQueueBytes       bytes waiting for a client that reads too slowly before it is dropped
 * @param maxChannelsPerClient channels one client may be in
 * @param historyLimit         most messages one CHATHISTORY request returns
 * @param registrationTimeout  time to finish NICK/USER (and CAP) before the connection is dropped
 * @param pingInterval         silence after which the server pings a client
 * @param pingTimeout          time a pinged client has to answer before it is dropped
 */
public record RelayLimits(int maxClients, int maxClientsPerAddress, long sendQueueBytes, int maxChannelsPerClient,
                          int historyLimit, Duration registrationTimeout, Duration pingInterval, Duration pingTimeout) {

    public static final int NICK_LENGTH = 30;
    public static final int CHANNEL_LENGTH = 50;
    public static final int TOPIC_LENGTH = 390;
    public static final int AWAY_LENGTH = 200;
    public static final int KICK_LENGTH = 255;

    public static RelayLimits defaults() {
        return new RelayLimits(20_000, 50, 4L << 20, 50, 100, Duration.ofSeconds(30), Duration.ofSeconds(90),
                Duration.ofSeconds(60));
    }

    public RelayLimits withMaxClients(int max) {
        return new RelayLimits(max, maxClientsPerAddress, sendQueueBytes, maxChannelsPerClient, historyLimit,
                registrationTimeout, pingInterval, pingTimeout);
    }

    public RelayLimits withMaxClientsPerAddress(int max) {
        return new RelayLimits(maxClients, max, sendQueueBytes, maxChannelsPerClient, historyLimit,
                registrationTimeout, pingInterval, pingTimeout);
    }

    public RelayLimits withSendQueueBytes(long bytes) {
        return new RelayLimits(maxClients, maxClientsPerAddress, bytes, maxChannelsPerClient, historyLimit,
                registrationTimeout, pingInterval, pingTimeout);
    }

    public RelayLimits withTimeouts(Duration registration, Duration interval, Duration timeout) {
        return new RelayLimits(maxClients, maxClientsPerAddress, sendQueueBytes, maxChannelsPerClient, historyLimit,
                registration, interval, timeout);
    }
}
