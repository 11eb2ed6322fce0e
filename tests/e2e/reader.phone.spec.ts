import { expect, test } from "@playwright/test";

test("the reader fits a phone screen without sideways scrolling", async ({ page }) => {
  await page.goto("/consultations/gca-guidelines/versions/1#p-2-9-a");
  await expect(page.locator("#p-2-9-a")).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expect(page.getByRole("navigation", { name: "Contents" })).toBeVisible();
});
