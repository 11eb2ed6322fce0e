/**
 * Sessions for integration tests that act as a signed-in user through the
 * routes. A role that must use a second factor (the secretariat,
 * docs/decisions/0014) gets a confirmed TOTP credential and a session that has
 * entered its code, as after a real sign-in; other roles get a plain session.
 * tests/integration/two-factor.test.ts covers the gate itself.
 */
import crypto from "node:crypto";

import { isTwoFactorRequired } from "~/lib/security/totp";
import { createUser, upsertOrganization } from "~/models/user.server";
import { startUserSession as startSession } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { encryptSecret, markSessionVerified } from "~/utils/two-factor.server";

export async function startUserSession({ userId, request }: { userId: string; request?: Request }) {
  const headers = await startSession({ userId, request });
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: { role: { select: { name: true } } },
  });
  if (isTwoFactorRequired(user.role.name)) {
    await prisma.totpCredential.upsert({
      where: { userId },
      create: { userId, encryptedSecret: encryptSecret(crypto.randomBytes(20)), confirmedAt: new Date() },
      update: { confirmedAt: new Date() },
    });
    const sessionId = headers.get("Set-Cookie")!.split(";")[0].split("=").slice(1).join("=");
    await markSessionVerified({ sessionId });
  }
  return headers;
}

let serial = 0;

/**
 * A new account of its own, in a new organization of its own (a member
 * state's, or the secretariat's for the secretariat), with a random password:
 * what a test that acts as one person creates so that it counts only its own rows.
 */
export async function newAccount(role: "secretariat" | "focal_point" | "delegate", label: string = role) {
  const suffix = `${Date.now().toString(36)}-${process.pid}-${++serial}`;
  const organization = await upsertOrganization({
    name: `Organization ${suffix}`,
    kind: role === "secretariat" ? "secretariat" : "member_state",
  });
  const user = await createUser({
    email: `${label}-${suffix}@example.test`,
    name: `${label} ${suffix}`,
    password: crypto.randomBytes(18).toString("base64url"),
    role,
    organizationId: organization.id,
  });
  return { user, organization };
}

/** The `name=value` session cookie of a new session of the user, to send as a Cookie header. */
export async function sessionCookie(userId: string) {
  return (await startUserSession({ userId })).getSetCookie()[0].split(";")[0];
}
