/**
 * Language editions through the model and the route: the French test edition
 * of the 2022 GCA text is matched by number and order (a partial edition),
 * replaced in place, refused with its report when a paragraph does not match
 * (nothing written, also when the transaction fails half-way), deleted; only
 * the secretariat may do any of it.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

import { beforeAll, describe, expect, it } from "vitest";

import { DomainError } from "~/lib/errors";
import { importDocument, parseMarkdown } from "~/lib/import";
import { ensureReferenceData } from "~/models/bootstrap.server";
import { getComparisonPage } from "~/models/comparison.server";
import { createConsultation } from "~/models/consultation.server";
import { deleteEdition, editionContent, getVersionEditions, uploadEdition } from "~/models/edition.server";
import { createUser, upsertOrganization } from "~/models/user.server";
import { createVersionFromImport } from "~/models/version.server";
import { action as editionsAction } from "~/routes/consultations.$slug.versions.$n_.editions";
import { getSessionUser, type SessionUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";

import { startUserSession } from "./session-fixtures";

const FRENCH_FILE = "gca-guidelines-final-2022.fr.partial.md";
const FRENCH = fs.readFileSync(path.resolve("tests/fixtures/editions", FRENCH_FILE));
const FINAL = fs.readFileSync(path.resolve("tests/fixtures/corpus/gca-guidelines-final-2022.txt"));
const context = { cspNonce: "", requestId: "editions", clientAddress: "127.0.0.1" };

let n = 0;
async function actorAndCookie(role: "secretariat" | "delegate", organizationId: string | null) {
  const user = await createUser({
    email: `${role}.${++n}.${crypto.randomBytes(4).toString("hex")}@editions.test`,
    name: `${role} ${n}`,
    password: crypto.randomBytes(18).toString("base64url"),
    role,
    organizationId,
  });
  const cookie = (await startUserSession({ userId: user.id })).getSetCookie()[0].split(";")[0];
  const actor = (await getSessionUser(new Request("http://localhost/", { headers: { Cookie: cookie } }))).user!;
  return { actor, cookie };
}

let secretariat: { actor: SessionUser; cookie: string };
let delegate: { actor: SessionUser; cookie: string };

beforeAll(async () => {
  await ensureReferenceData();
  const organization = await upsertOrganization({ name: "Delegation E", kind: "member_state" });
  secretariat = await actorAndCookie("secretariat", null);
  delegate = await actorAndCookie("delegate", organization.id);
});

/** A consultation of its own with the 2022 final text as version 1. */
async function finalText() {
  const slug = `editions-${crypto.randomBytes(4).toString("hex")}`;
  await createConsultation({ slug, title: "Editions", status: "open" });
  const version = await createVersionFromImport({
    consultationSlug: slug,
    documentSlug: "guidelines",
    label: "Final text",
    status: "final",
    publishedAt: new Date(),
    imported: await importDocument({ fileName: "final.txt", bytes: new Uint8Array(FINAL) }),
  });
  return { slug, version };
}

const french = () => importDocument({ fileName: FRENCH_FILE, bytes: new Uint8Array(FRENCH) });

async function refusal(work: Promise<unknown>) {
  try {
    await work;
  } catch (error) {
    if (error instanceof DomainError) return { status: error.status, key: error.key };
    throw error;
  }
  throw new Error("not refused");
}

const storedParagraphs = (versionId: string) => prisma.editionParagraph.count({ where: { edition: { versionId } } });

describe("uploading a language edition", () => {
  it("matches the French test edition by number and order: a partial edition, headings translated", async () => {
    const { slug, version } = await finalText();
    const total = await prisma.paragraph.count({ where: { versionId: version.id } });
    const result = await uploadEdition({
      actor: secretariat.actor,
      slug,
      number: 1,
      language: "fr",
      imported: await french(),
      sourceFileName: FRENCH_FILE,
    });
    expect(result).toMatchObject({ accepted: true, replaced: false, report: { matched: 23, total, problems: [] } });
    expect(result.report.missing).toHaveLength(total - 23);
    expect(result.report.missing[0]).toEqual({ position: 24, number: "4." });

    const edition = await prisma.versionEdition.findFirstOrThrow({ where: { versionId: version.id } });
    expect(edition).toMatchObject({ language: "fr", sourceFileName: FRENCH_FILE, createdById: secretariat.actor.id });
    const content = await editionContent(edition.id);
    const paragraph = await prisma.paragraph.findFirstOrThrow({ where: { versionId: version.id, number: "2. a." } });
    expect(content.paragraphs[paragraph.id]).toMatch(/^L'UIT devrait poursuivre ses efforts/);
    expect(Object.values(content.headings)).toEqual(
      expect.arrayContaining([
        "Introduction",
        "Pilier 1 - Mesures juridiques",
        "Pilier 2 - Mesures techniques et de procédure",
      ]),
    );
    const listed = await getVersionEditions({ actor: secretariat.actor, slug, number: 1 });
    expect(listed.editions).toMatchObject([{ language: "fr", _count: { paragraphs: 23 } }]);
  });

  it("replaces an edition in place (same id) and deletes it, the comments keeping their language", async () => {
    const { slug, version } = await finalText();
    const upload = (imported: Awaited<ReturnType<typeof french>>) =>
      uploadEdition({ actor: secretariat.actor, slug, number: 1, language: "fr", imported, sourceFileName: "fr.md" });
    await upload(await french());
    const first = await prisma.versionEdition.findFirstOrThrow({ where: { versionId: version.id } });
    const comment = await prisma.comment.create({
      data: {
        consultationId:
          first.id && (await prisma.version.findUniqueOrThrow({ where: { id: version.id } })).consultationId,
        versionId: version.id,
        type: "general",
        body: "{}",
        bodyHtml: "",
        bodyText: "Observation",
        language: "fr",
        editionId: first.id,
      },
    });
    const replaced = await upload(parseMarkdown("## Section 1. Introduction\n\n**1.1** Seul paragraphe traduit.\n"));
    expect(replaced).toMatchObject({ accepted: true, replaced: true, report: { matched: 1 } });
    const second = await prisma.versionEdition.findFirstOrThrow({ where: { versionId: version.id } });
    expect(second.id).toBe(first.id);
    expect(await storedParagraphs(version.id)).toBe(1);

    await deleteEdition({ actor: secretariat.actor, slug, number: 1, language: "fr" });
    expect(await prisma.versionEdition.count({ where: { versionId: version.id } })).toBe(0);
    expect(await prisma.comment.findUniqueOrThrow({ where: { id: comment.id } })).toMatchObject({
      language: "fr",
      editionId: null,
    });
    expect(await refusal(deleteEdition({ actor: secretariat.actor, slug, number: 1, language: "fr" }))).toEqual({
      status: 404,
      key: "editions.errors.noSuchEdition",
    });
  });

  it("refuses a translation that does not match, with the report, and keeps the edition there was", async () => {
    const { slug, version } = await finalText();
    await uploadEdition({
      actor: secretariat.actor,
      slug,
      number: 1,
      language: "fr",
      imported: await french(),
      sourceFileName: FRENCH_FILE,
    });
    const mismatched = parseMarkdown(
      "## Section 1. Introduction\n\n**1.1** Un.\n\n**1.2** Deux.\n\n" +
        "**1.9** Ce numéro n'existe pas.\n\n**1.1** Encore.\n",
    );
    const result = await uploadEdition({
      actor: secretariat.actor,
      slug,
      number: 1,
      language: "fr",
      imported: mismatched,
      sourceFileName: "bad.md",
    });
    expect(result.accepted).toBe(false);
    expect(result.report.problems).toMatchObject([
      { kind: "extra", position: 3, number: "1.9" },
      { kind: "outOfOrder", position: 4, number: "1.1" },
    ]);
    expect(await storedParagraphs(version.id)).toBe(23);
    const edition = await prisma.versionEdition.findFirstOrThrow({ where: { versionId: version.id } });
    expect(edition.sourceFileName).toBe(FRENCH_FILE);
  });

  it("writes nothing when the transaction fails half-way (one transaction)", async () => {
    const { slug, version } = await finalText();
    const transaction = prisma.$transaction.bind(prisma);
    // The headings' insert (the last write) fails: the edition and its paragraphs must not stay.
    const failing = (work: (tx: unknown) => Promise<unknown>, options?: Record<string, unknown>) =>
      transaction(
        (tx) =>
          work(
            new Proxy(tx, {
              get(target, property, receiver) {
                if (property !== "editionSection") return Reflect.get(target, property, receiver) as unknown;
                return { ...target.editionSection, createMany: () => Promise.reject(new Error("disk full")) };
              },
            }),
          ),
        options,
      );
    Object.defineProperty(prisma, "$transaction", { value: failing, configurable: true, writable: true });
    try {
      await expect(
        uploadEdition({
          actor: secretariat.actor,
          slug,
          number: 1,
          language: "fr",
          imported: await french(),
          sourceFileName: FRENCH_FILE,
        }),
      ).rejects.toThrow("disk full");
    } finally {
      Reflect.deleteProperty(prisma, "$transaction");
    }
    expect(typeof prisma.$transaction).toBe("function");
    expect(await prisma.versionEdition.count({ where: { versionId: version.id } })).toBe(0);
    expect(await storedParagraphs(version.id)).toBe(0);
  });

  it("is the secretariat's only: a delegate or no one is refused (403) and nothing is written", async () => {
    const { slug, version } = await finalText();
    const input = { slug, number: 1, language: "fr" as const, sourceFileName: FRENCH_FILE };
    for (const actor of [delegate.actor, null]) {
      expect(await refusal(uploadEdition({ ...input, actor, imported: await french() }))).toEqual({
        status: 403,
        key: "errors.forbidden",
      });
      expect(await refusal(getVersionEditions({ actor, slug, number: 1 }))).toMatchObject({ status: 403 });
    }
    await uploadEdition({ ...input, actor: secretariat.actor, imported: await french() });
    expect(await refusal(deleteEdition({ ...input, actor: delegate.actor }))).toMatchObject({ status: 403 });
    expect(await storedParagraphs(version.id)).toBe(23);
    const denied = await prisma.auditEvent.findFirst({
      where: { actorId: delegate.actor.id, action: "edition.upload", outcome: "denied" },
    });
    expect(denied).not.toBeNull();
  });
});

/** A multipart POST to the editions page, as the browser sends it. */
function post(slug: string, cookie: string, fields: Record<string, string>, file?: { name: string; bytes: Buffer }) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  if (file) form.append("document", new File([new Uint8Array(file.bytes)], file.name, { type: "text/markdown" }));
  return new Request(`http://localhost/consultations/${slug}/versions/1/editions`, {
    method: "POST",
    headers: { Cookie: cookie },
    body: form,
  });
}

async function answer(work: () => Promise<unknown>) {
  let result: unknown;
  try {
    result = await work();
  } catch (thrown) {
    result = thrown;
  }
  if (result instanceof Response) return { status: result.status, data: null };
  if (result instanceof Error) throw result;
  const { data, init } = result as { data: Record<string, unknown>; init?: { status?: number } | null };
  return { status: init?.status ?? 200, data };
}

describe("the editions page's action", () => {
  it("uploads, refuses with the report (422, never 500), deletes; a delegate gets 403", async () => {
    const { slug, version } = await finalText();
    const run = (request: Request) => () => editionsAction({ request, params: { slug, n: "1" }, context });
    const saved = await answer(
      run(post(slug, secretariat.cookie, { language: "fr" }, { name: FRENCH_FILE, bytes: FRENCH })),
    );
    expect(saved).toMatchObject({ status: 200, data: { saved: { language: "fr", replaced: false } } });

    const bad = Buffer.from("## Section 1. Introduction\n\n**1.1** Un.\n\n**9.9** Inconnu.\n");
    const refused = await answer(
      run(post(slug, secretariat.cookie, { language: "fr" }, { name: "bad.md", bytes: bad })),
    );
    expect(refused).toMatchObject({
      status: 422,
      data: { formError: { key: "editions.report.refused" }, report: { problems: [{ kind: "extra", number: "9.9" }] } },
    });
    expect(await storedParagraphs(version.id)).toBe(23);

    const noLanguage = await answer(
      run(post(slug, secretariat.cookie, { language: "de" }, { name: "x.md", bytes: bad })),
    );
    expect(noLanguage.status).toBe(400);
    const noFile = await answer(run(post(slug, secretariat.cookie, { language: "fr" })));
    expect(noFile.status).toBe(400);

    const forbidden = await answer(run(post(slug, delegate.cookie, { language: "fr", intent: "delete" })));
    expect(forbidden.status).toBe(403);
    const deleted = await answer(run(post(slug, secretariat.cookie, { language: "fr", intent: "delete" })));
    expect(deleted).toMatchObject({ status: 200, data: { deleted: "fr" } });
    expect(await storedParagraphs(version.id)).toBe(0);
  });
});

describe("comparison within one language", () => {
  it("compares the French editions when both versions have one, else the originals, saying which", async () => {
    const slug = `editions-cmp-${crypto.randomBytes(4).toString("hex")}`;
    await createConsultation({ slug, title: "Editions compared", status: "open" });
    const text = (body: string) => parseMarkdown(`## Section 1. Introduction\n\n${body}`);
    for (const [label, body] of [
      ["Draft 1", "**1.1** The first text.\n\n**1.2** Kept as it is."],
      ["Draft 2", "**1.1** The first text, amended.\n\n**1.2** Kept as it is."],
    ]) {
      await createVersionFromImport({
        consultationSlug: slug,
        documentSlug: "doc",
        label,
        status: "closed",
        publishedAt: new Date(),
        imported: text(body),
      });
    }
    const upload = (number: number, body: string) =>
      uploadEdition({
        actor: secretariat.actor,
        slug,
        number,
        language: "fr",
        imported: text(body),
        sourceFileName: "fr.md",
      });
    await upload(1, "**1.1** Le premier texte.\n\n**1.2** Conservé tel quel.");
    const compare = () =>
      getComparisonPage({
        slug,
        from: 1,
        to: 2,
        actor: null,
        changesOnly: false,
        page: null,
        goto: null,
        waitMs: 30_000,
        language: "fr",
      });
    const originals = await compare();
    expect(originals).toMatchObject({ status: "ready", edition: { language: "fr", compared: "original" } });
    expect(JSON.stringify(originals)).toContain("amended");

    await upload(2, "**1.1** Le premier texte, modifié.\n\n**1.2** Conservé tel quel.");
    const editions = await compare();
    expect(editions).toMatchObject({ status: "ready", edition: { language: "fr", compared: "edition" } });
    const rendered = JSON.stringify(editions);
    expect(rendered).toContain("modifié");
    expect(rendered).not.toContain("amended");
  });
});
