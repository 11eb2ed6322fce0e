import { expect, hydrated, test } from "./fixtures";
import { commentOnAPhraseByKeyboard } from "./keyboard-steps";

// The French interface (Accept-Language: fr).
test.use({ locale: "fr" });

test("a delegate, keyboard only, in French, comments on a phrase of 2.9 a. of the GCA 2020 draft", async ({
  page,
  gca,
  people,
  signInAs,
}) => {
  await signInAs(people.delegate);
  await commentOnAPhraseByKeyboard(page, gca.path("/versions/1"), `Clavier seul (${Date.now()})`);
});

test("a mouse selection in the paragraph's text still fills the quote at once", async ({
  page,
  gca,
  people,
  signInAs,
}) => {
  await signInAs(people.delegate);
  await page.goto(gca.path("/versions/1?p=2-9-a#p-2-9-a"));
  await hydrated(page);
  const panel = page.locator(".comment-panel");
  const text = panel.locator("textarea.quotable-text");
  // A double click selects a word, as in any text.
  const box = (await text.boundingBox())!;
  await page.mouse.dblclick(box.x + 30, box.y + box.height / 2);
  const word = await text.evaluate((area: HTMLTextAreaElement) =>
    area.value.slice(area.selectionStart, area.selectionEnd),
  );
  expect(word.trim().length).toBeGreaterThan(0);
  await expect(panel.locator(".quote-field q")).toHaveText(word);
});
