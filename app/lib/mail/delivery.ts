/**
 * The rules of email delivery that need no server: how long to wait before
 * the next attempt, which failures are worth retrying, and the Message-ID a
 * message keeps across attempts.
 */

/** After this many attempts a message is given up on, with its last error shown. */
export const MAX_DELIVERY_ATTEMPTS = 8;

/** A claim older than this is taken over by another worker (its worker died mid-send). */
export const CLAIM_LEASE_MS = 5 * 60_000;

const FIRST_RETRY_MS = 30_000;
const LONGEST_RETRY_MS = 60 * 60_000;

/**
 * How long to wait after the `attempts`-th failed attempt: 30 s, 1 min, 2 min…
 * doubling up to an hour. `random` (0..1) spreads retries by up to ±20 % so
 * that messages failed together do not all come back at once.
 */
export function retryDelayMs(attempts: number, random = 0.5): number {
  const base = Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(base * (0.8 + 0.4 * random));
}

/** What a failed attempt means: try again later, or never. */
export type FailureKind = "transient" | "permanent";

/** Network errors nodemailer reports by `code`, all worth another attempt. */
const TRANSIENT_CODES = new Set([
  "ECONNECTION",
  "ECONNREFUSED",
  "ECONNRESET",
  "EDNS",
  "ESOCKET",
  "ETIMEDOUT",
  "EAI_AGAIN",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
]);

/**
 * Classifies a failed send: an SMTP 5xx reply (no such mailbox, refused) is
 * permanent, a 4xx reply (greylisting, mailbox busy) and network trouble are
 * transient; anything unknown is retried (within MAX_DELIVERY_ATTEMPTS).
 */
export function classifyFailure(error: unknown): FailureKind {
  const { responseCode, code } = (typeof error === "object" && error !== null ? error : {}) as {
    responseCode?: unknown;
    code?: unknown;
  };
  if (typeof responseCode === "number") return responseCode >= 500 && responseCode < 600 ? "permanent" : "transient";
  if (typeof code === "string" && TRANSIENT_CODES.has(code)) return "transient";
  if (code === "EENVELOPE" || code === "EMESSAGE") return "permanent";
  return "transient";
}

/** A short description of a failure for the Outgoing mail page (never a stack). */
export function describeFailure(error: unknown): string {
  if (error instanceof Error) {
    const responseCode = (error as { responseCode?: unknown }).responseCode;
    const prefix = typeof responseCode === "number" ? `${responseCode} ` : "";
    return (prefix + error.message).slice(0, 500);
  }
  return "unknown error";
}

/** The domain of a mailbox ("Secretariat <noreply@itu.example>" → "itu.example"), or "localhost". */
export function mailDomain(address: string): string {
  const match = /@([A-Za-z0-9.-]+)>?\s*$/.exec(address.trim());
  return match ? match[1].toLowerCase() : "localhost";
}

/** The Message-ID of the outbox row `id`: the same on every attempt. */
export function messageIdFor(id: string, from: string): string {
  return `<${id}@${mailDomain(from)}>`;
}
