/**
 * Opening a consultation from a .docx with tracked changes, without
 * JavaScript: the review comes back as a new page, and that page's form
 * holds what was typed (title, web address, summary, version name, time
 * zone, period, visibility). Only the file is gone (no browser lets a page
 * refill a file input): the file field says to choose it again, and chosen
 * again and accepted, the consultation opens.
 */
import { reviewedDraft } from "~/lib/import/__fixtures__/tracked-changes";

import { test, expect } from "./fixtures";

test("without JavaScript the review comes back with the form refilled; the file chosen again opens it", async ({
  browser,
  people,
  suffix,
  created,
  signInAs,
}) => {
  test.setTimeout(180_000);
  const slug = `tracked-refill-${suffix}`;
  created.consultationSlugs.push(slug);
  const context = await browser.newContext({ javaScriptEnabled: false });
  await signInAs(people.secretariat, context);
  const page = await context.newPage();
  const file = {
    name: "draft-1.docx",
    mimeType: "application/octet-stream",
    buffer: Buffer.from(await reviewedDraft()),
  };

  await page.goto("/consultations/new");
  await page.getByLabel("Title").fill(`Tracked refill ${suffix}`);
  await page.getByLabel("Web address").fill(slug);
  await page.getByLabel("Summary").fill("Typed before the review.");
  await page.getByLabel("Version name").fill("Draft 1 (refilled)");
  await page.getByLabel("Time zone of the deadline").selectOption("Asia/Tokyo");
  await page.getByLabel("Comments open").fill("2026-03-01T09:00");
  await page.getByLabel("Comments close").fill("2026-04-01T17:30");
  await page.getByRole("radio", { name: "Public as soon as they are submitted" }).check();
  await page.getByLabel("Draft document").setInputFiles(file);
  const [first] = await Promise.all([
    page.waitForResponse((response) => response.request().method() === "POST"),
    page.getByRole("button", { name: "Import and open for comments" }).click(),
  ]);
  expect(first.status()).toBe(422);
  const review = page.getByRole("region", { name: "Tracked changes in draft-1.docx" });
  await expect(review).toContainText("This file has 4 tracked changes by Ana Lima and Bo Chen in 3 paragraphs.");

  // A new page, rendered by the server: every field as typed, the file asked for again.
  await expect(page.getByLabel("Title")).toHaveValue(`Tracked refill ${suffix}`);
  await expect(page.getByLabel("Web address")).toHaveValue(slug);
  await expect(page.getByLabel("Summary")).toHaveValue("Typed before the review.");
  await expect(page.getByLabel("Version name")).toHaveValue("Draft 1 (refilled)");
  await expect(page.getByLabel("Time zone of the deadline")).toHaveValue("Asia/Tokyo");
  await expect(page.getByLabel("Comments open")).toHaveValue("2026-03-01T09:00");
  await expect(page.getByLabel("Comments close")).toHaveValue("2026-04-01T17:30");
  await expect(page.getByRole("radio", { name: "Public as soon as they are submitted" })).toBeChecked();
  const document = page.getByLabel("Draft document");
  await expect(document).toHaveValue("");
  await expect(document).toHaveAccessibleDescription(/Choose the same file again: the page came back without it/);

  await document.setInputFiles(file);
  await review.getByRole("button", { name: "Accept the changes and upload" }).click();
  await expect(page).toHaveURL(new RegExp(`/consultations/${slug}$`), { timeout: 120_000 });
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`Tracked refill ${suffix}`);
  await context.close();
});
