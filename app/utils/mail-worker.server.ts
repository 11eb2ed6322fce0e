/**
 * The delivery worker's loop: a pass of `deliverDue` whenever a message is
 * queued in this process, and every `intervalMs` otherwise (messages queued
 * by other instances, retries coming due). Runs inside the server process by
 * default (MAIL_WORKER=off turns it off there), or alone with `npm run worker`.
 */
import { logger } from "~/utils/logger.server";
import { configuredTransport, type MailTransport } from "~/utils/mailer.server";
import { deliverDue, onEmailQueued } from "~/utils/outbox.server";

export interface MailWorker {
  /** Finishes the pass in progress, then stops. */
  stop(): Promise<void>;
}

export function startMailWorker({
  transport = configuredTransport(),
  intervalMs = Number(process.env.MAIL_POLL_MS ?? 5_000),
  batch = 50,
}: { transport?: MailTransport; intervalMs?: number; batch?: number } = {}): MailWorker {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | null = null;
  let again = false;

  const schedule = (delay: number) => {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(() => void run(), delay);
  };
  const run = async () => {
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      try {
        let pass;
        do {
          again = false;
          pass = await deliverDue({ transport, batch });
          // A pass that claimed fewer than `batch` may have lost rows to another worker: look again until none.
        } while (!stopped && (pass.claimed > 0 || again));
      } catch (error) {
        logger.error("mail worker pass failed", { error: error instanceof Error ? error.message : "unknown" });
      }
    })();
    await running;
    running = null;
    schedule(intervalMs);
  };
  const unsubscribe = onEmailQueued(() => schedule(0));
  schedule(0);
  logger.info("mail worker started", { transport: transport.kind, intervalMs });

  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      unsubscribe();
      await running;
      transport.close();
    },
  };
}
