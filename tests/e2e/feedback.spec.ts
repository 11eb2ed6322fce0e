import fs from "node:fs/promises";

import { expect, test, type Page } from "@playwright/test";
import ExcelJS from "exceljs";
import JSZip from "jszip";

import { DEMO_USERS, signIn } from "./fixtures";

const DASHBOARD = "/consultations/gca-guidelines/feedback";
const TABLE = "/consultations/gca-guidelines/dispositions";
const COLUMNS = [
  "(1) Organization (MB/NC)",
  "(2) Line/paragraph number",
  "(3) Clause/subclause (section)",
  "(4) Paragraph/figure/table (quoted phrase)",
  "(5) Type of comment (ge/te/ed)",
  "(6) Comments",
  "(7) Proposed change",
  "(8) Observations of the secretariat",
];
const RESPONSE = "Human rights obligations are already stated in guideline 2.9 d.; no change.";

/** "9 of 21 comments dispositioned" → [9, 21]. */
async function progress(page: Page) {
  const label = await page.locator('label[for="disposition-progress"]').innerText();
  const [, decided, total] = /([\d,]+) of ([\d,]+)/.exec(label)!;
  return [Number(decided.replace(/,/g, "")), Number(total.replace(/,/g, ""))];
}

async function download(page: Page, name: string) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name }).click()]);
  return { name: file.suggestedFilename(), bytes: await fs.readFile(await file.path()) };
}

test("the secretariat filters the GCA feedback, decides a campaign in one action and publishes; a visitor reads and downloads the table", async ({
  page,
  browser,
}) => {
  await signIn(page, DEMO_USERS.secretariat.email, { redirectTo: DASHBOARD });
  await expect(
    page.getByRole("heading", {
      level: 1,
      name: "Feedback on Guidelines for utilization of the Global Cybersecurity Agenda",
    }),
  ).toBeVisible();
  await expect(page.getByRole("img", { name: "By stakeholder group" })).toBeVisible();

  // Member-state technical comments on Section 2 (Pillar 1), through the GET form: a shareable URL.
  const filters = page.getByRole("search", { name: "Filter the comments" });
  await filters.getByLabel("Section").selectOption({ label: "2 Pillar 1: Legal Measures" });
  await filters.getByLabel("Stakeholder group").selectOption({ label: "Member states" });
  await filters.getByLabel("Type of comment").selectOption({ label: "Technical" });
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/\?v=1&section=2&kind=member_state&type=technical$/);
  const list = page.getByRole("region", { name: "Comments" });
  await expect(list.getByText(/^\d+ comments?, in document order\.$/)).toBeVisible();
  const comments = list.getByRole("article");
  // The seed's three; other tests may add their own member-state technical comments on Section 2.
  for (const organization of [
    "Delegation of Member State A",
    "Delegation of Member State B",
    "Delegation of Member State D",
  ]) {
    await expect(comments.filter({ hasText: organization }).first()).toBeVisible();
  }
  for (const comment of await comments.all()) {
    await expect(comment.getByRole("link", { name: /^Paragraph 2\./ })).toBeVisible();
    await expect(comment.getByText("Technical", { exact: true })).toBeVisible();
    await expect(comment.getByText("Member-state delegation", { exact: true })).toBeVisible();
  }
  // The same view, opened from its URL.
  await page.goto(`${DASHBOARD}?v=1&section=2&kind=member_state&type=technical`);
  await expect(page.getByRole("search", { name: "Filter the comments" }).getByLabel("Type of comment")).toHaveValue(
    "technical",
  );

  // The campaign on 2.9 d.: six near-identical comments, decided at once.
  await page.getByRole("link", { name: "Clear filters" }).click();
  await expect(page).toHaveURL(/\/feedback\?v=1$/);
  // Unfiltered, the progress is the whole version's (filtered, it says "in this view").
  await expect(page.getByRole("progressbar", { name: /^\d+ of \d+ comments dispositioned$/ })).toBeVisible();
  const [decidedBefore, total] = await progress(page);
  const group = page
    .getByRole("region", { name: "Near-identical comments" })
    .getByRole("listitem")
    .filter({ hasText: "that this guideline states explicitly" });
  await expect(group.getByRole("heading", { name: /6 comments/ })).toBeVisible();
  await group.getByLabel("Decision").selectOption({ label: "Noted" });
  await group.getByLabel("Response of the secretariat").fill(RESPONSE);
  await group.getByRole("button", { name: "Decide on all 6 comments of this group" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Decision recorded for 6 comments." })).toBeVisible();
  await expect(group.getByRole("heading", { name: /6 of 6 decided/ })).toBeVisible();
  expect(await progress(page)).toEqual([decidedBefore + 6, total]);
  await expect(
    page.getByRole("progressbar", { name: `${decidedBefore + 6} of ${total} comments dispositioned` }),
  ).toBeVisible();

  // Publish the disposition table.
  await page.getByRole("button", { name: "Publish the disposition of comments" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The disposition of comments is published." })).toBeVisible();
  await expect(page.getByRole("button", { name: "Withdraw the disposition table from publication" })).toBeVisible();

  // A visitor, signed out, in a browser of their own.
  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  await visitor.goto(TABLE);
  await expect(
    visitor.getByRole("heading", { level: 1, name: /^Disposition of comments: Guidelines for utilization/ }),
  ).toBeVisible();
  await expect(visitor.getByText(/^Signed in as /)).toHaveCount(0);
  const legal = visitor.getByRole("table", {
    name: "Section 2 Pillar 1: Legal Measures › Guidelines to utilize Pillar 1 - Legal Measures",
  });
  await expect(legal.getByRole("columnheader")).toHaveText(COLUMNS);
  const campaignRows = legal.getByRole("row").filter({ hasText: "that this guideline states explicitly" });
  await expect(campaignRows).toHaveCount(6);
  await expect(campaignRows.first()).toContainText(`Noted. ${RESPONSE}`);
  await expect(
    visitor.getByRole("region", {
      name: "Section 2 Pillar 1: Legal Measures › Guidelines to utilize Pillar 1 - Legal Measures",
    }),
  ).toBeVisible();

  // The downloads, parsed back: Word and Excel, the 8 public columns in order.
  const docx = await download(visitor, "Download as Word (DOCX)");
  expect(docx.name).toBe("gca-guidelines-v1-comments.docx");
  const xml = await (await JSZip.loadAsync(docx.bytes)).file("word/document.xml")!.async("string");
  const firstTable = /<w:tbl>([\s\S]*?)<\/w:tbl>/.exec(xml)![1];
  const headerRow = /<w:tr\b[\s\S]*?<\/w:tr>/.exec(firstTable)![0];
  const headerCells = [...headerRow.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((cell) =>
    [...cell[1].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(""),
  );
  expect(headerCells).toEqual(COLUMNS);
  expect(xml).toContain(RESPONSE);

  const xlsx = await download(visitor, "Download as Excel (XLSX)");
  expect(xlsx.name).toBe("gca-guidelines-v1-comments.xlsx");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  expect(
    Array.from({ length: sheet.getRow(1).cellCount }, (_, k) => String(sheet.getRow(1).getCell(k + 1).value)),
  ).toEqual(COLUMNS);
  const noted: string[] = [];
  sheet.eachRow((row, index) => {
    if (index > 1 && String(row.getCell(8).value ?? "") === `Noted. ${RESPONSE}`)
      noted.push(String(row.getCell(2).value));
  });
  expect(noted).toEqual(["2.9 d.", "2.9 d.", "2.9 d.", "2.9 d.", "2.9 d.", "2.9 d."]);
  await visitorContext.close();
});

test("the dashboard is the secretariat's: a visitor is sent to sign in, a focal point is refused", async ({ page }) => {
  await page.goto(DASHBOARD);
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fconsultations%2Fgca-guidelines%2Ffeedback$/);
  await signIn(page, DEMO_USERS.focalPoint.email);
  const response = await page.goto(DASHBOARD);
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
});
