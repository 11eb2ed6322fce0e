import { expect, test } from "./fixtures";

test("the reader fits a phone screen without sideways scrolling", async ({ page, gca }) => {
  await page.goto(gca.path("/versions/1#p-2-9-a"));
  await expect(page.locator("#p-2-9-a")).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expect(page.getByRole("navigation", { name: "Contents" })).toBeVisible();
});
