/**
 * The server's background sender of decision notices (p.19): every `intervalMs` it runs the dispatcher
 * (never two runs at once in one process; several processes are safe, see dispatch-notifications.ts),
 * so SMS and cabinet notices leave within minutes of the decision without an operator running
 * `komek notifications dispatch`. Errors are logged and the next tick tries again.
 */
import type { Clock } from '../context';
import type { Database } from '../db/connect';
import { dispatchNotifications, type DispatchReport, type NotificationPorts } from './dispatch-notifications';

export interface NotificationWorker {
  /** Stops the timer and waits for a run in progress. */
  stop(): Promise<void>;
}

export function startNotificationWorker(
  deps: { readonly database: Database; readonly ports: NotificationPorts; readonly clock: Clock; readonly onError?: (e: unknown) => void; readonly onRun?: (r: DispatchReport) => void },
  opts: { readonly intervalMs: number; readonly limit?: number },
): NotificationWorker {
  let running: Promise<void> | null = null;
  let stopped = false;
  const tick = () => {
    if (running || stopped) return;
    running = dispatchNotifications(deps, { limit: opts.limit ?? 500 })
      .then((r) => deps.onRun?.(r), (e: unknown) => deps.onError?.(e))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, opts.intervalMs);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
