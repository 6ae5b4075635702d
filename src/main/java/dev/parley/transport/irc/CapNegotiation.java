package dev.parley.transport.irc;

import dev.parley.protocol.IrcMessage;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * IRCv3 capability negotiation from the client side.
 *
 * <pre>
 *   -> CAP LS 302                 (then PASS, NICK, USER at once)
 *   <- CAP * LS * :a b=1 c        (more lines follow: '*')
 *   <- CAP * LS :d e              (last line)
 *   -> CAP REQ :a c               (what we want and the server offers) or CAP END when nothing
 *   <- CAP * ACK :a c             (or NAK: we carry on without)
 *   -> CAP END
 * </pre>
 * A server that does not know CAP answers 421 or nothing at all and registers us on NICK and
 * USER alone; nothing here waits for it.
 */
final class CapNegotiation {

    /** What we ask for when offered. */
    static final List<String> WANTED = List.of("message-tags", "server-time", "echo-message", "batch",
            "labeled-response", "draft/chathistory", "away-notify", "multi-prefix");

    private final Set<String> offered = new LinkedHashSet<>();
    private final Set<String> enabled = new LinkedHashSet<>();
    private boolean ended;

    /** The first line to send on a new connection. */
    static IrcMessage start() {
        return IrcMessage.of("CAP", "LS", "302");
    }

    /** Takes a CAP line from the server; returns the line to send in answer, or null. */
    IrcMessage onCap(IrcMessage cap) {
        String sub = cap.param(1) == null ? "" : IrcNames.upper(cap.param(1));
        String list = cap.lastParam() == null ? "" : cap.lastParam();
        switch (sub) {
            case "LS" -> {
                tokens(list).forEach(token -> offered.add(nameOf(token)));
                boolean more = cap.params().size() >= 4 && "*".equals(cap.param(2));
                if (more || ended) {
                    return null;
                }
                List<String> wanted = WANTED.stream().filter(offered::contains).toList();
                if (wanted.isEmpty()) {
                    return end();
                }
                return IrcMessage.of("CAP", "REQ", String.join(" ", wanted));
            }
            case "ACK" -> {
                for (String token : tokens(list)) {
                    if (token.startsWith("-")) {
                        enabled.remove(token.substring(1));
                    } else {
                        enabled.add(nameOf(token));
                    }
                }
                return ended ? null : end();
            }
            case "NAK" -> {
                return ended ? null : end();
            }
            case "DEL" -> {
                tokens(list).forEach(token -> enabled.remove(nameOf(token)));
                return null;
            }
            default -> {
                return null;
            }
        }
    }

    /** The server does not know CAP (421): registration goes on without it. */
    void unsupported() {
        ended = true;
    }

    private IrcMessage end() {
        ended = true;
        return IrcMessage.of("CAP", "END");
    }

    boolean has(String capability) {
        return enabled.contains(capability);
    }

    Set<String> enabled() {
        return Set.copyOf(enabled);
    }

    private static List<String> tokens(String list) {
        return List.of(list.trim().split(" +")).stream().filter(t -> !t.isEmpty()).toList();
    }

    /** {@code sasl=PLAIN,EXTERNAL} gives {@code sasl}. */
    private static String nameOf(String token) {
        int eq = token.indexOf('=');
        return eq < 0 ? token : token.substring(0, eq);
    }
}
