import { expect, hydrated, test } from "./fixtures";
import { commentOnAPhraseByKeyboard } from "./keyboard-steps";
import { saveByKeyboard } from "./reader-panel-steps";

// The French interface (Accept-Language: fr).
test.use({ locale: "fr" });

test("a delegate, keyboard only, in French, comments on a phrase of 2.9 a. of the GCA 2020 draft", async ({
  page,
  gca,
  people,
  signInAs,
  browser,
}) => {
  test.setTimeout(180_000);
  await signInAs(people.delegate);
  const marker = `Clavier seul (${Date.now()})`;
  await commentOnAPhraseByKeyboard(page, gca.path("/versions/1"), marker);

  // The focal point submits it; the secretariat's dashboard (both in English) shows it as written in French.
  const inEnglish = async (user: typeof people.secretariat, path: string) => {
    const context = await browser.newContext({ locale: "en" });
    await signInAs(user, context);
    const opened = await context.newPage();
    await opened.goto(path);
    return opened;
  };
  const focal = await inEnglish(people.focalPoint, gca.path("/delegation"));
  const draft = focal.getByRole("article").filter({ hasText: marker });
  await draft.getByRole("checkbox", { name: "Select this draft for submission" }).check();
  await focal.getByRole("button", { name: "Review the selected drafts" }).click();
  const confirm = focal.getByRole("region", { name: "Confirm the submission" });
  await confirm.getByRole("button", { name: "Submit 1 comment officially" }).click();
  await expect(focal).toHaveURL(/\/delegation\/receipts\//);
  const secretariat = await inEnglish(people.secretariat, gca.path("/feedback?v=1&lang=fr"));
  const listed = secretariat.getByRole("article").filter({ hasText: marker });
  await expect(listed).toContainText("Written in French");
  await secretariat.goto(gca.path("/feedback?v=1&lang=en"));
  await expect(secretariat.getByText(marker)).toHaveCount(0);
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

test.describe("in English", () => {
  test.use({ locale: "en" });

  test("Escape cancels a confirmation shown in the page; the focus goes to its heading, then back", async ({
    page,
    gca,
    people,
    signInAs,
    pageAs,
    createUser,
  }) => {
    // The focal point's submission confirmation (a draft of the delegation first).
    await signInAs(people.delegate);
    await saveByKeyboard(page, gca.path("/versions/1"), `A draft to review (${Date.now()})`);
    const focal = await pageAs(people.focalPoint, gca.path("/delegation"));
    await hydrated(focal);
    await focal.getByRole("checkbox", { name: "Select this draft for submission" }).check();
    await focal.getByRole("button", { name: "Review the selected drafts" }).press("Enter");
    const confirmation = focal.getByRole("region", { name: "Confirm the submission" });
    await expect(confirmation.getByRole("heading", { name: "Confirm the submission" })).toBeFocused();
    await focal.keyboard.press("Escape");
    await expect(confirmation).toHaveCount(0);
    await expect(focal).not.toHaveURL(/review=/);
    await expect(focal.getByRole("button", { name: "Review the selected drafts" })).toBeFocused();

    // The secretariat's "Deactivate …?" confirmation.
    const person = await createUser({ role: "delegate", name: "Dana Deactivate" });
    const officer = await pageAs(people.secretariat, `/admin/people/${person.id}`);
    await hydrated(officer);
    await officer.getByRole("button", { name: "Deactivate…" }).press("Enter");
    const box = officer.getByRole("region", { name: /Dana Deactivate/ });
    await expect(box.getByRole("heading", { name: /Dana Deactivate/ })).toBeFocused();
    await officer.keyboard.press("Escape");
    await expect(box).toHaveCount(0);
    await expect(officer.getByRole("button", { name: "Deactivate…" })).toBeFocused();
  });
});
