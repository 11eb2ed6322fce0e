/**
 * The six languages (docs/i18n.md): the switch on every page, by keyboard and
 * without losing the page or paragraph; the account remembering the choice;
 * right to left in Arabic; the page cache keeping each language apart.
 * Asserts lang/dir attributes and the switch's own names (app/lib/language.ts),
 * never translated text: the translations land separately.
 */
import { expect, hydrated, test } from "./fixtures";
import { tabTo } from "./reader-panel-steps";

import type { Page } from "@playwright/test";

const SHOTS = "/tmp/i18n-core";
const html = (page: Page) => page.locator("html");
const switchButton = (page: Page, lng: string) => page.locator(`form.language-switch button[lang="${lng}"]`);

test("a reader switches to French by keyboard and lands on the same page and paragraph, in French", async ({
  page,
  gca,
}) => {
  await page.goto(gca.path("/versions/1#p-2-9-a"));
  await hydrated(page);
  await expect(html(page)).toHaveAttribute("lang", "en");
  const french = switchButton(page, "fr");
  await expect(french).toHaveText("Français");
  // From the top of the page (the skip link is its first stop), by Tab alone.
  await page.locator(".skip-link").focus();
  await tabTo(page, french, 20);
  await page.keyboard.press("Enter");
  await expect(html(page)).toHaveAttribute("lang", "fr");
  expect(new URL(page.url()).pathname).toBe(gca.path("/versions/1"));
  expect(new URL(page.url()).hash).toBe("#p-2-9-a");
  await expect(switchButton(page, "fr")).toHaveAttribute("aria-current", "true");
  await expect(html(page)).toHaveAttribute("dir", "ltr");

  // The choice persists on the next pages (the lng cookie).
  await page.goto("/consultations");
  await expect(html(page)).toHaveAttribute("lang", "fr");
  await page.goto(gca.path("/compare"));
  await expect(html(page)).toHaveAttribute("lang", "fr");
});

test("the switch works without JavaScript and keeps the paragraph's open panel", async ({ browser, gca }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(gca.path("/versions/1?p=2-9-b"));
  await switchButton(page, "ru").click();
  await expect(html(page)).toHaveAttribute("lang", "ru");
  expect(new URL(page.url()).search).toBe("?p=2-9-b");
  await context.close();
});

test("in Arabic the page is right to left and the comment panel opens at the inline end (the left)", async ({
  page,
  gca,
  people,
  signInAs,
  pageAs,
}) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  await signInAs(people.delegate);
  await page.goto(gca.path("/versions/1#p-2-9-c"));
  await hydrated(page);
  await switchButton(page, "ar").click();
  await expect(html(page)).toHaveAttribute("lang", "ar");
  await expect(html(page)).toHaveAttribute("dir", "rtl");
  await hydrated(page);
  await page.locator("#p-2-9-c .comment-count").click();
  const panel = page.locator("aside.comment-panel");
  await expect(panel).toBeVisible();
  const box = (await panel.boundingBox())!;
  const documentBox = (await page.locator("article.document").boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(documentBox.x + 1);
  await page.screenshot({ path: `${SHOTS}/e2e-reader-ar-panel-1366.png` });

  // The account remembers: another browser, no cookie, signed in as the same person.
  const other = await pageAs(people.delegate, "/consultations");
  await expect(html(other)).toHaveAttribute("lang", "ar");
  await expect(html(other)).toHaveAttribute("dir", "rtl");
});

/** Loads `path` until the page cache answers; returns the document's lang. */
async function cachedLang(page: Page, path: string) {
  for (let attempt = 0; attempt < 8; attempt++) {
    const response = await page.goto(path, { waitUntil: "commit" });
    if (response?.headers()["x-page-cache"] === "hit") {
      expect(response.headers()["vary"]).toMatch(/Accept-Language/);
      expect(response.headers()["vary"]).toMatch(/Cookie/);
      return /<html lang="(\w+)"/.exec(await response.text())?.[1];
    }
  }
  throw new Error(`${path} never came from the page cache`);
}

test("anonymous French and English readers of one page each get their own language from the cache", async ({
  browser,
  gca,
  baseURL,
}) => {
  const french = await browser.newContext({ locale: "en-US" });
  await french.addCookies([{ name: "lng", value: "fr", url: baseURL! }]);
  const english = await browser.newContext({ locale: "en-US" });
  const arabic = await browser.newContext({ locale: "ar-EG" });
  const [fr, en, ar] = await Promise.all([french.newPage(), english.newPage(), arabic.newPage()]);
  const path = gca.path("/versions/1");
  expect(await cachedLang(fr, path)).toBe("fr");
  expect(await cachedLang(en, path)).toBe("en");
  expect(await cachedLang(ar, path)).toBe("ar");
  expect(await cachedLang(fr, path)).toBe("fr");
  await Promise.all([french.close(), english.close(), arabic.close()]);
});
