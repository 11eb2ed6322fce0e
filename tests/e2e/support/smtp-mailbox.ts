/**
 * The test workers' side of the run's mail server (smtp-sink.ts): waits for
 * the message sent to an address, in the run's mail folder (E2E_MAIL_DIR),
 * and parses it with mailparser, as a mail client would read it.
 */
import fs from "node:fs";
import path from "node:path";

import { simpleParser, type ParsedMail } from "mailparser";

import type { StoredMail } from "./smtp-sink";

function mailDirectory() {
  const directory = process.env.E2E_MAIL_DIR;
  if (!directory) throw new Error("E2E_MAIL_DIR is not set: run the end-to-end tests through playwright.config.ts");
  return directory;
}

export interface ReceivedMail {
  envelopeTo: string[];
  raw: string;
  parsed: ParsedMail;
  /** The plain-text part. */
  text: string;
  /** The first link of the text part that starts with `origin + pathPrefix` (see linkTo). */
  linkTo(pathPrefix: string): string;
}

/** Every message of the run whose envelope names `address`, oldest first. */
export async function mailsTo(address: string): Promise<ReceivedMail[]> {
  const directory = mailDirectory();
  const wanted = address.toLowerCase();
  const names = fs
    .readdirSync(directory)
    .filter((name) => name.endsWith(".json"))
    .sort();
  const mails: ReceivedMail[] = [];
  for (const name of names) {
    const stored = JSON.parse(fs.readFileSync(path.join(directory, name), "utf8")) as StoredMail;
    if (!stored.envelopeTo.includes(wanted)) continue;
    const parsed = await simpleParser(stored.raw);
    const text = parsed.text ?? "";
    mails.push({
      envelopeTo: stored.envelopeTo,
      raw: stored.raw,
      parsed,
      text,
      linkTo(pathPrefix) {
        const link = text
          .split(/\s+/)
          .find((word) => /^https?:\/\//.test(word) && new URL(word).pathname.startsWith(pathPrefix));
        if (!link) throw new Error(`No link to ${pathPrefix} in the message "${parsed.subject ?? ""}"`);
        return link;
      },
    });
  }
  return mails;
}

/**
 * Waits (up to `timeoutMs`) for a message to `address` whose subject matches `subject`, and returns the newest such
 * message. The app's mail worker sends a queued message within moments.
 */
export async function waitForMail(
  address: string,
  { subject, timeoutMs = 20_000 }: { subject?: string | RegExp; timeoutMs?: number } = {},
): Promise<ReceivedMail> {
  const deadline = Date.now() + timeoutMs;
  const matches = (mail: ReceivedMail) =>
    subject === undefined ||
    (typeof subject === "string" ? mail.parsed.subject === subject : subject.test(mail.parsed.subject ?? ""));
  for (;;) {
    const found = (await mailsTo(address)).filter(matches);
    if (found.length > 0) return found[found.length - 1];
    if (Date.now() > deadline) {
      throw new Error(`No message to ${address}${subject ? ` with subject ${String(subject)}` : ""} arrived in time`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
