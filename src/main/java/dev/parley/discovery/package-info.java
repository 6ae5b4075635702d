/**
 * LAN discovery by UDP beacon: a relay or mesh peer announces itself with {@link
 * dev.parley.discovery.LanAnnouncer}; clients and peers list what they hear with {@link
 * dev.parley.discovery.LanDirectory}.
 *
 * <p>Built on JeroMQ 0.6.0's {@code ZBeacon}, whose behaviour (read from its byte code) shapes
 * this package:
 * <ul>
 *   <li>The receiving socket is always bound to the wildcard address with SO_REUSEADDR, so
 *       several listeners on one host share the port and each gets every broadcast. A network
 *       interface can only be chosen for sending ({@code Builder.server(address)} is the local
 *       address the sending socket binds to; {@code Builder.client(host)} is the destination).
 *   <li>The receiving socket is opened in the constructor and only closed when the receiving
 *       thread ends, so every {@code ZBeacon} here starts its receiver, even an announcer's.
 *   <li>A beacon is dropped unless it starts with the prefix; a null prefix (the builder's
 *       default) or a datagram shorter than the prefix kills the receiving thread. The prefix
 *       here is empty and {@link dev.parley.discovery.AnnouncementCodec} checks the magic.
 *   <li>Any exception in a beacon thread ends it for good; {@code BeaconRunner} rebuilds the
 *       beacon after a delay. {@code stop()} can throw a NullPointerException when a thread
 *       ends during the call and joins without a time limit, so it is called guarded.
 *   <li>Beacons from this host need {@code ignoreLocalAddress(false)}; the directory drops its
 *       own node by id instead.
 *   <li>No beacon size limit in 0.6.0 (the receive buffer is 64 KiB); CZMQ's zbeacon limits
 *       beacons to 255 bytes and so does this package's codec.
 * </ul>
 */
package dev.parley.discovery;
