package org.dprktrade.briefing.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A bounded hand-over of items in batches from one producing thread to one consuming thread, in order;
 * the last batch says so and carries the failure that ended the producer, if any. Memory is bounded by
 * {@code capacity} batches of about {@code batchSize} items. {@link #close()} frees a producer waiting for
 * room, which then sees {@link #add} return false and stops, and a consumer waiting for a batch, which
 * then sees {@link #next()} return null.
 */
final class BatchPipe<T> {

    private record Batch(Object[] items, boolean last, Throwable failure) {
    }

    private final BlockingQueue<Batch> queue;
    private final int batchSize;
    private volatile boolean closed;

    // the producer's side
    private List<Object> filling;

    // the consumer's side
    private Object[] current = new Object[0];
    private int position;
    private boolean last;
    private Throwable failure;

    BatchPipe(int capacity, int batchSize) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.batchSize = batchSize;
        this.filling = new ArrayList<>(batchSize + 8);
    }

    /** Producer: adds an item, handing the batch on once full; false once the consumer has closed the pipe. */
    boolean add(T item) {
        filling.add(item);
        if (filling.size() < batchSize) {
            return !closed;
        }
        return hand(false, null);
    }

    /** Producer: hands on the rest, marked last, with the failure that ended the production or null. */
    void finish(Throwable failure) {
        hand(true, failure);
    }

    private boolean hand(boolean last, Throwable failure) {
        Batch batch = new Batch(filling.toArray(), last, failure);
        filling = new ArrayList<>(batchSize + 8);
        try {
            while (!closed) {
                if (queue.offer(batch, 50, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    /**
     * Consumer: the next item, or null after the last or once the pipe is closed. The producer's failure is
     * thrown where its items stop: a RuntimeException or Error as it was.
     */
    @SuppressWarnings("unchecked")
    T next() {
        while (position == current.length) {
            if (last) {
                Throwable f = failure;
                failure = null;
                rethrow(f);
                return null;
            }
            Batch batch = null;
            try {
                while (batch == null) {
                    if (closed) {
                        return null;
                    }
                    batch = queue.poll(50, TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for rows", e);
            }
            current = batch.items();
            position = 0;
            last = batch.last();
            failure = batch.failure();
        }
        Object item = current[position];
        current[position++] = null;
        return (T) item;
    }

    boolean isClosed() {
        return closed;
    }

    /** Stops the producer at its next hand-over and the consumer at its next wait; what was queued is dropped. */
    void close() {
        closed = true;
        queue.clear();
    }

    private static void rethrow(Throwable failure) {
        if (failure == null) {
            return;
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException(failure);
    }
}
