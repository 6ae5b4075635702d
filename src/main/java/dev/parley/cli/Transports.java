package dev.parley.cli;

import dev.parley.client.Endpoint;
import dev.parley.client.TransportFactory;
import dev.parley.transport.irc.IrcTransport;
import dev.parley.transport.irc.IrcTransportConfig;

/** Wires each kind of endpoint to its transport: the one place the client meets the transport classes. */
final class Transports {

    private Transports() {
    }

    static TransportFactory factory() {
        return (endpoint, nick) -> switch (endpoint) {
            case Endpoint.Relay relay -> new IrcTransport(IrcTransportConfig.of(relay.host(), relay.port(), nick));
            case Endpoint.Mesh mesh -> throw new IllegalArgumentException("the LAN mesh is not part of this build yet");
        };
    }
}
