package id.apbdmonitor.core.ingest;

import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * An executor of one named daemon thread: its tasks run in order, one at a time; the thread
 * ends after being idle a while and the next task starts another, so a topic that falls quiet
 * holds no thread. The writer of each consumer and the snapshot refresh are such threads.
 */
final class OneThread {

	private OneThread() {
	}

	static ThreadPoolExecutor named(String name, Duration idle) {
		ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, idle.toMillis(), TimeUnit.MILLISECONDS,
				new LinkedBlockingQueue<>(), (runnable) -> {
					Thread thread = new Thread(runnable, name);
					thread.setDaemon(true);
					return thread;
				});
		executor.allowCoreThreadTimeOut(true);
		return executor;
	}

}
