/**
 * Password reset (issues 12 and 13), end to end through the routes: the
 * secretariat's button and /forgot-password queue the link, one delivery
 * pass sends it to a real SMTP server in this process
 * (tests/integration/smtp-sink.ts), and the test follows the link it reads
 * there. Each defence has a test that fails without it: single use, expiry,
 * the conditional claim, the policy, the end of sessions, the permission,
 * the rate limits, no account enumeration, no Host in anonymous links.
 */
import crypto from "node:crypto";

import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

import { ensureReferenceData } from "~/models/bootstrap.server";
import { getOutgoingMail } from "~/models/outgoing-mail.server";
import {
  insertResetToken,
  issueBySecretariat,
  requestSelfService,
  resetPassword,
  RESET_LIMITS,
} from "~/models/password-reset.server";
import { createUser, upsertOrganization } from "~/models/user.server";
import { action as peopleAction } from "~/routes/admin.people_.$id";
import { action as forgotAction } from "~/routes/forgot-password";
import { action as loginAction } from "~/routes/login";
import { action as resetAction, loader as resetLoader } from "~/routes/reset-password.$token";
import { getSessionUser, signIn } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { smtpTransport, type MailTransport } from "~/utils/mailer.server";
import { deliverDue } from "~/utils/outbox.server";
import { findSessionUser } from "~/utils/session-user.server";

import { startUserSession } from "./session-fixtures";
import { startSmtpSink, type SmtpSink } from "./smtp-sink";

import type { AppLoadContext } from "@remix-run/node";

const APP = "https://consult.example.org";
const ORIGIN = "http://localhost";
const PASSWORD = "marble otter lantern in july";
const NEW_PASSWORD = "quiet harbour violin seventeen";
const OTHER_PASSWORD = "copper meadow tangent lullaby";

let sink: SmtpSink;
let transport: MailTransport;
const savedAppUrl = process.env.APP_URL;
const savedPort = process.env.PORT;

beforeAll(async () => {
  await ensureReferenceData();
  sink = await startSmtpSink();
  transport = smtpTransport(sink.url);
});

afterAll(async () => {
  transport.close();
  await sink.close();
  process.env.APP_URL = savedAppUrl;
  process.env.PORT = savedPort;
});

beforeEach(() => {
  process.env.APP_URL = APP;
  sink.clear();
});

let serial = 0;
const unique = () => `${Date.now().toString(36)}-${++serial}`;
/** A client address of the test's own, so that per-address limits count only its requests. */
const freshAddress = () => `203.0.113.${(serial++ % 250) + 1}:${crypto.randomBytes(2).toString("hex")}`;
const context = (clientAddress = freshAddress()): AppLoadContext => ({
  cspNonce: "",
  requestId: "reset-test",
  clientAddress,
});

async function person({ role = "delegate" as const, organizationId = null as string | null } = {}) {
  const suffix = unique();
  const account = { email: `person-${suffix}@reset.test`, name: `Petra ${suffix}` };
  const created = await createUser({ ...account, password: PASSWORD, role, organizationId });
  return { ...created, ...account };
}

async function secretariat() {
  const organization = await upsertOrganization({ name: `Secretariat ${unique()}`, kind: "secretariat" });
  const user = await person({ role: "secretariat" as never, organizationId: organization.id });
  const cookie = (await startUserSession({ userId: user.id })).get("Set-Cookie")!.split(";")[0];
  return { user, cookie };
}

function form(url: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
  return new Request(url, {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: { Origin: ORIGIN, "Content-Type": "application/x-www-form-urlencoded", ...headers },
  });
}

/** The status of a route's answer: `data(...)`, a Response, thrown or returned, or a DomainError. */
async function status(promise: Promise<unknown>) {
  try {
    const answer = (await promise) as { init?: { status?: number } | null; status?: number };
    return answer.init?.status ?? answer.status ?? 200;
  } catch (error) {
    if (error instanceof Response) return error.status;
    const domain = error as { status?: number };
    if (typeof domain.status === "number") return domain.status;
    throw error;
  }
}

const body = <T>(answer: unknown) => (answer as { data: T }).data;

async function resetPage(token: string) {
  return resetLoader({
    request: new Request(`${ORIGIN}/reset-password/${token}`),
    params: { token },
    context: context(),
  });
}

function postReset(token: string, password: string) {
  return resetAction({
    request: form(`${ORIGIN}/reset-password/${token}`, { password }),
    params: { token },
    context: context(),
  });
}

async function canSignIn(email: string, password: string) {
  const result = await signIn({ email, password, clientAddress: freshAddress(), delay: async () => {} });
  return result.ok;
}

/** Delivers what is queued and returns the one reset message to `address`, with its link. */
async function resetMailTo(address: string) {
  await deliverDue({ transport, worker: "reset-test" });
  const mails = sink.to(address).filter((mail) => mail.parsed.subject === "Choose a new password");
  expect(mails).toHaveLength(1);
  const text = mails[0].parsed.text ?? "";
  const link = text.split("\n").find((line) => /^https?:\/\/\S+\/reset-password\//.test(line));
  expect(link, "the link on its own line").toBeDefined();
  expect(mails[0].parsed.html).toContain(`href="${link}"`);
  return { mail: mails[0], link: link!, token: link!.split("/reset-password/")[1] };
}

/** Waits for the work /forgot-password does after answering. */
async function waitForQueued(address: string, count = 1) {
  for (let i = 0; i < 100; i++) {
    if ((await prisma.outboxMessage.count({ where: { toAddress: address, kind: "password_reset" } })) >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function tokenFor(userId: string, now = new Date()) {
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: { id: true, email: true, name: true },
  });
  return (await prisma.$transaction((tx) => insertResetToken(tx, { user, createdBy: null, now }))).token;
}

describe("a link sent by the secretariat", () => {
  it("arrives by mail, opens the reset page, sets the password; the old one stops working", async () => {
    const { user: sam, cookie } = await secretariat();
    const target = await person();
    const answer = await peopleAction({
      request: form(`${ORIGIN}/admin/people/${target.id}`, { intent: "reset" }, { Cookie: cookie }),
      params: { id: target.id },
      context: context(),
    });
    expect(await status(Promise.resolve(answer))).toBe(200);
    expect(body<{ resetSent: { email: string } }>(answer).resetSent.email).toBe(target.email);

    const { mail, link, token } = await resetMailTo(target.email);
    expect(link.startsWith(`${APP}/reset-password/`)).toBe(true);
    expect(mail.parsed.text).toContain(sam.name);
    expect(mail.raw).toMatch(/multipart\/alternative/i);
    // Only the hash is stored.
    expect(await prisma.passwordResetToken.count({ where: { tokenHash: token } })).toBe(0);
    const row = await prisma.passwordResetToken.findFirstOrThrow({ where: { userId: target.id } });
    expect(row.createdById).toBe(sam.id);
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBeLessThanOrEqual(60 * 60 * 1000 + 1000);

    const page = await resetPage(token);
    expect(await status(Promise.resolve(page))).toBe(200);
    expect(body<{ status: string; email: string }>(page)).toMatchObject({ status: "valid", email: target.email });

    const done = await status(postReset(token, NEW_PASSWORD));
    expect(done).toBe(302);
    expect(await canSignIn(target.email, PASSWORD)).toBe(false);
    expect(await canSignIn(target.email, NEW_PASSWORD)).toBe(true);
    // The person is told that the password changed.
    await deliverDue({ transport, worker: "reset-test" });
    expect(sink.to(target.email).map((m) => m.parsed.subject)).toContain("Your password was changed");
  });

  it("is not readable on the Outgoing mail page: the token is blanked, the rest of the message shown", async () => {
    const { user: sam } = await secretariat();
    const target = await person();
    const actor = await actorOf(sam.id);
    await issueBySecretariat({ actor, userId: target.id });
    const row = await prisma.outboxMessage.findFirstOrThrow({
      where: { toAddress: target.email, kind: "password_reset" },
    });
    const token = /\/reset-password\/([A-Za-z0-9_-]+)/.exec(row.text)![1];
    const shown = await getOutgoingMail({ actor, id: row.id });
    expect(shown!.text).not.toContain(token);
    expect(shown!.html).not.toContain(token);
    expect(shown!.text).toContain("/reset-password/…");
    expect(shown!.text).toContain(target.name);
  });

  it("cancels the earlier link when a new one is sent", async () => {
    const { user: sam } = await secretariat();
    const target = await person();
    const actor = await actorOf(sam.id);
    await issueBySecretariat({ actor, userId: target.id });
    const first = await resetMailTo(target.email);
    sink.clear();
    await issueBySecretariat({ actor, userId: target.id });
    const second = await resetMailTo(target.email);
    expect(await status(resetPage(first.token))).toBe(404);
    expect(await status(resetPage(second.token))).toBe(200);
  });

  it("is refused (403, nothing stored or sent) to anyone without the permission to manage accounts", async () => {
    const orgA = await upsertOrganization({ name: `Delegation A ${unique()}`, kind: "member_state" });
    const orgB = await upsertOrganization({ name: `Delegation B ${unique()}`, kind: "member_state" });
    const focal = await person({ role: "focal_point" as never, organizationId: orgA.id });
    const target = await person({ organizationId: orgB.id });
    const cookie = (await startUserSession({ userId: focal.id })).get("Set-Cookie")!.split(";")[0];
    const answer = peopleAction({
      request: form(`${ORIGIN}/admin/people/${target.id}`, { intent: "reset" }, { Cookie: cookie }),
      params: { id: target.id },
      context: context(),
    });
    expect(await status(answer)).toBe(403);
    // The model refuses too, whoever calls it.
    expect(await status(issueBySecretariat({ actor: await actorOf(focal.id), userId: target.id }))).toBe(403);
    expect(await prisma.passwordResetToken.count({ where: { userId: target.id } })).toBe(0);
    expect(await prisma.outboxMessage.count({ where: { toAddress: target.email } })).toBe(0);
    const denied = await prisma.auditEvent.count({ where: { actorId: focal.id, outcome: "denied" } });
    expect(denied).toBeGreaterThanOrEqual(2);
  });

  it("is not sent to a deactivated account (409)", async () => {
    const { user: sam } = await secretariat();
    const target = await person();
    await prisma.user.update({ where: { id: target.id }, data: { deactivatedAt: new Date() } });
    expect(await status(issueBySecretariat({ actor: await actorOf(sam.id), userId: target.id }))).toBe(409);
  });
});

async function actorOf(userId: string) {
  return (await findSessionUser({ userId }))!;
}

describe("/forgot-password", () => {
  it("answers an existing and an unknown address identically; only the existing one gets mail", async () => {
    const target = await person();
    const unknown = `nobody-${unique()}@reset.test`;
    const ask = (email: string) =>
      forgotAction({ request: form(`${ORIGIN}/forgot-password`, { email }), params: {}, context: context() });
    const [known, stranger] = await Promise.all([ask(target.email), ask(unknown)]);
    expect(await status(Promise.resolve(known))).toBe(200);
    expect(await status(Promise.resolve(stranger))).toBe(200);
    const normalized = (answer: unknown, email: string) => JSON.stringify(body(answer)).replaceAll(email, "<email>");
    expect(normalized(known, target.email)).toBe(normalized(stranger, unknown));

    await waitForQueued(target.email);
    const { link } = await resetMailTo(target.email);
    expect(link.startsWith(`${APP}/reset-password/`)).toBe(true);
    expect(sink.to(unknown)).toHaveLength(0);
    expect(await prisma.outboxMessage.count({ where: { toAddress: unknown } })).toBe(0);
  });

  it("answers before looking the address up, so the answer's timing says nothing about it", async () => {
    const target = await person();
    const answer = await requestSelfService({ email: target.email, clientAddress: freshAddress() });
    expect(answer.ok).toBe(true);
    if (!answer.ok) return;
    let settled = false;
    void answer.settled.then(() => {
      settled = true;
    });
    // The account lookup and the link's transaction are still to come when the answer is there.
    expect(settled).toBe(false);
    await answer.settled;
    expect(await prisma.passwordResetToken.count({ where: { userId: target.id } })).toBe(1);
  });

  it("never writes a link's token to the log", async () => {
    const target = await person();
    const logged: string[] = [];
    const savedLevel = process.env.LOG_LEVEL;
    process.env.LOG_LEVEL = "debug";
    const spies = [process.stdout, process.stderr].map((stream) =>
      vi.spyOn(stream, "write").mockImplementation((chunk: string | Uint8Array) => {
        logged.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
        return true;
      }),
    );
    try {
      const answer = await requestSelfService({ email: target.email, clientAddress: freshAddress() });
      if (answer.ok) await answer.settled;
      const { token } = await resetMailTo(target.email);
      expect(await status(postReset(token, NEW_PASSWORD))).toBe(302);
      expect(logged.join("")).toContain("user.password_reset");
      expect(logged.join("")).not.toContain(token);
    } finally {
      for (const spy of spies) spy.mockRestore();
      process.env.LOG_LEVEL = savedLevel;
    }
  });

  it("sends nothing to a deactivated account, and says the same", async () => {
    const target = await person();
    await prisma.user.update({ where: { id: target.id }, data: { deactivatedAt: new Date() } });
    const answer = await requestSelfService({ email: target.email, clientAddress: freshAddress() });
    expect(answer.ok).toBe(true);
    if (answer.ok) await answer.settled;
    expect(await prisma.passwordResetToken.count({ where: { userId: target.id } })).toBe(0);
    expect(await prisma.outboxMessage.count({ where: { toAddress: target.email } })).toBe(0);
  });

  it("never puts the request's Host in the link (APP_URL unset: localhost)", async () => {
    delete process.env.APP_URL;
    process.env.PORT = "3999";
    const target = await person();
    const request = form(
      "http://evil.example/forgot-password",
      { email: target.email },
      { Host: "evil.example", Origin: "http://evil.example", "X-Forwarded-Host": "evil.example" },
    );
    expect(await status(forgotAction({ request, params: {}, context: context() }))).toBe(200);
    await waitForQueued(target.email);
    const { mail, link } = await resetMailTo(target.email);
    expect(link.startsWith("http://localhost:3999/reset-password/")).toBe(true);
    expect(mail.raw).not.toContain("evil.example");
  });

  it("limits requests per client address (429 with Retry-After)", async () => {
    const address = freshAddress();
    const ask = () =>
      forgotAction({
        request: form(`${ORIGIN}/forgot-password`, { email: `nobody-${unique()}@reset.test` }),
        params: {},
        context: context(address),
      });
    for (let i = 0; i < RESET_LIMITS.perAddress.limit; i++) expect(await status(ask())).toBe(200);
    const refused = (await ask()) as unknown as { init: { status: number; headers: Headers } };
    expect(refused.init.status).toBe(429);
    expect(new Headers(refused.init.headers).get("Retry-After")).toMatch(/^\d+$/);
    // Another client is not affected.
    expect(
      await status(
        forgotAction({
          request: form(`${ORIGIN}/forgot-password`, { email: `nobody-${unique()}@reset.test` }),
          params: {},
          context: context(),
        }),
      ),
    ).toBe(200);
  });

  it("sends one address at most a few links an hour, from any number of clients, with the same answer", async () => {
    const target = await person();
    const answers: string[] = [];
    for (let i = 0; i < RESET_LIMITS.perEmail.limit + 2; i++) {
      const answer = await requestSelfService({ email: target.email, clientAddress: freshAddress() });
      expect(answer.ok).toBe(true);
      if (answer.ok) await answer.settled;
      answers.push(JSON.stringify({ ok: answer.ok }));
    }
    expect(new Set(answers).size).toBe(1);
    expect(await prisma.outboxMessage.count({ where: { toAddress: target.email, kind: "password_reset" } })).toBe(
      RESET_LIMITS.perEmail.limit,
    );
  });

  it("answers malformed input with 400, never 500", async () => {
    const call = (request: Request) => status(forgotAction({ request, params: {}, context: context() }));
    expect(await call(form(`${ORIGIN}/forgot-password`, {}))).toBe(400);
    expect(await call(form(`${ORIGIN}/forgot-password`, { email: "not an address" }))).toBe(400);
    expect(await call(form(`${ORIGIN}/forgot-password`, { email: `${"a".repeat(300)}@reset.test` }))).toBe(400);
    const json = new Request(`${ORIGIN}/forgot-password`, {
      method: "POST",
      body: JSON.stringify({ email: "x@reset.test" }),
      headers: { Origin: ORIGIN, "Content-Type": "application/json" },
    });
    expect(await call(json)).toBe(400);
    const brokenMultipart = new Request(`${ORIGIN}/forgot-password`, {
      method: "POST",
      body: '--b\r\nContent-Disposition: form-data; name="email"\r\n\r\nx@reset.test',
      headers: { Origin: ORIGIN, "Content-Type": "multipart/form-data; boundary=b" },
    });
    expect(await call(brokenMultipart)).toBe(400);
  });
});

describe("/reset-password/:token", () => {
  it("refuses an expired link (410) and leaves the password as it was", async () => {
    const target = await person();
    const token = await tokenFor(target.id, new Date(Date.now() - 61 * 60 * 1000));
    expect(await status(resetPage(token))).toBe(410);
    expect(body<{ status: string }>(await resetPage(token)).status).toBe("expired");
    expect(await status(postReset(token, NEW_PASSWORD))).toBe(410);
    expect(await canSignIn(target.email, PASSWORD)).toBe(true);
  });

  it("refuses a link used once already (410)", async () => {
    const target = await person();
    const token = await tokenFor(target.id);
    expect(await status(postReset(token, NEW_PASSWORD))).toBe(302);
    expect(await status(resetPage(token))).toBe(410);
    expect(body<{ status: string }>(await resetPage(token)).status).toBe("used");
    expect(await status(postReset(token, OTHER_PASSWORD))).toBe(410);
    expect(await canSignIn(target.email, OTHER_PASSWORD)).toBe(false);
    expect(await canSignIn(target.email, NEW_PASSWORD)).toBe(true);
  });

  it("lets exactly one of two simultaneous resets with one link through", async () => {
    const target = await person();
    const token = await tokenFor(target.id);
    const results = await Promise.all([
      resetPassword({ token, password: NEW_PASSWORD }),
      resetPassword({ token, password: OTHER_PASSWORD }),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.find((result) => !result.ok)).toMatchObject({ ok: false, reason: "used" });
    const winner = results[0].ok ? NEW_PASSWORD : OTHER_PASSWORD;
    const loser = results[0].ok ? OTHER_PASSWORD : NEW_PASSWORD;
    expect(await canSignIn(target.email, winner)).toBe(true);
    expect(await canSignIn(target.email, loser)).toBe(false);
  });

  it("refuses a weak password with advice (400) and keeps the link usable", async () => {
    const target = await person();
    const token = await tokenFor(target.id);
    for (const weak of ["123456789012", " ".repeat(12), "short", target.email.split("@")[0] + "2026!"]) {
      const answer = await postReset(token, weak);
      expect(await status(Promise.resolve(answer))).toBe(400);
      expect(body<{ fieldErrors: { password?: string[] } }>(answer).fieldErrors.password?.length).toBeGreaterThan(0);
    }
    expect(await prisma.passwordResetToken.count({ where: { userId: target.id, usedAt: null } })).toBe(1);
    expect(await status(resetPage(token))).toBe(200);
    expect(await status(postReset(token, NEW_PASSWORD))).toBe(302);
  });

  it("ends every session of the account and keeps its second factor", async () => {
    const { user: sam } = await secretariat();
    const cookies = [
      (await startUserSession({ userId: sam.id })).get("Set-Cookie")!.split(";")[0],
      (await startUserSession({ userId: sam.id })).get("Set-Cookie")!.split(";")[0],
    ];
    const signedIn = async (cookie: string) =>
      (await getSessionUser(new Request(`${ORIGIN}/consultations`, { headers: { Cookie: cookie } }))).user !== null;
    expect(await signedIn(cookies[0])).toBe(true);
    const token = await tokenFor(sam.id);
    expect(await status(postReset(token, NEW_PASSWORD))).toBe(302);
    expect(await signedIn(cookies[0])).toBe(false);
    expect(await signedIn(cookies[1])).toBe(false);
    expect(await prisma.session.count({ where: { userId: sam.id } })).toBe(0);
    const totp = await prisma.totpCredential.findUniqueOrThrow({ where: { userId: sam.id } });
    expect(totp.confirmedAt).not.toBeNull();
    // Signing in with the new password still asks for the code.
    const login = loginAction({
      request: form(`${ORIGIN}/login`, { email: sam.email, password: NEW_PASSWORD }),
      params: {},
      context: context(),
    });
    const thrown = await login.then(
      () => null,
      (error: unknown) => error,
    );
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).headers.get("Location")).toMatch(/^\/login\/two-factor/);
  });

  it("answers unknown, malformed and odd tokens and bodies with 4xx, never 500", async () => {
    for (const token of ["", "x", "a".repeat(43), "../../etc/passwd", "%00", "a".repeat(5000)]) {
      expect(await status(resetPage(token))).toBe(404);
      expect(await status(postReset(token, NEW_PASSWORD))).toBe(404);
    }
    const target = await person();
    const token = await tokenFor(target.id);
    const call = (request: Request) => status(resetAction({ request, params: { token }, context: context() }));
    expect(await call(form(`${ORIGIN}/reset-password/${token}`, {}))).toBe(400);
    expect(await call(form(`${ORIGIN}/reset-password/${token}`, { password: "x".repeat(300) }))).toBe(400);
    const json = new Request(`${ORIGIN}/reset-password/${token}`, {
      method: "POST",
      body: JSON.stringify({ password: NEW_PASSWORD }),
      headers: { Origin: ORIGIN, "Content-Type": "application/json" },
    });
    expect(await call(json)).toBe(400);
    // Nothing was consumed on the way.
    expect(await status(resetPage(token))).toBe(200);
  });
});
