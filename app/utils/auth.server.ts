/**
 * Who is making this request, and signing in and out.
 *
 * ## How Set-Cookie reaches the response (Remix v2, single fetch)
 * Reading the session may have to change the cookie: clear it when it is
 * tampered, unknown or expired, or re-issue it when Lucia extended the
 * session. So every function here returns a `headers` object, and the
 * route passes it on:
 *
 * ```ts
 * import { data, redirect } from "@remix-run/node";
 *
 * export async function loader({ request }: LoaderFunctionArgs) {
 *   const { user, headers } = await requireUser(request);   // throws a redirect to /login (with headers) if signed out
 *   return data({ comments: await listComments({ user }) }, { headers });
 * }
 * export async function action({ request, context }: ActionFunctionArgs) {
 *   const { user, headers } = await requirePermission(request, "create:comment:own", {
 *     clientAddress: context.clientAddress,
 *   });
 *   …
 *   throw redirect(`/somewhere`, { headers });              // or: return data(result, { headers, status: 400 })
 * }
 * ```
 *
 * Remix merges the Set-Cookie headers of every loader (and of the action,
 * and of thrown Responses) into the document or single-fetch response, and
 * drops exact duplicates, so the root loader and a route loader may both
 * pass the same header. Forgetting `headers` is not a security problem (the
 * session row is the truth, and the cookie's Max-Age is the absolute
 * lifetime, so no refresh is needed); it only leaves a dead cookie in the
 * browser until the next response that clears it.
 */
import crypto from "node:crypto";

import { redirect } from "@remix-run/node";

import { normalizeEmail } from "~/lib/email";
import type { PermissionString } from "~/lib/permissions";
import { safeReturnPath } from "~/lib/return-address";
import { TWO_FACTOR_ENROL_PATH } from "~/lib/security/totp";
import { AUDIT_ACTIONS, recordAuditEvent } from "~/utils/audit.server";
import { authorize } from "~/utils/authorize.server";
import { orErrorResponse } from "~/utils/http.server";
import { hashPassword, verifyPassword } from "~/utils/password.server";
import {
  consumeRateLimit,
  deleteElapsedRateLimitBuckets,
  RATE_LIMITS,
  refundRateLimit,
  signInSlowDownMs,
} from "~/utils/rate-limit.server";
import { findUserCredentials, twoFactorGate, type SessionUser } from "~/utils/session-user.server";
import {
  createSession,
  deleteExpiredSessions,
  invalidateSession,
  isDeactivated,
  readSessionId,
  serializeBlankSessionCookie,
  serializeSessionCookie,
  validateSessionId,
} from "~/utils/session.server";

import type { Session } from "lucia";

export type { SessionUser } from "~/utils/session-user.server";

export type SignedIn = { user: SessionUser; session: Session; headers: Headers };
export type SignedOut = { user: null; session: null; headers: Headers };

/** Where a signed-in person lands when no (valid) redirectTo was given. */
export const DEFAULT_REDIRECT = "/consultations";

/**
 * The signed-in user of this request, or `user: null`. `headers` carries the
 * Set-Cookie to pass on: a blank cookie when the one sent was tampered,
 * unknown, expired or past its absolute lifetime; a renewed one when Lucia
 * extended the session.
 */
export async function getSessionUser(request: Request): Promise<SignedIn | SignedOut> {
  const headers = new Headers();
  const sessionId = readSessionId(request);
  if (sessionId === null) return { user: null, session: null, headers };
  const valid = sessionId ? await validateSessionId(sessionId) : null;
  if (!valid) {
    headers.append("Set-Cookie", serializeBlankSessionCookie());
    return { user: null, session: null, headers };
  }
  const gate = await twoFactorGate({
    sessionId: valid.session.id,
    role: valid.user.role,
    pathname: new URL(request.url).pathname,
    known: valid.session,
  });
  // Password entered, code not yet: signed out everywhere but /login/two-factor (app/utils/two-factor.server.ts).
  if (gate === "pending") return { user: null, session: null, headers };
  if (gate === "enrol") throw redirect(TWO_FACTOR_ENROL_PATH, { headers });
  if (valid.session.fresh) headers.append("Set-Cookie", serializeSessionCookie(valid.session));
  const { id, ...attributes } = valid.user;
  return { user: { ...attributes, id }, session: valid.session, headers };
}

/** The signed-in user, or a thrown redirect to the sign-in page that comes back here. */
export async function requireUser(request: Request): Promise<SignedIn> {
  const auth = await getSessionUser(request);
  if (auth.user) return auth;
  throw redirect(loginPath(request), { headers: auth.headers });
}

/**
 * The route guard: the signed-in user if they hold `permission`; otherwise a
 * redirect to sign in, or a 403 (recorded as a denied attempt by authorize).
 * Guards check permissions, never role names.
 */
export async function requirePermission(
  request: Request,
  permission: PermissionString,
  {
    clientAddress,
    ip,
  }: {
    /** context.clientAddress, recorded with a refusal. */
    clientAddress?: string | null;
    /** @deprecated The same as clientAddress (the one name for it); kept while call sites move over. */
    ip?: string | null;
  } = {},
): Promise<SignedIn> {
  const auth = await requireUser(request);
  const audit = { ip: clientAddress ?? ip, details: { path: new URL(request.url).pathname } };
  await orErrorResponse(authorize({ actor: auth.user, permission, audit }), auth.headers);
  return auth;
}

/** `/login?redirectTo=<this page>`. */
export function loginPath(request: Request) {
  const url = new URL(request.url);
  url.searchParams.delete("_routes"); // single-fetch bookkeeping, not part of the page
  const here = url.pathname + url.search;
  return here === "/" || here === DEFAULT_REDIRECT ? "/login" : `/login?redirectTo=${encodeURIComponent(here)}`;
}

/**
 * A redirect target from user input, kept on this site (app/lib/return-address.ts
 * safeReturnPath: refuses "//host", "/\\host", control characters and paths
 * that become "//host" once dot segments are resolved, such as "/.//host").
 * Anything else becomes the fallback.
 */
export function safeRedirectPath(to: FormDataEntryValue | string | null | undefined, fallback = DEFAULT_REDIRECT) {
  return safeReturnPath(to, fallback);
}

// Checked when the email is unknown, so that a wrong email takes as long as a
// wrong password and the response time does not tell which accounts exist.
let dummyPasswordHash: Promise<string> | undefined;
function getDummyPasswordHash() {
  dummyPasswordHash ??= hashPassword(crypto.randomBytes(16).toString("hex"));
  return dummyPasswordHash;
}

export type SignInResult =
  | { ok: true; userId: string; headers: Headers }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "rate_limited"; retryAfterSeconds: number };

function signInRateLimitKeys({ email, clientAddress }: { email: string; clientAddress: string }) {
  // The account key is hashed: the bucket table need not hold addresses of people.
  const account = crypto.createHash("sha256").update(normalizeEmail(email)).digest("base64url");
  return {
    address: `sign-in:address:${clientAddress}`,
    accountAndAddress: `sign-in:account-address:${account}:${clientAddress}`,
    account: `sign-in:account:${account}`,
  };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Checks the credentials and starts a new session. Hard limits (429) per
 * client address and per (account, client address); for the account as a
 * whole only a slow-down that grows with its recent failures and is capped
 * (signInSlowDownMs), so guesses from many addresses cannot lock the owner
 * out (docs/decisions/0013). The account key is the hashed email whether or
 * not the account exists, so unknown and known accounts are delayed alike.
 * Every attempt counts, successful ones are given back, so the limits are
 * on failures. `request`, when given, is used to
 * invalidate a session whose cookie came with it: a session id planted
 * before sign-in is never promoted, a fresh one is always issued.
 */
export async function signIn({
  email,
  password,
  clientAddress,
  request,
  delay = sleep,
}: {
  email: string;
  password: string;
  clientAddress: string;
  request?: Request;
  /** How the slow-down waits; tests pass a recorder instead of sleeping. */
  delay?: (ms: number) => Promise<void>;
}): Promise<SignInResult> {
  const keys = signInRateLimitKeys({ email, clientAddress });
  const byAddress = await consumeRateLimit({ key: keys.address, ...RATE_LIMITS.signInPerAddress });
  if (!byAddress.ok) return { ok: false, reason: "rate_limited", retryAfterSeconds: byAddress.retryAfterSeconds };
  const byPair = await consumeRateLimit({ key: keys.accountAndAddress, ...RATE_LIMITS.signInPerAccountAndAddress });
  if (!byPair.ok) {
    await refundRateLimit({ key: keys.address });
    return { ok: false, reason: "rate_limited", retryAfterSeconds: byPair.retryAfterSeconds };
  }
  const byAccount = await consumeRateLimit({ key: keys.account, ...RATE_LIMITS.signInPerAccount });
  const recentFailures = RATE_LIMITS.signInPerAccount.limit - byAccount.remaining - 1;
  const wait = signInSlowDownMs(recentFailures);
  if (wait > 0) await delay(wait);

  const account = await findUserCredentials({ email });
  const passwordOk = await verifyPassword(account?.passwordHash ?? (await getDummyPasswordHash()), password);
  if (!account || !account.passwordHash || !passwordOk) {
    await recordAuditEvent({
      actorId: account?.id ?? null,
      action: AUDIT_ACTIONS.signIn,
      entity: "user",
      entityId: account?.id ?? null,
      outcome: "failed",
      ip: clientAddress,
      details: { email: normalizeEmail(email), reason: account ? "wrong_password" : "unknown_account" },
    });
    return { ok: false, reason: "invalid" };
  }

  if (await isDeactivated(account.id)) {
    // The right password, but the secretariat deactivated the account: no session, the same answer as a wrong one.
    await recordAuditEvent({
      actorId: account.id,
      action: AUDIT_ACTIONS.signIn,
      entity: "user",
      entityId: account.id,
      outcome: "failed",
      ip: clientAddress,
      details: { email: normalizeEmail(email), reason: "deactivated" },
    });
    return { ok: false, reason: "invalid" };
  }
  await Promise.all([
    refundRateLimit({ key: keys.address }),
    refundRateLimit({ key: keys.accountAndAddress }),
    refundRateLimit({ key: keys.account }),
  ]);
  const headers = await startUserSession({ userId: account.id, request });
  // Housekeeping piggybacks on sign-ins: both tables only ever need old rows removed.
  await Promise.all([deleteExpiredSessions(), deleteElapsedRateLimitBuckets()]);
  await recordAuditEvent({
    actorId: account.id,
    action: AUDIT_ACTIONS.signIn,
    entity: "user",
    entityId: account.id,
    outcome: "ok",
    ip: clientAddress,
  });
  return { ok: true, userId: account.id, headers };
}

/**
 * Starts a new session for a user who has just proven who they are (signed
 * in, or accepted an invitation) and returns the Set-Cookie headers. Any
 * session named by the request's cookie is invalidated first.
 */
export async function startUserSession({ userId, request }: { userId: string; request?: Request }) {
  const previous = request ? readSessionId(request) : null;
  if (previous) await invalidateSession(previous);
  const session = await createSession({ userId });
  const headers = new Headers();
  headers.append("Set-Cookie", serializeSessionCookie(session));
  return headers;
}

/**
 * Ends the request's session on the server (deletes the row) and returns
 * headers that clear the cookie. Harmless when there is no session.
 */
export async function signOut(request: Request, { clientAddress }: { clientAddress?: string } = {}) {
  const headers = new Headers();
  headers.append("Set-Cookie", serializeBlankSessionCookie());
  const sessionId = readSessionId(request);
  if (!sessionId) return headers;
  const valid = await validateSessionId(sessionId);
  await invalidateSession(sessionId);
  if (valid) {
    await recordAuditEvent({
      actorId: valid.user.id,
      action: AUDIT_ACTIONS.signOut,
      entity: "user",
      entityId: valid.user.id,
      outcome: "ok",
      ip: clientAddress ?? null,
    });
  }
  return headers;
}
