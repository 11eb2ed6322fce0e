import { expect, hydrated, test } from "./fixtures";
import { commentOnAPhraseByKeyboard } from "./keyboard-steps";

// The phone (390×844), in the French interface, with a keyboard (a Bluetooth one, or switch access).
test.use({ viewport: { width: 390, height: 844 }, locale: "fr" });

test("on a 390×844 phone a delegate, keyboard only, in French, comments on a phrase of 2.9 a.", async ({
  page,
  gca,
  people,
  signInAs,
}) => {
  await signInAs(people.delegate);
  await commentOnAPhraseByKeyboard(page, gca.path("/versions/1"), `Clavier sur téléphone (${Date.now()})`);
});

test("on a 390×844 phone Escape folds the open contents and the focus is back on their toggle", async ({
  page,
  gca,
}) => {
  await page.goto(gca.path("/versions/1"));
  await hydrated(page);
  const contents = page.locator(".toc > details");
  await expect(contents).not.toHaveAttribute("open", "");
  const toggle = contents.locator(":scope > summary");
  await toggle.focus();
  await page.keyboard.press("Enter");
  await expect(contents).toHaveAttribute("open", "");
  await page.keyboard.press("Tab");
  await expect(contents.locator("a").first()).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(contents).not.toHaveAttribute("open", "");
  await expect(toggle).toBeFocused();
});
