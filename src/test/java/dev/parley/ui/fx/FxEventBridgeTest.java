package dev.parley.ui.fx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

@ExtendWith(ApplicationExtension.class)
class FxEventBridgeTest {

    @Test
    void manyTasksBeforeTheFxThreadRunsMakeOneBatchInOrder() {
        List<Runnable> scheduled = new ArrayList<>();
        FxEventBridge bridge = new FxEventBridge(scheduled::add);
        List<Integer> ran = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            int n = i;
            bridge.execute(() -> ran.add(n));
        }
        assertEquals(1, scheduled.size(), "one runLater for the whole burst");
        scheduled.getFirst().run();
        assertEquals(10_000, ran.size());
        assertEquals(9_999, ran.getLast());
        bridge.execute(() -> ran.add(-1));
        assertEquals(2, scheduled.size(), "the next burst gets its own runLater");
    }

    @Test
    void aFailingTaskDoesNotDropTheRestOfItsBatch() {
        List<Runnable> scheduled = new ArrayList<>();
        FxEventBridge bridge = new FxEventBridge(scheduled::add);
        List<String> ran = new ArrayList<>();
        bridge.execute(() -> ran.add("first"));
        bridge.execute(() -> {
            throw new IllegalStateException("a listener broke");
        });
        bridge.execute(() -> ran.add("third"));
        scheduled.getFirst().run();
        assertEquals(List.of("first", "third"), ran);
    }

    @Test
    void realBridgeRunsTasksOnTheFxThread() throws InterruptedException {
        FxEventBridge bridge = new FxEventBridge();
        CountDownLatch done = new CountDownLatch(100);
        List<Boolean> onFx = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            bridge.execute(() -> {
                onFx.add(Platform.isFxApplicationThread());
                done.countDown();
            });
        }
        assertEquals(true, done.await(10, TimeUnit.SECONDS));
        assertEquals(100, onFx.stream().filter(b -> b).count());
    }
}
