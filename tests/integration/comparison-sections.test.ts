/**
 * Section headings on the comparison page of a real pair (NIST SP 800-63-3 chapter 5, public draft → final,
 * tests/fixtures/corpus/real-pairs): imported as two versions of a consultation of the test's own, then
 * compared through the page's loader and rendered through the printable redline and the Word export.
 */
import crypto from "node:crypto";
import { readFileSync } from "node:fs";

import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";

import { parseMarkdown } from "~/lib/import";
import { createConsultation } from "~/models/consultation.server";
import { createVersionFromImport } from "~/models/version.server";
import { loader as compareLoader } from "~/routes/consultations.$slug.compare.$range";
import { loader as docxLoader } from "~/routes/consultations.$slug.compare.$range_.export[.]docx";
import { loader as htmlLoader } from "~/routes/consultations.$slug.compare.$range_.export[.]html";

const read = (name: string) => readFileSync(new URL(`../fixtures/corpus/real-pairs/${name}`, import.meta.url), "utf8");

const context = { cspNonce: "", requestId: "test", clientAddress: "127.0.0.1" };
let slug: string;

interface GroupData {
  id: string;
  number: string | null;
  heading: string | null;
  level: 1 | 2;
  formerHeading: string | null;
  change: { kinds: string[]; oldNumber: string | null } | null;
  rows: Array<{ anchor: string }>;
}

function request(path: string) {
  return {
    request: new Request(`http://localhost/consultations/${slug}/compare/1...2${path}`),
    params: { slug, range: "1...2" },
    context,
  };
}

async function pageGroups(query = "") {
  const { data } = (await compareLoader(request(query))) as unknown as { data: { groups: GroupData[] } };
  return data.groups;
}

beforeAll(async () => {
  slug = `sections-${crypto.randomBytes(4).toString("hex")}`;
  await createConsultation({ slug, title: "Assurance levels", status: "open" });
  for (const [label, file, status] of [
    ["Public draft", "nist-sp800-63-3-xal-2017-01-30-draft.md", "closed"],
    ["Final", "nist-sp800-63-3-xal-2017-06-18-final.md", "final"],
  ] as const) {
    await createVersionFromImport({
      consultationSlug: slug,
      documentSlug: "sp800-63-3",
      label,
      status,
      publishedAt: new Date(),
      imported: parseMarkdown(read(file)),
    });
  }
}, 60_000);

describe("section headings on the comparison page (NIST SP 800-63-3, draft → final)", () => {
  it("shows 5.3 'Selecting the Appropriate xAL' as chapter 6, renumbered and renamed; 5 and 5.4 deleted", async () => {
    const groups = await pageGroups();
    const chapter = groups.find((group) => group.number === "6")!;
    expect(chapter).toMatchObject({
      heading: "Selecting Assurance Levels",
      level: 1,
      formerHeading: "Selecting the Appropriate xAL",
      change: { kinds: ["renumbered", "renamed"], oldNumber: "5.3" },
    });
    expect(groups.find((group) => group.number === "6.1")).toMatchObject({
      level: 2,
      change: { kinds: ["renumbered", "moved"], oldNumber: "5.3.3" },
    });
    expect(groups.find((group) => group.number === "5")?.change?.kinds).toEqual(["deleted"]);
    expect(groups.find((group) => group.number === "5.4")?.change?.kinds).toEqual(["deleted"]);
    // "(formerly …)" only where the lineage says the section was renamed.
    for (const group of groups) expect(group.formerHeading !== null).toBe(group.change!.kinds.includes("renamed"));
  });

  it("renders the renamed heading as a word diff with <ins> and <del> under an h2, sub-sections under h3", async () => {
    const response = await htmlLoader(request("/export.html"));
    expect(response.status).toBe(200);
    const html = await response.text();
    const start = html.indexOf('<span class="section-number">6</span> Selecting Assurance Levels</h2>');
    expect(start).toBeGreaterThan(0);
    const line = html.slice(start, html.indexOf("</p>", start));
    expect(line).toContain("Renumbered");
    expect(line).toContain("5.3 → 6");
    expect(line).toContain("Renamed");
    expect(line).toMatch(/<del><span class="visually-hidden">deleted: <\/span>[^<]*Appropriate xAL<\/del>/);
    expect(line).toMatch(/<ins><span class="visually-hidden">inserted: <\/span>[^<]*Assurance Levels<\/ins>/);
    expect(html).toMatch(/<h3 id="s-\d+" tabindex="-1"><span class="section-number">6\.1<\/span> Selecting IAL<\/h3>/);
    expect(html).toContain("Section headings");
  });

  it("writes the heading change as Word tracked changes", async () => {
    const response = await docxLoader(request("/export.docx"));
    const zip = await JSZip.loadAsync(await response.arrayBuffer());
    const xml = await zip.file("word/document.xml")!.async("string");
    const start = xml.indexOf('<w:pStyle w:val="Heading2"/>', xml.indexOf(">5.3</w:delText>") - 2_000);
    const heading = xml.slice(start, xml.indexOf("</w:p>", start));
    expect(heading).toContain(">5.3</w:delText>");
    expect(heading).toMatch(/<w:ins [^>]*><w:r><w:t xml:space="preserve">6<\/w:t>/);
    expect(heading).toMatch(/<w:delText xml:space="preserve">[^<]*Appropriate xAL<\/w:delText>/);
    expect(heading).toMatch(/<w:t xml:space="preserve">[^<]*Assurance Levels<\/w:t>/);
  });

  it("keeps a heading whose only change is its name in 'changes only'", async () => {
    const groups = await pageGroups("?only=changes");
    expect(groups.find((group) => group.number === "6")?.change?.kinds).toEqual(["renumbered", "renamed"]);
  });
});
