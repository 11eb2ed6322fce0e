import { isUniqueViolation, prisma } from "~/utils/db.server";

/**
 * Fixed-window rate limits kept in the database (RateLimitBucket), so that
 * every app instance counts against the same numbers.
 *
 * Each step is one atomic statement, portable to SQLite and PostgreSQL:
 * 1. `updateMany … where resetAt <= now` restarts an elapsed window (two
 *    racing restarts are harmless: the second finds resetAt in the future);
 * 2. `upsert` with `increment` creates the bucket or adds one. Prisma runs it
 *    as a native `INSERT … ON CONFLICT DO UPDATE SET count = count + 1`, so
 *    parallel requests never lose an increment; should it fall back to
 *    select-then-insert, the losing insert raises P2002 and is retried.
 * No interactive transaction: it would only hold SQLite's write lock longer.
 */
export interface RateLimitResult {
  ok: boolean;
  remaining: number;
  /** Seconds until the window restarts; 0 when ok. */
  retryAfterSeconds: number;
}

export interface RateLimitRule {
  limit: number;
  windowMs: number;
}

const MINUTE = 60_000;

/**
 * COMMENT_WRITES_PER_MINUTE (default 60): load tests raise it, since they write
 * from one account faster than any person; not a number or below 1 means 60.
 */
function commentWritesPerMinute(value: string | undefined): number {
  const parsed = Number(value);
  return Number.isInteger(parsed) && parsed >= 1 ? parsed : 60;
}

/** The limits the app applies; keyed by what each one protects. */
export const RATE_LIMITS = {
  /** Sign-in attempts per client address. Successful attempts are refunded. */
  signInPerAddress: { limit: 10, windowMs: MINUTE },
  /** Failed sign-ins at one account from one client address: a hard limit (429). */
  signInPerAccountAndAddress: { limit: 5, windowMs: 15 * MINUTE },
  /**
   * Failed sign-ins at one account from anywhere: never refused (that would let anyone lock the owner out,
   * docs/decisions/0013), only counted, to slow each further attempt down (signInSlowDownMs).
   */
  signInPerAccount: { limit: Number.MAX_SAFE_INTEGER, windowMs: 15 * MINUTE },
  /** Second-factor codes per account (sign-in step, enrolment, disabling); only after the right password. */
  twoFactorPerUser: { limit: 5, windowMs: MINUTE },
  /** Invitations created (directly or by approving a request) per client address. */
  invitationPerAddress: { limit: 20, windowMs: 10 * MINUTE },
  /**
   * Invitations a focal point sends from their organization page, per account (app/routes/organization.tsx):
   * refused ones count too, so the page cannot be used to probe which addresses have accounts.
   */
  organizationInvitationPerUser: { limit: 10, windowMs: 60 * MINUTE },
  /** Public account requests per client address. */
  accountRequestPerAddress: { limit: 5, windowMs: 10 * MINUTE },
  /**
   * Comment writes (create, edit, submit) per signed-in user, on every route that makes them: one a second on
   * average is more than anyone types, and stops a script filling a consultation (issue 12: 30 comments in 0.6 s).
   */
  commentWritesPerUser: { limit: commentWritesPerMinute(process.env.COMMENT_WRITES_PER_MINUTE), windowMs: MINUTE },
} as const satisfies Record<string, RateLimitRule>;

/** The bucket of one user's comment writes (RATE_LIMITS.commentWritesPerUser). */
export function commentWritesKey(userId: string) {
  return `comment-writes:user:${userId}`;
}

/** Counts one comment write by a signed-in user, before anything is written. */
export function consumeCommentWrite(userId: string) {
  return consumeRateLimit({ key: commentWritesKey(userId), ...RATE_LIMITS.commentWritesPerUser });
}

/** Attempts at one account beyond this many recent failures are delayed. */
const SLOW_DOWN_AFTER = 3;
const SLOW_DOWN_STEP_MS = 250;
/** The longest delay: the owner always gets in, at worst this much later. */
export const SIGN_IN_MAX_DELAY_MS = 2_500;

/** The delay before checking a password, from the account's recent failures (this attempt not counted). */
export function signInSlowDownMs(recentFailures: number) {
  return Math.min(SIGN_IN_MAX_DELAY_MS, Math.max(0, recentFailures - SLOW_DOWN_AFTER) * SLOW_DOWN_STEP_MS);
}

export async function consumeRateLimit({
  key,
  limit,
  windowMs,
  now = new Date(),
}: { key: string; now?: Date } & RateLimitRule): Promise<RateLimitResult> {
  const resetAt = new Date(now.getTime() + windowMs);
  await prisma.rateLimitBucket.updateMany({
    where: { key, resetAt: { lte: now } },
    data: { count: 0, resetAt },
  });
  const bucket = await upsertIncrement({ key, resetAt });
  const ok = bucket.count <= limit;
  return {
    ok,
    remaining: Math.max(0, limit - bucket.count),
    retryAfterSeconds: ok ? 0 : Math.max(1, Math.ceil((bucket.resetAt.getTime() - now.getTime()) / 1000)),
  };
}

async function upsertIncrement({ key, resetAt }: { key: string; resetAt: Date }) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await prisma.rateLimitBucket.upsert({
        where: { key },
        create: { key, count: 1, resetAt },
        update: { count: { increment: 1 } },
        select: { count: true, resetAt: true },
      });
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 2) throw error;
    }
  }
}

/**
 * Gives back one unit of the current window, e.g. after a successful sign-in,
 * so that only failed attempts count. Counting first and refunding after
 * (rather than counting failures afterwards) keeps parallel guesses bounded.
 */
export async function refundRateLimit({ key, now = new Date() }: { key: string; now?: Date }) {
  await prisma.rateLimitBucket.updateMany({
    where: { key, resetAt: { gt: now }, count: { gt: 0 } },
    data: { count: { decrement: 1 } },
  });
}

/** Housekeeping: buckets whose window has passed carry no information. */
export async function deleteElapsedRateLimitBuckets({ now = new Date() }: { now?: Date } = {}) {
  const { count } = await prisma.rateLimitBucket.deleteMany({ where: { resetAt: { lte: now } } });
  return count;
}
