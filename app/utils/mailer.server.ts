/**
 * Where email goes. With `SMTP_URL` (e.g. `smtp://user:pass@mail.example:587`
 * or `smtps://…`), through that server, with pooled connections. Without it
 * (the embedded default) every message is written as an .eml file under
 * `MAIL_DIR` (default `data/mail`), and the secretariat reads it on the
 * Outgoing mail page, so `npm start` demonstrates every notification without
 * a mail server.
 */
import fs from "node:fs/promises";
import path from "node:path";

import nodemailer, { type SendMailOptions } from "nodemailer";

export interface OutgoingMail {
  from: string;
  to: { address: string; name: string };
  subject: string;
  text: string;
  html: string;
  messageId: string;
  headers: Record<string, string>;
  date: Date;
}

export interface MailTransport {
  /** Sends one message; throws what nodemailer throws (see app/lib/mail/delivery.ts classifyFailure). */
  send(mail: OutgoingMail): Promise<void>;
  /** Where messages go, for the Outgoing mail page: "smtp" or "files". */
  readonly kind: "smtp" | "files";
  close(): void;
}

// eslint-disable-next-line consultation/no-literal-ui-text -- an address, set per deployment by MAIL_FROM
export const DEFAULT_MAIL_FROM = "Consultation platform <noreply@localhost>";

export function mailFrom(): string {
  return process.env.MAIL_FROM?.trim() || DEFAULT_MAIL_FROM;
}

export function mailDirectory(): string {
  return path.resolve(process.env.MAIL_DIR ?? "data/mail");
}

function toNodemailer(mail: OutgoingMail): SendMailOptions {
  return {
    from: mail.from,
    to: { name: mail.to.name, address: mail.to.address },
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    messageId: mail.messageId,
    headers: mail.headers,
    date: mail.date,
  };
}

/**
 * An SMTP transport for `url`, keeping up to `connections` connections open
 * and sending every message over them. The pool options go in the one
 * options object with the url: nodemailer's second argument is per-message
 * defaults, where `pool` is silently ignored and every message would open a
 * connection of its own (a worker sending five at a time then holds five new
 * connections per pass, and a mail server that limits connections refuses it).
 */
export function smtpTransport(url: string, connections = 5): MailTransport {
  const transporter = nodemailer.createTransport({ url, pool: true, maxConnections: connections });
  return {
    kind: "smtp",
    async send(mail) {
      await transporter.sendMail(toNodemailer(mail));
    },
    close: () => transporter.close(),
  };
}

/** Writes each message as `<directory>/<time>-<id>.eml`, the whole MIME message as a mail server would get it. */
export function fileTransport(directory = mailDirectory()): MailTransport {
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    kind: "files",
    async send(mail) {
      const info = (await transporter.sendMail(toNodemailer(mail))) as { message: Buffer };
      await fs.mkdir(directory, { recursive: true });
      const stamp = mail.date.toISOString().replace(/[:.]/g, "-");
      const name = `${stamp}-${mail.messageId.replace(/[^A-Za-z0-9@.-]/g, "")}.eml`;
      await fs.writeFile(path.join(directory, name), info.message);
    },
    close: () => transporter.close(),
  };
}

/** Which transport the configuration asks for, without opening it. */
export function configuredTransportKind(): MailTransport["kind"] {
  return process.env.SMTP_URL?.trim() ? "smtp" : "files";
}

/** The transport the configuration asks for. */
export function configuredTransport(): MailTransport {
  const url = process.env.SMTP_URL?.trim();
  return url ? smtpTransport(url) : fileTransport();
}
