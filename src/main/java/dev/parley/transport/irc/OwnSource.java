package dev.parley.transport.irc;

/**
 * Who we are on one server: our nick, and our {@code nick!user@host} once the server has shown it
 * (the end of 001, our own JOIN, 396 for a changed host). Messages we send are split to fit a line
 * with that source in front, and those confirmed without an echo carry it.
 */
final class OwnSource {

    /** A host as long as a server may give us: splitting with it never makes a line too long. */
    private static final String LONGEST_HOST = "h".repeat(63);

    private final String userName;
    private String nick;
    /** Null until the server has shown it. */
    private String source;

    OwnSource(String nick, String userName) {
        this.nick = nick;
        this.userName = userName;
    }

    String nick() {
        return nick;
    }

    /** The server gave us this nick (001) and maybe, as the last word of its text, our full source. */
    void welcomed(String givenNick, String welcomeText) {
        nick = givenNick;
        String last = welcomeText.substring(welcomeText.lastIndexOf(' ') + 1);
        if (last.indexOf('!') > 0 && last.indexOf('@') > last.indexOf('!') && IrcNames.same(IrcNames.nickOf(last), nick)) {
            source = last;
        }
    }

    /** The nick we ask for next, before the server has accepted one. */
    void asking(String nextNick) {
        nick = nextNick;
    }

    void nickChanged(String newNick) {
        nick = newNick;
        if (source != null) {
            int bang = source.indexOf('!');
            source = bang < 0 ? null : newNick + source.substring(bang);
        }
    }

    boolean isMe(String someNick) {
        return IrcNames.same(nick, someNick);
    }

    void learnSource(String fullSource) {
        if (fullSource != null && fullSource.indexOf('!') > 0 && fullSource.indexOf('@') > 0) {
            source = fullSource;
        }
    }

    void learnHost(String host) {
        if (source != null && source.indexOf('@') > 0) {
            source = source.substring(0, source.indexOf('@') + 1) + host;
        }
    }

    /**
     * Our source as the server will put it in front of what we send. Until the server has shown
     * it, a conservative guess: the user name with an ident {@code ~} and a 63-character host.
     */
    String estimate() {
        return source != null ? source : nick + "!~" + userName + "@" + LONGEST_HOST;
    }

    /** Our source for messages we confirm without an echo: the real one, or just the nick. */
    String sourceOrNick() {
        return source != null ? source : nick;
    }
}
