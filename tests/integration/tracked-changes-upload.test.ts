/**
 * A Word file with tracked changes uploaded as a new version (issue 16,
 * item 9): the first post answers 422 with the review and writes nothing;
 * the same file posted again with its acceptance (the file's SHA-256) is
 * uploaded with the changes accepted, and the audit event says what was
 * accepted; an acceptance for another file is no acceptance; a file without
 * tracked changes uploads at once, as before. The same holds for a new
 * consultation opened from a .docx and for a language edition. Everything is
 * named after the test's own suffix: no seed.
 */
import crypto from "node:crypto";

import { beforeAll, describe, expect, it } from "vitest";

import { importDocument } from "~/lib/import";
import { buildDocx } from "~/lib/import/__fixtures__/docx";
import {
  ANA,
  buildTrackedChangesDocx,
  REVIEWED_DRAFT_ACCEPTED,
  reviewedDraft,
} from "~/lib/import/__fixtures__/tracked-changes";
import { fileDigest, type TrackedChangesReview } from "~/lib/import/tracked-changes-review";
import { ensureReferenceData } from "~/models/bootstrap.server";
import { createConsultation, openConsultation } from "~/models/consultation.server";
import { uploadEdition } from "~/models/edition.server";
import { createUser } from "~/models/user.server";
import { createVersionFromImport, uploadVersion } from "~/models/version.server";
import { getSessionUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";

import { action as uploadAction } from "../../app/routes/consultations.$slug.upload";
import { action as editionsAction } from "../../app/routes/consultations.$slug.versions.$n_.editions";
import { action as newConsultationAction } from "../../app/routes/consultations.new";
import { startUserSession } from "./session-fixtures";

const context = { cspNonce: "", requestId: "tracked-changes", clientAddress: "127.0.0.1" };
const suffix = `${Date.now()}-${crypto.randomBytes(3).toString("hex")}`;
const slug = `tracked-${suffix}`;
let cookie: string;
let secretariatId: string;

beforeAll(async () => {
  await ensureReferenceData();
  await createConsultation({ slug, title: `Tracked changes ${suffix}`, status: "open", timeZone: "UTC" });
  await createVersionFromImport({
    consultationSlug: slug,
    documentSlug: "doc",
    label: "Draft 1",
    status: "open",
    publishedAt: new Date(),
    imported: {
      title: "Tracked draft",
      sections: [
        {
          number: "1",
          heading: "Scope",
          level: 1,
          paragraphs: [{ key: "1-1", number: "1.1", text: "Member States should cooperate on cybersecurity." }],
        },
      ],
    },
  });
  const user = await createUser({
    email: `secretariat-${suffix}@tracked.test`,
    name: "Tracked Secretariat",
    password: crypto.randomBytes(18).toString("base64url"),
    role: "secretariat",
    organizationId: null,
  });
  secretariatId = user.id;
  cookie = (await startUserSession({ userId: user.id })).get("Set-Cookie")!.split(";")[0];
});

function post(bytes: Uint8Array, fields: Record<string, string> = {}, fileName = "draft-2.docx") {
  const form = new FormData();
  form.append("label", "Draft 2");
  form.append("status", "closed");
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append("document", new File([bytes as Uint8Array<ArrayBuffer>], fileName, { type: "application/octet-stream" }));
  const request = new Request(`http://localhost/consultations/${slug}/upload`, {
    method: "POST",
    headers: { Cookie: cookie, Origin: "http://localhost" },
    body: form,
  });
  return settle(() => uploadAction({ request, params: { slug }, context }));
}

async function settle(work: () => Promise<unknown>) {
  try {
    return await work();
  } catch (thrown) {
    return thrown;
  }
}

/** Status and body of what an action returned or threw (Remix `data()` or a Response). */
function answer(result: unknown): { status: number; body: unknown; location: string | null } {
  if (result instanceof Response) {
    return { status: result.status, body: null, location: result.headers.get("Location") };
  }
  const value = result as { data?: unknown; init?: { status?: number } | null };
  return { status: value.init?.status ?? 200, body: value.data, location: null };
}

const versionCount = () => prisma.version.count({ where: { consultation: { slug } } });

async function paragraphsOf(number: number) {
  const rows = await prisma.paragraph.findMany({
    where: { version: { consultation: { slug }, number } },
    orderBy: { order: "asc" },
    select: { text: true },
  });
  return rows.map((row) => row.text);
}

describe("uploading a Word file with tracked changes", () => {
  it("answers 422 with the review and creates nothing; the same file accepted is uploaded as it stands", async () => {
    const bytes = await reviewedDraft();
    const first = answer(await post(bytes));
    expect(first.status).toBe(422);
    const review = (first.body as { trackedChanges: TrackedChangesReview }).trackedChanges;
    expect(review).toMatchObject({
      fileName: "draft-2.docx",
      digest: await fileDigest(bytes),
      changes: 4,
      authors: ["Ana Lima", "Bo Chen"],
      paragraphCount: 3,
    });
    expect(review.paragraphs[0].segments).toContainEqual({
      kind: "delete",
      text: "should",
      author: ANA.author,
      date: ANA.date,
    });
    expect(await versionCount()).toBe(1);

    // The second post: the same bytes, with the acceptance of their digest.
    const second = answer(await post(bytes, { acceptTrackedChanges: review.digest }));
    expect(second).toMatchObject({ status: 302, location: `/consultations/${slug}?uploaded=2#uploaded` });
    expect(await versionCount()).toBe(2);
    expect(await paragraphsOf(2)).toEqual(REVIEWED_DRAFT_ACCEPTED);
    const version = await prisma.version.findFirstOrThrow({ where: { consultation: { slug }, number: 2 } });
    const audit = await prisma.auditEvent.findFirstOrThrow({
      where: { action: "version.upload", entityId: version.id },
    });
    expect(JSON.parse(audit.details)).toMatchObject({
      sourceFileName: "draft-2.docx",
      trackedChangesAccepted: {
        changes: 4,
        insertions: 2,
        deletions: 2,
        paragraphs: 3,
        authors: ["Ana Lima", "Bo Chen"],
      },
    });
    expect(audit.actorId).toBe(secretariatId);
  });

  it("an acceptance for another file (or a forged one) only shows this file's review again", async () => {
    const reviewed = await reviewedDraft();
    const other = await buildTrackedChangesDocx([
      { pieces: ["1.1 Member States ", { ins: "must", by: ANA }, " cooperate."] },
    ]);
    const before = await versionCount();
    for (const forged of [
      await fileDigest(reviewed),
      "1",
      "yes",
      "0".repeat(64),
      (await fileDigest(other)).toUpperCase(),
    ]) {
      const result = answer(await post(other, { acceptTrackedChanges: forged }, "other.docx"));
      expect(result.status).toBe(422);
      expect((result.body as { trackedChanges: TrackedChangesReview }).trackedChanges).toMatchObject({
        fileName: "other.docx",
        digest: await fileDigest(other),
        changes: 1,
      });
    }
    expect(await versionCount()).toBe(before);
  });

  it("refusing the file (without JavaScript) goes back to the consultation and writes nothing", async () => {
    const before = await versionCount();
    const result = answer(await post(await reviewedDraft(), { intent: "refuse" }));
    expect(result).toMatchObject({ status: 302, location: `/consultations/${slug}` });
    expect(await versionCount()).toBe(before);
  });

  it("a file without tracked changes is uploaded at once, as before", async () => {
    const before = await versionCount();
    const bytes = await buildDocx([{ text: "Section 1. Scope", style: "Heading1" }, { text: "1.1\tPlain text." }]);
    const result = answer(await post(bytes, {}, "plain.docx"));
    expect(result.status).toBe(302);
    expect(await versionCount()).toBe(before + 1);
    const version = await prisma.version.findFirstOrThrow({
      where: { consultation: { slug } },
      orderBy: { number: "desc" },
      select: { id: true },
    });
    const audit = await prisma.auditEvent.findFirstOrThrow({
      where: { action: "version.upload", entityId: version.id },
    });
    expect(JSON.parse(audit.details)).not.toHaveProperty("trackedChangesAccepted");
  });

  it("the model refuses a document whose tracked changes were not accepted (422), writing nothing", async () => {
    const before = await versionCount();
    const actor = (await getSessionUser(new Request("http://localhost/", { headers: { Cookie: cookie } }))).user;
    const imported = {
      title: "Tracked draft",
      sections: [
        { number: null, heading: "", level: 1 as const, paragraphs: [{ key: "1", number: null, text: "A." }] },
      ],
      revisions: {
        changes: 1,
        insertions: 1,
        deletions: 0,
        moved: 0,
        authors: [],
        unknownAuthor: true,
        paragraphs: [],
      },
    };
    const refused = await settle(() =>
      uploadVersion({ actor, slug, label: "Draft X", status: "closed", imported, sourceFileName: "x.docx" }),
    );
    expect(refused).toMatchObject({ status: 422, key: "trackedChanges.errors.notAccepted" });
    expect(await versionCount()).toBe(before);
  });
});

function multipart(url: string, fields: Record<string, string>, file: { bytes: Uint8Array; name: string }) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append(
    "document",
    new File([file.bytes as Uint8Array<ArrayBuffer>], file.name, { type: "application/octet-stream" }),
  );
  return new Request(url, { method: "POST", headers: { Cookie: cookie, Origin: "http://localhost" }, body: form });
}

async function sessionActor() {
  return (await getSessionUser(new Request("http://localhost/", { headers: { Cookie: cookie } }))).user;
}

describe("opening a consultation from a Word file with tracked changes", () => {
  let n = 0;
  function open(bytes: Uint8Array, fields: Record<string, string> = {}, fileName = "draft-1.docx") {
    const newSlug = `tracked-open-${suffix}-${++n}`;
    const request = multipart(
      "http://localhost/consultations/new",
      {
        title: `Opened with tracked changes ${n}`,
        slug: newSlug,
        summary: "",
        label: "Draft 1",
        timeZone: "UTC",
        commentsVisibility: "after_close",
        opensAt: "2026-01-01T09:00",
        closesAt: "2026-02-01T09:00",
        ...fields,
      },
      { bytes, name: fileName },
    );
    return settle(() => newConsultationAction({ request, params: {}, context })).then((result) => ({
      newSlug,
      ...answer(result),
    }));
  }
  const exists = (newSlug: string) => prisma.consultation.count({ where: { slug: newSlug } });

  it("answers 422 with the review and creates nothing; accepted, it opens with the changes accepted", async () => {
    const bytes = await reviewedDraft();
    const first = await open(bytes);
    expect(first.status).toBe(422);
    expect((first.body as { trackedChanges: TrackedChangesReview }).trackedChanges).toMatchObject({
      fileName: "draft-1.docx",
      digest: await fileDigest(bytes),
      changes: 4,
      paragraphCount: 3,
    });
    expect(await exists(first.newSlug)).toBe(0);

    const second = await open(bytes, { acceptTrackedChanges: await fileDigest(bytes) });
    expect(second).toMatchObject({ status: 302, location: `/consultations/${second.newSlug}` });
    const rows = await prisma.paragraph.findMany({
      where: { version: { consultation: { slug: second.newSlug }, number: 1 } },
      orderBy: { order: "asc" },
      select: { text: true },
    });
    expect(rows.map((row) => row.text)).toEqual(REVIEWED_DRAFT_ACCEPTED);
    const consultation = await prisma.consultation.findUniqueOrThrow({ where: { slug: second.newSlug } });
    const audit = await prisma.auditEvent.findFirstOrThrow({
      where: { action: "consultation.open", entityId: consultation.id },
    });
    expect(JSON.parse(audit.details)).toMatchObject({ trackedChangesAccepted: { changes: 4, paragraphs: 3 } });
  });

  it("an acceptance for another file (or a forged one) only shows this file's review again", async () => {
    const reviewed = await reviewedDraft();
    const other = await buildTrackedChangesDocx([
      { pieces: ["1.1 Member States ", { ins: "must", by: ANA }, " cooperate."] },
    ]);
    for (const forged of [await fileDigest(reviewed), "yes", "0".repeat(64), (await fileDigest(other)).toUpperCase()]) {
      const result = await open(other, { acceptTrackedChanges: forged }, "other.docx");
      expect(result.status).toBe(422);
      expect((result.body as { trackedChanges: TrackedChangesReview }).trackedChanges).toMatchObject({
        fileName: "other.docx",
        changes: 1,
      });
      expect(await exists(result.newSlug)).toBe(0);
    }
  });

  it("refusing the file (without JavaScript) goes back to an empty form and writes nothing", async () => {
    const result = await open(await reviewedDraft(), { intent: "refuse" });
    expect(result).toMatchObject({ status: 302, location: "/consultations/new" });
    expect(await exists(result.newSlug)).toBe(0);
  });

  it("the model refuses a document whose tracked changes were not accepted (422), writing nothing", async () => {
    const newSlug = `tracked-open-model-${suffix}`;
    const imported = await importDocument({ fileName: "x.docx", bytes: await reviewedDraft() });
    expect(imported.revisions).toBeDefined();
    const actor = await sessionActor();
    const notAccepted = await settle(() =>
      openConsultation({
        actor,
        input: {
          slug: newSlug,
          title: "Refused",
          summary: "",
          timeZone: "UTC",
          commentsVisibility: "after_close",
          label: "Draft 1",
          opensAt: new Date("2026-01-01T09:00:00Z"),
          closesAt: new Date("2026-02-01T09:00:00Z"),
        },
        imported,
        sourceFileName: "x.docx",
      }),
    );
    expect(notAccepted).toMatchObject({ status: 422, key: "trackedChanges.errors.notAccepted" });
    expect(await exists(newSlug)).toBe(0);
  });
});

describe("a language edition from a Word file with tracked changes", () => {
  const editionSlug = `tracked-edition-${suffix}`;
  beforeAll(async () => {
    await createConsultation({
      slug: editionSlug,
      title: `Tracked edition ${suffix}`,
      status: "open",
      timeZone: "UTC",
    });
    await createVersionFromImport({
      consultationSlug: editionSlug,
      documentSlug: "doc",
      label: "Draft 1",
      status: "open",
      publishedAt: new Date(),
      imported: await importDocument({ fileName: "draft.docx", bytes: await reviewedDraft() }),
    });
  });
  function upload(bytes: Uint8Array, fields: Record<string, string> = {}, fileName = "draft.fr.docx") {
    const request = multipart(
      `http://localhost/consultations/${editionSlug}/versions/1/editions`,
      { intent: "upload", language: "fr", ...fields },
      { bytes, name: fileName },
    );
    return settle(() => editionsAction({ request, params: { slug: editionSlug, n: "1" }, context })).then(answer);
  }
  const editions = () => prisma.versionEdition.count({ where: { version: { consultation: { slug: editionSlug } } } });

  it("answers 422 with the review and writes nothing; accepted, the edition holds the accepted text", async () => {
    const bytes = await reviewedDraft();
    const first = await upload(bytes);
    expect(first.status).toBe(422);
    expect((first.body as { trackedChanges: TrackedChangesReview }).trackedChanges).toMatchObject({
      fileName: "draft.fr.docx",
      digest: await fileDigest(bytes),
      changes: 4,
    });
    expect(await editions()).toBe(0);

    const second = await upload(bytes, { acceptTrackedChanges: await fileDigest(bytes) });
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ saved: { language: "fr", replaced: false } });
    const rows = await prisma.editionParagraph.findMany({
      where: { edition: { language: "fr", version: { consultation: { slug: editionSlug } } } },
      orderBy: { paragraph: { order: "asc" } },
      select: { text: true },
    });
    expect(rows.map((row) => row.text)).toEqual(REVIEWED_DRAFT_ACCEPTED);
  });

  it("a forged acceptance only shows the review again; refusing writes nothing", async () => {
    const bytes = await buildTrackedChangesDocx([
      { pieces: ["Section 1. Scope"], heading: 1 },
      { pieces: ["1.1 Les États ", { ins: "doivent", by: ANA }, " coopérer."] },
    ]);
    const before = await prisma.editionParagraph.findMany({
      where: { edition: { version: { consultation: { slug: editionSlug } } } },
      select: { text: true },
    });
    for (const forged of [await fileDigest(await reviewedDraft()), "1", (await fileDigest(bytes)).toUpperCase()]) {
      const result = await upload(bytes, { language: "es", acceptTrackedChanges: forged });
      expect(result.status).toBe(422);
      expect((result.body as { trackedChanges: TrackedChangesReview }).trackedChanges).toMatchObject({ changes: 1 });
    }
    const refused = await upload(bytes, { language: "es", intent: "refuse" });
    expect(refused).toMatchObject({
      status: 302,
      location: `/consultations/${editionSlug}/versions/1/editions`,
    });
    expect(
      await prisma.editionParagraph.findMany({
        where: { edition: { version: { consultation: { slug: editionSlug } } } },
        select: { text: true },
      }),
    ).toEqual(before);
    expect(
      await prisma.versionEdition.count({
        where: { language: "es", version: { consultation: { slug: editionSlug } } },
      }),
    ).toBe(0);
  });

  it("the model refuses an edition whose tracked changes were not accepted (422)", async () => {
    const imported = await importDocument({ fileName: "x.docx", bytes: await reviewedDraft() });
    const actor = await sessionActor();
    const refused = await settle(() =>
      uploadEdition({
        actor,
        slug: editionSlug,
        number: 1,
        language: "ru",
        imported,
        sourceFileName: "x.docx",
      }),
    );
    expect(refused).toMatchObject({ status: 422, key: "trackedChanges.errors.notAccepted" });
    expect(
      await prisma.versionEdition.count({
        where: { language: "ru", version: { consultation: { slug: editionSlug } } },
      }),
    ).toBe(0);
  });
});
