import { expect, hydrated, test } from "./fixtures";
import {
  commentLink,
  escapeCloses,
  expectTabStaysInPanel,
  panelOf,
  saveByKeyboard,
  saveByTouch,
} from "./reader-panel-steps";

test.describe("on a 1024×768 tablet", () => {
  test.use({ viewport: { width: 1024, height: 768 }, hasTouch: true });

  test("a delegate saves a comment by touch", async ({ page, gca, people, signInAs }) => {
    await signInAs(people.delegate);
    await saveByTouch(page, gca.path("/versions/1"), `Tapped on a tablet (${Date.now()})`);
    await expect(page.locator("article.document")).toHaveAttribute("inert", "");
  });

  test("a delegate saves a comment by keyboard alone; Tab stays in the panel; Escape closes it", async ({
    page,
    gca,
    people,
    signInAs,
  }) => {
    await signInAs(people.delegate);
    const panel = await saveByKeyboard(page, gca.path("/versions/1"), `Typed on a tablet (${Date.now()})`);
    if (process.env.SCREENSHOTS) await page.screenshot({ path: "test-results/panel-1024x768.png" });
    await expectTabStaysInPanel(page, panel);
    await escapeCloses(page, panel, "2-9-b");
  });
});

test("on a desktop screen the panel is a side column, the page stays usable, and Escape closes it", async ({
  page,
  gca,
  people,
  signInAs,
}) => {
  await signInAs(people.delegate);
  await page.goto(gca.path("/versions/1#p-2-9-c"));
  await hydrated(page);
  await commentLink(page, "2-9-c").click();
  const panel = panelOf(page, "2.9 c.");
  await expect(panel.getByRole("heading", { name: "Comments on paragraph 2.9 c." })).toBeFocused();
  await expect(page.locator("article.document")).not.toHaveAttribute("inert", "");
  if (process.env.SCREENSHOTS) await page.screenshot({ path: "test-results/panel-desktop.png" });
  await escapeCloses(page, panel, "2-9-c");
  // The close link returns the focus the same way.
  await commentLink(page, "2-9-c").press("Enter");
  await panel.getByRole("link", { name: "Close comments" }).click();
  await expect(panel).toHaveCount(0);
  await expect(commentLink(page, "2-9-c")).toBeFocused();
});
