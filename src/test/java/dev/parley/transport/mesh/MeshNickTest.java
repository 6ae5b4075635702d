package dev.parley.transport.mesh;

import static dev.parley.transport.mesh.MeshTestNet.AT_MOST;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.transport.mesh.MeshTestNet.Node;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Two peers want one nick: every peer settles on the same names, and the later claimant is told. */
@Timeout(60)
class MeshNickTest {

    private final MeshTestNet net = new MeshTestNet();

    @AfterEach
    void closeAll() {
        net.close();
    }

    /** Peer id to nick, as {@code node} sees the whole mesh (itself included). */
    private static Map<String, String> view(Node node) {
        Map<String, String> names = new HashMap<>();
        names.put(node.transport().peerId(), node.nick());
        node.transport().peers().forEach(p -> names.put(p.peerId(), p.nick()));
        return names;
    }

    @Test
    void theEarlierClaimKeepsTheNickOnEveryPeer() {
        Node first = net.start("sam");
        Node zoe = net.start("zoe");
        net.awaitFullTable(first, zoe);
        Node second = net.start("Sam"); // the same nick, case-insensitively, claimed later
        net.awaitFullTable(first, zoe, second);

        String renamed = NickRule.renamed("Sam", second.transport().peerId(), 4);
        await().atMost(AT_MOST).until(() -> second.nick().equals(renamed));
        Map<String, String> expected = Map.of(first.transport().peerId(), "sam", zoe.transport().peerId(), "zoe",
                second.transport().peerId(), renamed);
        for (Node node : List.of(first, zoe, second)) {
            await().atMost(AT_MOST).until(() -> view(node).equals(expected));
        }
        assertTrue(second.events().lines().contains("nick Sam " + renamed), second.events().lines().toString());
        assertTrue(second.events().lines().contains("registered " + renamed));
        assertTrue(second.events().lines().contains("error null mesh.nickLost Sam " + renamed));
        assertEquals("sam", first.nick());
        assertTrue(first.events().lines("error").isEmpty());

        // Asking for a nick someone has is refused, as IRC does.
        zoe.transport().changeNick("SAM");
        await().atMost(AT_MOST).until(() -> zoe.events().lines().contains("error null mesh.nickInUse SAM"));
        zoe.transport().changeNick("zed");
        await().atMost(AT_MOST).until(() -> first.events().lines().contains("nick zoe zed"));
    }

    @Test
    void theRuleIsTheSameFunctionOfTheClaimsEverywhere() {
        List<NickRule.Claim> claims = List.of(
                new NickRule.Claim("peer-b", "sam", 100),
                new NickRule.Claim("peer-a", "SAM", 100),
                new NickRule.Claim("peer-c", "sam", 50),
                new NickRule.Claim("peer-d", "zoe", 10));
        Map<String, String> shown = NickRule.resolve(claims);
        assertEquals(shown, NickRule.resolve(List.of(claims.get(3), claims.get(1), claims.get(0), claims.get(2))));
        assertEquals("sam", shown.get("peer-c"));
        assertEquals("zoe", shown.get("peer-d"));
        assertEquals(NickRule.renamed("SAM", "peer-a", 4), shown.get("peer-a"));
        assertEquals(NickRule.renamed("sam", "peer-b", 4), shown.get("peer-b"));
        assertNotEquals(shown.get("peer-a"), shown.get("peer-b"));
        String longNick = "a".repeat(MeshLimits.MAX_NICK_LENGTH);
        assertEquals(MeshLimits.MAX_NICK_LENGTH, NickRule.renamed(longNick, "peer-a", 4).length());
        assertTrue(Streams.isNick(NickRule.renamed(longNick, "peer-a", 16)));
    }
}
