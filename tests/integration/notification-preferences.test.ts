/**
 * Notification preferences, the daily digest and one-click unsubscribe, end
 * to end: notifications are queued with queueNotification (as the notices
 * do), delivered to a real SMTP server in this process
 * (tests/integration/smtp-sink.ts) and read back with mailparser; the
 * preferences page and the unsubscribe page are driven through their route
 * modules, the one-click POST as a mail provider sends it (no cookie, no
 * Origin). Each test makes its own people.
 */
import crypto from "node:crypto";

import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { MAIL_KINDS, type MailContent } from "~/lib/mail/compose";
import { digestCutoff, digestDay } from "~/lib/mail/digest";
import { signUnsubscribeToken, verifyUnsubscribeToken } from "~/lib/mail/unsubscribe";
import { ensureReferenceData } from "~/models/bootstrap.server";
import { configuredDigestHour, runDigestPass, startDigestPasses } from "~/models/digest.server";
import { insertInvitation } from "~/models/invitation.server";
import { notificationModes, saveNotificationModes, unsubscribeKey } from "~/models/notification-preference.server";
import { queueNotification } from "~/models/notification.server";
import { action as preferencesAction, loader as preferencesLoader } from "~/routes/account.notifications";
import { action as unsubscribeAction, loader as unsubscribeLoader } from "~/routes/unsubscribe.$token";
import { prisma } from "~/utils/db.server";
import { smtpTransport, type MailTransport } from "~/utils/mailer.server";
import { deliverDue } from "~/utils/outbox.server";

import { newAccount, sessionCookie } from "./session-fixtures";
import { startSmtpSink, type ReceivedMail, type SmtpSink } from "./smtp-sink";

import type { AppLoadContext } from "@remix-run/node";

const APP = "https://consult.example.org";
const DAY_MS = 24 * 60 * 60 * 1000;
const context: AppLoadContext = { cspNonce: "", requestId: "preferences-test", clientAddress: "192.0.2.7" };

let sink: SmtpSink;
let transport: MailTransport;
const savedAppUrl = process.env.APP_URL;

beforeAll(async () => {
  await ensureReferenceData();
  sink = await startSmtpSink();
  transport = smtpTransport(sink.url);
});

afterAll(async () => {
  transport.close();
  await sink.close();
  process.env.APP_URL = savedAppUrl;
});

beforeEach(() => {
  process.env.APP_URL = APP;
  sink.clear();
});

let serial = 0;
const unique = () => `${Date.now().toString(36)}-${++serial}`;

async function person(role: "delegate" | "secretariat" = "delegate") {
  return (await newAccount(role)).user;
}

const cookieFor = sessionCookie;

function content(subject: string): MailContent {
  return {
    lang: "en",
    subject,
    greeting: "Dear Ana,",
    paragraphs: [`${subject}: the details.`],
    action: { label: "Open the consultation", url: `${APP}/consultations/guidelines` },
  };
}

function notify(userId: string, kind: string, subject = `Notice ${unique()}`, sendAt?: Date) {
  return queueNotification(prisma, { userId, kind, content: content(subject), dedupeKey: `test:${unique()}`, sendAt });
}

async function deliverOnce() {
  return deliverDue({ transport, worker: "preferences-test" });
}

/** A header as sent (unfolded), or null: from the raw lines, so nothing depends on mailparser's structuring. */
function header(mail: ReceivedMail, name: string): string | null {
  const line = mail.parsed.headerLines.find((candidate) => candidate.key === name.toLowerCase());
  return line ? line.line.replace(/\r?\n[ \t]+/g, " ").replace(/^[^:]+:\s*/, "") : null;
}

function parts(mail: ReceivedMail) {
  return { text: mail.parsed.text ?? "", html: typeof mail.parsed.html === "string" ? mail.parsed.html : "" };
}

/** The one message that arrived for `address`. */
function arrived(address: string) {
  const mails = sink.to(address);
  expect(mails).toHaveLength(1);
  return mails[0];
}

/** The unsubscribe link of a message's List-Unsubscribe header, and its token. */
function unsubscribeLinkOf(mail: ReceivedMail) {
  const value = header(mail, "List-Unsubscribe");
  const match = /^<(https:\/\/consult\.example\.org\/unsubscribe\/([^>]+))>$/.exec(value ?? "");
  expect(match, `List-Unsubscribe: ${value}`).not.toBeNull();
  return { url: match![1], token: match![2] };
}

/** RFC 8058 §3.1: what a mail provider sends, with no cookie and no Origin. */
function oneClickPost(url: string) {
  return new Request(url, {
    method: "POST",
    body: "List-Unsubscribe=One-Click",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
  });
}

interface RouteAnswer<T> {
  data: T;
  init?: { status?: number } | null;
}

function statusOf(answer: unknown) {
  return (answer as RouteAnswer<unknown>).init?.status ?? 200;
}

async function unsubscribeGet(token: string) {
  const answer = await unsubscribeLoader({
    request: new Request(`${APP}/unsubscribe/${token}`),
    params: { token },
    context,
  });
  return answer as unknown as RouteAnswer<{ link: { scope: string; active: boolean } | null }>;
}

async function unsubscribePost(token: string, request = oneClickPost(`${APP}/unsubscribe/${token}`)) {
  const answer = await unsubscribeAction({ request, params: { token }, context });
  return answer as unknown as RouteAnswer<{ unsubscribed: string | null }>;
}

describe("an immediate notification", () => {
  it("carries List-Unsubscribe and List-Unsubscribe-Post, and the unsubscribe line in both parts", async () => {
    const user = await person();
    const id = await notify(user.id, MAIL_KINDS.reminder, "The comment period closes in 7 days");
    expect(id).not.toBeNull();
    expect(await deliverOnce()).toMatchObject({ sent: 1 });
    const mail = arrived(user.email);
    expect(mail.parsed.subject).toBe("The comment period closes in 7 days");
    const { url, token } = unsubscribeLinkOf(mail);
    expect(token).toMatch(new RegExp(`^${user.id}\\.reminder\\.[A-Za-z0-9_-]{43}$`));
    expect(header(mail, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    const { text, html } = parts(mail);
    for (const part of [text, html]) {
      expect(part).toContain(`To stop these emails, unsubscribe: ${url}`);
      expect(part).toContain(`Choose how you receive notifications: ${APP}/account/notifications`);
      expect(part).toContain("“Reminders before a deadline” notifications are sent to you as they happen");
    }
    // The notice's own content is all there, before the footer.
    expect(text.indexOf("Open the consultation")).toBeLessThan(text.indexOf("To stop these emails"));
  });

  it("a security message (an invitation) has neither header nor unsubscribe line", async () => {
    const secretariat = await person("secretariat");
    const email = `invitee-${unique()}@example.test`;
    await insertInvitation(prisma, { email, roleName: "observer", organization: null, createdById: secretariat.id });
    expect(await deliverOnce()).toMatchObject({ sent: 1 });
    const mail = arrived(email);
    expect(header(mail, "List-Unsubscribe")).toBeNull();
    expect(header(mail, "List-Unsubscribe-Post")).toBeNull();
    for (const part of Object.values(parts(mail))) expect(part).not.toContain("unsubscribe");
  });
});

describe("one-click unsubscribe", () => {
  it("GET only shows the confirmation: a mail scanner following the link unsubscribes nobody", async () => {
    const user = await person();
    await notify(user.id, MAIL_KINDS.versionPublished);
    await deliverOnce();
    const { token } = unsubscribeLinkOf(arrived(user.email));
    const page = await unsubscribeGet(token);
    expect(statusOf(page)).toBe(200);
    expect(page.data.link).toEqual({ scope: "version_published", active: true });
    expect(await prisma.notificationPreference.count({ where: { userId: user.id } })).toBe(0);
    expect(await notify(user.id, MAIL_KINDS.versionPublished)).not.toBeNull();
  });

  it("the RFC 8058 POST, without session or Origin, turns the kind off; the next one is not queued", async () => {
    const user = await person();
    await notify(user.id, MAIL_KINDS.periodChanged);
    // A reminder queued ahead of its date, and another kind: the first is withdrawn, the second stays.
    const later = await notify(user.id, MAIL_KINDS.periodChanged, "Closes tomorrow", new Date(Date.now() + DAY_MS));
    const other = await notify(user.id, MAIL_KINDS.reminder, "Reminder", new Date(Date.now() + DAY_MS));
    await deliverOnce();
    const { url, token } = unsubscribeLinkOf(arrived(user.email));

    const answer = await unsubscribePost(token, oneClickPost(url));
    expect(statusOf(answer)).toBe(200);
    expect(answer.data.unsubscribed).toBe("period_changed");
    expect((await notificationModes({ userId: user.id })).period_changed).toBe("off");
    expect(await prisma.outboxMessage.findUnique({ where: { id: later! } })).toBeNull();
    expect(await prisma.outboxMessage.findUnique({ where: { id: other! } })).not.toBeNull();

    const before = await prisma.outboxMessage.count({ where: { toAddress: user.email } });
    expect(await notify(user.id, MAIL_KINDS.periodChanged)).toBeNull();
    expect(await prisma.outboxMessage.count({ where: { toAddress: user.email } })).toBe(before);
    // Other kinds still arrive; a second one-click is harmless.
    expect(await notify(user.id, MAIL_KINDS.versionPublished)).not.toBeNull();
    expect(statusOf(await unsubscribePost(token))).toBe(200);
    const page = await unsubscribeGet(token);
    expect(page.data.link).toEqual({ scope: "period_changed", active: false });
  });

  it("refuses a forged or foreign-key token with 404 and changes nothing", async () => {
    const user = await person();
    const victim = await person();
    await notify(user.id, MAIL_KINDS.commentsPublished);
    await deliverOnce();
    const { token } = unsubscribeLinkOf(arrived(user.email));
    const [, , signature] = token.split(".");
    const forgeries = [
      // Someone else's id with this signature; this person's id with another kind.
      `${victim.id}.comments_published.${signature}`,
      `${user.id}.reminder.${signature}`,
      // Well formed, signed with a key that is not the server's.
      signUnsubscribeToken(crypto.randomBytes(32), { userId: victim.id, scope: "comments_published" }),
      `${user.id}.comments_published.${"A".repeat(43)}`,
      "garbage",
    ];
    for (const forged of forgeries) {
      expect(statusOf(await unsubscribeGet(forged)), forged).toBe(404);
      const answer = await unsubscribePost(forged);
      expect(statusOf(answer), forged).toBe(404);
      expect(answer.data.unsubscribed).toBeNull();
    }
    expect(await prisma.notificationPreference.count({ where: { userId: { in: [user.id, victim.id] } } })).toBe(0);
  });
});

describe("the signing key", () => {
  const env = (values: Record<string, string> = {}) => ({ NODE_ENV: "test", ...values }) as NodeJS.ProcessEnv;

  it("is UNSUBSCRIBE_SECRET when set (32 characters at least), else derived from the TOTP key", () => {
    const derived = unsubscribeKey(env());
    expect(derived).toHaveLength(32);
    expect(() => unsubscribeKey(env({ UNSUBSCRIBE_SECRET: "too short" }))).toThrow(/32 characters/);
    const configured = unsubscribeKey(env({ UNSUBSCRIBE_SECRET: "x".repeat(40) }));
    expect(Buffer.from(configured).equals(Buffer.from(derived))).toBe(false);
    const token = signUnsubscribeToken(derived, { userId: "someone", scope: "reminder" });
    expect(verifyUnsubscribeToken(configured, token)).toBeNull();
    expect(verifyUnsubscribeToken(unsubscribeKey(env()), token)).toEqual({ userId: "someone", scope: "reminder" });
  });
});

describe("the daily digest", () => {
  it("holds the notifications of digest kinds and delivers one digest per person and day", async () => {
    const user = await person();
    await saveNotificationModes({ userId: user.id, modes: { reminder: "digest", version_published: "digest" } });
    const start = new Date();
    expect(await notify(user.id, MAIL_KINDS.reminder, "Five drafts are waiting")).toBeNull();
    expect(await notify(user.id, MAIL_KINDS.versionPublished, "Version 2 published")).toBeNull();
    expect(await prisma.outboxMessage.count({ where: { toAddress: user.email } })).toBe(0);
    expect(await prisma.digestItem.count({ where: { userId: user.id } })).toBe(2);

    // Before the next digest time nothing goes out; at it, one digest; again, nothing more.
    expect(await runDigestPass({ now: new Date(start.getTime() - 1000), hour: start.getUTCHours() })).toEqual({
      digests: 0,
      items: 0,
    });
    const nextDay = new Date(start.getTime() + DAY_MS);
    // Two workers at the same moment (on PostgreSQL, really concurrent): one digest between them.
    const passes = await Promise.all([runDigestPass({ now: nextDay }), runDigestPass({ now: nextDay })]);
    expect(passes.map((pass) => pass.digests).sort()).toEqual([0, 1]);
    expect(passes.map((pass) => pass.items).sort()).toEqual([0, 2]);
    expect(await runDigestPass({ now: nextDay })).toMatchObject({ digests: 0 });
    expect(await deliverOnce()).toMatchObject({ sent: 1 });

    const mail = arrived(user.email);
    expect(mail.parsed.subject).toBe("Your daily digest: 2 notifications");
    const { text, html } = parts(mail);
    for (const part of [text, html]) {
      expect(part).toContain("Five drafts are waiting");
      expect(part).toContain("Version 2 published");
      expect(part).toContain(`${APP}/consultations/guidelines`);
    }
    expect(html).toContain(`<a href="${APP}/consultations/guidelines"`);
    const { url, token } = unsubscribeLinkOf(mail);
    expect(token.split(".")[1]).toBe("digest");
    expect(header(mail, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    for (const part of [text, html]) expect(part).toContain(`To stop the daily digest, unsubscribe: ${url}`);
    const row = await prisma.outboxMessage.findFirstOrThrow({ where: { toAddress: user.email } });
    // Keyed by the day of the digest time it went out at: at 02:00 UTC with digests at 06:00, the day before.
    const day = digestDay(digestCutoff(nextDay, configuredDigestHour()));
    expect(row).toMatchObject({ kind: "digest", dedupeKey: `digest:${user.id}:${day}` });

    // The digest's own one-click turns off exactly the kinds received by digest.
    expect(statusOf(await unsubscribePost(token))).toBe(200);
    expect(await notificationModes({ userId: user.id })).toMatchObject({
      reminder: "off",
      version_published: "off",
      period_changed: "immediate",
    });
  });

  it("an item that turns up after that day's digest went out waits for the next one, not lost", async () => {
    const user = await person();
    await saveNotificationModes({ userId: user.id, modes: { reminder: "digest" } });
    await notify(user.id, MAIL_KINDS.reminder, "First");
    const nextDay = new Date(Date.now() + DAY_MS);
    expect(await runDigestPass({ now: nextDay })).toMatchObject({ digests: 1, items: 1 });
    // Its event committed late: due before that digest's time, seen only after it was queued.
    await notify(user.id, MAIL_KINDS.reminder, "Late");
    await prisma.digestItem.updateMany({ where: { userId: user.id, digestKey: null }, data: { dueAt: new Date() } });
    expect(await runDigestPass({ now: nextDay })).toMatchObject({ digests: 0 });
    expect(await prisma.digestItem.count({ where: { userId: user.id, digestKey: null } })).toBe(1);
    expect(await runDigestPass({ now: new Date(nextDay.getTime() + DAY_MS) })).toMatchObject({ digests: 1, items: 1 });
    await deliverOnce();
    expect(sink.to(user.email).map((mail) => mail.parsed.subject)).toEqual([
      "Your daily digest: 1 notification",
      "Your daily digest: 1 notification",
    ]);
  });
});

describe("startDigestPasses", () => {
  it("runs a pass at once and then every interval, until stopped", async () => {
    const user = await person();
    await saveNotificationModes({ userId: user.id, modes: { comments_published: "digest" } });
    await notify(user.id, MAIL_KINDS.commentsPublished, "Comments received");
    let clock = new Date(Date.now() - DAY_MS);
    const passes = startDigestPasses({ intervalMs: 25, now: () => clock });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await prisma.outboxMessage.count({ where: { toAddress: user.email } })).toBe(0);
    clock = new Date(Date.now() + DAY_MS);
    await expect.poll(() => prisma.outboxMessage.count({ where: { toAddress: user.email, kind: "digest" } })).toBe(1);
    await passes.stop();
  });
});

describe("off", () => {
  it("queues nothing, holds nothing, and drops what was held for the digest", async () => {
    const user = await person();
    await saveNotificationModes({ userId: user.id, modes: { dispositions_published: "digest" } });
    await notify(user.id, MAIL_KINDS.dispositionsPublished);
    expect(await prisma.digestItem.count({ where: { userId: user.id } })).toBe(1);
    await saveNotificationModes({ userId: user.id, modes: { dispositions_published: "off" } });
    expect(await prisma.digestItem.count({ where: { userId: user.id } })).toBe(0);
    expect(await notify(user.id, MAIL_KINDS.dispositionsPublished)).toBeNull();
    expect(await prisma.outboxMessage.count({ where: { toAddress: user.email } })).toBe(0);
    expect(await prisma.digestItem.count({ where: { userId: user.id } })).toBe(0);
    expect(await runDigestPass({ now: new Date(Date.now() + DAY_MS) })).toMatchObject({ digests: 0 });
  });

  it("turned off for comment period changes, stops the opening, extension and closing notices alike", async () => {
    const user = await person();
    await saveNotificationModes({ userId: user.id, modes: { period_changed: "off" } });
    for (const kind of [MAIL_KINDS.periodOpened, MAIL_KINDS.periodExtended, MAIL_KINDS.periodClosed]) {
      expect(await notify(user.id, kind)).toBeNull();
    }
    expect(await prisma.outboxMessage.count({ where: { toAddress: user.email } })).toBe(0);
  });
});

describe("the preferences page", () => {
  function post(cookie: string | null, body: string, contentType = "application/x-www-form-urlencoded") {
    const headers: Record<string, string> = { "Content-Type": contentType, Origin: "http://localhost" };
    if (cookie) headers.Cookie = cookie;
    return new Request("http://localhost/account/notifications", { method: "POST", body, headers });
  }

  async function settle(work: () => Promise<unknown>) {
    try {
      return await work();
    } catch (thrown) {
      return thrown;
    }
  }

  it("shows every kind at its default, saves a choice, refuses bad values (4xx) changing nothing", async () => {
    const user = await person();
    const cookie = await cookieFor(user.id);
    const page = (await preferencesLoader({
      request: new Request("http://localhost/account/notifications", { headers: { Cookie: cookie } }),
      params: {},
      context,
    })) as unknown as RouteAnswer<{ modes: Record<string, string>; digestTime: string }>;
    expect(page.data.modes).toEqual({
      reminder: "immediate",
      version_published: "immediate",
      period_changed: "immediate",
      comments_published: "immediate",
      dispositions_published: "immediate",
    });
    expect(page.data.digestTime).toBe("06:00");

    const saved = await preferencesAction({
      request: post(cookie, "reminder=digest&version_published=off&period_changed=immediate"),
      params: {},
      context,
    });
    expect(statusOf(saved)).toBe(200);
    expect((saved as unknown as RouteAnswer<{ saved: boolean }>).data.saved).toBe(true);
    const chosen = { reminder: "digest", version_published: "off", period_changed: "immediate" };
    expect(await notificationModes({ userId: user.id })).toMatchObject(chosen);

    for (const body of ["reminder=immediate&version_published=weekly", "reminder=", "intent=save"]) {
      const refused = (await preferencesAction({ request: post(cookie, body), params: {}, context })) as RouteAnswer<{
        formError: { key: string };
      }>;
      expect(statusOf(refused), body).toBe(400);
    }
    const malformed = await settle(() =>
      preferencesAction({ request: post(cookie, '{"reminder":"off"}', "application/json"), params: {}, context }),
    );
    expect(malformed).toBeInstanceOf(Response);
    expect((malformed as Response).status).toBe(400);
    expect(await notificationModes({ userId: user.id })).toMatchObject(chosen);

    // Signed out: sent to sign in, nothing saved.
    const signedOut = await settle(() =>
      preferencesAction({ request: post(null, "reminder=off"), params: {}, context }),
    );
    expect((signedOut as Response).status).toBe(302);
    expect((await notificationModes({ userId: user.id })).reminder).toBe("digest");
  });
});
