package dev.parley.model;

import java.util.concurrent.ThreadLocalRandom;
import java.time.Instant;

/**
 * Message ids (IRCv3 msgid) for the relay and the mesh: 26 characters of Crockford base32, 48 bits of milliseconds then
 * 80 random bits (the ULID layout). Unique without coordination, and they sort by time, which
 * makes them readable in logs and in the store. The bits only have to be unique, not secret
 * (an id grants nothing), so they come from a fast per-thread generator rather than
 * {@code SecureRandom}, which takes a lock and a read of the OS's pool for every message.
 */
public final class MessageIds {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    public String next(Instant time) {
        byte[] rnd = new byte[10];
        ThreadLocalRandom.current().nextBytes(rnd);
        char[] out = new char[26];
        long millis = time.toEpochMilli();
        for (int i = 9; i >= 0; i--) {
            out[i] = ALPHABET[(int) (millis & 31)];
            millis >>>= 5;
        }
        // 80 random bits as 16 base32 digits.
        long hi = 0;
        for (int i = 0; i < 5; i++) {
            hi = (hi << 8) | (rnd[i] & 0xff);
        }
        long lo = 0;
        for (int i = 5; i < 10; i++) {
            lo = (lo << 8) | (rnd[i] & 0xff);
        }
        for (int i = 17; i >= 10; i--) {
            out[i] = ALPHABET[(int) (hi & 31)];
            hi >>>= 5;
        }
        for (int i = 25; i >= 18; i--) {
            out[i] = ALPHABET[(int) (lo & 31)];
            lo >>>= 5;
        }
        return new String(out);
    }
}
