/**
 * Sessions for integration tests that act as a signed-in user through the
 * routes. A role that must use a second factor (the secretariat,
 * docs/decisions/0014) gets a confirmed TOTP credential and a session that has
 * entered its code, as after a real sign-in; other roles get a plain session.
 * tests/integration/two-factor.test.ts covers the gate itself.
 */
import crypto from "node:crypto";

import { isTwoFactorRequired } from "~/lib/security/totp";
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
