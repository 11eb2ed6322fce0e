import { expect, hydrated, test } from "./fixtures";
import {
  escapeCloses,
  expectInViewport,
  expectTabStaysInPanel,
  panelOf,
  saveByKeyboard,
  saveByTouch,
} from "./reader-panel-steps";

// The phone: 390×844 (the phone project is a Pixel 7: touch, mobile).
test.use({ viewport: { width: 390, height: 844 } });

test("on a 390×844 phone a delegate saves a comment by touch", async ({ page, gca, people, signInAs }) => {
  await signInAs(people.delegate);
  await saveByTouch(page, gca.path("/versions/1"), `Tapped on a phone (${Date.now()})`);
  // The page behind the panel is inert while the panel covers it.
  await expect(page.locator("article.document")).toHaveAttribute("inert", "");
  await expect(page.getByRole("banner")).toHaveAttribute("inert", "");
});

test("on a 390×844 phone a delegate saves by keyboard alone, Tab stays in the panel, Escape closes it", async ({
  page,
  gca,
  people,
  signInAs,
}) => {
  await signInAs(people.delegate);
  const panel = await saveByKeyboard(page, gca.path("/versions/1"), `Typed on a phone (${Date.now()})`);
  await expectTabStaysInPanel(page, panel);
  await escapeCloses(page, panel, "2-9-b");
  await expect(page.locator("article.document")).not.toHaveAttribute("inert", "");
});

test("the phone panel, open with Save in view (docs/screenshots/phone-panel.png)", async ({
  page,
  gca,
  people,
  signInAs,
}) => {
  await signInAs(people.delegate);
  if (process.env.SCREENSHOTS) {
    await page.goto(gca.path("/versions/1"));
    await page.screenshot({ path: "test-results/reader-head-phone.png" });
  }
  await page.goto(gca.path("/versions/1?p=2-9-e#p-2-9-e"));
  await hydrated(page);
  const panel = panelOf(page, "2.9 e.");
  const save = panel.getByRole("button", { name: "Save comment" });
  await expect(save).toBeVisible();
  await save.evaluate((element) => element.scrollIntoView({ block: "center" }));
  await expectInViewport(page, save);
  if (process.env.SCREENSHOTS) await page.screenshot({ path: "docs/screenshots/phone-panel.png" });
});
