/**
 * `npm run worker`: email delivery as its own process, for deployments that
 * run the web instances with MAIL_WORKER=off. Several may run at once (on
 * PostgreSQL); SIGTERM finishes the pass in progress and exits. It also
 * queues the reminders before deadlines and the daily digests, which the web
 * instances leave to it when MAIL_WORKER=off (both are safe to run in several
 * processes: each message has its own deduplication key).
 */
import { startDigestPasses } from "../app/models/digest.server";
import { startReminderScheduler } from "../app/models/reminder.server";
import { ensureDatabaseReady, prisma } from "../app/utils/db.server";
import { logger } from "../app/utils/logger.server";
import { startMailWorker } from "../app/utils/mail-worker.server";

await ensureDatabaseReady();
const worker = startMailWorker();
const reminders = startReminderScheduler();
const digests = startDigestPasses();
const stop = (signal: string) => {
  logger.info("mail worker stopping", { signal });
  void Promise.all([worker.stop(), reminders.stop(), digests.stop()])
    .then(() => prisma.$disconnect())
    .finally(() => process.exit(0));
};
process.on("SIGTERM", () => stop("SIGTERM"));
process.on("SIGINT", () => stop("SIGINT"));
