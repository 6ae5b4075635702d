package dev.parley.transport.mesh;

/** A frame that cannot be read; caught inside {@link EnvelopeCodec#decode}, never thrown out of it. */
final class MalformedFrame extends Exception {

    MalformedFrame(String reason) {
        super(reason, null, false, false);
    }
}
