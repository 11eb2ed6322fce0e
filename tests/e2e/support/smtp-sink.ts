/**
 * The end-to-end run's mail server: a real SMTP server (smtp-server) started
 * inside the e2e server's process (tests/setup/e2e-server.mjs) on a free
 * port, before the app, which then sends to it through SMTP_URL like any
 * deployment. Every message it accepts is written to the run's mail folder
 * (E2E_MAIL_DIR, decided per run by playwright.config.ts, like the port) as
 * one JSON file: the envelope recipients and the raw message. The test
 * workers read that folder (smtp-mailbox.ts): several workers, and the
 * PostgreSQL leg's second run, each see their own run's messages only, and
 * each test looks only for its own recipients.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

import { SMTPServer } from "smtp-server";

import type { AddressInfo } from "node:net";

/** What one file of the mail folder holds. */
export interface StoredMail {
  envelopeTo: string[];
  receivedAt: string;
  raw: string;
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString("utf8");
}

/** Writes `mail` whole or not at all (a reader never sees half a file): a temporary name, then a rename. */
function store(directory: string, mail: StoredMail) {
  const name = `${Date.now()}-${crypto.randomBytes(6).toString("hex")}`;
  const temporary = path.join(directory, `.${name}.tmp`);
  fs.writeFileSync(temporary, JSON.stringify(mail));
  fs.renameSync(temporary, path.join(directory, `${name}.json`));
}

/** Starts the sink writing into `directory` (emptied first); returns its `smtp://127.0.0.1:<port>` URL. */
export async function startSmtpSink(directory: string) {
  fs.rmSync(directory, { recursive: true, force: true });
  fs.mkdirSync(directory, { recursive: true });
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    // Nothing to upgrade to: nodemailer would otherwise try STARTTLS with a self-signed certificate.
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      readAll(stream)
        .then((raw) => {
          store(directory, {
            envelopeTo: session.envelope.rcptTo.map((recipient) => recipient.address.toLowerCase()),
            receivedAt: new Date().toISOString(),
            raw,
          });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  // A client's dropped connection (ECONNRESET) is the client's business: logged, and never a crash
  // of this process, which is the e2e server's.
  server.on("error", (error) => console.warn(`smtp sink: ${error.message}`));
  // Never the reason the process stays up: the app's server is.
  server.server.unref();
  const { port } = server.server.address() as AddressInfo;
  return `smtp://127.0.0.1:${port}`;
}
