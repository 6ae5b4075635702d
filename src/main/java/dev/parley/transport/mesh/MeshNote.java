package dev.parley.transport.mesh;

import dev.parley.transport.TransportNote;
import java.util.List;

/**
 * Everything the mesh tells the user in words of its own, each by its key in the client's texts
 * (the {@code mesh.} group of {@code client/i18n/messages*.properties}) and the number of
 * arguments it takes. The client words them in the user's language. Log lines and exception
 * messages stay English and are no notes; an exception's message may still be an argument.
 */
enum MeshNote {

    /** {0} the port, as text: a port is a name, not an amount to write as 6,667. */
    LISTENING("mesh.listening", 1),
    /** {0} the peer address from the settings, {1} why it is wrong. */
    PEER_SKIPPED("mesh.peerSkipped", 2),
    /** {0} why the beacons could not start. */
    DISCOVERY_OFF("mesh.discoveryOff", 1),
    /** {0} the channel, {1} the longest name. */
    BAD_CHANNEL_NAME("mesh.badChannelName", 2),
    /** {0} the channel, {1} the most channels a peer may be in. */
    TOO_MANY_CHANNELS("mesh.tooManyChannels", 2),
    NOT_ON_CHANNEL("mesh.notOnChannel", 1),
    TOPIC_TOO_LONG("mesh.topicTooLong", 0),
    ERRONEOUS_NICK("mesh.erroneousNick", 1),
    NICK_IN_USE("mesh.nickInUse", 1),
    /** {0} the nick this peer claimed, {1} the one it shows under now. */
    NICK_LOST("mesh.nickLost", 2),

    // Why a message was not sent.
    NOT_CONNECTED("mesh.notConnected", 0),
    NO_TEXT("mesh.noText", 0),
    /** {0} the message's UTF-8 bytes, {1} the most allowed. */
    TEXT_TOO_LONG("mesh.textTooLong", 2),
    NOT_IN_CHANNEL("mesh.notInChannel", 1),
    NO_SUCH_NICK("mesh.noSuchNick", 1),

    /** {0} the address given to /connect, {1} its host, which no name lookup found. */
    UNKNOWN_HOST("mesh.unknownHost", 2),
    /** {0} the channel joined with a key: the mesh has no keys. */
    NO_KEYS("mesh.noKeys", 1),
    /** {0} the address given to /connect, {1} the seconds waited: no peer heard there; ZeroMQ keeps trying. */
    NO_ANSWER("mesh.noAnswer", 2),

    // Answers to /who; a state fills in the {2} of WHO_MEMBER and the {1} of WHO_PEER(_AT).
    NOBODY_IN("mesh.nobodyIn", 1),
    /** {0} the nick, {1} the channel, {2} its state. */
    WHO_MEMBER("mesh.who.member", 3),
    /** {0} the nick, {1} the peer id, {2} the channels. */
    WHO_SELF("mesh.who.self", 3),
    /** {0} the nick, {1} its state, {2} the peer id, {3} the channels. */
    WHO_PEER("mesh.who.peer", 4),
    /** {0} the nick, {1} its state, {2} the peer id, {3} its host, {4} the channels. */
    WHO_PEER_AT("mesh.who.peerAt", 5),
    /** Fills in the channels of WHO_SELF and WHO_PEER(_AT) when there are none. */
    NO_CHANNEL("mesh.who.noChannel", 0),
    HERE("mesh.state.here", 0),
    AWAY("mesh.state.away", 0),
    /** {0} the away message. */
    AWAY_WITH("mesh.state.awayWith", 1),
    UNREACHABLE("mesh.state.unreachable", 0),

    /** A quit reason: {0} the seconds of silence after which a peer counts as gone. */
    GONE("mesh.gone", 1);

    private final String key;
    private final int arity;

    MeshNote(String key, int arity) {
        this.key = key;
        this.arity = arity;
    }

    String key() {
        return key;
    }

    int arity() {
        return arity;
    }

    /** The note with its arguments; too many or too few would leave a {n} showing, so they are refused. */
    TransportNote with(Object... args) {
        if (args.length != arity) {
            throw new IllegalArgumentException(key + " takes " + arity + " arguments, not " + args.length);
        }
        return new TransportNote(key, List.of(args));
    }
}
