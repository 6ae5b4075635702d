/**
 * The IRC transport: {@link dev.parley.transport.irc.IrcTransport} over one socket to a Parley
 * relay or any IRC server, configured by {@link dev.parley.transport.irc.IrcTransportConfig} and
 * {@link dev.parley.transport.irc.ReconnectPolicy}. Everything else is internal, one job each:
 *
 * <pre>
 *   IrcTransport       lifecycle: connect, reconnect with backoff, dead-link check, quit; the event thread
 *   IrcConnection      socket: reader thread (framing, parsing, PONG), serialized writes
 *   Session            one connection's protocol state; dispatches each line to:
 *     CapNegotiation   CAP LS / REQ / ACK / END
 *     NickVariants     ada_, ada__, ada1 ... when a nick is refused
 *     MessageFlow      PRIVMSG/NOTICE both ways, echo matching, history, catch-up after a reconnect
 *       MessageSplitter, PendingSends, HistoryRequests, CatchUp, ChatMessages
 *     ChannelEvents    JOIN PART KICK QUIT NICK TOPIC MODE AWAY, NAMES, WHO
 *       Rosters, NamesCollector, WhoTracker
 *     ServerReplies    MOTD, WHOIS, LIST, errors in words
 *     BatchTracker     IRCv3 batches and the labels around lines
 *     ServerSupport    ISUPPORT (005)
 *   ChannelMemory      what outlives a connection: channels and keys, last ids, recent ids
 * </pre>
 * Uses {@code protocol} for the wire format and {@code model} for what it reports; never the
 * relay, the client service or a UI.
 */
package dev.parley.transport.irc;
