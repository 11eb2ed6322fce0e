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
    expect(result.unplaced.map((u) => [u.excerpt, u.reason])).toEqual([
      [C["new-paragraph"].body, "paragraphNotFound"],
      [ANNOTATED_GCA_REPLY.body, "reply"],
    ]);

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
      ["1-1", C["whole-1-1"].body],
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
