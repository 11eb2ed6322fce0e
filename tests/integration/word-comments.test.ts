// A delegation's annotated copy of the 2020 GCA draft: its Word comments become the delegation's drafts.
import { readFileSync } from "node:fs";

import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";

import { DomainError } from "~/lib/errors";
import { parseText } from "~/lib/import";
import { createConsultation } from "~/models/consultation.server";
import { getDelegationWorkspace, parseWorkspaceFilters } from "~/models/delegation.server";
import { upsertOrganization } from "~/models/user.server";
import { createVersionFromImport } from "~/models/version.server";
import { importWordComments } from "~/models/word-comment-import.server";
import { prisma } from "~/utils/db.server";

import {
  ANNOTATED_GCA_COMMENTS as C,
  ANNOTATED_GCA_REPLY,
  buildAnnotatedGcaDocx,
} from "../../app/lib/import/__fixtures__/annotated-gca";
import { buildDocx } from "../../app/lib/import/__fixtures__/docx";
import { action as importAction } from "../../app/routes/consultations.$slug.delegation.import";
import { seed } from "../../prisma/seed";
import { actorFor, DAY_MS, person, unique } from "./notices-fixtures";
import { startUserSession } from "./session-fixtures";

const NOW = new Date();
let slug: string;
let consultationId: string;
let annotated: Uint8Array;
let people: Record<"delegateA" | "focalA" | "delegateB" | "observer" | "secretariat", { id: string }>;
let orgA: string;
let orgB: string;

beforeAll(async () => {
  await seed({ quiet: true });
  const suffix = unique();
  slug = `wc-${suffix}`;
  const consultation = await createConsultation({
    slug,
    title: `Word comments ${suffix}`,
    status: "open",
    timeZone: "UTC",
  });
  consultationId = consultation.id;
  await createVersionFromImport({
    consultationSlug: slug,
    documentSlug: "gca-guidelines",
    documentTitle: "GCA Guidelines",
    label: "Draft 1 (C20/65)",
    status: "open",
    publishedAt: new Date(NOW.getTime() - 10 * DAY_MS),
    commentsOpenAt: new Date(NOW.getTime() - DAY_MS),
    commentsCloseAt: new Date(NOW.getTime() + 30 * DAY_MS),
    imported: parseText(readFileSync("tests/fixtures/corpus/gca-guidelines-draft-2020-C20-65.txt", "utf8")),
  });
  orgA = (await upsertOrganization({ name: `Delegation A ${suffix}`, kind: "member_state" })).id;
  orgB = (await upsertOrganization({ name: `Delegation B ${suffix}`, kind: "member_state" })).id;
  const secretariatOffice = (await upsertOrganization({ name: `Secretariat ${suffix}`, kind: "secretariat" })).id;
  people = {
    delegateA: await person(suffix, "delegate", orgA, "wc-delegate-a"),
    focalA: await person(suffix, "focal_point", orgA, "wc-focal-a"),
    delegateB: await person(suffix, "delegate", orgB, "wc-delegate-b"),
    observer: await person(suffix, "observer", null, "wc-observer"),
    secretariat: await person(suffix, "secretariat", secretariatOffice, "wc-secretariat"),
  };
  annotated = await buildAnnotatedGcaDocx({ reply: true });
}, 120_000);

const draftsOf = (organizationId: string) =>
  prisma.comment.findMany({
    where: { consultationId, organizationId },
    orderBy: { paragraph: { order: "asc" } },
    select: {
      status: true,
      origin: true,
      type: true,
      authorId: true,
      bodyText: true,
      quote: true,
      quoteStart: true,
      quoteEnd: true,
      quotePrefix: true,
      paragraph: { select: { key: true, text: true } },
      revisions: { select: { revision: true, event: true, status: true } },
    },
  });

async function refusal(work: Promise<unknown>) {
  const error = await work.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(error)}`);
  return { status: error.status, key: error.key };
}

describe("importing a delegation's annotated copy", () => {
  it("creates the delegate's drafts on the right paragraphs, with the phrase, and reports the rest", async () => {
    const result = await importWordComments({
      actor: await actorFor(people.delegateA.id),
      slug,
      bytes: annotated,
      fileName: "gca-annotated.docx",
      now: NOW,
      uiLanguage: "en",
    });
    expect(result.versionNumber).toBe(1);
    expect(result.imported.map((d) => [d.paragraphKey, d.paragraphNumber, d.quote])).toEqual([
      ["1-1", "1.1", null],
      ["4-8-b", "4.8 b.", null],
      ["5-1", "5.1", "a cybersecurity culture"],
    ]);
    // The reply is in its thread's draft (on 1.1), not in the report.
    expect(result.unplaced.map((u) => [u.excerpt, u.reason])).toEqual([[C["new-paragraph"].body, "paragraphNotFound"]]);

    const drafts = await draftsOf(orgA);
    expect(drafts).toHaveLength(3);
    for (const draft of drafts) {
      expect(draft).toMatchObject({
        status: "draft",
        origin: "platform",
        type: "general",
        authorId: people.delegateA.id,
      });
      expect(draft.revisions).toEqual([{ revision: 1, event: "created", status: "draft" }]);
    }
    expect(drafts.map((d) => [d.paragraph?.key, d.bodyText])).toEqual([
      ["1-1", `${C["whole-1-1"].body}\n\nReply from Fatima Focal (March 2, 2026): ${ANNOTATED_GCA_REPLY.body}`],
      ["4-8-b", "Which criteria define “proper” organizational structures?\n\nPlease list them in an annex."],
      ["5-1", C["phrase-5-1"].body],
    ]);
    const phrase = drafts[2];
    expect(phrase.quote).toBe("a cybersecurity culture");
    expect(phrase.paragraph!.text.slice(phrase.quoteStart!, phrase.quoteEnd!)).toBe("a cybersecurity culture");
    expect(phrase.quotePrefix).toMatch(/skills, of $/);
    expect(drafts[0].quote).toBeNull();

    // The focal point sees them in the workspace, paragraph by paragraph, and may submit them.
    const workspace = await getDelegationWorkspace({
      actor: await actorFor(people.focalA.id),
      slug,
      filters: parseWorkspaceFilters(new URLSearchParams()),
      now: NOW,
    });
    expect(workspace.groups.map((group) => [group.paragraphKey, group.comments.length])).toEqual([
      ["1-1", 1],
      ["4-8-b", 1],
      ["5-1", 1],
    ]);
    expect(workspace.groups.every((group) => group.comments[0].canSubmit)).toBe(true);
  });

  it("refuses the same file a second time (409) and creates nothing more", async () => {
    const before = await prisma.comment.count({ where: { consultationId } });
    const actor = await actorFor(people.delegateA.id);
    expect(
      await refusal(importWordComments({ actor, slug, bytes: annotated, fileName: "again.docx", now: NOW })),
    ).toEqual({ status: 409, key: "workspace.wordImport.errors.alreadyImported" });
    expect(await prisma.comment.count({ where: { consultationId } })).toBe(before);
  });

  it("gives another organization's delegate drafts of their own organization only", async () => {
    const result = await importWordComments({
      actor: await actorFor(people.delegateB.id),
      slug,
      bytes: annotated,
      fileName: "b.docx",
      now: NOW,
    });
    expect(result.imported).toHaveLength(3);
    expect(await draftsOf(orgB)).toHaveLength(3);
    expect(await draftsOf(orgA)).toHaveLength(3);
  });

  it("refuses an observer and the secretariat (403), and creates nothing", async () => {
    const before = await prisma.comment.count({ where: { consultationId } });
    for (const who of [people.observer, people.secretariat]) {
      const actor = await actorFor(who.id);
      expect(
        await refusal(importWordComments({ actor, slug, bytes: annotated, fileName: "x.docx", now: NOW })),
      ).toEqual({
        status: 403,
        key: expect.any(String),
      });
    }
    expect(
      await refusal(importWordComments({ actor: null, slug, bytes: annotated, fileName: "x.docx" })),
    ).toMatchObject({
      status: 403,
    });
    expect(await prisma.comment.count({ where: { consultationId } })).toBe(before);
  });

  it("refuses after the deadline (409), and creates nothing", async () => {
    const before = await prisma.comment.count({ where: { consultationId } });
    const late = new Date(NOW.getTime() + 31 * DAY_MS);
    const fresh = await buildAnnotatedGcaDocx();
    expect(
      await refusal(
        importWordComments({ actor: await actorFor(people.focalA.id), slug, bytes: fresh, fileName: "x", now: late }),
      ),
    ).toEqual({ status: 409, key: "comments.errors.closedOn" });
    expect(await prisma.comment.count({ where: { consultationId } })).toBe(before);
  });

  it("refuses files that are not Word documents with comments (400), and creates nothing", async () => {
    const before = await prisma.comment.count({ where: { consultationId } });
    const actor = await actorFor(people.focalA.id);
    const zip = new JSZip();
    zip.file("notes.txt", "not a document");
    const files: Array<[Uint8Array, string]> = [
      [new TextEncoder().encode("This is plain text, not a .docx"), "workspace.wordImport.errors.notDocx"],
      [await zip.generateAsync({ type: "uint8array" }), "workspace.wordImport.errors.notDocx"],
      [await buildDocx([{ text: "1.1 No comments here." }]), "workspace.wordImport.errors.noComments"],
      [new Uint8Array(0), "workspace.wordImport.errors.missing"],
    ];
    for (const [bytes, key] of files) {
      expect(await refusal(importWordComments({ actor, slug, bytes, fileName: "x", now: NOW }))).toEqual({
        status: 400,
        key,
      });
    }
    expect(await prisma.comment.count({ where: { consultationId } })).toBe(before);
  });
});

/**
 * A .docx built by hand as Word 2013+ writes a thread: a comment, a reply and
 * a reply to the reply on the same range of paragraph `text`, linked in
 * word/commentsExtended.xml (w15:paraIdParent → the parent's last w14:paraId).
 */
async function threadDocx(text: string, thread: Array<{ author: string; date: string; body: string }>) {
  const ns =
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' +
    'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"';
  const ids = thread.map((_, index) => 20 + index);
  const paraId = (index: number) => `0000AB${String(index).padStart(2, "0")}`;
  const zip = new JSZip();
  zip.file(
    "word/document.xml",
    `<?xml version="1.0"?><w:document ${ns}><w:body><w:p>` +
      ids.map((id) => `<w:commentRangeStart w:id="${id}"/>`).join("") +
      `<w:r><w:t>${text}</w:t></w:r>` +
      ids.map((id) => `<w:commentRangeEnd w:id="${id}"/>`).join("") +
      ids.map((id) => `<w:r><w:commentReference w:id="${id}"/></w:r>`).join("") +
      `</w:p></w:body></w:document>`,
  );
  zip.file(
    "word/comments.xml",
    `<?xml version="1.0"?><w:comments ${ns}>` +
      thread
        .map(
          ({ author, date, body }, index) =>
            `<w:comment w:id="${ids[index]}" w:author="${author}" w:date="${date}">` +
            `<w:p w14:paraId="${paraId(index)}"><w:r><w:t>${body}</w:t></w:r></w:p></w:comment>`,
        )
        .join("") +
      `</w:comments>`,
  );
  zip.file(
    "word/commentsExtended.xml",
    `<?xml version="1.0"?><w15:commentsEx xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml">` +
      thread
        .map(
          (_, index) =>
            `<w15:commentEx w15:paraId="${paraId(index)}"` +
            (index > 0 ? ` w15:paraIdParent="${paraId(index - 1)}"` : "") +
            ` w15:done="0"/>`,
        )
        .join("") +
      `</w15:commentsEx>`,
  );
  return zip.generateAsync({ type: "uint8array" });
}

describe("a Word thread (a comment, a reply, a reply to the reply)", () => {
  it("becomes one draft holding the three in order, placed as the comment alone is", async () => {
    const suffix = unique();
    const orgC = (await upsertOrganization({ name: `Delegation C ${suffix}`, kind: "member_state" })).id;
    const delegate = await person(suffix, "delegate", orgC, "wc-thread-delegate");
    const colleague = await person(suffix, "delegate", orgC, "wc-thread-colleague");
    const paragraph = await prisma.paragraph.findFirstOrThrow({
      where: { version: { consultationId }, key: "1-2" },
      select: { text: true, number: true },
    });
    const text = `${paragraph.number} ${paragraph.text}`;
    const first = { author: "Ana Author", date: "2026-03-02T10:00:00Z", body: "Cite the 2018 resolution." };
    const reply = { author: "Ben Reviewer", date: "2026-03-03T09:30:00Z", body: "Which paragraph of it?" };
    const replyToReply = { author: "Ana Author", date: "2026-03-04T08:00:00Z", body: "Resolves 3." };

    const alone = await importWordComments({
      actor: await actorFor(colleague.id),
      slug,
      bytes: await threadDocx(text, [first]),
      fileName: "alone.docx",
      now: NOW,
      uiLanguage: "en",
    });
    const result = await importWordComments({
      actor: await actorFor(delegate.id),
      slug,
      bytes: await threadDocx(text, [first, reply, replyToReply]),
      fileName: "thread.docx",
      now: NOW,
      uiLanguage: "en",
    });
    const report = (r: typeof result) => ({
      imported: r.imported.map((d) => [d.paragraphKey, d.paragraphNumber, d.quote]),
      unplaced: r.unplaced,
    });
    expect(report(result)).toEqual({ imported: [["1-2", "1.2", null]], unplaced: [] });
    expect(report(result)).toEqual(report(alone));

    const drafts = await prisma.comment.findMany({
      where: { consultationId, authorId: delegate.id },
      select: { bodyText: true, paragraph: { select: { key: true } } },
    });
    expect(drafts).toEqual([
      {
        paragraph: { key: "1-2" },
        bodyText:
          "Cite the 2018 resolution.\n\n" +
          "Reply from Ben Reviewer (March 3, 2026): Which paragraph of it?\n\n" +
          "Reply from Ana Author (March 4, 2026): Resolves 3.",
      },
    ]);
  });

  it("keeps a thread whose first comment cannot be placed in the report, replies as replies", async () => {
    const suffix = unique();
    const orgD = (await upsertOrganization({ name: `Delegation D ${suffix}`, kind: "member_state" })).id;
    const delegate = await person(suffix, "delegate", orgD, "wc-thread-lost");
    const result = await importWordComments({
      actor: await actorFor(delegate.id),
      slug,
      bytes: await threadDocx("A paragraph the draft has never had, about something else entirely.", [
        { author: "Ana Author", date: "2026-03-02T10:00:00Z", body: "Our addition." },
        { author: "", date: "not a date", body: "Agreed." },
      ]),
      fileName: "lost.docx",
      now: NOW,
    });
    expect(result.imported).toEqual([]);
    expect(result.unplaced.map((u) => [u.excerpt, u.reason])).toEqual([
      ["Our addition.", "paragraphNotFound"],
      ["Agreed.", "reply"],
    ]);
  });
});

describe("the import page (HTTP, multipart upload)", () => {
  const context = { cspNonce: "", requestId: "test", clientAddress: "127.0.0.1" };
  async function post(userId: string, file: File | null) {
    const cookie = (await startUserSession({ userId })).get("Set-Cookie")!.split(";")[0];
    const form = new FormData();
    form.set("intent", "import");
    if (file) form.set("file", file);
    const request = new Request(`http://localhost/consultations/${slug}/delegation/import`, {
      method: "POST",
      headers: { Cookie: cookie, Origin: "http://localhost" },
      body: form,
    });
    return (await importAction({ request, params: { slug }, context }).catch((caught: unknown) => caught)) as
      Response | { data: unknown; init: { status: number } | null };
  }

  it("answers 400 with a message for a file that is not a .docx, and 403 to an observer", async () => {
    const text = new File(["plain text"], "comments.docx", { type: "application/octet-stream" });
    expect(await post(people.focalA.id, text)).toMatchObject({
      init: { status: 400 },
      data: { formError: { key: "workspace.wordImport.errors.notDocx" } },
    });
    expect(await post(people.focalA.id, null)).toMatchObject({
      init: { status: 400 },
      data: { formError: { key: "workspace.wordImport.errors.missing" } },
    });
    expect(await post(people.observer.id, text)).toMatchObject({ init: { status: 403 } });
  });

  it("imports an uploaded copy and answers with the report", async () => {
    const copy = new File([Buffer.from(await buildAnnotatedGcaDocx())], "copy.docx", {
      type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    });
    const answer = (await post(people.focalA.id, copy)) as {
      data: { result: { imported: unknown[]; unplaced: unknown[] } };
    };
    expect(answer.data.result.imported).toHaveLength(3);
    expect(answer.data.result.unplaced).toHaveLength(1);
  });
});
