package dev.parley.storage;

/** The contract, for the in-memory store. */
class InMemoryMessageStoreTest extends MessageStoreContractTest {

    @Override
    protected MessageStore openStore() {
        return new InMemoryMessageStore();
    }
}
