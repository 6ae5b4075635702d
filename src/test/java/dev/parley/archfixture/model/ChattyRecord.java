package dev.parley.archfixture.model;

/** Breaks "only cli writes to System.out" on purpose, for ArchitectureRulesBiteTest. */
public record ChattyRecord(String text) {
    public void print() {
        System.out.println(text);
    }
}
