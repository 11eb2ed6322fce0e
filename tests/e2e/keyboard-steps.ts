/**
 * Commenting on a phrase with the keyboard alone, in the French interface (issue 14), shared by
 * keyboard.spec.ts (desktop) and keyboard.phone.spec.ts (390×844): Tab to the paragraph, open its
 * panel, select a phrase with Shift+arrows, "Comment on the selection", type, save, Escape; focus
 * returns to the paragraph and the saved comment carries the quote.
 *
 * The names are looked up in the strings of the language the page is in (html[lang]): French once the
 * server serves French to Accept-Language: fr, English until then (the lead asserts the language).
 */
import en from "~/locales/en";
import fr from "~/locales/fr";

import { editorReady, expect, hydrated } from "./fixtures";
import { commentLink, tabTo } from "./reader-panel-steps";

import type { Page } from "@playwright/test";

type Strings = (key: string, values?: Record<string, string>) => string;

/** The UI strings of the page's language (fr or en), `{{variables}}` filled in. */
export async function stringsOf(page: Page): Promise<Strings> {
  const lang = await page.locator("html").getAttribute("lang");
  const common: unknown = lang?.startsWith("fr") ? fr.common : en.common;
  return (key, values = {}) => {
    const found = key
      .split(".")
      .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], common);
    if (typeof found !== "string") throw new Error(`no string ${key} (${lang})`);
    return found.replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? "");
  };
}

/** How many characters of the phrase Shift+ArrowRight selects. */
const PHRASE_LENGTH = 24;

export async function commentOnAPhraseByKeyboard(page: Page, readerPath: string, marker: string) {
  await page.goto(readerPath);
  await hydrated(page);
  const french = await stringsOf(page);
  // To the paragraph: "Go to paragraph" 2.9 a, then its comment link.
  const jump = page.getByRole("textbox", { name: french("jump.label") });
  await tabTo(page, jump, 26);
  await page.keyboard.type("2.9 a");
  await page.keyboard.press("Enter");
  await expect(page.locator("#p-2-9-a")).toBeFocused();
  await tabTo(page, commentLink(page, "2-9-a"), 3);
  await page.keyboard.press("Enter");

  // The panel opens with the focus on its heading.
  const title = french("comments.panelTitle", { number: "2.9 a." });
  const panel = page.getByRole("complementary", { name: title });
  await expect(panel.getByRole("heading", { name: title })).toBeFocused();
  await editorReady(panel);

  // Into the paragraph's text; the caret after two words, then Shift+arrows select a phrase.
  const text = panel.getByRole("textbox", { name: french("a11y.quote.textLabel", { number: "2.9 a." }) });
  await tabTo(page, text, 5);
  const original = await text.inputValue();
  // It refuses edits: typing, deleting, a line break change nothing.
  for (const key of ["x", "Backspace", "Delete", "Enter"]) await page.keyboard.press(key);
  expect(await text.inputValue()).toBe(original);
  await page.keyboard.press("Control+Home");
  await page.keyboard.press("Control+ArrowRight");
  await page.keyboard.press("Control+ArrowRight");
  // Past the space that follows the second word (Linux stops at the end of a word).
  await page.keyboard.press("ArrowRight");
  const { value, start } = await text.evaluate((area: HTMLTextAreaElement) => ({
    value: area.value,
    start: area.selectionStart,
  }));
  expect(start, "the caret moved into the text").toBeGreaterThan(0);
  for (let i = 0; i < PHRASE_LENGTH; i++) await page.keyboard.press("Shift+ArrowRight");
  const phrase = value.slice(start, start + PHRASE_LENGTH);
  expect(
    await text.evaluate((area: HTMLTextAreaElement) => area.value.slice(area.selectionStart, area.selectionEnd)),
  ).toBe(phrase);
  if (process.env.SCREENSHOTS) await page.screenshot({ path: "test-results/keyboard-selection.png" });

  // "Comment on the selection": the quote is filled in and announced, and the focus is on the comment.
  const onSelection = panel.getByRole("button", { name: french("a11y.quote.commentOnSelection") });
  await tabTo(page, onSelection, 3);
  await page.keyboard.press("Enter");
  await expect(panel.locator(".quote-field q")).toHaveText(phrase);
  await expect(
    panel.getByRole("status").filter({ hasText: french("a11y.quote.selected", { quote: phrase }) }),
  ).toHaveCount(1);
  await expect(panel.getByRole("textbox", { name: french("comments.body") })).toBeFocused();
  await page.keyboard.type(marker);

  const save = panel.getByRole("button", { name: french("comments.save") });
  await tabTo(page, save, 15);
  await page.keyboard.press("Enter");
  const saved = panel.getByRole("article").filter({ hasText: marker });
  await expect(saved).toBeVisible();
  // The saved comment carries the quote.
  await expect(saved.locator(".comment-quote q")).toHaveText(phrase);
  await expect(panel.getByRole("status").filter({ hasText: french("readerPage.saved") })).toBeFocused();

  // Escape closes the panel; the focus returns to the paragraph's comment link.
  await page.keyboard.press("Escape");
  await expect(panel).toHaveCount(0);
  await expect(commentLink(page, "2-9-a")).toBeFocused();
  return phrase;
}
