import ExcelJS from "exceljs";
import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";

import type { Translate } from "~/lib/translate";
import {
  DOCX_MAX_ROWS,
  docxExport,
  exportRowBatches,
  exportLabels,
  prepareExport,
} from "~/models/comment-export.server";
import { setPublication } from "~/models/disposition.server";
import { loadFeedbackScope } from "~/models/feedback.server";
import { prisma } from "~/utils/db.server";

import { loader as csvLoader } from "../../app/routes/consultations.$slug.comments[.]csv";
import { loader as docxLoader } from "../../app/routes/consultations.$slug.comments[.]docx";
import { loader as xlsxLoader } from "../../app/routes/consultations.$slug.comments[.]xlsx";
import { seed } from "../../prisma/seed";
import { actorFor, createFeedbackFixture, renderBody } from "./feedback-fixtures";
import { startUserSession } from "./session-fixtures";

let fixture: Awaited<ReturnType<typeof createFeedbackFixture>>;
let secretariatCookie = "";
let secretariat: Awaited<ReturnType<typeof actorFor>>;
const context = { cspNonce: "", requestId: "test", clientAddress: "127.0.0.1" };

const HEADER = [
  "(1) Organization (MB/NC)",
  "(2) Line/paragraph number",
  "(3) Clause/subclause (section)",
  "(4) Paragraph/figure/table (quoted phrase)",
  "(5) Type of comment (ge/te/ed)",
  "(6) Comments",
  "(7) Proposed change",
  "(8) Observations of the secretariat",
];
const INTERNAL = ["Comment id", "Near-duplicate of", "Submitted (UTC)", "Decided by", "Decided (UTC)", "Language"];

beforeAll(async () => {
  await seed({ quiet: true });
  fixture = await createFeedbackFixture("export");
  // Comments public during the period: the table may be published before it closes (hardening-dispositions).
  await prisma.consultation.update({ where: { slug: fixture.slug }, data: { commentsVisibility: "during" } });
  secretariat = await actorFor("secretariat@demo.test");
  const user = await prisma.user.findUniqueOrThrow({ where: { email: "secretariat@demo.test" }, select: { id: true } });
  secretariatCookie = (await startUserSession({ userId: user.id })).get("Set-Cookie")!.split(";")[0]!;
  // Cells that a spreadsheet would run as formulas, with a comma and a line break.
  await prisma.comment.create({
    data: {
      consultationId: fixture.version.consultationId,
      versionId: fixture.version.id,
      paragraphId: fixture.paragraph["3-1"],
      organizationId: fixture.org.uni,
      type: "technical",
      status: "submitted",
      ...renderBody('=HYPERLINK("http://evil.example","click"), then\nsecond line'),
      proposedText: "+cmd|' /C calc'!A0",
      quote: "vulnerable groups",
      submittedAt: new Date("2026-03-05T10:00:00Z"),
    },
  });
}, 60_000);

function get(path: string, cookie = "") {
  return new Request(`http://localhost${path}`, { headers: cookie ? { Cookie: cookie } : {} });
}

/** The body as text, BOM included (Response.text() would strip it). */
async function csvText(response: Response) {
  const bytes = new Uint8Array(await response.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
}

describe("who may export", () => {
  it("refuses visitors and other roles before publication (404, not published), serves the secretariat", async () => {
    const slug = fixture.slug;
    for (const loader of [csvLoader, xlsxLoader, docxLoader]) {
      const response = await loader({
        request: get(`/consultations/${slug}/comments.x`),
        params: { slug },
        context,
      });
      expect(response.status).toBe(404);
      // A JSON message key (app/utils/http.server.ts), translated by whoever shows it.
      expect(await response.json()).toEqual({
        message: { key: "dispositions.notPublished", values: { title: "Feedback fixture export" } },
      });
    }
    const focalPoint = await actorFor("focal.point@demo.test");
    await expect(
      prepareExport({ actor: focalPoint, slug, search: new URLSearchParams(), format: "csv" }),
    ).rejects.toMatchObject({ status: 404 });
    const prepared = await prepareExport({
      actor: secretariat,
      slug,
      search: new URLSearchParams("kind=member_state"),
      format: "csv",
    });
    expect(prepared.access).toBe("secretariat");
  });
});

describe("CSV", () => {
  it("is RFC 4180 with a BOM and CRLF, the 8 then the internal columns, in order, formulas neutralized", async () => {
    const slug = fixture.slug;
    const response = await csvLoader({
      request: get(`/consultations/${slug}/comments.csv`, secretariatCookie),
      params: { slug },
      context,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toBe(`attachment; filename="${slug}-v1-comments.csv"`);
    const text = await csvText(response);
    expect(text.startsWith("\uFEFF")).toBe(true);
    const lines = text.slice(1).split("\r\n");
    expect(lines[0]).toBe([...HEADER, ...INTERNAL].join(","));
    expect(lines[lines.length - 1]).toBe("");
    // Paragraph numbers (column 2) in document order: 1.1, 1.2, 2.1 ×2, 2.2 ×2, 3.1 ×2.
    const numbers = lines
      .slice(1, -1)
      .filter((line) => /^[^,]*,\d\.\d,/.test(line))
      .map((line) => line.split(",")[1]);
    expect(numbers).toEqual(["1.1", "1.2", "2.1", "2.1", "2.2", "2.2", "3.1", "3.1"]);
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""click""), then\nsecond line"`);
    expect(text).toContain(`'+cmd|' /C calc'!A0`);
    expect(text).toContain(`,“vulnerable groups”,te,`);
    expect(text).toContain(
      `State X export,1.1,1 Introduction,,te,Please mention regional organizations.,,Accepted. Done.,`,
    );
    expect(text).not.toContain("A draft.");
    expect(text).not.toContain("Withdrawn.");
  });

  it("applies the dashboard's filters for the secretariat", async () => {
    const slug = fixture.slug;
    const response = await csvLoader({
      request: get(`/consultations/${slug}/comments.csv?kind=member_state&type=technical`, secretariatCookie),
      params: { slug },
      context,
    });
    const lines = (await csvText(response)).slice(1).split("\r\n").filter(Boolean);
    expect(lines.slice(1).map((line) => line.split(",").slice(0, 2).join(","))).toEqual([
      "State X export,1.1",
      "State Y export,2.1",
    ]);
  });
});

describe("batches in document order", () => {
  it("packs paragraphs into batches and pages a large paragraph by id, never out of order", async () => {
    const scope = await loadFeedbackScope({ slug: fixture.slug });
    const where = { versionId: scope.version.id, status: "submitted" };
    const batches: string[][] = [];
    for await (const batch of exportRowBatches({ scope, where, batchSize: 2 }))
      batches.push(batch.map((row) => row.paragraphNumber ?? "-"));
    expect(batches.every((batch) => batch.length <= 2)).toBe(true);
    expect(batches.flat()).toEqual(["1.1", "1.2", "2.1", "2.1", "2.2", "2.2", "3.1", "3.1"]);
  });
});

describe("after publication, the public exports", () => {
  beforeAll(async () => {
    await setPublication({ actor: secretariat, slug: fixture.slug, what: "dispositions", publish: true });
  });

  it("XLSX: ExcelJS reads back the 8 public columns, in order, one row per comment in document order", async () => {
    const slug = fixture.slug;
    const response = await xlsxLoader({
      request: get(`/consultations/${slug}/comments.xlsx?kind=member_state`),
      params: { slug },
      context,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.worksheets[0];
    const rows: string[][] = [];
    sheet.eachRow((row) =>
      rows.push(
        Array.from({ length: row.cellCount }, (_, k) => {
          const value = row.getCell(k + 1).value;
          return value === null || value === undefined ? "" : row.getCell(k + 1).text;
        }),
      ),
    );
    expect(rows[0]).toEqual(HEADER);
    // The public export ignores the secretariat's filters (kind) and has no internal columns.
    expect(rows).toHaveLength(9);
    expect(rows.slice(1).map((row) => row[1])).toEqual(["1.1", "1.2", "2.1", "2.1", "2.2", "2.2", "3.1", "3.1"]);
    expect(rows[1]).toEqual([
      "State X export",
      "1.1",
      "1 Introduction",
      "",
      "te",
      "Please mention regional organizations.",
      "",
      "Accepted. Done.",
    ]);
    expect(rows[2].slice(0, 2)).toEqual(["Experts", "1.2"]);
    // A string cell, never a formula.
    const formula = rows.find((row) => row[5].startsWith("=HYPERLINK"))!;
    expect(formula[6]).toBe("+cmd|' /C calc'!A0");
    expect(sheet.getCell(`F${rows.indexOf(formula) + 1}`).type).toBe(ExcelJS.ValueType.String);
  });

  it("DOCX: word/document.xml holds, per section, a table whose header row is the 8 columns in order", async () => {
    const slug = fixture.slug;
    const response = await docxLoader({
      request: get(`/consultations/${slug}/comments.docx`),
      params: { slug },
      context,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    const zip = await JSZip.loadAsync(await response.arrayBuffer());
    const xml = await zip.file("word/document.xml")!.async("string");
    const tables = [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((match) =>
      [...match[1].matchAll(/<w:tr\b[\s\S]*?<\/w:tr>/g)].map((row) =>
        [...row[0].matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((cell) =>
          [...cell[1].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join("\n"),
        ),
      ),
    );
    expect(tables).toHaveLength(3);
    for (const table of tables) expect(table[0]).toEqual(HEADER);
    expect(tables.map((table) => table.slice(1).map((row) => row[1]))).toEqual([
      ["1.1", "1.2"],
      ["2.1", "2.1", "2.2", "2.2"],
      ["3.1", "3.1"],
    ]);
    expect(tables[0][1]).toEqual([
      "State X export",
      "1.1",
      "1 Introduction",
      "",
      "te",
      "Please mention regional organizations.",
      "",
      "Accepted. Done.",
    ]);
    const headings = [...xml.matchAll(/<w:pStyle w:val="Heading2"\/>[\s\S]*?<w:t[^>]*>([^<]*)<\/w:t>/g)].map(
      (match) => match[1],
    );
    expect(headings).toEqual(["1 Introduction", "Guidelines", "3 Cooperation"]);
  });

  it("DOCX refuses more rows than it can build in memory (413)", async () => {
    const scope = await loadFeedbackScope({ slug: fixture.slug });
    // Any t will do: the refusal comes before a label is written.
    const labels = exportLabels(((key: string) => key) as unknown as Translate, "x");
    await expect(
      docxExport({
        batches: exportRowBatches({ scope, where: { versionId: scope.version.id } }),
        labels,
        subtitle: "",
        total: DOCX_MAX_ROWS + 1,
      }),
    ).rejects.toMatchObject({ status: 413 });
  });

  it("serves the published snapshot, not the live table: later decisions wait for the next publication", async () => {
    const slug = fixture.slug;
    const comment = await prisma.comment.findFirstOrThrow({
      where: { consultationId: fixture.version.consultationId, bodyText: { contains: "Please mention regional" } },
      select: { id: true },
    });
    await prisma.disposition.update({
      where: { commentId: comment.id },
      data: { status: "rejected", response: "Changed after publication.", decidedAt: new Date() },
    });
    const publicCsv = await csvText(
      await csvLoader({ request: get(`/consultations/${slug}/comments.csv`), params: { slug }, context }),
    );
    expect(publicCsv).toContain("Accepted. Done.");
    expect(publicCsv).not.toContain("Changed after publication.");
    const secretariatCsv = await csvText(
      await csvLoader({
        request: get(`/consultations/${slug}/comments.csv`, secretariatCookie),
        params: { slug },
        context,
      }),
    );
    expect(secretariatCsv).toContain("Changed after publication.");
    await setPublication({ actor: secretariat, slug, what: "dispositions", publish: true });
    const republished = await csvText(
      await csvLoader({ request: get(`/consultations/${slug}/comments.csv`), params: { slug }, context }),
    );
    expect(republished).toContain("Changed after publication.");
  });
});
