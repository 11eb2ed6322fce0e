/**
 * Publication notices, end to end: each event goes through the model
 * function the route calls (upload a version, set, extend or close a
 * comment period, publish the comments received or the disposition
 * table), one delivery pass sends the outbox to a real SMTP server in this
 * process, and the test reads what arrived: who got it, the counts, the
 * absolute links; a repeated event sends nothing more; an event that rolls
 * back sends nothing.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { formatInstant } from "~/lib/dates";
import { closeCommentPeriodNow, setCommentPeriod } from "~/models/consultation.server";
import { decideDispositions, setPublication } from "~/models/disposition.server";
import { noticeVersionPublished, periodChange } from "~/models/notice.server";
import { uploadVersion } from "~/models/version.server";
import { action as editAction, loader as editLoader } from "~/routes/consultations.$slug.edit";
import { prisma } from "~/utils/db.server";
import { smtpTransport, type MailTransport } from "~/utils/mailer.server";
import { deliverDue } from "~/utils/outbox.server";

import {
  actionLink,
  APP,
  comment,
  DAY_MS,
  failNextTransaction,
  importedDocument,
  noticeFixture,
  onlyMessage,
  received,
  type NoticeFixture,
} from "./notices-fixtures";
import { startUserSession } from "./session-fixtures";
import { startSmtpSink, type SmtpSink } from "./smtp-sink";

let sink: SmtpSink;
let transport: MailTransport;
const savedAppUrl = process.env.APP_URL;

beforeAll(async () => {
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

async function deliverAll() {
  while ((await deliverDue({ transport, worker: "notices-test", batch: 200 })).claimed > 0);
}

/** A period open since yesterday, closing in ten days (real time: the models check it). */
function openPeriod() {
  const now = Date.now();
  return { opensAt: new Date(now - DAY_MS), closesAt: new Date(now + 10 * DAY_MS) };
}

function participantsOf(fixture: NoticeFixture) {
  return [fixture.a, fixture.b, fixture.c].flatMap((delegation) => [
    delegation.focal,
    delegation.delegate1,
    delegation.delegate2,
  ]);
}

/** Every participant got exactly one message with `subject`, nobody else got any. */
async function everyParticipantOnce(fixture: NoticeFixture, subject: string) {
  const messages = [];
  for (const person of participantsOf(fixture)) {
    const message = await onlyMessage(sink, person.email, subject);
    expect(message.subject).toBe(subject);
    expect(message.text).toContain(`Dear ${person.name},`);
    messages.push(message);
  }
  for (const person of fixture.outsiders) expect(received(sink, person.email, fixture.title)).toHaveLength(0);
  return messages;
}

describe("publication notices", () => {
  it("a new version, then its comment period opened: to every participant, with the reader's link", async () => {
    const fixture = await noticeFixture(openPeriod());
    const now = new Date();
    const uploaded = await uploadVersion({
      actor: fixture.secretariatActor,
      slug: fixture.slug,
      label: "Draft 2",
      status: "closed",
      imported: importedDocument("Document"),
      sourceFileName: "draft-2.docx",
      now,
    });
    expect(uploaded.number).toBe(2);
    await deliverAll();
    const published = await everyParticipantOnce(fixture, `New version of ${fixture.title}: Draft 2`);
    for (const { text, html, row } of published) {
      expect(row.kind).toBe("version_published");
      expect(text).toContain(`published version 2 (Draft 2) of ${fixture.title} on ${formatInstant(now, "UTC")}.`);
      expect(actionLink(text, html)).toBe(`${APP}/consultations/${fixture.slug}/versions/2`);
    }
    // The same event again queues nothing.
    const version = await prisma.version.findFirstOrThrow({
      where: { consultationId: fixture.consultationId, number: 2 },
      select: { id: true },
    });
    expect(await prisma.$transaction((tx) => noticeVersionPublished(tx, { versionId: version.id }))).toBe(0);

    sink.clear();
    const period = openPeriod();
    const input = { actor: fixture.secretariatActor, slug: fixture.slug, versionNumber: 2, ...period };
    await setCommentPeriod(input);
    await setCommentPeriod(input);
    await deliverAll();
    const opened = await everyParticipantOnce(fixture, `Comments open on ${fixture.title}`);
    for (const { text, html, row } of opened) {
      expect(row.kind).toBe("period_opened");
      expect(text).toContain(
        `opens on ${formatInstant(period.opensAt, "UTC")} and closes on ${formatInstant(period.closesAt, "UTC")}.`,
      );
      expect(actionLink(text, html)).toBe(`${APP}/consultations/${fixture.slug}/versions/2`);
    }
  });

  it("a deadline extended, then the period closed (with the drafts left): each once", async () => {
    const period = openPeriod();
    const fixture = await noticeFixture(period);
    await comment(fixture, fixture.a.delegate1, fixture.a.organization.id);
    await comment(fixture, fixture.a.delegate2, fixture.a.organization.id);
    const base = { actor: fixture.secretariatActor, slug: fixture.slug, versionNumber: 1 };
    // Set to what it is: no notice.
    await setCommentPeriod({ ...base, ...period });
    const extended = new Date(period.closesAt.getTime() + 7 * DAY_MS);
    await setCommentPeriod({ ...base, opensAt: period.opensAt, closesAt: extended });
    await setCommentPeriod({ ...base, opensAt: period.opensAt, closesAt: extended });
    await deliverAll();
    for (const person of participantsOf(fixture)) {
      expect(received(sink, person.email, fixture.title), person.email).toHaveLength(1);
    }
    const notices = await everyParticipantOnce(fixture, `Deadline extended: ${fixture.title}`);
    for (const { text, html, row } of notices) {
      expect(row.kind).toBe("period_extended");
      expect(text).toContain(
        `was extended from ${formatInstant(period.closesAt, "UTC")} to ${formatInstant(extended, "UTC")}.`,
      );
      expect(actionLink(text, html)).toBe(`${APP}/consultations/${fixture.slug}/versions/1`);
    }

    sink.clear();
    const now = new Date();
    await closeCommentPeriodNow({ ...base, now });
    await deliverAll();
    const closed = await everyParticipantOnce(fixture, `Comments closed on ${fixture.title}`);
    for (const { text, html, row } of closed) {
      expect(row.kind).toBe("period_closed");
      expect(text).toContain(`closed on ${formatInstant(now, "UTC")}.`);
      expect(actionLink(text, html)).toBe(`${APP}/consultations/${fixture.slug}/delegation`);
    }
    const toA = await onlyMessage(sink, fixture.a.focal.email, fixture.title);
    expect(toA.text).toContain(`2 draft comments of ${fixture.a.organization.name} were not submitted`);
    expect((await onlyMessage(sink, fixture.b.focal.email, fixture.title)).text).not.toContain("draft comment");
  });

  it("the comments received published: each delegation is told its own count", async () => {
    const fixture = await noticeFixture(openPeriod());
    await comment(fixture, fixture.a.focal, fixture.a.organization.id, "submitted");
    await comment(fixture, fixture.a.focal, fixture.a.organization.id, "submitted");
    await comment(fixture, fixture.b.focal, fixture.b.organization.id, "submitted");
    const publish = () =>
      setPublication({ actor: fixture.secretariatActor, slug: fixture.slug, what: "comments", publish: true });
    expect((await publish()).changed).toBe(true);
    expect((await publish()).changed).toBe(false);
    await deliverAll();
    const subject = `Comments received published: ${fixture.title}`;
    const messages = await everyParticipantOnce(fixture, subject);
    for (const { text, html, row } of messages) {
      expect(row.kind).toBe("comments_published");
      expect(actionLink(text, html)).toBe(`${APP}/consultations/${fixture.slug}/delegation?status=submitted`);
    }
    const { a, b, c } = fixture;
    expect((await onlyMessage(sink, a.delegate1.email, subject)).text).toContain(
      `${a.organization.name} submitted 2 comments.`,
    );
    expect((await onlyMessage(sink, b.focal.email, subject)).text).toContain(
      `${b.organization.name} submitted 1 comment.`,
    );
    expect((await onlyMessage(sink, c.focal.email, subject)).text).toContain(
      `${c.organization.name} submitted no comments.`,
    );
  });

  it("the disposition table published: each delegation gets its comments' decisions and the links", async () => {
    const fixture = await noticeFixture(openPeriod());
    const { a, c } = fixture;
    const first = await comment(fixture, a.focal, a.organization.id, "submitted");
    const second = await comment(fixture, a.delegate1, a.organization.id, "submitted");
    await decideDispositions({
      actor: fixture.secretariatActor,
      slug: fixture.slug,
      input: { intent: "dispose", commentIds: [first.id], status: "accepted", response: "Done." },
    });
    const publish = () =>
      setPublication({ actor: fixture.secretariatActor, slug: fixture.slug, what: "dispositions", publish: true });
    await publish();
    // Published again (an updated table): no second notice.
    await publish();
    await deliverAll();
    const subject = `Disposition of comments published: ${fixture.title}`;
    const messages = await everyParticipantOnce(fixture, subject);
    for (const { text, html, row } of messages) {
      expect(row.kind).toBe("dispositions_published");
      expect(actionLink(text, html)).toBe(`${APP}/consultations/${fixture.slug}/delegation?status=submitted`);
      expect(text).toContain(`The whole table: ${APP}/consultations/${fixture.slug}/dispositions`);
    }
    const toA = await onlyMessage(sink, a.delegate2.email, subject);
    expect(toA.text).toContain(`The table has 2 comments of ${a.organization.name}: Accepted 1, not decided yet 1.`);
    expect(toA.text).toContain(`${first.trackingNumber} (paragraph ${fixture.paragraph.number}): Accepted`);
    expect(toA.text).toContain(`${second.trackingNumber} (paragraph ${fixture.paragraph.number}): not decided yet`);
    expect(toA.html).toContain(`${first.trackingNumber} (paragraph ${fixture.paragraph.number}): Accepted`);
    const toC = await onlyMessage(sink, c.focal.email, subject);
    expect(toC.text).toContain(`The table has no comments of ${c.organization.name}.`);
    expect(toC.text).not.toContain(first.trackingNumber!);
  });

  it("an event that rolls back sends nothing and changes nothing", async () => {
    const period = openPeriod();
    const fixture = await noticeFixture(period);
    const failing = failNextTransaction();
    await expect(
      setCommentPeriod({
        actor: fixture.secretariatActor,
        slug: fixture.slug,
        versionNumber: 1,
        opensAt: period.opensAt,
        closesAt: new Date(period.closesAt.getTime() + DAY_MS),
      }),
    ).rejects.toThrow("the event failed");
    expect(failing.ran).toBe(true);
    // The notices were queued inside the transaction, and went with it.
    expect(failing.queued).toBeGreaterThanOrEqual(participantsOf(fixture).length);
    const version = await prisma.version.findUniqueOrThrow({ where: { id: fixture.versionId } });
    expect(version.commentsCloseAt).toEqual(period.closesAt);
    await deliverAll();
    for (const person of participantsOf(fixture)) expect(received(sink, person.email, fixture.title)).toHaveLength(0);

    const failingPublication = failNextTransaction();
    await expect(
      setPublication({ actor: fixture.secretariatActor, slug: fixture.slug, what: "comments", publish: true }),
    ).rejects.toThrow("the event failed");
    expect(failingPublication.queued).toBeGreaterThan(0);
    expect(
      (await prisma.consultation.findUniqueOrThrow({ where: { id: fixture.consultationId } })).commentsPublishedAt,
    ).toBeNull();
    await deliverAll();
    for (const person of participantsOf(fixture)) expect(received(sink, person.email, fixture.title)).toHaveLength(0);
  });
});

describe("the reminder days on the consultation's edit page", () => {
  const ORIGIN = "http://localhost";
  function post(slug: string, cookie: string, fields: Record<string, string>) {
    return new Request(`${ORIGIN}/consultations/${slug}/edit`, {
      method: "POST",
      headers: { Cookie: cookie, Origin: ORIGIN, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(fields).toString(),
    });
  }
  async function answer(
    run: () => Promise<unknown>,
  ): Promise<{ status: number; data: { fieldErrors?: Record<string, string[]> } }> {
    try {
      const value = (await run()) as { init?: { status?: number } | null; data?: unknown };
      return { status: value.init?.status ?? 200, data: value.data as { fieldErrors?: Record<string, string[]> } };
    } catch (error) {
      if (error instanceof Response) return { status: error.status, data: {} };
      throw error;
    }
  }

  it("shows them, refuses a bad value (400, nothing changed), stores a good one", async () => {
    const fixture = await noticeFixture(openPeriod());
    const cookie = (await startUserSession({ userId: fixture.secretariat.id })).getSetCookie()[0].split(";")[0];
    const context = { cspNonce: "", requestId: "notices-test", clientAddress: "198.51.100.7" };
    const page = (await editLoader({
      request: new Request(`${ORIGIN}/consultations/${fixture.slug}/edit`, { headers: { Cookie: cookie } }),
      params: { slug: fixture.slug },
      context,
    })) as unknown as { data: { consultation: { reminderDays: string } } };
    expect(page.data.consultation.reminderDays).toBe("7,1");
    const form = { title: "Renamed", summary: "", commentsVisibility: "during" };
    for (const bad of ["0", "7;1", "61", "1,2,3,4,5,6", "x".repeat(101)]) {
      const refused = await answer(() =>
        editAction({
          request: post(fixture.slug, cookie, { ...form, reminderDays: bad }),
          params: { slug: fixture.slug },
          context,
        }),
      );
      expect(refused.status, bad).toBe(400);
      expect(refused.data.fieldErrors?.reminderDays, bad).toBeDefined();
    }
    const stored = () => prisma.consultation.findUniqueOrThrow({ where: { id: fixture.consultationId } });
    expect(await stored()).toMatchObject({ title: fixture.title, reminderDays: "7,1" });
    const saved = await answer(() =>
      editAction({
        request: post(fixture.slug, cookie, { ...form, reminderDays: " 1, 14 " }),
        params: { slug: fixture.slug },
        context,
      }),
    );
    expect(saved.status).toBe(302);
    expect(await stored()).toMatchObject({ title: "Renamed", reminderDays: "14,1" });
    // A form without the field leaves the days as they are.
    await answer(() =>
      editAction({ request: post(fixture.slug, cookie, form), params: { slug: fixture.slug }, context }),
    );
    expect((await stored()).reminderDays).toBe("14,1");
  });
});

describe("what a change of period announces", () => {
  const now = new Date("2026-05-10T12:00:00Z");
  const at = (day: number) => new Date(Date.UTC(2026, 4, day, 12));
  const period = (status: string, opens: number | null, closes: number | null) => ({
    status,
    commentsOpenAt: opens === null ? null : at(opens),
    commentsCloseAt: closes === null ? null : at(closes),
  });

  it("opened, extended, changed, closed, or nothing", () => {
    expect(periodChange(period("closed", null, null), period("open", 9, 20), now)).toBe("opened");
    // Closed on the 5th, open again.
    expect(periodChange(period("open", 1, 5), period("open", 1, 20), now)).toBe("opened");
    expect(periodChange(period("open", 1, 20), period("open", 1, 25), now)).toBe("extended");
    expect(periodChange(period("open", 1, 20), period("open", 1, 15), now)).toBe("changed");
    expect(periodChange(period("open", 11, 20), period("open", 12, 20), now)).toBe("changed");
    expect(periodChange(period("open", 1, 20), period("open", 1, 20), now)).toBeNull();
    expect(periodChange(period("open", 1, 20), period("open", 1, 10), now)).toBe("closed");
    expect(periodChange(period("open", 11, 20), period("open", 1, 9), now)).toBe("closed");
    // Already closed, moved within the past: nothing to announce.
    expect(periodChange(period("open", 1, 5), period("open", 1, 6), now)).toBeNull();
  });
});
