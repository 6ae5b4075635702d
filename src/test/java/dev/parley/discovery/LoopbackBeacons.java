package dev.parley.discovery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.time.Duration;

/**
 * Beacon settings that keep tests on this host: the loopback broadcast address and a UDP port
 * that was free a moment ago. Nothing here sends to a real network.
 */
final class LoopbackBeacons {

    static final String LOOPBACK_BROADCAST = "127.255.255.255";
    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private LoopbackBeacons() {
    }

    static BeaconSettings settings(Duration interval) {
        return BeaconSettings.defaults()
                .withBroadcastAddress(LOOPBACK_BROADCAST)
                .withPort(freeUdpPort())
                .withInterval(interval);
    }

    /** The loopback interface's name ({@code lo} on Linux, {@code lo0} on macOS). */
    static String loopbackInterfaceName() {
        try {
            return NetworkInterface.getByInetAddress(LOOPBACK).getName();
        } catch (SocketException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends one raw datagram to the loopback broadcast address. */
    static void sendRaw(int port, byte[] payload) {
        try (DatagramSocket socket = new DatagramSocket(0, LOOPBACK)) {
            socket.setBroadcast(true);
            socket.send(new DatagramPacket(payload, payload.length, InetAddress.ofLiteral(LOOPBACK_BROADCAST), port));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freeUdpPort() {
        try (DatagramSocket probe = new DatagramSocket(0, LOOPBACK)) {
            return probe.getLocalPort();
        } catch (SocketException e) {
            throw new UncheckedIOException(e);
        }
    }
}
