package dev.parley.storage;

/**
 * How many messages {@link MessageStore#around} takes on each side of its reference. Every store
 * uses this one rule so they all answer alike.
 *
 * @param before messages to take just before the reference
 * @param after  messages to take just after it
 */
public record AroundWindow(int before, int after) {

    /**
     * Splits {@code slots} between the two sides: half each, the odd one before (the lead-up to a
     * message is what a reader jumps to it for), and a side with fewer messages than its half
     * gives the rest to the other side.
     *
     * @param slots           how many messages to place around the reference (the limit, less one
     *                        when the referenced message itself is included)
     * @param availableBefore how many messages exist before the reference (counting up to
     *                        {@code slots} is enough)
     * @param availableAfter  how many exist after it
     */
    public static AroundWindow split(int slots, int availableBefore, int availableAfter) {
        int half = (slots + 1) / 2;
        int before = Math.min(availableBefore, Math.max(half, slots - availableAfter));
        int after = Math.min(availableAfter, slots - before);
        return new AroundWindow(before, after);
    }
}
