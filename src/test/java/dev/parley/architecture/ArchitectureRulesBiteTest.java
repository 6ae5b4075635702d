package dev.parley.architecture;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/**
 * The rules are not vacuous: pointed at {@code dev.parley.archfixture}, a tree of deliberate
 * violations in the test sources, each rule reports the class that breaks it.
 */
class ArchitectureRulesBiteTest {

    private static final String FIXTURE = "dev.parley.archfixture";
    private static final JavaClasses FIXTURE_CLASSES = new ClassFileImporter().importPackages(FIXTURE);
    private final ArchitectureRules rules = new ArchitectureRules(FIXTURE);

    @Test
    void javafxInClientIsCaught() {
        assertViolation(rules.onlyUiFxUsesJavaFx(), "LeakyChatService", "javafx.beans.property.SimpleStringProperty");
    }

    @Test
    void sqlInProtocolIsCaught() {
        assertViolation(rules.onlyStorageSqliteUsesSql(), "ImpureCodec", "java.sql.Connection");
        assertViolation(rules.protocolDependsOnlyOnModel(), "ImpureCodec", "java.sql.Connection");
    }

    @Test
    void meshReachingIntoTheClientIsCaught() {
        assertViolation(rules.meshUsesItsLayersOnly(), "OverreachingPeer", "LeakyChatService");
    }

    @Test
    void standardStreamsOutsideCliAreCaught() {
        assertViolation(rules.onlyCliUsesStandardStreams(), "ChattyRecord", "System.out");
    }

    @Test
    void awtIsCaught() {
        assertViolation(rules.nothingUsesJavaDesktop(), "AwtLinkOpener", "java.awt.Desktop");
    }

    private static void assertViolation(ArchRule rule, String offender, String target) {
        EvaluationResult result = rule.evaluate(FIXTURE_CLASSES);
        String report = String.join("\n", result.getFailureReport().getDetails());
        assertTrue(result.hasViolation(), "rule did not fire: " + rule.getDescription());
        assertTrue(report.contains(offender) && report.contains(target), report);
    }
}
