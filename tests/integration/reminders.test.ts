/**
 * Reminders before the deadline, end to end: a scheduler tick at a given
 * instant (runReminderTick) decides and queues the reminders due, one
 * delivery pass sends them to a real SMTP server in this process, and the
 * test reads what arrived. Each test has its own consultation, delegations
 * and dates (other tests' periods are never due at its instants).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { formatInstant } from "~/lib/dates";
import { reminderKeyPrefix } from "~/lib/mail/reminder-schedule";
import { closeCommentPeriodNow, setCommentPeriod } from "~/models/consultation.server";
import { runReminderTick } from "~/models/reminder.server";
import { prisma } from "~/utils/db.server";
import { smtpTransport, type MailTransport } from "~/utils/mailer.server";
import { deliverDue } from "~/utils/outbox.server";

import {
  actionLink,
  APP,
  comment,
  failNextTransaction,
  noticeFixture,
  onlyMessage,
  received,
  type NoticeFixture,
} from "./notices-fixtures";
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
  while ((await deliverDue({ transport, worker: "reminders-test", batch: 200 })).claimed > 0);
}

/** The reminders of the fixture's version still waiting in the outbox. */
function waitingReminders(fixture: NoticeFixture) {
  return prisma.outboxMessage.count({
    where: { kind: "reminder", status: "pending", dedupeKey: { startsWith: reminderKeyPrefix(fixture.versionId) } },
  });
}

function reminders(fixture: NoticeFixture, address: string) {
  return received(sink, address, `Reminder: comments on ${fixture.title}`);
}

describe("reminders before the deadline", () => {
  it("tells delegates their drafts, the focal point the drafts waiting, the silent delegations; once", async () => {
    const closesAt = new Date("2026-05-20T15:00:00Z");
    const fixture = await noticeFixture({ opensAt: new Date("2026-05-01T08:00:00Z"), closesAt });
    const { a, b, c } = fixture;
    await comment(fixture, a.delegate1, a.organization.id);
    await comment(fixture, a.delegate1, a.organization.id);
    await comment(fixture, a.focal, a.organization.id);
    await comment(fixture, b.focal, b.organization.id, "submitted");

    const sevenDays = new Date("2026-05-13T15:00:00Z");
    expect((await runReminderTick({ now: new Date(sevenDays.getTime() - 1000) })).due).toBe(0);
    const tick = await runReminderTick({ now: sevenDays });
    expect(tick.due).toBe(1);
    expect(tick.queued).toBeGreaterThanOrEqual(5);
    // The same tick again, a minute later, or in a second process: nothing more.
    expect((await runReminderTick({ now: sevenDays })).queued).toBe(0);
    expect((await runReminderTick({ now: new Date(sevenDays.getTime() + 60_000) })).queued).toBe(0);
    await deliverAll();

    const date = formatInstant(closesAt, "UTC");
    const focal = await onlyMessage(sink, a.focal.email, fixture.title);
    expect(focal.subject).toBe(`Reminder: comments on ${fixture.title} close on ${date}`);
    expect(focal.row.kind).toBe("reminder");
    expect(focal.text).toContain(`closes on ${date}, in 7 days.`);
    expect(focal.text).toContain(`3 draft comments of ${a.organization.name} are waiting for you to submit them.`);
    expect(actionLink(focal.text, focal.html)).toBe(`${APP}/consultations/${fixture.slug}/delegation`);
    expect(focal.html).toMatch(/<html lang="en"/);

    const delegate = await onlyMessage(sink, a.delegate1.email, fixture.title);
    expect(delegate.text).toContain("You have 2 unsubmitted draft comments.");
    expect(delegate.text).not.toContain("waiting for you");
    expect(delegate.html).toContain("You have 2 unsubmitted draft comments.");
    // A delegate without drafts of a delegation that has drafts: nothing to do.
    expect(reminders(fixture, a.delegate2.email)).toHaveLength(0);
    // Submitted, no drafts left: not reminded.
    for (const person of [b.focal, b.delegate1, b.delegate2]) expect(reminders(fixture, person.email)).toHaveLength(0);
    for (const person of [c.focal, c.delegate1, c.delegate2]) {
      const silent = await onlyMessage(sink, person.email, fixture.title);
      expect(silent.text).toContain(`${c.organization.name} has not commented on this version yet.`);
    }
    for (const person of fixture.outsiders) expect(reminders(fixture, person.email)).toHaveLength(0);

    // By the 1-day reminder delegation A has submitted: its reminder counts from the data then, so it gets none.
    await prisma.comment.updateMany({
      where: { versionId: fixture.versionId, organizationId: a.organization.id },
      data: { status: "submitted", submittedAt: new Date() },
    });
    sink.clear();
    await runReminderTick({ now: new Date("2026-05-19T15:00:00Z") });
    await deliverAll();
    for (const person of [a.focal, a.delegate1, a.delegate2]) expect(reminders(fixture, person.email)).toHaveLength(0);
    const oneDay = await onlyMessage(sink, c.focal.email, fixture.title);
    expect(oneDay.text).toContain(`closes on ${date}, in 1 day.`);
  });

  it("keeps the deadline's local time across a change of summer time (Europe/Zurich)", async () => {
    // 28 October 2026 17:00 in Zurich (CET, UTC+1); summer time ends on 25 October.
    const closesAt = new Date("2026-10-28T16:00:00Z");
    const fixture = await noticeFixture({
      timeZone: "Europe/Zurich",
      opensAt: new Date("2026-10-01T08:00:00Z"),
      closesAt,
    });
    // 21 October 17:00 in Zurich is CEST (UTC+2): 15:00 UTC, not 16:00.
    expect((await runReminderTick({ now: new Date("2026-10-21T14:59:00Z") })).due).toBe(0);
    expect((await runReminderTick({ now: new Date("2026-10-21T15:00:00Z") })).due).toBe(1);
    await deliverAll();
    const seven = await onlyMessage(sink, fixture.c.focal.email, fixture.title);
    const date = formatInstant(closesAt, "Europe/Zurich");
    expect(date).toContain("17:00");
    expect(seven.text).toContain(`closes on ${date}, in 7 days.`);

    sink.clear();
    expect((await runReminderTick({ now: new Date("2026-10-27T15:59:00Z") })).due).toBe(0);
    expect((await runReminderTick({ now: new Date("2026-10-27T16:00:00Z") })).due).toBe(1);
    await deliverAll();
    expect((await onlyMessage(sink, fixture.c.focal.email, fixture.title)).text).toContain("in 1 day.");
  });

  it("an extended deadline withdraws the waiting reminders and has its own", async () => {
    const first = new Date("2026-06-20T12:00:00Z");
    const opensAt = new Date("2026-06-01T08:00:00Z");
    const fixture = await noticeFixture({ opensAt, closesAt: first });
    const { c } = fixture;
    expect((await runReminderTick({ now: new Date("2026-06-13T12:00:00Z") })).queued).toBeGreaterThan(0);
    expect(await waitingReminders(fixture)).toBeGreaterThan(0);

    const extended = new Date("2026-06-30T12:00:00Z");
    await setCommentPeriod({
      actor: fixture.secretariatActor,
      slug: fixture.slug,
      versionNumber: 1,
      opensAt,
      closesAt: extended,
      now: new Date("2026-06-13T12:30:00Z"),
    });
    // Withdrawn in the extension's transaction: the reminder for the old deadline is never sent.
    expect(await waitingReminders(fixture)).toBe(0);
    // The old deadline's 1-day reminder is not due any more.
    expect((await runReminderTick({ now: new Date("2026-06-19T12:00:00Z") })).due).toBe(0);
    expect((await runReminderTick({ now: new Date("2026-06-23T12:00:00Z") })).due).toBe(1);
    await deliverAll();
    const reminder = reminders(fixture, c.focal.email);
    expect(reminder).toHaveLength(1);
    expect(reminder[0].parsed.text).toContain(`closes on ${formatInstant(extended, "UTC")}, in 7 days.`);
    const notice = await onlyMessage(sink, c.focal.email, `Deadline extended: ${fixture.title}`);
    expect(notice.text).toContain(
      `was extended from ${formatInstant(first, "UTC")} to ${formatInstant(extended, "UTC")}.`,
    );
  });

  it("a closed period cancels its reminders", async () => {
    const fixture = await noticeFixture({
      opensAt: new Date("2026-07-01T08:00:00Z"),
      closesAt: new Date("2026-07-20T12:00:00Z"),
    });
    await runReminderTick({ now: new Date("2026-07-13T12:00:00Z") });
    expect(await waitingReminders(fixture)).toBeGreaterThan(0);
    await closeCommentPeriodNow({
      actor: fixture.secretariatActor,
      slug: fixture.slug,
      versionNumber: 1,
      now: new Date("2026-07-14T00:00:00Z"),
    });
    expect(await waitingReminders(fixture)).toBe(0);
    expect((await runReminderTick({ now: new Date("2026-07-19T12:00:00Z") })).due).toBe(0);
    await deliverAll();
    expect(reminders(fixture, fixture.c.focal.email)).toHaveLength(0);
    expect(received(sink, fixture.c.focal.email, `Comments closed on ${fixture.title}`)).toHaveLength(1);
  });

  it("follows the consultation's reminder days, and never sends after the deadline", async () => {
    const closesAt = new Date("2026-08-20T12:00:00Z");
    const fixture = await noticeFixture({ opensAt: new Date("2026-08-01T08:00:00Z"), closesAt });
    await prisma.consultation.update({ where: { id: fixture.consultationId }, data: { reminderDays: "2" } });
    expect((await runReminderTick({ now: new Date("2026-08-13T12:00:00Z") })).due).toBe(0);
    expect((await runReminderTick({ now: new Date("2026-08-18T12:00:00Z") })).queued).toBeGreaterThan(0);
    // No worker ran until the deadline: the reminder is withdrawn rather than sent late.
    const tick = await runReminderTick({ now: closesAt });
    expect(tick.cancelled).toBeGreaterThan(0);
    expect(await waitingReminders(fixture)).toBe(0);
    await deliverAll();
    expect(reminders(fixture, fixture.c.focal.email)).toHaveLength(0);
  });

  it("queues nothing when the tick's transaction rolls back", async () => {
    const fixture = await noticeFixture({
      opensAt: new Date("2026-09-01T08:00:00Z"),
      closesAt: new Date("2026-09-20T12:00:00Z"),
    });
    const now = new Date("2026-09-13T12:00:00Z");
    const failing = failNextTransaction();
    await expect(runReminderTick({ now })).rejects.toThrow("the event failed");
    expect(failing.ran).toBe(true);
    expect(failing.queued).toBeGreaterThan(0);
    const keys = { dedupeKey: { startsWith: reminderKeyPrefix(fixture.versionId) } };
    expect(await prisma.outboxMessage.count({ where: keys })).toBe(0);
    // The next tick does it.
    expect((await runReminderTick({ now: new Date(now.getTime() + 60_000) })).queued).toBe(failing.queued);
    await deliverAll();
    expect(reminders(fixture, fixture.c.focal.email)).toHaveLength(1);
  });
});

describe("two schedulers at once", () => {
  it("queue each reminder once", async () => {
    const fixture = await noticeFixture({
      opensAt: new Date("2026-03-01T08:00:00Z"),
      closesAt: new Date("2026-03-20T12:00:00Z"),
    });
    const now = new Date("2026-03-13T12:00:00Z");
    const ticks = await Promise.all([runReminderTick({ now }), runReminderTick({ now })]);
    expect(ticks.every((tick) => tick.due === 1)).toBe(true);
    const queued = await prisma.outboxMessage.count({
      where: { dedupeKey: { startsWith: reminderKeyPrefix(fixture.versionId) } },
    });
    expect(ticks[0].queued + ticks[1].queued).toBe(queued);
    await deliverAll();
    for (const person of [fixture.c.focal, fixture.c.delegate1, fixture.c.delegate2]) {
      expect(reminders(fixture, person.email)).toHaveLength(1);
    }
  });
});

describe("the reminder schedule of a long period", () => {
  it("sends nothing before the opening", async () => {
    // Opened four days before the deadline: the 7-day reminder would come before the opening.
    const fixture = await noticeFixture({
      opensAt: new Date("2026-04-16T08:00:00Z"),
      closesAt: new Date("2026-04-20T12:00:00Z"),
    });
    expect((await runReminderTick({ now: new Date("2026-04-13T12:00:00Z") })).due).toBe(0);
    expect((await runReminderTick({ now: new Date("2026-04-19T12:00:00Z") })).due).toBe(1);
    expect(await waitingReminders(fixture)).toBeGreaterThan(0);
  });
});
