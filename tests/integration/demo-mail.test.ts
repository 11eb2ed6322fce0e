/**
 * The CLI seed's outgoing mail (prisma/demo-mail.ts): two invitations and a
 * submission receipt queued through the outbox, written as .eml files with
 * no SMTP_URL and listed on the Outgoing mail page; a second seed adds
 * nothing. This file's own database (tests/setup/vitest.setup.ts).
 */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { simpleParser } from "mailparser";
import { describe, expect, it } from "vitest";

import { MAIL_KINDS } from "~/lib/mail/compose";
import { listOutgoingMail } from "~/models/outgoing-mail.server";
import { prisma } from "~/utils/db.server";
import { fileTransport } from "~/utils/mailer.server";
import { deliverDue } from "~/utils/outbox.server";
import { sessionUserSelect, toSessionUser } from "~/utils/session-user.server";

import { DEMO_INVITATIONS, seedDemoMail } from "../../prisma/demo-mail";
import { GCA_SLUG, seed } from "../../prisma/seed";

const counts = async () => ({
  outbox: await prisma.outboxMessage.count(),
  invitations: await prisma.invitation.count(),
  submissions: await prisma.submission.count(),
});

describe("the demo seed's outgoing mail", () => {
  it("queues two invitations and one receipt through the outbox, once", async () => {
    expect(await seed({ quiet: true, mail: true })).toBe(true);
    const rows = await prisma.outboxMessage.findMany({ select: { kind: true, toAddress: true, status: true } });
    const invitations = rows.filter((row) => row.kind === MAIL_KINDS.invitation).map((row) => row.toAddress);
    expect(invitations.sort()).toEqual(DEMO_INVITATIONS.map((invitation) => invitation.email).sort());
    // One submission: its receipt to the focal point who submitted and to the delegate who drafted.
    const receipts = rows.filter((row) => row.kind === MAIL_KINDS.receipt).map((row) => row.toAddress);
    expect(receipts.sort()).toEqual(["delegate@demo.test", "focal.point@demo.test"]);
    expect(await prisma.submission.count()).toBe(1);
    expect(rows.every((row) => row.status === "pending")).toBe(true);

    // A second start (the seed again, or the mail part alone) adds nothing.
    const before = await counts();
    expect(await seed({ quiet: true, mail: true })).toBe(false);
    await seedDemoMail({ slug: GCA_SLUG });
    expect(await counts()).toEqual(before);

    // Without SMTP_URL: one readable .eml per message, and the secretariat's page lists them as sent.
    const directory = await fs.mkdtemp(path.join(os.tmpdir(), "demo-mail-"));
    const transport = fileTransport(directory);
    expect(await deliverDue({ transport })).toMatchObject({ claimed: 4, sent: 4 });
    transport.close();
    const files = await fs.readdir(directory);
    expect(files).toHaveLength(4);
    const subjects = await Promise.all(
      files.map(async (file) => (await simpleParser(await fs.readFile(path.join(directory, file)))).subject),
    );
    expect(subjects.filter((subject) => subject?.startsWith("Receipt GCA-GUIDELINES-R"))).toHaveLength(2);
    await fs.rm(directory, { recursive: true });
    const secretariat = toSessionUser(
      await prisma.user.findUniqueOrThrow({ where: { email: "secretariat@demo.test" }, select: sessionUserSelect }),
    );
    const page = await listOutgoingMail({ actor: secretariat });
    expect(page.counts.sent).toBe(4);
    expect(page.messages.map((message) => message.toAddress).sort()).toEqual([
      "delegate@demo.test",
      "focal.point@demo.test",
      "new.delegate@demo.test",
      "new.observer@demo.test",
    ]);
  });
});
