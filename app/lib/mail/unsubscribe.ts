/**
 * One-click unsubscribe tokens (RFC 8058): `<userId>.<scope>.<signature>`,
 * the signature an HMAC-SHA256 over the user and the scope under a key only
 * the server has (app/models/notification-preference.server.ts derives it).
 *
 * The scope is one notification kind, or "digest" for the daily digest (it
 * turns off every kind the person gets by digest). A token authorizes exactly
 * one thing, turning that scope off for that person, and nothing else: it is
 * not a session, not a sign-in link, and the key is used for nothing else, so
 * a token cannot be turned into another credential. It has no expiry: a link
 * in a year-old message must still work, and using it twice does no harm.
 */
import crypto from "node:crypto";

import { isNotificationKind, type NotificationKind } from "~/lib/mail/notification-kinds";

/** The scope of the digest's token: every kind the person receives by digest. */
export const DIGEST_SCOPE = "digest";

export type UnsubscribeScope = NotificationKind | typeof DIGEST_SCOPE;

export interface UnsubscribeClaim {
  userId: string;
  scope: UnsubscribeScope;
}

/** The label of the key derivation: a key derived under it signs unsubscribe tokens and nothing else. */
const KEY_LABEL = "consultation-platform unsubscribe-token v1";

/** The signing key from its secret material (UNSUBSCRIBE_SECRET, or the TOTP encryption key): HKDF-SHA256. */
export function deriveUnsubscribeKey(material: Uint8Array | string): Uint8Array {
  const input = typeof material === "string" ? Buffer.from(material, "utf8") : material;
  return new Uint8Array(crypto.hkdfSync("sha256", input, Buffer.alloc(0), KEY_LABEL, 32));
}

/** The header value RFC 8058 asks for beside List-Unsubscribe. */
export const LIST_UNSUBSCRIBE_POST = "List-Unsubscribe=One-Click";

const USER_ID = /^[A-Za-z0-9_-]{1,64}$/;
/** Domain separation: the same key signing anything else could never produce a valid token. */
const SIGNED_PREFIX = "consultation-platform/unsubscribe/v1";

export function isUnsubscribeScope(value: unknown): value is UnsubscribeScope {
  return value === DIGEST_SCOPE || isNotificationKind(value);
}

function signature(key: Uint8Array, userId: string, scope: string) {
  return crypto.createHmac("sha256", key).update(`${SIGNED_PREFIX}\n${userId}\n${scope}`).digest();
}

/** The token for `claim`, signed with `key`. Throws on a user id or scope a token cannot carry. */
export function signUnsubscribeToken(key: Uint8Array, claim: UnsubscribeClaim): string {
  if (!USER_ID.test(claim.userId) || !isUnsubscribeScope(claim.scope)) throw new Error("unsubscribe token refused");
  return `${claim.userId}.${claim.scope}.${signature(key, claim.userId, claim.scope).toString("base64url")}`;
}

/** The claim `token` carries when its signature is right under `key`; null for anything else. */
export function verifyUnsubscribeToken(key: Uint8Array, token: string): UnsubscribeClaim | null {
  if (token.length > 200) return null;
  const parts = token.split(".");
  if (parts.length !== 3) return null;
  const [userId, scope, signed] = parts;
  if (!USER_ID.test(userId) || !isUnsubscribeScope(scope) || !/^[A-Za-z0-9_-]{43}$/.test(signed)) return null;
  const expected = signature(key, userId, scope);
  const given = Buffer.from(signed, "base64url");
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return null;
  return { userId, scope };
}

/** The page a token's link opens (GET confirms; POST, from it or from a mail client, unsubscribes). */
export function unsubscribePath(token: string) {
  return `/unsubscribe/${token}`;
}

/**
 * Whether a request is a POST to an unsubscribe page. The server lets these
 * through its Origin check (server/index.ts): RFC 8058's one-click POST comes
 * from the mail provider's servers, with no Origin and no cookie, and what
 * authorizes it is the signed token in the path, which a forging site cannot
 * know. The route itself reads no session, so no ambient credential is at
 * stake.
 */
export function isUnsubscribePost(method: string, path: string) {
  return method.toUpperCase() === "POST" && /^\/unsubscribe\/[^/]+\/?$/.test(path);
}
