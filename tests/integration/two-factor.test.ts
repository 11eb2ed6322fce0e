/**
 * The second factor (docs/decisions/0014-totp-second-factor.md): replayed and
 * wrong codes refused, a session without its code is signed out, and a
 * secretariat account without TOTP is sent to enrolment.
 */
import crypto from "node:crypto";

import { beforeAll, describe, expect, it } from "vitest";

import { totpCode, totpStep } from "~/lib/security/totp";
import { ensureReferenceData } from "~/models/bootstrap.server";
import { createUser } from "~/models/user.server";
import * as loginCode from "~/routes/login_.two-factor";
import { getSessionUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { createSession, SESSION_COOKIE_NAME } from "~/utils/session.server";
import {
  base32Secret,
  confirmEnrolment,
  decryptSecret,
  pendingEnrolment,
  verifySecondFactor,
} from "~/utils/two-factor.server";

const ORIGIN = "http://localhost";

beforeAll(async () => {
  await ensureReferenceData();
});

async function account(role: "secretariat" | "delegate" = "delegate") {
  const email = `tf-${crypto.randomUUID()}@example.test`;
  return createUser({
    email,
    name: "Two Factor",
    password: "correct horse battery staple",
    role,
    organizationId: null,
  });
}

async function secretOf(userId: string) {
  const row = await prisma.totpCredential.findUniqueOrThrow({ where: { userId } });
  return decryptSecret(row.encryptedSecret);
}

async function enrolled(role: "secretariat" | "delegate" = "delegate") {
  const user = await account(role);
  await pendingEnrolment({ userId: user.id, email: user.email });
  const session = await createSession({ userId: user.id });
  const now = new Date(Date.now() - 60_000);
  const codes = await confirmEnrolment({
    userId: user.id,
    code: totpCode(await secretOf(user.id), now),
    sessionId: session.id,
    now,
  });
  expect(codes).toHaveLength(10);
  return { user, key: await secretOf(user.id), recoveryCodes: codes! };
}

const request = (sessionId: string, path = "/consultations") =>
  new Request(`${ORIGIN}${path}`, { headers: { Cookie: `${SESSION_COOKIE_NAME}=${sessionId}` } });

describe("second factor", () => {
  it("refuses a replayed code (the same code twice)", async () => {
    const { user, key } = await enrolled();
    const session = await createSession({ userId: user.id });
    const code = totpCode(key);
    expect(await verifySecondFactor({ userId: user.id, code, sessionId: session.id })).not.toBeNull();
    const other = await createSession({ userId: user.id });
    expect(await verifySecondFactor({ userId: user.id, code, sessionId: other.id })).toBeNull();
  });

  it("refuses a wrong code", async () => {
    const { user, key } = await enrolled();
    const session = await createSession({ userId: user.id });
    const now = new Date();
    const wrong = totpCode(key, new Date(now.getTime() + 5 * 30_000));
    expect(await verifySecondFactor({ userId: user.id, code: wrong, sessionId: session.id, now })).toBeNull();
    expect(await verifySecondFactor({ userId: user.id, code: "000000x", sessionId: session.id, now })).toBeNull();
    expect(totpStep(now)).toBeGreaterThan(0);
  });

  it("accepts a recovery code once", async () => {
    const { user, recoveryCodes } = await enrolled();
    const a = await createSession({ userId: user.id });
    expect(await verifySecondFactor({ userId: user.id, code: recoveryCodes[0], sessionId: a.id })).not.toBeNull();
    const b = await createSession({ userId: user.id });
    expect(await verifySecondFactor({ userId: user.id, code: recoveryCodes[0], sessionId: b.id })).toBeNull();
  });

  it("does not treat a session without its code as signed in", async () => {
    const { user, key } = await enrolled();
    const session = await createSession({ userId: user.id });
    expect((await getSessionUser(request(session.id))).user).toBeNull();
    const verified = await verifySecondFactor({ userId: user.id, code: totpCode(key), sessionId: session.id });
    expect((await getSessionUser(request(verified!.id))).user?.id).toBe(user.id);
  });

  it("replaces the half-signed-in session at the code step instead of promoting it", async () => {
    const { user, key } = await enrolled();
    const pending = await createSession({ userId: user.id });
    const form = new URLSearchParams({ code: totpCode(key), redirectTo: "/account" });
    const response = await loginCode
      .action({
        request: new Request(`${ORIGIN}/login/two-factor`, {
          method: "POST",
          body: form,
          headers: { Cookie: `${SESSION_COOKIE_NAME}=${pending.id}`, Origin: ORIGIN },
        }),
        params: {},
        context: { cspNonce: "", requestId: "test", clientAddress: "127.0.0.1" },
      })
      .catch((thrown: unknown) => thrown);
    expect(response).toBeInstanceOf(Response);
    expect((response as Response).headers.get("Location")).toBe("/account");
    const cookie = (response as Response).headers.get("Set-Cookie") ?? "";
    const fresh = new RegExp(`${SESSION_COOKIE_NAME}=([^;]+)`).exec(cookie)?.[1];
    expect(fresh).toBeTruthy();
    expect(fresh).not.toBe(pending.id);
    expect(await prisma.session.count({ where: { id: pending.id } })).toBe(0);
    expect((await getSessionUser(request(pending.id))).user).toBeNull();
    expect((await getSessionUser(request(fresh!))).user?.id).toBe(user.id);
  });

  it("ends the user's other sessions when the second factor is enrolled", async () => {
    const user = await account();
    const elsewhere = await createSession({ userId: user.id });
    const here = await createSession({ userId: user.id });
    await pendingEnrolment({ userId: user.id, email: user.email });
    const codes = await confirmEnrolment({
      userId: user.id,
      code: totpCode(await secretOf(user.id)),
      sessionId: here.id,
    });
    expect(codes).toHaveLength(10);
    expect(await prisma.session.count({ where: { id: elsewhere.id } })).toBe(0);
    expect((await getSessionUser(request(here.id))).user?.id).toBe(user.id);
  });

  it("keeps the TOTP secret encrypted at rest, authenticated", async () => {
    const { user, key } = await enrolled();
    const row = await prisma.totpCredential.findUniqueOrThrow({ where: { userId: user.id } });
    const plain = Buffer.from(key);
    for (const form of [plain.toString("hex"), plain.toString("base64"), base32Secret(key).replace(/ /g, "")]) {
      expect(row.encryptedSecret).not.toContain(form);
    }
    const [version, iv, tag, body] = row.encryptedSecret.split(".");
    const flipped = Buffer.from(body, "base64url");
    flipped[0] = flipped[0] ^ 1;
    expect(() => decryptSecret([version, iv, tag, flipped.toString("base64url")].join("."))).toThrow();
  });

  it("sends a secretariat account without TOTP to enrolment", async () => {
    const user = await account("secretariat");
    const session = await createSession({ userId: user.id });
    const refused = await getSessionUser(request(session.id, "/consultations/x/feedback")).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(Response);
    expect((refused as Response).headers.get("Location")).toBe("/account/two-factor");
    expect((await getSessionUser(request(session.id, "/account/two-factor"))).user?.id).toBe(user.id);
  });
});
