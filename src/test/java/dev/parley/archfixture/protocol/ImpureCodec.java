package dev.parley.archfixture.protocol;

import java.sql.Connection;

/** Breaks "only storage.sqlite uses java.sql" on purpose, for ArchitectureRulesBiteTest. */
public class ImpureCodec {
    Connection connection;
}
