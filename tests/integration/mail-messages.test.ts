/**
 * The messages the platform sends, end to end: each event is triggered
 * through its route action or model, one delivery pass sends the outbox to a
 * real SMTP server in this process (tests/integration/smtp-sink.ts), and the
 * test reads what arrived: headers, both parts, the absolute link (which
 * really leads to what it names), and that no log line carries a raw token.
 */
import crypto from "node:crypto";

import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

import { formatInstant } from "~/lib/dates";
import type { Actor } from "~/lib/permissions";
import { createAccountRequest, rejectAccountRequest } from "~/models/account-request.server";
import { ensureReferenceData } from "~/models/bootstrap.server";
import { CommentFormSchema } from "~/models/comment-schema";
import { createComment } from "~/models/comment.server";
import { createConsultation } from "~/models/consultation.server";
import { findInvitationByToken, insertInvitation } from "~/models/invitation.server";
import { submitDrafts } from "~/models/submission.server";
import { createUser, upsertOrganization } from "~/models/user.server";
import { createVersionFromImport } from "~/models/version.server";
import { action as peopleAction, loader as peopleLoader } from "~/routes/admin.people";
import { absoluteUrl, configuredAppOrigin } from "~/utils/app-url.server";
import { prisma } from "~/utils/db.server";
import { mailFrom, smtpTransport, type MailTransport } from "~/utils/mailer.server";
import { deliverDue } from "~/utils/outbox.server";
import { sessionUserSelect, toSessionUser } from "~/utils/session-user.server";

import { startUserSession } from "./session-fixtures";
import { startSmtpSink, type SmtpSink } from "./smtp-sink";

import type { AppLoadContext } from "@remix-run/node";

const APP = "https://consult.example.org";
const REQUEST_ORIGIN = "http://localhost";
const DAY_MS = 24 * 60 * 60 * 1000;

let sink: SmtpSink;
let transport: MailTransport;
let logged: string[] = [];
const savedAppUrl = process.env.APP_URL;
const savedLogLevel = process.env.LOG_LEVEL;

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
  // The trailing slash is tolerated.
  process.env.APP_URL = `${APP}/`;
  sink.clear();
  sink.refuse(null);
  // Every log line is written (tests/setup silences them) and kept here, not printed.
  process.env.LOG_LEVEL = "debug";
  logged = [];
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream) as (...args: unknown[]) => boolean;
    vi.spyOn(stream, "write").mockImplementation((chunk: string | Uint8Array, ...rest: unknown[]) => {
      const text = typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
      if (!text.startsWith('{"time"')) return write(chunk, ...rest);
      logged.push(text);
      return true;
    });
  }
});

afterEach(() => {
  vi.restoreAllMocks();
  process.env.LOG_LEVEL = savedLogLevel;
});

let serial = 0;
const unique = () => `${Date.now().toString(36)}-${++serial}`;

function context(clientAddress: string): AppLoadContext {
  return { cspNonce: "", requestId: "mail-test", clientAddress };
}

async function secretariatFixture() {
  const suffix = unique();
  const organization = await upsertOrganization({ name: `Secretariat ${suffix}`, kind: "secretariat" });
  const user = await createUser({
    email: `secretariat-${suffix}@example.test`,
    name: `Sam ${suffix}`,
    password: crypto.randomBytes(18).toString("base64url"),
    role: "secretariat",
    organizationId: organization.id,
  });
  const cookie = (await startUserSession({ userId: user.id })).getSetCookie()[0].split(";")[0];
  return { user, organization, cookie, address: `198.51.100.${serial % 250}` };
}

function post(cookie: string, fields: Record<string, string>) {
  return new Request(`${REQUEST_ORIGIN}/admin/people`, {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: { Origin: REQUEST_ORIGIN, "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie },
  });
}

/** The body of a route's `data(...)` answer. */
function body<T>(answer: unknown): T {
  return (answer as { data: T }).data;
}

async function deliverOnce() {
  return deliverDue({ transport, worker: "mail-messages" });
}

/** "Name <address>" as mailparser reads it. */
function addressOf(mailbox: string) {
  const [, name, address] = /^(.*)<(.*)>$/.exec(mailbox)!;
  return { name: name.trim(), address };
}

/** The one message that arrived for `address`, with its outbox row. */
async function arrived(address: string) {
  const mails = sink.to(address);
  expect(mails).toHaveLength(1);
  const mail = mails[0];
  const row = await prisma.outboxMessage.findFirstOrThrow({ where: { toAddress: address } });
  expect(row.status).toBe("sent");
  expect(mail.parsed.messageId).toBe(row.messageId);
  expect(mail.parsed.from?.value[0]).toMatchObject(addressOf(mailFrom()));
  expect(mail.parsed.to && !Array.isArray(mail.parsed.to) ? mail.parsed.to.value[0].address : null).toBe(address);
  expect(mail.raw).toMatch(/Content-Type: multipart\/alternative/i);
  return {
    mail,
    row,
    text: mail.parsed.text ?? "",
    html: typeof mail.parsed.html === "string" ? mail.parsed.html : "",
  };
}

/** The link both parts carry: on its own line in the text, as the href of the HTML's button. */
function linkIn(text: string, html: string, prefix: string) {
  const line = text.split("\n").find((candidate) => candidate.startsWith(prefix));
  expect(line, `a line starting with ${prefix}`).toBeDefined();
  expect(html).toContain(`href="${line!.replace(/&/g, "&amp;")}"`);
  expect(html).toMatch(/<html lang="en"/);
  return line!;
}

function expectNoLogContains(secret: string) {
  // The event was logged (so the capture works) and no line has the secret.
  expect(logged.length).toBeGreaterThan(0);
  expect(logged.join("")).not.toContain(secret);
}

async function peopleInvitations(cookie: string, address: string) {
  const page = await peopleLoader({
    request: new Request(`${REQUEST_ORIGIN}/admin/people`, { headers: { Cookie: cookie } }),
    params: {},
    context: context(address),
  });
  return body<{ invitations: { id: string; email: string; delivery: { status: string; lastError: string | null } }[] }>(
    page,
  ).invitations;
}

/**
 * Makes the next prisma.$transaction run its callback (the event, which
 * queues its email), check that the message for `address` is there, and then
 * fail, as an event that fails after queueing: the transaction rolls back.
 */
function failNextTransaction(address: string) {
  const state = { ran: false };
  // Replaced by hand and put back as it was read: the client (a proxy) has no own property to restore.
  const client = prisma as unknown as { $transaction: (...args: unknown[]) => Promise<unknown> };
  const original = client.$transaction.bind(prisma);
  client.$transaction = (run: unknown, options: unknown) => {
    client.$transaction = original;
    return original(async (tx: typeof prisma) => {
      await (run as (tx: unknown) => Promise<unknown>)(tx);
      expect(await tx.outboxMessage.count({ where: { toAddress: address } })).toBe(1);
      state.ran = true;
      throw new Error("the event failed");
    }, options);
  };
  return state;
}

describe("absoluteUrl", () => {
  it("uses APP_URL (trailing slash tolerated), else the request's origin", () => {
    expect(absoluteUrl("/invitations/abc")).toBe(`${APP}/invitations/abc`);
    delete process.env.APP_URL;
    expect(absoluteUrl("/a?b=1#c", new Request("https://proxy.example:8443/x"))).toBe(
      "https://proxy.example:8443/a?b=1#c",
    );
  });

  it("refuses paths that are not same-site absolute paths, and an APP_URL that is not an origin", () => {
    for (const path of [
      "//evil.example/x",
      "https://evil.example/",
      "/\\evil.example",
      "relative",
      "/a/../b",
      "/a\nb",
    ]) {
      expect(() => absoluteUrl(path), path).toThrow(/refused/);
    }
    expect(() => configuredAppOrigin("javascript:alert(1)")).toThrow();
    expect(() => configuredAppOrigin("https://consult.example.org/base")).toThrow();
    expect(configuredAppOrigin("https://consult.example.org//")).toBe(APP);
  });
});

describe("the invitation email", () => {
  it("carries the link, the inviter, the expiry; the link finds the invitation; no log has the token", async () => {
    const { cookie, address, organization } = await secretariatFixture();
    const email = `invitee-${unique()}@example.test`;
    const member = await upsertOrganization({ name: `Delegation of ${unique()} & <Co>`, kind: "member_state" });
    const answer = body<{ created: { link: string; expiresAt: string } }>(
      await peopleAction({
        request: post(cookie, { intent: "invite", email, roleName: "focal_point", organization: member.id }),
        params: {},
        context: context(address),
      }),
    );
    // Queued with the invitation, shown as such before delivery.
    expect((await peopleInvitations(cookie, address)).find((row) => row.email === email)?.delivery.status).toBe(
      "pending",
    );

    expect(await deliverOnce()).toMatchObject({ sent: 1, failed: 0 });
    const { mail, row, text, html } = await arrived(email);
    expect(row.kind).toBe("invitation");
    expect(mail.parsed.subject).toBe("Invitation to the consultation platform");
    const link = linkIn(text, html, `${APP}/invitations/`);
    // The link the inviter is shown is the email's.
    expect(answer.created.link).toBe(link);
    for (const part of [text, html]) {
      expect(part).toContain(organization.name);
      expect(part).toContain(formatInstant(answer.created.expiresAt, "UTC"));
    }
    expect(text).toContain(`as Focal point for ${member.name}.`);
    expect(html).toContain("Delegation of");
    expect(html).toContain("&amp; &lt;Co&gt;");
    expect(html).not.toContain("<Co>");

    const token = new URL(link).pathname.split("/").pop()!;
    const lookup = await findInvitationByToken({ token });
    expect(lookup).toMatchObject({ status: "valid", invitation: { email } });
    expect(row.dedupeKey).toBe(`invitation:${lookup.status === "valid" ? lookup.invitation.id : ""}`);
    expectNoLogContains(token);

    const shown = (await peopleInvitations(cookie, address)).find((invitation) => invitation.email === email);
    expect(shown?.delivery).toMatchObject({ status: "sent", lastError: null });
  });

  it("shows a failed delivery with its error on the People page", async () => {
    const { cookie, address } = await secretariatFixture();
    const email = `bounced-${unique()}@example.test`;
    await peopleAction({
      request: post(cookie, { intent: "invite", email, roleName: "observer", organization: "" }),
      params: {},
      context: context(address),
    });
    sink.refuse({ code: 550, message: "No such mailbox" });
    expect(await deliverOnce()).toMatchObject({ failed: 1 });
    const shown = (await peopleInvitations(cookie, address)).find((invitation) => invitation.email === email);
    expect(shown?.delivery.status).toBe("failed");
    expect(shown?.delivery.lastError).toContain("No such mailbox");
  });

  it("is not sent when the event rolls back", async () => {
    const { user } = await secretariatFixture();
    const email = `rolled-back-${unique()}@example.test`;
    await expect(
      prisma.$transaction(async (tx) => {
        await insertInvitation(tx, { email, roleName: "observer", organization: null, createdById: user.id });
        expect(await tx.outboxMessage.count({ where: { toAddress: email } })).toBe(1);
        throw new Error("the event failed");
      }),
    ).rejects.toThrow("the event failed");
    expect(await prisma.outboxMessage.count({ where: { toAddress: email } })).toBe(0);
    expect(await prisma.invitation.count({ where: { email } })).toBe(0);
    await deliverOnce();
    expect(sink.to(email)).toHaveLength(0);
  });
});

describe("account request emails", () => {
  async function requestAccount() {
    const email = `requester-${unique()}@example.test`;
    const request = await createAccountRequest({
      name: 'Ana "Quote" O\'Hara',
      email,
      organizationName: `Ministry ${unique()}`,
      organizationKind: "member_state",
      message: "",
    });
    return { email, request };
  }

  it("approved: the invitation's link and the role, shown on the People page; keyed by outcome", async () => {
    const { cookie, address } = await secretariatFixture();
    const { email, request } = await requestAccount();
    await peopleAction({
      request: post(cookie, { intent: "approve", requestId: request.id, roleName: "delegate" }),
      params: {},
      context: context(address),
    });
    expect(await deliverOnce()).toMatchObject({ sent: 1 });
    const { mail, row, text, html } = await arrived(email);
    expect(row.kind).toBe("account_approved");
    expect(row.dedupeKey).toMatch(new RegExp(`^invitation:[a-z0-9]+:account-request:${request.id}:approved$`));
    expect(mail.parsed.subject).toBe("Your account request was approved");
    expect(mail.parsed.to && !Array.isArray(mail.parsed.to) ? mail.parsed.to.value[0].name : null).toBe(
      'Ana "Quote" O\'Hara',
    );
    expect(html).toContain("Dear Ana &quot;Quote&quot; O&#39;Hara,");
    expect(text).toContain("you will take part as Delegate.");
    const token = new URL(linkIn(text, html, `${APP}/invitations/`)).pathname.split("/").pop()!;
    expect(await findInvitationByToken({ token })).toMatchObject({ status: "valid", invitation: { email } });
    expectNoLogContains(token);
    const shown = (await peopleInvitations(cookie, address)).find((invitation) => invitation.email === email);
    expect(shown?.delivery.status).toBe("sent");
  });

  it("rejected: one message without a link, in the decision's transaction", async () => {
    const { cookie, address } = await secretariatFixture();
    const { email, request } = await requestAccount();
    await peopleAction({
      request: post(cookie, { intent: "reject", requestId: request.id }),
      params: {},
      context: context(address),
    });
    // A second rejection is refused (409) and queues nothing more.
    await peopleAction({
      request: post(cookie, { intent: "reject", requestId: request.id }),
      params: {},
      context: context(address),
    });
    expect(await deliverOnce()).toMatchObject({ sent: 1 });
    const { mail, row, text, html } = await arrived(email);
    expect(row).toMatchObject({ kind: "account_rejected", dedupeKey: `account-request:${request.id}:rejected` });
    expect(mail.parsed.subject).toBe("Your account request was not approved");
    expect(text).toContain("was not approved by the secretariat");
    expect(html).not.toContain("<a ");
  });

  it("a rejection that rolls back leaves no message and the request pending", async () => {
    const { user } = await secretariatFixture();
    const { email, request } = await requestAccount();
    const actor = toSessionUser(
      await prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: sessionUserSelect }),
    );
    const failing = failNextTransaction(email);
    await expect(rejectAccountRequest({ actor, requestId: request.id })).rejects.toThrow("the event failed");
    expect(failing.ran).toBe(true);
    expect(await prisma.outboxMessage.count({ where: { toAddress: email } })).toBe(0);
    expect(await prisma.accountRequest.findUniqueOrThrow({ where: { id: request.id } })).toMatchObject({
      status: "pending",
    });
  });
});

describe("the submission receipt email", () => {
  async function consultationFixture() {
    const suffix = unique();
    const slug = `mail-${suffix}`;
    const now = Date.now();
    await createConsultation({ slug, title: `Guidelines <${suffix}>`, status: "open", timeZone: "Asia/Tokyo" });
    await createVersionFromImport({
      consultationSlug: slug,
      documentSlug: "doc",
      documentTitle: "Document",
      label: "Draft 1",
      status: "open",
      publishedAt: new Date(now - 10 * DAY_MS),
      commentsOpenAt: new Date(now - DAY_MS),
      commentsCloseAt: new Date(now + 30 * DAY_MS),
      imported: {
        title: "Document",
        sections: [
          {
            number: "1",
            heading: "Introduction",
            level: 1,
            paragraphs: [{ key: "1-1", number: "1.1", text: "Member States are encouraged to cooperate." }],
          },
        ],
      },
    });
    const organization = await upsertOrganization({ name: `State ${suffix}`, kind: "member_state" });
    const person = async (role: "focal_point" | "delegate") => {
      const user = await createUser({
        email: `${role}-${suffix}@example.test`,
        name: `${role} ${suffix}`,
        password: crypto.randomBytes(18).toString("base64url"),
        role,
        organizationId: organization.id,
      });
      const actor: Actor = toSessionUser(
        await prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: sessionUserSelect }),
      );
      return { user, actor };
    };
    return {
      slug,
      title: `Guidelines <${suffix}>`,
      focal: await person("focal_point"),
      delegate: await person("delegate"),
    };
  }

  async function draft(actor: Actor, slug: string) {
    const input = CommentFormSchema.parse({
      paragraphKey: "1-1",
      type: "general",
      bodyText: "A draft.",
      idempotencyKey: `mail-${unique()}`,
    });
    return (await createComment({ actor, slug, versionNumber: 1, input })).id;
  }

  it("goes to the focal point (all tracking numbers) and the drafting delegate (theirs), with a link", async () => {
    const { slug, title, focal, delegate } = await consultationFixture();
    const own = await draft(focal.actor, slug);
    const theirs = await draft(delegate.actor, slug);
    delete process.env.APP_URL;
    const request = new Request("https://proxied.example/consultations");
    const now = new Date();
    const { reference } = await submitDrafts({ actor: focal.actor, slug, commentIds: [own, theirs], now, request });
    const numbers = await prisma.comment.findMany({
      where: { id: { in: [own, theirs] } },
      select: { id: true, trackingNumber: true },
    });
    const numberOf = (id: string) => numbers.find((comment) => comment.id === id)!.trackingNumber!;

    expect(await deliverOnce()).toMatchObject({ sent: 2 });
    const date = formatInstant(now, "Asia/Tokyo");
    const receiptLink = `https://proxied.example/consultations/${slug}/delegation/receipts/${reference}`;
    const toFocal = await arrived(focal.user.email);
    expect(toFocal.mail.parsed.subject).toBe(`Receipt ${reference}: comments submitted on ${title}`);
    expect(toFocal.text).toContain(`You submitted 2 comments of`);
    expect(toFocal.text).toContain(`Tracking numbers: ${numberOf(own)}, ${numberOf(theirs)}`);
    const toDelegate = await arrived(delegate.user.email);
    expect(toDelegate.text).toContain(`submitted 1 comment you drafted`);
    expect(toDelegate.text).toContain(`Tracking numbers: ${numberOf(theirs)}`);
    expect(toDelegate.text).not.toContain(numberOf(own));
    for (const { text, html, row } of [toFocal, toDelegate]) {
      expect(row.kind).toBe("receipt");
      expect(row.dedupeKey).toMatch(/^receipt:[a-z0-9]+:[a-z0-9]+$/);
      expect(linkIn(text, html, "https://proxied.example/")).toBe(receiptLink);
      for (const part of [text, html]) {
        expect(part).toContain(reference);
        expect(part).toContain(date);
      }
      expect(html).toContain(title.replace("<", "&lt;").replace(">", "&gt;"));
      expect(html).not.toContain(title);
    }
  });

  it("a submission that rolls back leaves no message", async () => {
    const { slug, focal } = await consultationFixture();
    const id = await draft(focal.actor, slug);
    // Fails inside the transaction, after the comments are numbered and the emails queued.
    const failing = failNextTransaction(focal.user.email);
    await expect(submitDrafts({ actor: focal.actor, slug, commentIds: [id] })).rejects.toThrow("the event failed");
    expect(failing.ran).toBe(true);
    expect(await prisma.outboxMessage.count({ where: { toAddress: focal.user.email } })).toBe(0);
    expect((await prisma.comment.findUniqueOrThrow({ where: { id } })).status).toBe("draft");
  });
});
