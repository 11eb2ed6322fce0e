/**
 * The comment panel's steps at a given screen size, shared by
 * reader-panel.phone.spec.ts (390×844) and reader-panel.spec.ts (1024×768):
 * a delegate saves a comment by touch and one by keyboard alone, and Escape
 * closes the panel with the focus back on the paragraph.
 */
import { editorReady, expect, hydrated } from "./fixtures";

import type { Locator, Page } from "@playwright/test";

export function panelOf(page: Page, number: string): Locator {
  return page.getByRole("complementary", { name: `Comments on paragraph ${number}` });
}

/** The paragraph's comment link (its text varies with what the reader may see). */
export function commentLink(page: Page, key: string): Locator {
  return page.locator(`#p-${key} .comment-count`);
}

/** Presses Tab until `target` has the focus; fails after `max` presses. Returns how many it took. */
export async function tabTo(page: Page, target: Locator, max = 60): Promise<number> {
  for (let presses = 1; presses <= max; presses++) {
    await page.keyboard.press("Tab");
    if (await target.evaluate((element) => element === document.activeElement)) return presses;
  }
  throw new Error(`not reached with ${max} Tab presses`);
}

/** The Save button is inside the visible viewport (not only inside the page). */
export async function expectInViewport(page: Page, target: Locator) {
  const box = await target.boundingBox();
  const viewport = page.viewportSize()!;
  expect(box, "the element has a box").not.toBeNull();
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height).toBeLessThanOrEqual(viewport.height);
}

/** Opens 2.9 a.'s panel by tapping its comment link, and saves a comment with taps (and the on-screen keyboard). */
export async function saveByTouch(page: Page, readerPath: string, marker: string) {
  await page.goto(`${readerPath}#p-2-9-a`);
  await hydrated(page);
  await commentLink(page, "2-9-a").tap();
  const panel = panelOf(page, "2.9 a.");
  await expect(panel).toBeVisible();
  await expect(panel.getByRole("heading", { name: "Comments on paragraph 2.9 a." })).toBeFocused();
  await panel.getByRole("radio", { name: "Editorial" }).tap();
  await editorReady(panel);
  await panel.getByRole("textbox", { name: "Comment" }).tap();
  await page.keyboard.type(marker);
  const save = panel.getByRole("button", { name: "Save comment" });
  // tap() scrolls the panel to the button; it fails when the button is out of reach.
  await save.scrollIntoViewIfNeeded();
  await expectInViewport(page, save);
  await save.tap();
  await expect(panel.getByRole("article").filter({ hasText: marker })).toContainText("Draft");
  // Focus is not dropped after saving: it is on the confirmation, in the panel.
  await expect(panel.getByRole("status").filter({ hasText: "Your comment was saved." })).toBeFocused();
}

/**
 * From the top of the reader with the keyboard only: "Go to paragraph" 2.9 b,
 * the paragraph's comment link, the form, Save. Returns the panel.
 */
export async function saveByKeyboard(page: Page, readerPath: string, marker: string) {
  await page.goto(readerPath);
  await hydrated(page);
  const jump = page.getByRole("textbox", { name: "Go to paragraph" });
  await tabTo(page, jump, 26);
  await page.keyboard.type("2.9 b");
  await page.keyboard.press("Enter");
  await expect(page.locator("#p-2-9-b")).toBeFocused();
  await expect(page).toHaveURL(/#p-2-9-b$/);
  await tabTo(page, commentLink(page, "2-9-b"), 3);
  await page.keyboard.press("Enter");
  const panel = panelOf(page, "2.9 b.");
  await expect(panel.getByRole("heading", { name: "Comments on paragraph 2.9 b." })).toBeFocused();
  await editorReady(panel);
  await tabTo(page, panel.getByRole("textbox", { name: "Comment" }), 20);
  await page.keyboard.type(marker);
  const save = panel.getByRole("button", { name: "Save comment" });
  await tabTo(page, save, 10);
  await expectInViewport(page, save);
  await page.keyboard.press("Enter");
  await expect(panel.getByRole("article").filter({ hasText: marker })).toContainText("Draft");
  await expect(panel.getByRole("status").filter({ hasText: "Your comment was saved." })).toBeFocused();
  return panel;
}

/** While the panel covers the screen, Tab stays inside it: never on the hidden page behind. */
export async function expectTabStaysInPanel(page: Page, panel: Locator, presses = 40) {
  for (let i = 0; i < presses; i++) {
    await page.keyboard.press("Tab");
    const outside = await panel.evaluate(
      (element) =>
        document.activeElement !== null &&
        document.activeElement !== document.body &&
        !element.contains(document.activeElement),
    );
    expect(outside, `Tab press ${i + 1} left the panel`).toBe(false);
  }
}

/** Escape closes the panel; the focus is back on the paragraph's comment link. */
export async function escapeCloses(page: Page, panel: Locator, key: string) {
  await page.keyboard.press("Escape");
  await expect(panel).toHaveCount(0);
  await expect(page).not.toHaveURL(/[?&]p=/);
  await expect(commentLink(page, key)).toBeFocused();
}
