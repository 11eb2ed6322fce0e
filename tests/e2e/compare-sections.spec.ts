/**
 * Section headings on the comparison page of a real pair (NIST SP 800-63-3 chapter 5, draft → final): each
 * heading says what became of the section, the renamed ones word by word; at 1366 px and at phone width.
 */
import AxeBuilder from "@axe-core/playwright";

import { expect, hydrated, test } from "./fixtures";
import { callDataService } from "./support/data-client";

test("the comparison shows each section's heading change: renumbered, renamed word by word, moved, deleted", async ({
  page,
  created,
  suffix,
}, testInfo) => {
  const nist = await callDataService("createRealPairConsultation", { suffix, pair: "nist" });
  created.consultationIds.push(nist.id);
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto(`/consultations/${nist.slug}/compare/1...2`);
  await hydrated(page);

  const chapter = page.locator("section.redline-section", {
    has: page.getByRole("heading", { level: 2, name: "6 Selecting Assurance Levels" }),
  });
  const change = chapter.first().locator(".section-change");
  await expect(change).toContainText("Renumbered 5.3 → 6");
  await expect(change).toContainText("Renamed");
  await expect(change.locator("del")).toContainText(["Appropriate xAL"]);
  await expect(change.locator("ins")).toContainText(["Assurance Levels"]);
  await expect(page.getByRole("heading", { level: 3, name: "6.1 Selecting IAL" }).first()).toBeVisible();
  const ial = page.locator("section.redline-section", {
    has: page.getByRole("heading", { level: 3, name: "6.1 Selecting IAL" }),
  });
  await expect(ial.first().locator(".section-change")).toContainText("from after 5.3.2 Selecting AAL");
  const deleted = page.locator("section.redline-section", {
    has: page.getByRole("heading", { name: "5.4 Federation Considerations" }),
  });
  await expect(deleted.first().locator(".section-change")).toContainText("Deleted section");
  await expect(page.getByRole("group", { name: "Section headings" })).toContainText("Re-lettered");

  // The summary names each section once, by lineage: chapter 6 and the deleted chapter 5.
  const summary = page.getByRole("table", { name: /Changes by section/ });
  await expect(summary.getByRole("row", { name: /^6 Selecting Assurance Levels/ })).toHaveCount(1);
  await expect(summary.getByRole("row", { name: /^5 Determining IAL, AAL, and FAL/ })).toHaveCount(1);

  const { violations } = await new AxeBuilder({ page }).options({ resultTypes: ["violations"] }).analyze();
  expect(violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);

  await chapter.first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath("compare-sections-1366.png") });

  await page.setViewportSize({ width: 390, height: 844 });
  await chapter.first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath("compare-sections-390.png") });
  // Nothing wider than the phone's screen.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});
