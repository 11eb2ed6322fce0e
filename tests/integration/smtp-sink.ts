/**
 * A real SMTP server in the test process (smtp-server, on a free port, no
 * TLS, no authentication required) that keeps every message it receives,
 * raw and parsed (mailparser's simpleParser), for tests that read what the
 * platform actually sends. `refuse` makes it answer the next recipients with
 * an SMTP error (a 5xx is a permanent failure for the outbox).
 */
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

import type { AddressInfo } from "node:net";

export interface ReceivedMail {
  /** The envelope recipients (RCPT TO). */
  envelopeTo: string[];
  raw: string;
  parsed: ParsedMail;
}

export interface SmtpSink {
  /** `smtp://127.0.0.1:<port>`, for app/utils/mailer.server.ts smtpTransport. */
  url: string;
  received: ReceivedMail[];
  /** The messages whose envelope names `address`. */
  to(address: string): ReceivedMail[];
  /** Refuses every recipient with `code message` until set back to null. */
  refuse(reply: { code: number; message: string } | null): void;
  clear(): void;
  close(): Promise<void>;
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString("utf8");
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const received: ReceivedMail[] = [];
  let refusal: { code: number; message: string } | null = null;
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    // Nothing to upgrade to: without it nodemailer would try STARTTLS with a self-signed certificate.
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (!refusal) return callback();
      callback(Object.assign(new Error(refusal.message), { responseCode: refusal.code }));
    },
    onData(stream, session, callback) {
      readAll(stream)
        .then(async (raw) => {
          received.push({
            envelopeTo: session.envelope.rcptTo.map((recipient) => recipient.address.toLowerCase()),
            raw,
            parsed: await simpleParser(raw),
          });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    to: (address) => received.filter((mail) => mail.envelopeTo.includes(address.toLowerCase())),
    refuse: (reply) => {
      refusal = reply;
    },
    clear: () => {
      received.length = 0;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
