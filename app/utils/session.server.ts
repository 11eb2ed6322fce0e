import { Cookie, Lucia, TimeSpan } from "lucia";

import { prisma } from "~/utils/db.server";
import { PrismaLuciaAdapter } from "~/utils/lucia-adapter.server";
import type { SessionUser } from "~/utils/session-user.server";

import type { Session, User } from "lucia";

/**
 * Server-side sessions with Lucia v3 (docs/decisions/0004-lucia-v3-sessions.md).
 * The cookie holds only a random session id; the Session row is the truth,
 * so signing out, or deleting the row, revokes it everywhere.
 *
 * Two expiries:
 * - idle: `expiresAt`, SESSION_IDLE_TIMEOUT after the last extension. Lucia
 *   extends it (and marks the session `fresh`) once half of it has passed;
 * - absolute: SESSION_ABSOLUTE_LIFETIME after `createdAt`, however active the
 *   session is. Enforced in validateSessionId below.
 */
export const SESSION_IDLE_TIMEOUT = new TimeSpan(12, "h");
export const SESSION_ABSOLUTE_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * `Secure` only when the app is served over HTTPS in production
 * (NODE_ENV=production and HTTPS=true, the same switch as HSTS in
 * server/index.ts). The end-to-end suite runs the production build over
 * plain http://localhost, where a Secure cookie would not be sent back.
 */
export function shouldUseSecureCookies(env: NodeJS.ProcessEnv = process.env) {
  return env.NODE_ENV === "production" && env.HTTPS === "true";
}

/**
 * `__Host-session` under HTTPS: the browser then takes the cookie only with
 * Secure, Path=/ and no Domain, so neither a sibling subdomain nor a plain
 * http:// page can plant or overwrite it. Plain http (development, the e2e
 * suite) cannot use the prefix.
 */
export function sessionCookieName(env: NodeJS.ProcessEnv = process.env) {
  return shouldUseSecureCookies(env) ? "__Host-session" : "consult_session";
}

export const SESSION_COOKIE_NAME = sessionCookieName();

const cookieAttributes = {
  httpOnly: true,
  sameSite: "lax",
  path: "/",
  secure: shouldUseSecureCookies(),
} as const;

export const lucia = new Lucia(new PrismaLuciaAdapter(prisma, { absoluteLifetimeMs: SESSION_ABSOLUTE_LIFETIME_MS }), {
  sessionExpiresIn: SESSION_IDLE_TIMEOUT,
  sessionCookie: { name: SESSION_COOKIE_NAME, attributes: cookieAttributes },
  getSessionAttributes: (attributes) => ({
    createdAt: attributes.createdAt ?? new Date(),
    userDeactivated: attributes.userDeactivated,
    twoFactorVerified: attributes.twoFactorVerified,
    totpEnrolled: attributes.totpEnrolled,
  }),
  getUserAttributes: (attributes) => attributes,
});

declare module "lucia" {
  interface Register {
    Lucia: typeof lucia;
    /**
     * The three flags are read with the session (app/utils/lucia-adapter.server.ts) for the checks of every
     * request; undefined on a session just created, which has not been read back.
     */
    DatabaseSessionAttributes: {
      createdAt?: Date;
      userDeactivated?: boolean;
      twoFactorVerified?: boolean;
      totpEnrolled?: boolean;
    };
    DatabaseUserAttributes: Omit<SessionUser, "id">;
  }
}

/** Lucia's ids: 25 random bytes in lowercase base32 without padding. */
const SESSION_ID_PATTERN = /^[a-z2-7]{40}$/;

/**
 * The session id from the request's cookie: `null` when there is no session
 * cookie at all, `""` when there is one but it cannot be parsed (so that the
 * caller clears it like any other invalid cookie).
 */
export function readSessionId(request: Request): string | null {
  const header = request.headers.get("Cookie");
  if (!header) return null;
  try {
    return lucia.readSessionCookie(header);
  } catch {
    // decodeURIComponent throws on a malformed %-escape in any cookie.
    return header.includes(`${SESSION_COOKIE_NAME}=`) ? "" : null;
  }
}

export type ValidSession = { session: Session; user: User };

/** Whether the account was deactivated by the secretariat (then none of its sessions is valid). */
export async function isDeactivated(userId: string) {
  const row = await prisma.user.findUnique({ where: { id: userId }, select: { deactivatedAt: true } });
  return !row || row.deactivatedAt !== null;
}

/**
 * Validates a session id: unknown, malformed, idle-expired and
 * over-the-absolute-lifetime sessions are null (and the last two are deleted),
 * and so is a session of a deactivated account (deleted too: deactivating
 * ends the sessions, this is the check that holds whatever wrote the flag).
 */
export async function validateSessionId(sessionId: string, now = new Date()): Promise<ValidSession | null> {
  if (!SESSION_ID_PATTERN.test(sessionId)) return null;
  const { session, user } = await lucia.validateSession(sessionId);
  if (!session) return null;
  if (session.createdAt.getTime() + SESSION_ABSOLUTE_LIFETIME_MS <= now.getTime()) {
    await lucia.invalidateSession(session.id);
    return null;
  }
  if (session.userDeactivated ?? (await isDeactivated(user.id))) {
    await lucia.invalidateUserSessions(user.id);
    return null;
  }
  return { session, user };
}

export async function createSession({ userId, now = new Date() }: { userId: string; now?: Date }) {
  return lucia.createSession(userId, { createdAt: now });
}

export async function invalidateSession(sessionId: string) {
  await lucia.invalidateSession(sessionId);
}

/** Housekeeping: rows past their idle expiry or absolute lifetime. */
export async function deleteExpiredSessions() {
  await lucia.deleteExpiredSessions();
}

/**
 * The Set-Cookie value for a session. The cookie lives until the session's
 * absolute end; the idle expiry is the server's business (the row), so a
 * response that does not pass the refreshed cookie on loses nothing.
 */
export function serializeSessionCookie(session: Pick<Session, "id" | "createdAt">, now = new Date()) {
  const endsAt = session.createdAt.getTime() + SESSION_ABSOLUTE_LIFETIME_MS;
  const maxAge = Math.max(0, Math.floor((endsAt - now.getTime()) / 1000));
  return new Cookie(SESSION_COOKIE_NAME, session.id, { ...cookieAttributes, maxAge }).serialize();
}

/** The Set-Cookie value that removes the session cookie (empty, Max-Age=0). */
export function serializeBlankSessionCookie() {
  return lucia.createBlankSessionCookie().serialize();
}
