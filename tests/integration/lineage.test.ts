/**
 * Paragraph lineage on the real GCA corpus: the seed imports the 2020 draft
 * as version 1 and the 2022 final text as version 2, so version 2 inherits
 * keys and links from version 1 (createVersionFromImport → planLineage).
 * The key rules themselves are unit-tested in app/lib/compare/lineage.test.ts.
 */
import fs from "node:fs";
import path from "node:path";

import { beforeAll, describe, expect, it } from "vitest";

import { parseText, PARAGRAPH_KEY_PATTERN } from "~/lib/import";
import { traceParagraph } from "~/models/lineage.server";
import { createVersionFromImport } from "~/models/version.server";
import { prisma } from "~/utils/db.server";
import { sessionUserSelect, toSessionUser } from "~/utils/session-user.server";

import { GCA_SLUG, seed } from "../../prisma/seed";

async function paragraphsOf(number: number) {
  return prisma.paragraph.findMany({
    where: { version: { number, consultation: { slug: GCA_SLUG } } },
    orderBy: { order: "asc" },
    select: {
      id: true,
      key: true,
      number: true,
      text: true,
      successors: {
        select: {
          kind: true,
          moved: true,
          renumbered: true,
          similarity: true,
          to: { select: { key: true, number: true } },
        },
      },
      predecessors: { select: { kind: true, from: { select: { key: true, number: true } } } },
    },
  });
}

let v1: Awaited<ReturnType<typeof paragraphsOf>>;
let v2: Awaited<ReturnType<typeof paragraphsOf>>;

beforeAll(async () => {
  await seed({ quiet: true });
  [v1, v2] = await Promise.all([paragraphsOf(1), paragraphsOf(2)]);
}, 60_000);

describe("lineage from the 2020 draft (v1) to the 2022 final text (v2)", () => {
  it("gives the 2022 guideline “2. a.” the key of the 2020 “2.9 a.” it came from, modified, renumbered", () => {
    const guideline = v2.find((paragraph) => paragraph.number === "2. a.");
    expect(guideline?.key).toBe("2-9-a");
    expect(guideline?.predecessors).toEqual([{ kind: "modified", from: { key: "2-9-a", number: "2.9 a." } }]);

    const draft = v1.find((paragraph) => paragraph.key === "2-9-a");
    expect(draft?.successors).toHaveLength(1);
    expect(draft?.successors[0]).toMatchObject({
      kind: "modified",
      moved: false,
      renumbered: true,
      to: { key: "2-9-a", number: "2. a." },
    });
    expect(draft?.successors[0].similarity).toBeGreaterThan(0.5);
    expect(draft?.successors[0].similarity).toBeLessThan(1);
  });

  it("links nothing from the dropped “Evolution of the legal landscape since 2008” paragraphs", async () => {
    const evolution = await prisma.section.findFirstOrThrow({
      where: {
        heading: "Evolution of the legal landscape since 2008",
        version: { number: 1, consultation: { slug: GCA_SLUG } },
      },
      select: { paragraphs: { select: { key: true, _count: { select: { successors: true } } } } },
    });
    expect(evolution.paragraphs.length).toBe(2);
    expect(evolution.paragraphs.map((paragraph) => paragraph._count.successors)).toEqual([0, 0]);
  });

  it("keeps unchanged paragraphs' keys, renumbered or not (1.27 → 1.8)", () => {
    const renumbered = v2.find((paragraph) => paragraph.number === "1.8");
    expect(renumbered).toMatchObject({ key: "1-27", predecessors: [{ kind: "unchanged", from: { number: "1.27" } }] });
    const same = v2.find((paragraph) => paragraph.number === "1.1");
    expect(same).toMatchObject({ key: "1-1", predecessors: [{ kind: "unchanged" }] });
  });

  it("gives a merge the key of its first source and links both sources (5.14 j. + 5.14 k. → 5. j.)", () => {
    const merged = v2.find((paragraph) => paragraph.number === "5. j.");
    expect(merged?.key).toBe("5-14-j");
    expect(merged?.predecessors.map((link) => [link.kind, link.from.number]).sort()).toEqual([
      ["merged", "5.14 j."],
      ["merged", "5.14 k."],
    ]);
  });

  it("keeps keys unique and URL-safe; new paragraphs keep their own key unless lineage reserved it", () => {
    const keys = v2.map((paragraph) => paragraph.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) expect(key).toMatch(PARAGRAPH_KEY_PATTERN);
    const inserted = v2.filter((paragraph) => paragraph.predecessors.length === 0);
    expect(inserted.map((paragraph) => paragraph.number)).toEqual(["1.6", "1.7", "1.7 a)", "1.7 b)", null]);
    // The 2020 paragraphs 1.6 and 1.7 were deleted, so their keys are free
    // for the new 2022 paragraphs with those numbers (lineage reserves only
    // the keys of paragraphs that live on).
    expect(inserted.map((paragraph) => paragraph.key)).toEqual(["1-6", "1-7", "1-7-a", "1-7-b", "5-c-u1"]);
    expect(v1.find((paragraph) => paragraph.key === "1-6")?.successors).toEqual([]);
  });

  it("writes one link per paired paragraph and none for insertions or deletions", async () => {
    const links = await prisma.paragraphLink.count({
      where: { to: { version: { number: 2, consultation: { slug: GCA_SLUG } } } },
    });
    const linkedNew = v2.filter((paragraph) => paragraph.predecessors.length > 0).length;
    expect(linkedNew).toBe(v2.length - 5);
    // Only the merge has two links into one paragraph.
    expect(links).toBe(linkedNew + 1);
    expect(v1.filter((paragraph) => paragraph.successors.length === 0)).toHaveLength(106);
  });
});

describe("a third version", () => {
  it("is all or nothing: an import that fails leaves no version, paragraph or link behind", async () => {
    const before = await Promise.all([prisma.version.count(), prisma.paragraph.count(), prisma.paragraphLink.count()]);
    const broken = {
      title: "Broken",
      sections: [
        {
          number: "1",
          heading: "Introduction",
          level: 1 as const,
          paragraphs: [
            { key: "1-1", number: "1.1", text: "A brand new first paragraph about something else entirely." },
          ],
        },
        {
          number: "2",
          heading: "Pillar 1",
          level: 1 as const,
          // No text: the database refuses this paragraph, after the version,
          // a section and a paragraph were written.
          paragraphs: [{ key: "2-1", number: "2.1", text: null as unknown as string }],
        },
      ],
    };
    await expect(
      createVersionFromImport({
        consultationSlug: GCA_SLUG,
        documentSlug: "guidelines",
        label: "Broken",
        imported: broken,
      }),
    ).rejects.toThrow();
    expect(await Promise.all([prisma.version.count(), prisma.paragraph.count(), prisma.paragraphLink.count()])).toEqual(
      before,
    );
  });

  it("chains: the 2020 paragraph 2.9 a. can be followed through v2 into v3", async () => {
    const corpus = fs.readFileSync(path.resolve("tests/fixtures/corpus/gca-guidelines-final-2022.txt"), "utf8");
    const imported = parseText(
      corpus.replace(
        "strengthen its relationship with all stakeholders",
        "strengthen its relationship with all stakeholders, including academia,",
      ),
    );
    const version = await createVersionFromImport({
      consultationSlug: GCA_SLUG,
      documentSlug: "guidelines",
      label: "Version 3 (test)",
      status: "final",
      imported,
    });
    expect(version.number).toBe(3);
    const v3 = await paragraphsOf(3);
    expect(v3.find((paragraph) => paragraph.number === "2. a.")).toMatchObject({
      key: "2-9-a",
      predecessors: [{ kind: "modified", from: { key: "2-9-a", number: "2. a." } }],
    });
    // Re-importing the same text changes nothing: every v2 key carries over.
    expect(
      v3.filter((paragraph) => paragraph.number !== "2. a.").map((paragraph) => paragraph.predecessors[0]?.kind),
    ).toEqual(v3.filter((paragraph) => paragraph.number !== "2. a.").map(() => "unchanged"));
    expect(v3.map((paragraph) => paragraph.key)).toEqual(v2.map((paragraph) => paragraph.key));

    expect(await traceParagraph({ actor: null, slug: GCA_SLUG, versionNumber: 1, key: "2-9-a" })).toEqual([
      {
        versionNumber: 2,
        paragraphs: [{ key: "2-9-a", number: "2. a.", kind: "modified", moved: false, renumbered: true }],
      },
      {
        versionNumber: 3,
        paragraphs: [{ key: "2-9-a", number: "2. a.", kind: "modified", moved: false, renumbered: false }],
      },
    ]);
    expect(await traceParagraph({ actor: null, slug: GCA_SLUG, versionNumber: 1, key: "2-3" })).toEqual([]);
  });

  it("follows a paragraph into a draft version only for whoever may read drafts", async () => {
    const corpus = fs.readFileSync(path.resolve("tests/fixtures/corpus/gca-guidelines-final-2022.txt"), "utf8");
    const draft = await createVersionFromImport({
      consultationSlug: GCA_SLUG,
      documentSlug: "guidelines",
      label: "Version 4 (draft, test)",
      status: "draft",
      imported: parseText(corpus),
    });
    expect(draft.number).toBe(4);
    const secretariat = toSessionUser(
      await prisma.user.findUniqueOrThrow({ where: { email: "secretariat@demo.test" }, select: sessionUserSelect }),
    );
    const versionsFor = async (actor: typeof secretariat | null) =>
      (await traceParagraph({ actor, slug: GCA_SLUG, versionNumber: 1, key: "2-9-a" }))?.map(
        (step) => step.versionNumber,
      );
    expect(await versionsFor(null)).toEqual([2, 3]);
    expect(await versionsFor(secretariat)).toEqual([2, 3, 4]);
    // Nor can a paragraph of the draft itself be the starting point.
    expect(await traceParagraph({ actor: null, slug: GCA_SLUG, versionNumber: 4, key: "2-9-a" })).toBeNull();
  });
});
