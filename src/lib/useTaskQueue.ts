import { useEffect, useState, useSyncExternalStore } from 'react';
import { TaskQueue, type QueueSnapshot, type TaskQueueOptions } from './task-queue';

/**
 * A TaskQueue owned by one component: created once, its latest `run` always used, and cleared
 * (stopped, items forgotten) when the component unmounts, so rows carrying secrets don't outlive
 * the screen.
 */
export function useTaskQueue<T, R>(
  options: TaskQueueOptions<T, R>,
): { queue: TaskQueue<T, R>; snapshot: QueueSnapshot<R> } {
  const [queue] = useState(() => new TaskQueue<T, R>(options));
  const { run } = options;
  useEffect(() => {
    queue.setRun(run);
  }, [queue, run]);
  useEffect(() => () => queue.clear(), [queue]);
  const snapshot = useSyncExternalStore(queue.subscribe, queue.getSnapshot);
  return { queue, snapshot };
}
