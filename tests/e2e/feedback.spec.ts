import fs from "node:fs/promises";

import ExcelJS from "exceljs";
import JSZip from "jszip";

import {
  test as base,
  expect,
  hydrated,
  type SubmittedComment,
  type TestConsultation,
  type TestOrganization,
} from "./fixtures";

import type { Page } from "@playwright/test";

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

const CAMPAIGN =
  "We ask that this guideline states explicitly that any legal measure on cybersecurity must comply with " +
  "international human rights law, including the rights to privacy and to freedom of expression, and that " +
  "civil society is consulted before such measures are adopted.";

type Organizations = Record<
  "stateA" | "stateB" | "stateD" | "stateE" | "telecom" | "university" | "civilSociety" | "rights" | "regional",
  TestOrganization
>;

/**
 * The feedback this test decides on, in its own consultation (what the demo
 * seed has, trimmed to what the test reads), so every count is known:
 * - three member-state technical comments on Section 2 (Pillar 1), and one
 *   of each that a filter must leave out (general, sector member, Section 3);
 * - two comments already decided;
 * - a campaign: six near-identical comments on 2.9 d. from six organizations.
 * 14 comments, 2 decided.
 */
function feedback(o: Organizations): SubmittedComment[] {
  return [
    {
      organization: o.stateA,
      paragraph: "1-8",
      type: "editorial",
      text: "The GCA “comprises” five Pillars; “is comprised of” should be corrected.",
      disposition: { status: "accepted", response: "The sentence has been corrected as proposed." },
    },
    {
      organization: o.stateA,
      paragraph: "2-5-c",
      type: "technical",
      text: "The description of IoT risks should mention security by design and the lifecycle of device updates.",
    },
    {
      organization: o.stateB,
      paragraph: "2-9-f",
      type: "technical",
      text: "Critical information infrastructure should be defined by reference to national lists.",
    },
    {
      organization: o.stateD,
      paragraph: "2-6",
      type: "technical",
      text: "Procedural powers such as expedited preservation of stored data need safeguards and a clear scope.",
    },
    {
      organization: o.stateB,
      paragraph: "2-4",
      type: "general",
      text: "We do not support a reference to harmonizing laws on global issues.",
    },
    {
      organization: o.telecom,
      paragraph: "2-9-h",
      type: "technical",
      text: "Lawful access requirements should be specified with the operators who would implement them.",
    },
    {
      organization: o.stateA,
      paragraph: "3-12-b",
      type: "technical",
      text: "The coordination mechanism should also cover SG13 and SG20 work on network and IoT security.",
    },
    {
      organization: o.regional,
      paragraph: "4-5",
      type: "general",
      text: "The figure of 85 countries without a national CIRT should be updated and its source cited.",
      disposition: { status: "noted", response: "The figure will be updated in the next draft." },
    },
    // The campaign: the same letter, lightly edited, from six organizations.
    { organization: o.civilSociety, paragraph: "2-9-d", type: "general", text: CAMPAIGN },
    { organization: o.rights, paragraph: "2-9-d", type: "general", text: CAMPAIGN },
    {
      organization: o.university,
      paragraph: "2-9-d",
      type: "general",
      text: CAMPAIGN.replace("We ask that", "We kindly ask that"),
    },
    {
      organization: o.stateD,
      paragraph: "2-9-d",
      type: "general",
      text: CAMPAIGN.replace("civil society is consulted", "civil society and the technical community are consulted"),
    },
    { organization: o.stateE, paragraph: "2-9-d", type: "general", text: CAMPAIGN.toUpperCase() },
    {
      organization: o.regional,
      paragraph: "2-9-d",
      type: "general",
      text: CAMPAIGN.replace("including the rights", "notably the rights"),
    },
  ];
}

const test = base.extend<{ organizations: Organizations; commented: TestConsultation }>({
  organizations: async ({ createOrganization, people }, use) => {
    await use({
      // The demo accounts' delegation (its focal point is in the second test).
      stateA: people.delegation,
      stateB: await createOrganization({ name: "Delegation of Member State B", kind: "member_state" }),
      stateD: await createOrganization({ name: "Delegation of Member State D", kind: "member_state" }),
      stateE: await createOrganization({ name: "Delegation of Member State E", kind: "member_state" }),
      telecom: await createOrganization({ name: "Example Telecom (Sector Member)", kind: "sector_member" }),
      university: await createOrganization({ name: "University of Example", kind: "academia" }),
      civilSociety: await createOrganization({ name: "Open Internet Civil Society Network", kind: "civil_society" }),
      rights: await createOrganization({ name: "Digital Rights Coalition", kind: "civil_society" }),
      regional: await createOrganization({
        name: "Regional Cybersecurity Organization",
        kind: "international_organization",
      }),
    });
  },
  /** The GCA consultation with the feedback above on its draft. */
  commented: async ({ gca, organizations, addComments }, use) => {
    await addComments(gca, feedback(organizations));
    await use(gca);
  },
});

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

test(
  "the secretariat filters the GCA feedback, decides a campaign in one action and publishes; a visitor reads " +
    "and downloads the table",
  async ({ page, browser, commented: gca, people, signInAs }) => {
    const DASHBOARD = gca.path("/feedback");
    await signInAs(people.secretariat);
    await page.goto(DASHBOARD);
    await expect(page.getByRole("heading", { level: 1, name: `Feedback on ${gca.title}` })).toBeVisible();
    await expect(page.getByRole("img", { name: "By stakeholder group" })).toBeVisible();

    // Member-state technical comments on Section 2 (Pillar 1), through the GET form: a shareable URL.
    const filters = page.getByRole("search", { name: "Filter the comments" });
    await filters.getByLabel("Section").selectOption({ label: "2 Pillar 1: Legal Measures" });
    await filters.getByLabel("Stakeholder group").selectOption({ label: "Member states" });
    await filters.getByLabel("Type of comment").selectOption({ label: "Technical" });
    await filters.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/\?v=1&section=2&kind=member_state&type=technical$/);
    const list = page.getByRole("region", { name: "Comments" });
    await expect(list.getByText("3 comments, in document order.", { exact: true })).toBeVisible();
    const comments = list.getByRole("article");
    await expect(comments).toHaveCount(3);
    for (const organization of [
      "Delegation of Member State A",
      "Delegation of Member State B",
      "Delegation of Member State D",
    ]) {
      await expect(comments.filter({ hasText: organization })).toHaveCount(1);
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
    expect([decidedBefore, total]).toEqual([2, 14]);
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

    // Before publication a visitor is told what the table is and that it is not published yet (a 404).
    const early = await browser.newContext();
    const earlyPage = await early.newPage();
    const unpublished = await earlyPage.goto(gca.path("/dispositions"));
    expect(unpublished?.status()).toBe(404);
    await expect(
      earlyPage.getByRole("heading", { level: 1, name: "The disposition of comments is not published yet" }),
    ).toBeVisible();
    await expect(earlyPage.getByText(/The secretariat has not published it yet/)).toBeVisible();
    await expect(earlyPage.getByRole("link", { name: `Back to ${gca.title}` })).toHaveAttribute("href", gca.path(""));
    await early.close();

    // Publishing asks first, with the counts it affects; a POST without the confirmation changes nothing.
    const forced = await page.request.post(DASHBOARD, {
      form: { intent: "publish-dispositions", returnTo: "?v=1" },
      headers: { Origin: new URL(page.url()).origin },
    });
    expect(forced.status()).toBe(400);
    await page.reload();
    await expect(page.getByRole("link", { name: "Publish the disposition of comments" })).toBeVisible();
    await page.getByRole("link", { name: "Publish the disposition of comments" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Publish the disposition of comments?" })).toBeVisible();
    await expect(page.getByText("14 submitted comments become public.")).toBeVisible();
    await expect(page.getByText("6 of 14 comments have no decision yet.")).toBeVisible();
    await expect(
      page.getByText(/^The comment period of Draft 1 \(C20\/65\) is still open: \d+ days? left/),
    ).toBeVisible();
    // Comments stay hidden until the period closes, and the table shows them: publishing is refused (issue 12).
    await expect(
      page.getByRole("alert").filter({ hasText: /stay hidden until the comment period closes/ }),
    ).toBeVisible();
    await expect(page.getByRole("button", { name: "Yes, publish the disposition table" })).toHaveCount(0);
    // With comments public during the period, the table may be published.
    const edited = await page.request.post(gca.path("/edit"), {
      form: { title: gca.title, summary: "", commentsVisibility: "during" },
      headers: { Origin: new URL(page.url()).origin },
    });
    expect(edited.status()).toBeLessThan(400);
    await page.goto(DASHBOARD);
    await page.getByRole("link", { name: "Publish the disposition of comments" }).click();
    await page.getByRole("button", { name: "Yes, publish the disposition table" }).click();
    await expect(
      page.getByRole("status").filter({ hasText: "The disposition of comments is published." }),
    ).toBeVisible();
    await expect(page.getByRole("button", { name: "Withdraw the disposition table from publication" })).toBeVisible();
    await expect(page.getByText("The public table shows every decision.")).toBeVisible();
    await expect(page.getByRole("link", { name: "Publish again" })).toBeVisible();

    // A visitor, signed out, in a browser of their own.
    const visitorContext = await browser.newContext();
    const visitor = await visitorContext.newPage();
    await visitor.goto(gca.path("/dispositions"));
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
    expect(docx.name).toBe(`${gca.slug}-v1-comments.docx`);
    const xml = await (await JSZip.loadAsync(docx.bytes)).file("word/document.xml")!.async("string");
    const firstTable = /<w:tbl>([\s\S]*?)<\/w:tbl>/.exec(xml)![1];
    const headerRow = /<w:tr\b[\s\S]*?<\/w:tr>/.exec(firstTable)![0];
    const headerCells = [...headerRow.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((cell) =>
      [...cell[1].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(""),
    );
    expect(headerCells).toEqual(COLUMNS);
    expect(xml).toContain(RESPONSE);

    const xlsx = await download(visitor, "Download as Excel (XLSX)");
    expect(xlsx.name).toBe(`${gca.slug}-v1-comments.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(Array.from({ length: sheet.getRow(1).cellCount }, (_, k) => sheet.getRow(1).getCell(k + 1).text)).toEqual(
      COLUMNS,
    );
    const noted: string[] = [];
    sheet.eachRow((row, index) => {
      if (index > 1 && row.getCell(8).text === `Noted. ${RESPONSE}`) noted.push(row.getCell(2).text);
    });
    expect(noted).toEqual(["2.9 d.", "2.9 d.", "2.9 d.", "2.9 d.", "2.9 d.", "2.9 d."]);
    await visitorContext.close();
  },
);

test("the dashboard is the secretariat's: a visitor is sent to sign in, a focal point is refused", async ({
  page,
  gca,
  people,
  signInAs,
}) => {
  const DASHBOARD = gca.path("/feedback");
  await page.goto(DASHBOARD);
  await expect(page).toHaveURL(new RegExp(`/login\\?redirectTo=${encodeURIComponent(DASHBOARD)}$`));
  await signInAs(people.focalPoint);
  const response = await page.goto(DASHBOARD);
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
});

test("a decision is confirmed beside the comment decided; a decided group shows its decision", async ({
  page,
  commented: gca,
  people,
  signInAs,
}) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  await signInAs(people.secretariat);
  await page.goto(gca.path("/feedback"));
  await hydrated(page);
  const list = page.getByRole("region", { name: "Comments" });
  // The last comment of the list: far below the top of the page.
  const card = list.getByRole("article").filter({ hasText: "coordination mechanism should also cover SG13" });
  await card.getByText("Decide on this comment").click();
  await card.getByLabel("Decision").selectOption({ label: "Accepted in part" });
  await card.getByLabel("Response of the secretariat").fill("SG13 is added; SG20 is out of scope.");
  await card.getByRole("button", { name: "Save the decision" }).click();
  await expect(card.getByRole("status")).toHaveText("Decision recorded for 1 comment.");
  await expect(card.getByRole("status")).toBeInViewport();
  // Not at the top of the page any more.
  await expect(page.locator(".feedback-page > .notice")).toHaveCount(0);
  // The scroll position stayed: the page did not jump to the top.
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(1000);

  // The campaign, decided as a group, shows its decision.
  const group = page
    .getByRole("region", { name: "Near-identical comments" })
    .getByRole("listitem")
    .filter({ hasText: "that this guideline states explicitly" });
  await group.getByLabel("Decision").selectOption({ label: "Noted" });
  await group.getByLabel("Response of the secretariat").fill(RESPONSE);
  await group.getByRole("button", { name: "Decide on all 6 comments of this group" }).click();
  await expect(group.getByRole("status")).toHaveText("Decision recorded for 6 comments.");
  await expect(group.getByText(`Decision on 6 of 6: Noted — ${RESPONSE}`)).toBeVisible();
  // Its comments: the list, filtered to the group, not the top of the page.
  await group.getByRole("link", { name: "Show the comments of this group" }).click();
  await expect(page).toHaveURL(/group=.*#list-title$/);
  await expect(page.getByRole("heading", { name: "Comments", exact: true })).toBeInViewport();
});

for (const width of [1366, 390]) {
  test(`the published disposition table fits a ${width} px window, every column readable`, async ({
    page,
    baseURL,
    commented: gca,
    people,
    signInAs,
  }) => {
    await signInAs(people.secretariat);
    // Comments public during the period, so that the table may be published before it closes.
    const edited = await page.request.post(gca.path("/edit"), {
      form: { title: gca.title, summary: "", commentsVisibility: "during" },
      headers: { Origin: baseURL ?? "" },
      maxRedirects: 0,
    });
    expect(edited.status()).toBe(302);
    const published = await page.request.post(gca.path("/feedback"), {
      form: { intent: "publish-dispositions", confirm: "yes", returnTo: "?v=1" },
      headers: { Origin: baseURL ?? "" },
      maxRedirects: 0,
    });
    expect(published.status()).toBe(302);
    await page.setViewportSize({ width, height: 900 });
    await page.goto(gca.path("/dispositions"));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const decided = page.getByRole("row").filter({ hasText: "The sentence has been corrected as proposed." });
    const observation = decided.locator(".cell-observations");
    await expect(observation).toContainText("Accepted");
    const box = (await observation.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(width);
    // Each cell is at least 4 em wide: readable, not a sliver.
    for (const cell of await decided.locator("th, td").all()) {
      const cellBox = await cell.boundingBox();
      if (cellBox) expect(cellBox.width).toBeGreaterThan(60);
    }
    if (width < 500) {
      // A card: the column's heading labels the cell.
      const label = await observation.evaluate((cell) => getComputedStyle(cell, "::before").content);
      expect(label).toBe('"(8) Observations of the secretariat"');
    }
  });
}
