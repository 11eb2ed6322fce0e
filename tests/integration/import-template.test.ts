import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from "docx";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";

import { DomainError } from "~/lib/errors";
import type { Translate } from "~/lib/translate";
import { blankTemplateXlsx, importCommentTemplate } from "~/models/comment-import.server";
import { prisma } from "~/utils/db.server";

import { action as importAction } from "../../app/routes/consultations.$slug.comments.import";
import { seed } from "../../prisma/seed";
import { actorFor, createFeedbackFixture } from "./feedback-fixtures";
import { startUserSession } from "./session-fixtures";

let fixture: Awaited<ReturnType<typeof createFeedbackFixture>>;
let secretariat: Awaited<ReturnType<typeof actorFor>>;
let focalPoint: Awaited<ReturnType<typeof actorFor>>;
let delegate: Awaited<ReturnType<typeof actorFor>>;
// A t that shows the key and its values, so the tests see which text goes where.
const t = ((key: string, values?: Record<string, unknown>) =>
  values ? `${key} ${JSON.stringify(values)}` : key) as unknown as Translate;

beforeAll(async () => {
  await seed({ quiet: true });
  fixture = await createFeedbackFixture("import");
  [secretariat, focalPoint, delegate] = await Promise.all(
    ["secretariat@demo.test", "focal.point@demo.test", "delegate@demo.test"].map((email) => actorFor(email)),
  );
}, 60_000);

/** The blank template of the fixture, filled in from row 4 like a delegation would. */
async function filledTemplate(rows: string[][]) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(
    (await blankTemplateXlsx({ slug: fixture.slug, versionNumber: 1, t })) as unknown as ArrayBuffer,
  );
  const sheet = workbook.worksheets[0];
  rows.forEach((cells, index) => {
    cells.forEach((value, column) => {
      sheet.getCell(4 + index, column + 1).value = value;
    });
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const importedCount = () =>
  prisma.comment.count({ where: { consultationId: fixture.version.consultationId, origin: "import" } });

describe("the blank template", () => {
  it("has a title, instructions, the 8 column headers on row 3 and the paragraphs on a second sheet", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      (await blankTemplateXlsx({ slug: fixture.slug, versionNumber: 1, t })) as unknown as ArrayBuffer,
    );
    const [comments, paragraphs] = workbook.worksheets;
    expect(comments.getCell("A1").value).toBe(
      `feedback.template.title ${JSON.stringify({ title: "Feedback fixture import", label: "Draft 1" })}`,
    );
    expect((comments.getRow(3).values as unknown[]).slice(1)).toEqual([
      "(1) feedback.columns.organization",
      "(2) feedback.columns.paragraphNumber",
      "(3) feedback.columns.section",
      "(4) feedback.columns.paragraphFigureTable",
      "(5) feedback.columns.type",
      "(6) feedback.columns.comment",
      "(7) feedback.columns.proposedChange",
      "(8) feedback.columns.observations",
    ]);
    expect(comments.getCell("E4").dataValidation).toMatchObject({ type: "list", formulae: ['"ge,te,ed"'] });
    const numbers: string[] = [];
    paragraphs.eachRow((row, index) => index > 1 && numbers.push(row.getCell(1).text));
    expect(numbers).toEqual(["1.1", "1.2", "2.1", "2.2", "3.1"]);
  });
});

describe("importing a filled-in template", () => {
  it("imports every row of a valid .xlsx for the focal point's organization, submitted with a revision", async () => {
    const before = await importedCount();
    const bytes = await filledTemplate([
      [
        "Delegation of Member State A",
        "1.1",
        "",
        "“multi-stakeholder discussions”",
        "te",
        "Name the regional organizations.",
        "ITU, with regional organizations, should …",
        "",
      ],
      ["", "2.2", "", "", "general", "We support this guideline.", "", ""],
      [
        "",
        "3.1 ",
        "3 Cooperation",
        "",
        "ED",
        "“woman” should read “women”.",
        "Special focus on vulnerable groups such as women.",
        "ignored",
      ],
    ]);
    const result = await importCommentTemplate({
      actor: focalPoint,
      slug: fixture.slug,
      versionNumber: 1,
      bytes,
      fileName: "ms-a.xlsx",
    });
    expect(result).toEqual({ ok: true, imported: 3, organization: "Delegation of Member State A" });
    expect(await importedCount()).toBe(before + 3);
    const stored = await prisma.comment.findMany({
      where: { consultationId: fixture.version.consultationId, origin: "import" },
      orderBy: { paragraph: { order: "asc" } },
      select: {
        type: true,
        status: true,
        bodyText: true,
        bodyHtml: true,
        proposedText: true,
        quote: true,
        quoteStart: true,
        authorId: true,
        submittedById: true,
        organization: { select: { name: true } },
        paragraph: { select: { number: true } },
        _count: { select: { revisions: true } },
      },
    });
    expect(
      stored.map((c) => [c.paragraph?.number, c.type, c.status, c.organization?.name, c._count.revisions]),
    ).toEqual([
      ["1.1", "technical", "submitted", "Delegation of Member State A", 1],
      ["2.2", "general", "submitted", "Delegation of Member State A", 1],
      ["3.1", "editorial", "submitted", "Delegation of Member State A", 1],
    ]);
    expect(stored[0]).toMatchObject({
      quote: "multi-stakeholder discussions",
      quoteStart: 46,
      authorId: focalPoint.id,
      submittedById: focalPoint.id,
    });
    expect(stored[2].bodyHtml).toBe("<p>“woman” should read “women”.</p>");
    expect(
      await prisma.auditEvent.count({ where: { action: "comment.import", outcome: "ok", actorId: focalPoint.id } }),
    ).toBe(1);

    // The same file again: refused, nothing added.
    const again = await importCommentTemplate({
      actor: focalPoint,
      slug: fixture.slug,
      versionNumber: 1,
      bytes,
      fileName: "ms-a.xlsx",
    });
    expect(again).toEqual({ ok: false, fileError: "alreadyImported" });
    expect(await importedCount()).toBe(before + 3);
  });

  it("imports nothing when one row is bad, and reports that row with its number and reason", async () => {
    const before = await importedCount();
    const bytes = await filledTemplate([
      ["", "1.1", "", "", "te", "A valid row.", "", ""],
      ["", "9.9", "", "", "te", "No such paragraph.", "", ""],
      ["", "2.1", "", "", "te", "Another valid row.", "", ""],
      ["", "2.1", "", "", "important", "A bad type.", "", ""],
    ]);
    const result = await importCommentTemplate({
      actor: secretariat,
      slug: fixture.slug,
      versionNumber: 1,
      organizationId: fixture.org.y,
      bytes,
      fileName: "y.xlsx",
    });
    expect(result).toEqual({
      ok: false,
      validRows: 2,
      rowErrors: [
        { rowNumber: 5, code: "paragraphUnknown", values: { number: "9.9" } },
        { rowNumber: 7, code: "typeInvalid", values: { value: "important" } },
      ],
    });
    expect(await importedCount()).toBe(before);
  });

  it("reads a .docx template (the 8-column table) for an organization chosen by the secretariat", async () => {
    const cell = (text: string) =>
      new TableCell({ children: text.split("\n").map((line) => new Paragraph({ children: [new TextRun(line)] })) });
    const row = (cells: string[]) => new TableRow({ children: cells.map(cell) });
    const document = new Document({
      sections: [
        {
          children: [
            new Paragraph("Comments of the Telecom"),
            new Table({
              rows: [
                row([
                  "MB/NC",
                  "Line number",
                  "Clause",
                  "Paragraph/Figure/Table",
                  "Type of comment",
                  "Comments",
                  "Proposed change",
                  "Observations of the secretariat",
                ]),
                row([`Telecom import`, "2.1", "", "", "te", "First line\nsecond line & more", "", ""]),
                row(["", "", "", "", "", "", "", ""]),
                row(["", "3.1", "", "", "ge", "Another comment.", "Better text.", ""]),
              ],
            }),
          ],
        },
      ],
    });
    const bytes = new Uint8Array(await Packer.toBuffer(document));
    const result = await importCommentTemplate({
      actor: secretariat,
      slug: fixture.slug,
      versionNumber: 1,
      organizationId: fixture.org.telecom,
      bytes,
      fileName: "t.docx",
    });
    expect(result).toEqual({ ok: true, imported: 2, organization: "Telecom import" });
    const stored = await prisma.comment.findMany({
      where: { organizationId: fixture.org.telecom, origin: "import" },
      orderBy: { paragraph: { order: "asc" } },
      select: { bodyText: true, proposedText: true, authorId: true },
    });
    expect(stored).toEqual([
      { bodyText: "First line\nsecond line & more", proposedText: null, authorId: secretariat.id },
      { bodyText: "Another comment.", proposedText: "Better text.", authorId: secretariat.id },
    ]);
  });

  it("rejects files that are not a template, with a reason, nothing imported (threats: malformed upload)", async () => {
    const before = await importedCount();
    const run = (bytes: Uint8Array) =>
      importCommentTemplate({
        actor: secretariat,
        slug: fixture.slug,
        versionNumber: 1,
        organizationId: fixture.org.x,
        bytes,
        fileName: "f",
      });
    expect(await run(new TextEncoder().encode("Organization,Paragraph\nX,1.1"))).toEqual({
      ok: false,
      fileError: "notZip",
    });
    expect(await run(new Uint8Array())).toEqual({ ok: false, fileError: "empty" });
    expect(await run(new Uint8Array([0x50, 0x4b, 3, 4, ...new Array(40).fill(0)]))).toEqual({
      ok: false,
      fileError: "corrupt",
    });
    expect(await run(new Uint8Array(2 * 1024 * 1024).fill(0x50))).toEqual({ ok: false, fileError: "tooLarge" });
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Other").addRow(["a", "b", "c"]);
    expect(await run(new Uint8Array(await workbook.xlsx.writeBuffer()))).toEqual({ ok: false, fileError: "noHeader" });
    expect(await run(await filledTemplate([]))).toEqual({ ok: false, fileError: "noRows" });
    expect(await importedCount()).toBe(before);
  });
});

describe("who may import", () => {
  it("refuses a delegate, an observer, and a focal point importing for another organization (403)", async () => {
    const observer = await actorFor("observer@demo.test");
    const bytes = await filledTemplate([["", "1.1", "", "", "te", "Hello.", "", ""]]);
    for (const [actor, organizationId] of [
      [delegate, undefined],
      [observer, undefined],
      [null, undefined],
      [focalPoint, fixture.org.x],
    ] as const) {
      const error = await importCommentTemplate({
        actor,
        slug: fixture.slug,
        versionNumber: 1,
        organizationId,
        bytes,
        fileName: "x.xlsx",
      }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).status).toBe(403);
    }
    expect(await prisma.auditEvent.count({ where: { action: "comment.import", outcome: "denied" } })).toBe(4);
  });

  it("refuses a row naming another organization in column 1", async () => {
    const bytes = await filledTemplate([["Delegation of Member State B", "1.1", "", "", "te", "Hello.", "", ""]]);
    const result = await importCommentTemplate({
      actor: focalPoint,
      slug: fixture.slug,
      versionNumber: 1,
      bytes,
      fileName: "x.xlsx",
    });
    expect(result).toEqual({
      ok: false,
      validRows: 0,
      rowErrors: [
        {
          rowNumber: 4,
          code: "organizationMismatch",
          values: { found: "Delegation of Member State B", expected: "Delegation of Member State A" },
        },
      ],
    });
  });
});

describe("the import page (HTTP, multipart upload)", () => {
  const context = { cspNonce: "", requestId: "test", clientAddress: "127.0.0.1" };
  async function post(fields: Record<string, string>, file: Uint8Array | null) {
    const user = await prisma.user.findUniqueOrThrow({
      where: { email: "secretariat@demo.test" },
      select: { id: true },
    });
    const cookie = (await startUserSession({ userId: user.id })).get("Set-Cookie")!.split(";")[0];
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.set(name, value);
    if (file)
      form.set(
        "file",
        new File([new Uint8Array(file)], "template.xlsx", {
          type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        }),
      );
    const request = new Request(`http://localhost/consultations/${fixture.slug}/comments/import`, {
      method: "POST",
      headers: { Cookie: cookie, Origin: "http://localhost" },
      body: form,
    });
    return (await importAction({ request, params: { slug: fixture.slug }, context }).catch(
      (caught: unknown) => caught,
    )) as Response | { data: unknown; init: { status: number } };
  }

  it("answers 422 with the rejected rows, and redirects with the count when every row is valid", async () => {
    const bad = await post(
      { version: "1", organizationId: fixture.org.uni },
      await filledTemplate([["", "7.7", "", "", "te", "Unknown.", "", ""]]),
    );
    expect(bad).toMatchObject({
      init: { status: 422 },
      data: { ok: false, rowErrors: [{ rowNumber: 4, code: "paragraphUnknown" }] },
    });
    const good = await post(
      { version: "1", organizationId: fixture.org.uni },
      await filledTemplate([["", "1.2", "", "", "ed", "Comma missing.", "", ""]]),
    );
    expect(good).toBeInstanceOf(Response);
    expect((good as Response).headers.get("Location")).toBe(
      `/consultations/${fixture.slug}/comments/import?imported=1&org=${fixture.org.uni}`,
    );
    const missing = await post({ version: "1", organizationId: fixture.org.uni }, null);
    expect(missing).toMatchObject({ init: { status: 400 }, data: { fileError: "missing" } });
  });
});
