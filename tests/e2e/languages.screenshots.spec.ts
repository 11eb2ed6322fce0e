/**
 * Screenshots of the interface in other languages, for docs/screenshots/ (issue 14): the reader in
 * Arabic (right to left), the comparison in French, the feedback dashboard in Chinese. The language
 * is the browser's (Accept-Language, Playwright's `locale`); the pages are reached by URL only, so the
 * steps do not depend on the language's strings. Only with SCREENSHOTS=1:
 * `SCREENSHOTS=1 npx playwright test tests/e2e/languages.screenshots.spec.ts` (SCREENSHOT_DIR to write elsewhere).
 */
import { expect, hydrated, test, type SubmittedComment, type TestOrganization } from "./fixtures";

const OUT = process.env.SCREENSHOT_DIR ?? "docs/screenshots";

test.skip(!process.env.SCREENSHOTS, "screenshots only on demand (SCREENSHOTS=1)");
test.use({ viewport: { width: 1366, height: 900 } });

/** Some comments, decided and not, so the dashboard has content. */
function feedbackOf(delegation: TestOrganization): SubmittedComment[] {
  return [
    { organization: delegation, paragraph: "2-9-a", type: "technical", text: "Name the national CIRT here." },
    { organization: delegation, paragraph: "2-9-d", type: "general", text: "Consult civil society as well." },
    {
      organization: delegation,
      paragraph: "4-5",
      type: "editorial",
      text: "A typo in the second sentence.",
      disposition: { status: "noted", response: "Will be checked." },
    },
  ];
}

test.describe("in Arabic", () => {
  test.use({ locale: "ar" });
  test("the reader, right to left (reader-ar.png)", async ({ page, gca }) => {
    await page.goto(gca.path("/versions/1#p-2-9-a"));
    await hydrated(page);
    await expect(page.locator("#p-2-9-a")).toBeVisible();
    await page.screenshot({ path: `${OUT}/reader-ar.png` });
  });
});

test.describe("in French", () => {
  test.use({ locale: "fr" });
  test("the comparison, changes only (compare-fr.png)", async ({ page, gca }) => {
    await page.goto(gca.path("/compare/1...2?only=changes"));
    await hydrated(page);
    await expect(page.locator("main h1")).toBeVisible();
    await page.screenshot({ path: `${OUT}/compare-fr.png` });
  });
});

test.describe("in Chinese", () => {
  test.use({ locale: "zh-CN" });
  test("the feedback dashboard (feedback-zh.png)", async ({ page, gca, people, signInAs, addComments }) => {
    await addComments(gca, feedbackOf(people.delegation));
    await signInAs(people.secretariat);
    await page.goto(gca.path("/feedback"));
    await hydrated(page);
    await expect(page.locator("main h1")).toBeVisible();
    await page.screenshot({ path: `${OUT}/feedback-zh.png`, fullPage: true });
  });
});
