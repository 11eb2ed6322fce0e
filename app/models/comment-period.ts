/**
 * Whether a version takes comments now, and what the reader's panel offers:
 * the one rule both the reader's loader (what the panel shows) and the
 * comment writes (what the server accepts) apply. Client-safe, so the panel
 * can import its types.
 */
import { commentPeriodState, formatInstant } from "~/lib/dates";
import { DomainError, type Message } from "~/lib/errors";
import { can, type Actor } from "~/lib/permissions";

/** What a comment period is checked on: the version's status and dates, and the consultation's time zone. */
export interface PeriodVersion {
  status: string;
  commentsOpenAt: Date | null;
  commentsCloseAt: Date | null;
  consultation: { timeZone: string };
}

/** What the panel offers the reader: the form, a sign-in link, a refusal, or why the period is not open. */
export type CommentingState =
  | { kind: "allowed"; canSubmit: boolean }
  | { kind: "signed-out" }
  | { kind: "not-allowed" }
  | { kind: "closed"; message: Message };

/** Why `version` takes no comments at `now` (with the instant for code), or null while it does. */
export function commentingClosed(
  version: PeriodVersion,
  now: Date,
): { message: Message; details: Record<string, string> } | null {
  const { commentsOpenAt: opens, commentsCloseAt: closes, consultation } = version;
  const state = commentPeriodState({ opensAt: opens, closesAt: closes }, now);
  if (version.status !== "open" || !opens || !closes || state === "none") {
    return { message: { key: "comments.errors.notOpen" }, details: {} };
  }
  const values = { timeZone: consultation.timeZone };
  if (state === "upcoming") {
    return {
      message: { key: "comments.errors.opensOn", values: { ...values, date: formatInstant(opens, values.timeZone) } },
      details: { opensAt: opens.toISOString() },
    };
  }
  if (state === "closed") {
    return {
      message: { key: "comments.errors.closedOn", values: { ...values, date: formatInstant(closes, values.timeZone) } },
      details: { closesAt: closes.toISOString() },
    };
  }
  return null;
}

/** The deadline holds on the server: outside the period nothing is written (409). */
export function assertCommentingOpen(version: PeriodVersion, now: Date) {
  const closed = commentingClosed(version, now);
  if (closed)
    throw new DomainError(409, closed.message.key, { values: closed.message.values, details: closed.details });
}

/**
 * What the reader's panel offers `actor` on `version` at `now`. It mirrors
 * the checks of createComment (period first, then the permission and the
 * organization); the server still checks them on every write.
 */
export function commentingState({
  actor,
  version,
  now,
}: {
  actor: Actor | null;
  version: PeriodVersion;
  now: Date;
}): CommentingState {
  const closed = commentingClosed(version, now);
  if (closed) return { kind: "closed", message: closed.message };
  if (!actor) return { kind: "signed-out" };
  if (!actor.organization || !can(actor, "create:comment:own")) return { kind: "not-allowed" };
  return { kind: "allowed", canSubmit: can(actor, "submit:comment:organization") };
}
