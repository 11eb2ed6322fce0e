/**
 * The comparison model on the seeded GCA consultation (v1 = 2020 draft,
 * open for comments with visibility "after_close"; v2 = 2022 final text).
 */
import { createInstance } from "i18next";
import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";

import { i18nConfig, resources } from "~/i18n";
import { compareVersions } from "~/lib/compare";
import { CommentFormSchema } from "~/models/comment-schema";
import { createComment } from "~/models/comment.server";
import { comparisonDocx } from "~/models/comparison-docx.server";
import { comparisonWorkerStats } from "~/models/comparison-worker.server";
import {
  cachedComparison,
  COMPARISON_ALGORITHM,
  getComparison,
  latestComparisonRange,
  loadParagraphsForComparison,
  parseVersionRange,
  type ComparisonPage,
} from "~/models/comparison.server";
import { carriedCommentCounts } from "~/models/lineage.server";
import { loader as htmlLoader } from "~/routes/consultations.$slug.compare.$range_.export[.]html";
import { prisma } from "~/utils/db.server";
import { sessionUserSelect, toSessionUser, type SessionUser } from "~/utils/session-user.server";

import { GCA_SLUG, seed } from "../../prisma/seed";

let focalPoint: SessionUser;
let observer: SessionUser;
let secretariat: SessionUser;

async function actor(email: string): Promise<SessionUser> {
  return toSessionUser(await prisma.user.findUniqueOrThrow({ where: { email }, select: sessionUserSelect }));
}

async function versionId(number: number) {
  return (
    await prisma.version.findFirstOrThrow({ where: { number, consultation: { slug: GCA_SLUG } }, select: { id: true } })
  ).id;
}

function rowOf(page: ComparisonPage, oldKey: string) {
  return page.groups
    .flatMap((group) => group.rows)
    .find((row) => row.old.some((paragraph) => paragraph.key === oldKey));
}

const PROPOSAL_START =
  "ITU should continue its efforts to facilitate multi-stakeholder discussions and collaboration on the challenges " +
  "associated with addressing the issue of cybersecurity, and in particular, strengthen its relationship with ";
const ADOPTED = `${PROPOSAL_START}all stakeholders to deliver assistance to Member States in this regard.`;
const NOT_ADOPTED =
  `${PROPOSAL_START}regional organizations and academia ` + "to deliver assistance to Member States in this regard.";

beforeAll(async () => {
  await seed({ quiet: true });
  [focalPoint, observer, secretariat] = await Promise.all(
    ["focal.point@demo.test", "observer@demo.test", "secretariat@demo.test"].map(actor),
  );
  for (const [index, proposedText] of [ADOPTED, NOT_ADOPTED].entries()) {
    await createComment({
      actor: focalPoint,
      slug: GCA_SLUG,
      versionNumber: 1,
      input: CommentFormSchema.parse({
        paragraphKey: "2-9-a",
        type: "technical",
        bodyText:
          index === 0 ? "Name all stakeholders, not only partners." : "Name regional organizations and academia.",
        proposedText,
        submit: "on",
        idempotencyKey: `comparison-test-${index}`,
      }),
    });
  }
}, 60_000);

describe("getComparison", () => {
  it("compares the 2020 draft with the 2022 final text: 2.9 a. → 2. a. with word changes", async () => {
    const page = await getComparison({ slug: GCA_SLUG, from: 1, to: 2, actor: null });
    expect(page).not.toBeNull();
    expect(page!.from).toMatchObject({ number: 1, label: "Draft 1 (C20/65)" });
    expect(page!.to).toMatchObject({ number: 2, label: "Final text (Council 2022)" });
    const row = rowOf(page!, "2-9-a");
    expect(row).toMatchObject({
      anchor: "ch-2-9-a",
      kind: "modified",
      renumbered: true,
      moved: false,
      isChange: true,
      old: [{ key: "2-9-a", number: "2.9 a." }],
      new: [{ key: "2-9-a", number: "2. a." }],
      commentsAnchor: "c-2-9-a",
    });
    expect(row!.changes).toContainEqual({ type: "delete", text: "partners and other" });
    expect(row!.changes).toContainEqual({ type: "insert", text: "all" });
    // Same figures as the library on the same paragraphs.
    const [a, b] = await Promise.all([
      loadParagraphsForComparison({ versionId: await versionId(1) }),
      loadParagraphsForComparison({ versionId: await versionId(2) }),
    ]);
    expect(page!.totals).toEqual(compareVersions(a, b).totals);
    expect(page!.totals).toMatchObject({
      modified: 35,
      possiblyRelated: 1,
      added: 5,
      deleted: 106,
      merged: 1,
      moved: 1,
      unchanged: 10,
    });
    // Sections: per-section counts add up to the totals; deletions of the
    // dropped 2020 background sit under their section ("2", Pillar 1).
    const sum = page!.sections.reduce((total, section) => total + section.counts.deleted, 0);
    expect(sum).toBe(106);
    const pillar1 = page!.sections.find((section) => section.number === "2");
    expect(pillar1).toMatchObject({ heading: "Pillar 1 - Legal Measures", counts: { deleted: 17, modified: 5 } });
    expect(page!.groups.find((group) => group.number === "2")?.formerHeading).toBe("Pillar 1: Legal Measures");
  });

  it("works in either order: 2...1 turns the deletions into insertions", async () => {
    const forward = await getComparison({ slug: GCA_SLUG, from: 1, to: 2, actor: null });
    const backward = await getComparison({ slug: GCA_SLUG, from: 2, to: 1, actor: null });
    expect(backward!.totals.added).toBe(forward!.totals.deleted);
    expect(backward!.totals.deleted).toBe(forward!.totals.added);
    const row = rowOf(backward!, "2-9-a");
    expect(row).toMatchObject({ old: [{ number: "2. a." }], new: [{ number: "2.9 a." }] });
    expect(row!.changes).toContainEqual({ type: "insert", text: "partners and other" });
  });

  it("is a 404 (null) for unknown consultations, unknown or unpublished versions", async () => {
    expect(await getComparison({ slug: "no-such-consultation", from: 1, to: 2, actor: null })).toBeNull();
    expect(await getComparison({ slug: GCA_SLUG, from: 1, to: 9, actor: null })).toBeNull();
    await prisma.version.update({ where: { id: await versionId(2) }, data: { status: "draft" } });
    try {
      expect(await getComparison({ slug: GCA_SLUG, from: 1, to: 2, actor: secretariat })).toBeNull();
      expect(await latestComparisonRange({ slug: GCA_SLUG })).toBeNull();
    } finally {
      await prisma.version.update({ where: { id: await versionId(2) }, data: { status: "final" } });
    }
    expect(await latestComparisonRange({ slug: GCA_SLUG })).toEqual({ from: 1, to: 2 });
  });

  it("parses only a...b ranges", () => {
    expect(parseVersionRange("1...2")).toEqual({ from: 1, to: 2 });
    expect(parseVersionRange("12...3")).toEqual({ from: 12, to: 3 });
    for (const bad of ["1..2", "1...", "0...1", "a...b", "1...2...3", "1.0...2", "", undefined]) {
      expect(parseVersionRange(bad)).toBeNull();
    }
  });
});

describe("the comparison cache", () => {
  it("stores one row per pair and algorithm, and serves the second request from it", async () => {
    const [from, to] = [await versionId(1), await versionId(2)];
    await getComparison({ slug: GCA_SLUG, from: 1, to: 2, actor: null });
    const rows = await prisma.comparisonCache.findMany({
      where: { fromVersionId: from, toVersionId: to },
      select: { id: true, algorithm: true, result: true },
    });
    expect(rows).toEqual([expect.objectContaining({ algorithm: COMPARISON_ALGORITHM })]);

    // Tamper with the stored result: a second request that recomputed would not see it.
    const jobs = comparisonWorkerStats().jobs;
    const stored = JSON.parse(rows[0].result);
    stored.totals.unchanged = 999;
    await prisma.comparisonCache.update({ where: { id: rows[0].id }, data: { result: JSON.stringify(stored) } });
    const again = await getComparison({ slug: GCA_SLUG, from: 1, to: 2, actor: null });
    expect(again!.totals.unchanged).toBe(999);
    expect(comparisonWorkerStats().jobs).toBe(jobs);
    await prisma.comparisonCache.update({ where: { id: rows[0].id }, data: { result: rows[0].result } });
  });

  it("computes a burst of concurrent requests for a new pair once", async () => {
    const [from, to] = [await versionId(1), await versionId(2)];
    await prisma.comparisonCache.deleteMany({ where: { fromVersionId: from, toVersionId: to } });
    const before = comparisonWorkerStats().jobs;
    const results = await Promise.all(
      Array.from({ length: 12 }, () => cachedComparison({ fromVersionId: from, toVersionId: to })),
    );
    expect(comparisonWorkerStats().jobs).toBe(before + 1);
    expect(new Set(results.map((result) => JSON.stringify(result.totals))).size).toBe(1);
    expect(await prisma.comparisonCache.count({ where: { fromVersionId: from, toVersionId: to } })).toBe(1);
  });

  it("runs the comparison on a worker thread, not the event loop", () => {
    const stats = comparisonWorkerStats();
    expect(stats.workersStarted).toBeGreaterThanOrEqual(1);
    expect(stats.inline).toBe(0);
  });
});

describe("comments carried into the comparison", () => {
  it("shows nobody outside the organization a comment before the comments are published (after_close)", async () => {
    for (const who of [null, observer]) {
      const page = await getComparison({ slug: GCA_SLUG, from: 1, to: 2, actor: who });
      expect(rowOf(page!, "2-9-a")).toMatchObject({ commentCount: 0, comments: [] });
      expect(await carriedCommentCounts({ actor: who, version: await readerVersion(2) })).toEqual({});
    }
  });

  it("shows the focal point their organization's comments with the adoption of each proposal", async () => {
    const page = await getComparison({ slug: GCA_SLUG, from: 1, to: 2, actor: focalPoint });
    const row = rowOf(page!, "2-9-a")!;
    const ours = row.comments.filter((comment) => comment.bodyHtml.startsWith("<p>Name "));
    expect(
      ours.map((comment) => [comment.organization, comment.type, comment.adoption, comment.paragraph.key]),
    ).toEqual([
      ["Delegation of Member State A", "technical", "full", "2-9-a"],
      ["Delegation of Member State A", "technical", "none", "2-9-a"],
    ]);
    expect(ours[0].bodyHtml).toBe("<p>Name all stakeholders, not only partners.</p>");
    expect(ours[0].proposedText).toBe(ADOPTED);
    expect(row.commentCount).toBe(row.comments.length);
  });

  it("shows the secretariat every submitted comment, and everyone once the comments are published", async () => {
    const forSecretariat = rowOf(
      (await getComparison({ slug: GCA_SLUG, from: 1, to: 2, actor: secretariat }))!,
      "2-9-a",
    )!;
    expect(forSecretariat.commentCount).toBeGreaterThanOrEqual(2);
    await prisma.consultation.update({ where: { slug: GCA_SLUG }, data: { commentsPublishedAt: new Date() } });
    try {
      const forEveryone = rowOf((await getComparison({ slug: GCA_SLUG, from: 1, to: 2, actor: null }))!, "2-9-a")!;
      expect(forEveryone.comments.map((comment) => comment.id)).toEqual(
        forSecretariat.comments.map((comment) => comment.id),
      );
    } finally {
      await prisma.consultation.update({ where: { slug: GCA_SLUG }, data: { commentsPublishedAt: null } });
    }
  });

  it("counts the comments on earlier versions for the reader of v2 in one query, keyed by paragraph", async () => {
    const version = await readerVersion(2);
    const carried = await carriedCommentCounts({ actor: focalPoint, version });
    const target = await prisma.paragraph.findFirstOrThrow({
      where: { versionId: version.id, number: "2. a." },
      select: { id: true },
    });
    expect(carried[target.id]).toEqual({ count: 2, fromVersion: 1, fromKey: "2-9-a", fromNumber: "2.9 a." });
    // Every entry is a paragraph of v2 that has a predecessor.
    const linked = await prisma.paragraphLink.findMany({
      where: { to: { versionId: version.id } },
      select: { toParagraphId: true },
    });
    const withPredecessor = new Set(linked.map((link) => link.toParagraphId));
    for (const id of Object.keys(carried)) expect(withPredecessor.has(id)).toBe(true);
  });
});

async function readerVersion(number: number) {
  return prisma.version.findFirstOrThrow({
    where: { number, consultation: { slug: GCA_SLUG } },
    select: { id: true, consultation: { select: { id: true, commentsVisibility: true, commentsPublishedAt: true } } },
  });
}

describe("the Word export", () => {
  it("writes real tracked changes: w:del and w:ins runs for 2.9 a. → 2. a.", async () => {
    const page = await getComparison({ slug: GCA_SLUG, from: 1, to: 2, actor: null, withComments: false });
    const i18n = createInstance();
    await i18n.init({ ...i18nConfig, resources, lng: "en" });
    const buffer = await comparisonDocx({ page: page!, t: i18n.t });
    const zip = await JSZip.loadAsync(buffer);
    const xml = await zip.file("word/document.xml")!.async("string");
    const settings = await zip.file("word/settings.xml")!.async("string");
    expect(settings).toContain("<w:trackRevisions");

    // The paragraph of 2.9 a.: from its deleted number to the end of the paragraph.
    const start = xml.indexOf(">2.9 a.</w:delText>");
    expect(start).toBeGreaterThan(0);
    const paragraph = xml.slice(start, xml.indexOf("</w:p>", start));
    expect(paragraph).toMatch(
      /<w:ins w:id="\d+" w:author="Final text \(Council 2022\)" w:date="2022-03-25T10:00:00\.000Z"><w:r><w:t xml:space="preserve">2\. a\.<\/w:t>/,
    );
    expect(paragraph).toMatch(/<w:del [^>]*><w:r><w:delText xml:space="preserve">partners and other<\/w:delText>/);
    expect(paragraph).toMatch(/<w:ins [^>]*><w:r><w:t xml:space="preserve">all<\/w:t>/);
    expect(paragraph).toContain(
      "ITU should continue its efforts to facilitate multi-stakeholder discussions and collaboration ",
    );

    // Headings per section, and a deleted paragraph takes its paragraph mark with it.
    expect(xml).toContain('<w:pStyle w:val="Heading2"/>');
    expect(xml).toMatch(/<w:rPr><w:del w:id="\d+" w:author="Final text \(Council 2022\)"/);
    // Moves and merges are explained in Word comments.
    const comments = await zip.file("word/comments.xml")!.async("string");
    expect(comments).toContain("Merged: paragraphs 5.14 j. + 5.14 k. of Draft 1 (C20/65) became one paragraph.");
    expect(comments).toContain("Moved: this was paragraph 1.5 of Draft 1 (C20/65)");
  });
});

/** The sentence of 2020 6.17 a. that the 2022 text moved into 6. (app/lib/compare/moves.test.ts). */
const MOVED_SENTENCE =
  "The United Nations has a unique role in fostering cooperation, dialogue, and coordination among all nations, " +
  "as well as with the private sector and other stakeholders, on global cybersecurity matters.";

/** The Word comments of an export, by id: their text (runs joined). */
function wordComments(xml: string) {
  const found = new Map<string, string>();
  for (const [, id, body] of xml.matchAll(/<w:comment w:id="(\d+)"[^>]*>(.*?)<\/w:comment>/gs)) {
    found.set(id, [...body.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((match) => match[1]).join(" "));
  }
  return found;
}

/** The document.xml between a comment's range start and end. */
function commentedRange(xml: string, id: string) {
  const start = xml.indexOf(`<w:commentRangeStart w:id="${id}"/>`);
  const end = xml.indexOf(`<w:commentRangeEnd w:id="${id}"/>`, start);
  expect(start).toBeGreaterThan(0);
  expect(end).toBeGreaterThan(start);
  return xml.slice(start, end);
}

describe("moved sentences and possibly related pairings in the exports", () => {
  /** The printable redline of the GCA pair, in English, as its route serves it. */
  async function redline() {
    const response = await htmlLoader({
      request: new Request(`http://localhost/consultations/${GCA_SLUG}/compare/1...2/export.html`),
      params: { slug: GCA_SLUG, range: "1...2" },
      context: { cspNonce: "", requestId: "test", clientAddress: "127.0.0.1" },
    });
    expect(response.status).toBe(200);
    return response.text();
  }

  it("Word: each end of the moved sentence has a comment saying where it went or came from", async () => {
    const page = await getComparison({ slug: GCA_SLUG, from: 1, to: 2, actor: null, withComments: false });
    const i18n = createInstance();
    await i18n.init({ ...i18nConfig, resources, lng: "en" });
    const zip = await JSZip.loadAsync(await comparisonDocx({ page: page!, t: i18n.t }));
    const xml = await zip.file("word/document.xml")!.async("string");
    const comments = [...wordComments(await zip.file("word/comments.xml")!.async("string"))];
    const idOf = (text: string) => comments.filter(([, body]) => body === text).map(([id]) => id);

    // Deleted from 6.17 a.: the comment spans exactly the sentence's deleted run.
    const [away] = idOf("Moved sentence: this sentence was moved to 6. in Final text (Council 2022).");
    expect(commentedRange(xml, away)).toMatch(
      new RegExp(
        `^<w:commentRangeStart w:id="${away}"/><w:del [^>]*><w:r><w:delText xml:space="preserve">` +
          `${MOVED_SENTENCE}</w:delText></w:r></w:del>$`,
      ),
    );
    // Inserted into 6.: the same sentence, inserted.
    const [arrived] = idOf("Moved sentence: this sentence was moved here from 6.17 a. in Draft 1 (C20/65).");
    expect(commentedRange(xml, arrived)).toMatch(
      new RegExp(
        `^<w:commentRangeStart w:id="${arrived}"/><w:ins [^>]*><w:r><w:t xml:space="preserve">` +
          `${MOVED_SENTENCE}</w:t></w:r></w:ins>$`,
      ),
    );
    // No other sentence is marked moved.
    expect(comments.filter(([, body]) => body.startsWith("Moved sentence:"))).toHaveLength(2);
  });

  it("Word: 3.12 e. → 3. e. carries a 'possibly related' comment over the whole paragraph", async () => {
    const page = await getComparison({ slug: GCA_SLUG, from: 1, to: 2, actor: null, withComments: false });
    const i18n = createInstance();
    await i18n.init({ ...i18nConfig, resources, lng: "en" });
    const zip = await JSZip.loadAsync(await comparisonDocx({ page: page!, t: i18n.t }));
    const xml = await zip.file("word/document.xml")!.async("string");
    const comments = [...wordComments(await zip.file("word/comments.xml")!.async("string"))];
    const flagged = comments.filter(([, body]) => body.startsWith("Possibly related:"));
    expect(flagged.map(([, body]) => body)).toEqual([i18n.t("compare.possiblyRelatedNote")]);
    // The comment opens before the paragraph's numbers, old struck and new inserted.
    expect(commentedRange(xml, flagged[0][0])).toMatch(
      /^<w:commentRangeStart w:id="\d+"\/><w:del [^>]*><w:r><w:delText xml:space="preserve">3\.12 e\.<\/w:delText>.*<w:ins [^>]*><w:r><w:t xml:space="preserve">3\. e\.<\/w:t>/s,
    );
  });

  it("printable redline: the moved sentence marked, linked both ways; 3. e. labelled possibly related", async () => {
    const rows = (await redline()).split('<li id="').slice(1);
    const marked = (tag: "del" | "ins") =>
      rows.filter((row) => row.includes(`<${tag} class="moved-sentence">`)).map((row) => row.split("</li>")[0]);
    const [from] = marked("del");
    expect(marked("del")).toHaveLength(1);
    expect(from).toContain(">6.17 a.</a> → ");
    expect(from).toContain(
      `<del class="moved-sentence"><span class="visually-hidden">deleted: </span>${MOVED_SENTENCE}</del>`,
    );
    expect(from).toMatch(
      /<span class="badge badge-change badge-moved-sentence">moved sentence<\/span> <a href="#ch-[\w-]+">moved to 6\.<span class="visually-hidden"> in Final text \(Council 2022\)<\/span><\/a>/,
    );
    const [to] = marked("ins");
    expect(marked("ins")).toHaveLength(1);
    expect(to).toContain(
      `<ins class="moved-sentence"><span class="visually-hidden">inserted: </span>${MOVED_SENTENCE}</ins>`,
    );
    expect(to).toMatch(
      /<a href="#ch-[\w-]+">moved from 6\.17 a\.<span class="visually-hidden"> in Draft 1 \(C20\/65\)<\/span><\/a>/,
    );
    // Each link leads to the other row.
    expect(from).toContain(`<a href="#${to.slice(0, to.indexOf('"'))}">moved to 6.`);
    expect(to).toContain(`<a href="#${from.slice(0, from.indexOf('"'))}">moved from 6.17 a.`);

    const possibly = rows.filter((row) => row.includes("badge-possiblyRelated"));
    expect(possibly).toHaveLength(1);
    expect(possibly[0]).toContain(">3.12 e.</a> → ");
    expect(possibly[0]).toContain('<span class="badge badge-change badge-possiblyRelated">Possibly related</span>');
    expect(possibly[0]).toContain(
      '<p class="change-confidence">Possibly related: these paragraphs share little wording',
    );
  });

  it("printable redline: the summary counts possibly related pairings in their own column", async () => {
    const html = await redline();
    expect(html).toContain('<th scope="col">Modified</th><th scope="col">Possibly related</th>');
    const totals = html.slice(html.indexOf("<tfoot>"), html.indexOf("</tfoot>"));
    expect([...totals.matchAll(/<td>(\d+)<\/td>/g)].map((match) => Number(match[1]))).toEqual([
      35, 1, 5, 106, 1, 0, 1, 10, 45,
    ]);
  });
});
