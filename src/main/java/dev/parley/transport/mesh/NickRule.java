package dev.parley.transport.mesh;

import dev.parley.protocol.CaseMapping;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who shows under which nick when peers claim the same one (compared case-insensitively).
 *
 * <p>The earliest claim keeps the nick: the smallest {@code nickSince} (the time the claimant
 * began to use it, by its own clock), then the smallest peer id. Each later claimant shows as
 * {@code nick_xxxx}, where {@code xxxx} is the start of the SHA-256 of its peer id in hex (longer
 * if that too is taken). Every peer applies this function to the same claims, which every
 * heartbeat carries, so every peer shows the same names without asking anyone; the loser
 * itself takes the new name as its own. Pure.
 */
final class NickRule {

    /** A peer's claim: the nick it asks for, and since when (epoch ms by its clock). */
    record Claim(String peerId, String nick, long since) {
    }

    private static final Comparator<Claim> EARLIEST_FIRST = Comparator
            .comparing((Claim c) -> CaseMapping.fold(c.nick()))
            .thenComparingLong(Claim::since)
            .thenComparing(Claim::peerId);
    private static final int FIRST_SUFFIX = 4;
    private static final int LAST_SUFFIX = 16;

    private NickRule() {
    }

    /** The nick each peer shows under, by peer id. */
    static Map<String, String> resolve(Collection<Claim> claims) {
        List<Claim> ordered = new ArrayList<>(claims);
        ordered.sort(EARLIEST_FIRST);
        Set<String> taken = new HashSet<>();
        for (Claim claim : ordered) {
            taken.add(CaseMapping.fold(claim.nick()));
        }
        Map<String, String> shown = new HashMap<>();
        String previous = null;
        for (Claim claim : ordered) {
            String folded = CaseMapping.fold(claim.nick());
            if (!folded.equals(previous)) {
                shown.put(claim.peerId(), claim.nick());
                previous = folded;
                continue;
            }
            String renamed = null;
            for (int length = FIRST_SUFFIX; length <= LAST_SUFFIX; length += 2) {
                renamed = renamed(claim.nick(), claim.peerId(), length);
                if (taken.add(CaseMapping.fold(renamed))) {
                    break;
                }
            }
            shown.put(claim.peerId(), renamed);
        }
        return shown;
    }

    /** {@code nick} cut to fit, then {@code _} and {@code length} hex digits derived from the peer id. */
    static String renamed(String nick, String peerId, int length) {
        String suffix = "_" + HexFormat.of().formatHex(sha256(peerId)).substring(0, length);
        int room = MeshLimits.MAX_NICK_LENGTH - suffix.length();
        return (nick.length() > room ? nick.substring(0, room) : nick) + suffix;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
