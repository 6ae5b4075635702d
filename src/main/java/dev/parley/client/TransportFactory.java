package dev.parley.client;

import dev.parley.transport.Transport;

/**
 * Makes the transport for an endpoint. The client service does not know the transport classes;
 * {@code cli} wires IRC and mesh in.
 */
@FunctionalInterface
public interface TransportFactory {

    /** @throws IllegalArgumentException when this build cannot reach that kind of endpoint */
    Transport create(Endpoint endpoint, String nick);
}
