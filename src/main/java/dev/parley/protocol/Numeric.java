package dev.parley.protocol;

/**
 * Named numeric replies (RFC 1459/2812, modern IRC, IRCv3), so code says
 * {@code ERR_NOSUCHCHANNEL} instead of {@code "403"}.
 */
public enum Numeric {
    RPL_WELCOME("001"),
    RPL_YOURHOST("002"),
    RPL_CREATED("003"),
    RPL_MYINFO("004"),
    RPL_ISUPPORT("005"),
    RPL_UMODEIS("221"),
    RPL_LUSERCLIENT("251"),
    RPL_AWAY("301"),
    RPL_UNAWAY("305"),
    RPL_NOWAWAY("306"),
    RPL_WHOISUSER("311"),
    RPL_WHOISSERVER("312"),
    RPL_WHOISOPERATOR("313"),
    RPL_ENDOFWHO("315"),
    RPL_WHOISIDLE("317"),
    RPL_ENDOFWHOIS("318"),
    RPL_WHOISCHANNELS("319"),
    RPL_LISTSTART("321"),
    RPL_LIST("322"),
    RPL_LISTEND("323"),
    RPL_CHANNELMODEIS("324"),
    RPL_CREATIONTIME("329"),
    RPL_NOTOPIC("331"),
    RPL_TOPIC("332"),
    RPL_TOPICWHOTIME("333"),
    RPL_VERSION("351"),
    RPL_INVITING("341"),
    RPL_WHOREPLY("352"),
    RPL_NAMREPLY("353"),
    RPL_ENDOFNAMES("366"),
    RPL_BANLIST("367"),
    RPL_ENDOFBANLIST("368"),
    RPL_MOTD("372"),
    RPL_MOTDSTART("375"),
    RPL_ENDOFMOTD("376"),
    RPL_TIME("391"),
    RPL_LUSEROP("252"),
    RPL_LUSERCHANNELS("254"),
    RPL_LUSERME("255"),
    RPL_HOSTHIDDEN("396"),
    ERR_UNKNOWNERROR("400"),
    ERR_NOSUCHNICK("401"),
    ERR_NOSUCHSERVER("402"),
    ERR_NOSUCHCHANNEL("403"),
    ERR_CANNOTSENDTOCHAN("404"),
    ERR_TOOMANYCHANNELS("405"),
    ERR_TOOMANYTARGETS("407"),
    ERR_WASNOSUCHNICK("406"),
    ERR_NORECIPIENT("411"),
    ERR_NOTEXTTOSEND("412"),
    ERR_INPUTTOOLONG("417"),
    ERR_UNKNOWNCOMMAND("421"),
    ERR_NOMOTD("422"),
    ERR_NONICKNAMEGIVEN("431"),
    ERR_ERRONEUSNICKNAME("432"),
    ERR_NICKNAMEINUSE("433"),
    ERR_NICKCOLLISION("436"),
    ERR_UNAVAILRESOURCE("437"),
    ERR_USERNOTINCHANNEL("441"),
    ERR_NOTONCHANNEL("442"),
    ERR_USERONCHANNEL("443"),
    ERR_NOTREGISTERED("451"),
    ERR_NEEDMOREPARAMS("461"),
    ERR_ALREADYREGISTERED("462"),
    ERR_PASSWDMISMATCH("464"),
    ERR_YOUREBANNEDCREEP("465"),
    ERR_KEYSET("467"),
    ERR_CHANNELISFULL("471"),
    ERR_UNKNOWNMODE("472"),
    ERR_INVITEONLYCHAN("473"),
    ERR_BANNEDFROMCHAN("474"),
    ERR_BADCHANNELKEY("475"),
    ERR_BADCHANMASK("476"),
    ERR_BADCHANNAME("479"),
    ERR_NEEDREGGEDNICK("477"),
    ERR_NOPRIVILEGES("481"),
    ERR_CHANOPRIVSNEEDED("482"),
    ERR_UMODEUNKNOWNFLAG("501"),
    ERR_USERSDONTMATCH("502");

    private final String code;

    Numeric(String code) {
        this.code = code;
    }

    /** The three digits as they go on the wire. */
    public String code() {
        return code;
    }

    /** The named numeric for a three-digit code, or null for one this table does not name. */
    public static Numeric forCode(String code) {
        for (Numeric n : values()) {
            if (n.code.equals(code)) {
                return n;
            }
        }
        return null;
    }
}
