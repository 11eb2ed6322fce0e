/**
 * A Word file with tracked changes, uploaded by the secretariat in the
 * browser (issue 16, item 9): instead of being accepted silently, the
 * changes are shown in the upload form (counts, authors, each paragraph
 * with its insertions and deletions); Cancel refuses the file and nothing
 * is created; the same file uploaded again and accepted becomes the new
 * version, with the changes accepted; Enter in a field never accepts.
 * Opening a consultation from such a file goes the same way. axe stays clean
 * on the review.
 */
import AxeBuilder from "@axe-core/playwright";

import { reviewedDraft } from "~/lib/import/__fixtures__/tracked-changes";

import { test as base, expect, hydrated, type TestConsultation } from "./fixtures";
import { callDataService } from "./support/data-client";

import type { Page } from "@playwright/test";

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/** The GCA consultation with Draft 1 only. */
const test = base.extend<{ gcaDraftOnly: TestConsultation }>({
  gcaDraftOnly: async ({ created, suffix }, use) => {
    const consultation = await callDataService("createGcaConsultation", { suffix, final: false });
    created.consultationIds.push(consultation.id);
    await use({ ...consultation, path: (rest = "") => `/consultations/${consultation.slug}${rest}` });
  },
});

async function versionCount(page: Page) {
  return page.getByRole("region", { name: "Versions" }).getByRole("heading", { level: 3 }).count();
}

test("tracked changes are reviewed before the upload: refused, nothing is made; accepted, the new version", async ({
  page,
  people,
  gcaDraftOnly: gca,
  signInAs,
}) => {
  test.setTimeout(180_000);
  const file = {
    name: "draft-2.docx",
    mimeType: "application/octet-stream",
    buffer: Buffer.from(await reviewedDraft()),
  };
  await signInAs(people.secretariat);
  await page.goto(gca.path());
  await hydrated(page);
  expect(await versionCount(page)).toBe(1);

  await page.getByText("Upload a new version").click();
  const form = page.locator(".manage-upload");
  const chooseAndUpload = async () => {
    await form.getByLabel("Document file").setInputFiles(file);
    await form.getByLabel("Version name").fill("Draft 2 (reviewed)");
    await form.getByRole("button", { name: "Upload and import" }).click();
  };

  await chooseAndUpload();
  const review = form.getByRole("region", { name: "Tracked changes in draft-2.docx" });
  await expect(review).toBeVisible({ timeout: 60_000 });
  // The review takes the focus, and says what the file holds.
  await expect(review.getByRole("heading", { level: 2 })).toBeFocused();
  await expect(review).toContainText("This file has 4 tracked changes by Ana Lima and Bo Chen in 3 paragraphs.");
  const paragraphs = review.getByRole("list", { name: "Paragraphs with tracked changes" }).getByRole("listitem");
  await expect(paragraphs).toHaveCount(3);
  await expect(paragraphs.nth(0).locator("del")).toHaveText(/should$/);
  await expect(paragraphs.nth(0).locator("del")).toContainText("Deleted by Ana Lima");
  await expect(paragraphs.nth(0).locator("ins")).toHaveText(/shall$/);
  await expect(paragraphs.nth(2).locator("del").first()).toContainText("1.3 This paragraph is withdrawn.");
  // Nothing uploaded yet: the page stays where it was.
  await expect(page).toHaveURL(new RegExp(`${gca.path()}$`));
  // Enter in a text field presses the ordinary upload button (the form's first), which only reviews again.
  await form.getByLabel("Version name").press("Enter");
  await expect(review.getByRole("heading", { level: 2 })).toBeFocused({ timeout: 60_000 });
  await expect(review.getByRole("button", { name: "Accept the changes and upload" })).toBeEnabled({
    timeout: 60_000,
  });
  await page.reload();
  expect(await versionCount(page)).toBe(1);
  await hydrated(page);
  await page.getByText("Upload a new version").click();
  await chooseAndUpload();
  await expect(review).toBeVisible({ timeout: 60_000 });

  const { violations } = await new AxeBuilder({ page })
    .options({ resultTypes: ["violations"], rules: { "label-content-name-mismatch": { enabled: true } } })
    .withTags(WCAG_TAGS)
    .include(".manage-upload")
    .analyze();
  expect(
    violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(", ")}`),
  ).toEqual([]);

  // Refused: the review is gone, the file is no longer selected, no version was made.
  await review.getByRole("button", { name: "Cancel (refuse this file)" }).click();
  await expect(review).toHaveCount(0);
  await expect(form.getByLabel("Document file")).toBeFocused();
  await expect(form.getByLabel("Document file")).toHaveValue("");
  await page.reload();
  expect(await versionCount(page)).toBe(1);

  // Chosen again and accepted: the new version, with the changes accepted.
  await hydrated(page);
  await page.getByText("Upload a new version").click();
  await chooseAndUpload();
  await expect(review).toBeVisible({ timeout: 60_000 });
  await review.getByRole("button", { name: "Accept the changes and upload" }).click();
  const done = page.getByRole("status").filter({ hasText: "was imported as version 2" });
  await expect(done).toBeVisible({ timeout: 120_000 });
  await expect(done).toContainText("Draft 2 (reviewed) was imported as version 2");
  expect(await versionCount(page)).toBe(2);

  await page.goto(gca.path("/versions/2"));
  await expect(page.getByText("Member States shall cooperate on cybersecurity.")).toBeVisible();
  await expect(page.getByText("It consults the regions first.", { exact: false })).toBeVisible();
  await expect(page.getByText("This paragraph is withdrawn.")).toHaveCount(0);
});

test("without JavaScript: the upload page shows the review; the file chosen again and accepted is uploaded", async ({
  browser,
  people,
  gcaDraftOnly: gca,
  signInAs,
}) => {
  test.setTimeout(180_000);
  const context = await browser.newContext({ javaScriptEnabled: false });
  await signInAs(people.secretariat, context);
  const page = await context.newPage();
  const file = {
    name: "draft-2.docx",
    mimeType: "application/octet-stream",
    buffer: Buffer.from(await reviewedDraft()),
  };

  await page.goto(gca.path("/upload"));
  await page.getByLabel("Document file").setInputFiles(file);
  await page.getByLabel("Version name").fill("Draft 2 (no script)");
  const [first] = await Promise.all([
    page.waitForResponse((response) => response.request().method() === "POST"),
    page.getByRole("button", { name: "Upload and import" }).click(),
  ]);
  expect(first.status()).toBe(422);
  const review = page.getByRole("region", { name: "Tracked changes in draft-2.docx" });
  await expect(review).toContainText("This file has 4 tracked changes by Ana Lima and Bo Chen in 3 paragraphs.");
  await expect(review).toContainText("choose the same file again");

  // A fresh page: the file must be chosen again (the label was typed back by the browser or is typed again).
  await page.getByLabel("Document file").setInputFiles(file);
  await page.getByLabel("Version name").fill("Draft 2 (no script)");
  await review.getByRole("button", { name: "Accept the changes and upload" }).click();
  await expect(page).toHaveURL(new RegExp(`${gca.path()}\\?uploaded=2`), { timeout: 120_000 });
  await expect(page.getByText("Draft 2 (no script) was imported as version 2")).toBeVisible();
  await context.close();
});

test("a consultation opened from a tracked .docx: reviewed, Enter reviews again, accepted opens it", async ({
  page,
  people,
  suffix,
  created,
  signInAs,
}) => {
  test.setTimeout(180_000);
  const slug = `tracked-open-${suffix}`;
  created.consultationSlugs.push(slug);
  await signInAs(people.secretariat);
  await page.goto("/consultations/new");
  await hydrated(page);
  await page.getByLabel("Title").fill(`Tracked opening ${suffix}`);
  await page.getByLabel("Web address").fill(slug);
  await page.getByLabel("Draft document").setInputFiles({
    name: "draft-1.docx",
    mimeType: "application/octet-stream",
    buffer: Buffer.from(await reviewedDraft()),
  });
  await page.getByRole("button", { name: "Import and open for comments" }).click();
  const review = page.getByRole("region", { name: "Tracked changes in draft-1.docx" });
  await expect(review).toContainText("This file has 4 tracked changes by Ana Lima and Bo Chen in 3 paragraphs.", {
    timeout: 60_000,
  });
  await expect(page).toHaveURL(/\/consultations\/new$/);

  // Enter in the title: the ordinary button, a review again, nothing opened.
  const [again] = await Promise.all([
    page.waitForResponse((response) => response.request().method() === "POST"),
    page.getByLabel("Title").press("Enter"),
  ]);
  expect(again.status()).toBe(422);
  await expect(page).toHaveURL(/\/consultations\/new$/);

  await review.getByRole("button", { name: "Accept the changes and upload" }).click();
  await expect(page).toHaveURL(new RegExp(`/consultations/${slug}$`), { timeout: 120_000 });
  await page.goto(`/consultations/${slug}/versions/1`);
  await expect(page.getByText("Member States shall cooperate on cybersecurity.")).toBeVisible();
  await expect(page.getByText("This paragraph is withdrawn.")).toHaveCount(0);
});
