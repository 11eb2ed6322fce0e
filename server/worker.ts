/**
 * `npm run worker`: email delivery as its own process, for deployments that
 * run the web instances with MAIL_WORKER=off. Several may run at once (on
 * PostgreSQL); SIGTERM finishes the pass in progress and exits.
 */
import { ensureDatabaseReady, prisma } from "../app/utils/db.server";
import { logger } from "../app/utils/logger.server";
import { startMailWorker } from "../app/utils/mail-worker.server";

await ensureDatabaseReady();
const worker = startMailWorker();
const stop = (signal: string) => {
  logger.info("mail worker stopping", { signal });
  void worker
    .stop()
    .then(() => prisma.$disconnect())
    .finally(() => process.exit(0));
};
process.on("SIGTERM", () => stop("SIGTERM"));
process.on("SIGINT", () => stop("SIGINT"));
