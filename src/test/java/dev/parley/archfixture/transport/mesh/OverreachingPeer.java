package dev.parley.archfixture.transport.mesh;

import dev.parley.archfixture.client.LeakyChatService;

/** Breaks "transport.mesh uses only its layers" on purpose, for ArchitectureRulesBiteTest. */
public class OverreachingPeer {
    final LeakyChatService client = new LeakyChatService();
}
