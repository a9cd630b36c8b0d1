/**
 * Background work on the main thread (pinyin for every unit, the anomaly rules) split into short
 * tasks, so a person's input, paint and query answers run between them.
 */

/**
 * A pause that hands the main thread back once `budgetMs` have passed since the last one;
 * otherwise it returns at once (no task per item).
 */
export function yieldEvery(budgetMs: number): () => void | Promise<void> {
  let since = performance.now();
  return () => {
    if (performance.now() - since < budgetMs) return;
    return nextTask().then(() => {
      since = performance.now();
    });
  };
}

/**
 * A new task, queued behind those already waiting (a query's answer, a render): this is for
 * background work, so not `scheduler.yield`, whose continuation would go ahead of them; and a
 * message, not a timer, which a background tab throttles to one a second.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
