import { expect, hydrated, test } from "./fixtures";

import type { Page } from "@playwright/test";

/**
 * Loads a page until an answer comes from the page cache (the first may render it, or find it expired). Each
 * attempt waits only for the answer, so that the next comes well within the cache's two seconds even on a slow
 * machine; the answer from the cache is then loaded in full.
 */
async function loadCached(page: Page, path: string) {
  for (let attempt = 0; attempt < 6; attempt++) {
    const response = await page.goto(path, { waitUntil: "commit" });
    if (response?.headers()["x-page-cache"] === "hit") {
      await page.waitForLoadState("load");
      return response;
    }
  }
  throw new Error(`${path} never came from the page cache`);
}

test("an anonymous reader served from the page cache runs its scripts under the page's script hashes", async ({
  page,
  gca,
}) => {
  const refused: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
  });
  const response = await loadCached(page, gca.path("/versions/1"));
  const policy = response.headers()["content-security-policy"] ?? "";
  expect(policy).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+;/);
  expect(policy).not.toContain("nonce-");

  // The scripts ran: the app hydrated, and a paragraph's comments open without a page load.
  await hydrated(page);
  await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
  await page
    .locator("#p-1-1")
    .getByRole("link", { name: /comments? on paragraph 1\.1/i })
    .click();
  await expect(page).toHaveURL(/\?p=1-1/);
  await expect(page.getByRole("complementary")).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
  expect(refused).toEqual([]);

  // The comparison opts in too (as does the published dispositions table, not yet published here).
  const compare = await loadCached(page, gca.path("/compare/1...2"));
  expect(compare.headers()["content-security-policy"]).not.toContain("nonce-");
  await hydrated(page);
  expect(refused).toEqual([]);
});

test("signed-in people never get the anonymous copy of a page", async ({ page, browser, gca, people, signInAs }) => {
  const READER = gca.path("/versions/1");
  const anonymous = await browser.newPage();
  await loadCached(anonymous, READER);
  await anonymous.close();

  await signInAs(people.focalPoint);
  const response = await page.goto(READER);
  expect(response?.headers()["x-page-cache"]).toBeUndefined();
  expect(response?.headers()["content-security-policy"]).toContain("nonce-");
  await expect(page.getByText(`Signed in as ${people.focalPoint.name}`)).toBeVisible();
});
