/**
 * Language editions end to end: the secretariat uploads the French test
 * edition of the 2022 text in the browser; a reader switches to it, reads the
 * paragraphs and headings in French (the original one click away), comments
 * in French; the comment is on the same paragraph of the English original and
 * the dashboard shows it as French (and filters by it).
 */
import path from "node:path";

import { editorReady, expect, hydrated, test } from "./fixtures";
import { callDataService } from "./support/data-client";

const FRENCH_FILE = path.resolve("tests/fixtures/editions/gca-guidelines-final-2022.fr.partial.md");

test("the French edition is uploaded, read and commented on; the comment is on the English paragraph too", async ({
  gca,
  people,
  pageAs,
}) => {
  const final = gca.final!;
  await callDataService("openVersionForComments", { versionId: final.id });
  const READER = gca.path(`/versions/${final.number}`);

  // The secretariat uploads the French edition on the version's editions page.
  const secretariat = await pageAs(people.secretariat, gca.path(""));
  await secretariat.getByRole("link", { name: "Language editions" }).nth(1).click();
  await expect(secretariat.getByRole("heading", { level: 1 })).toHaveText(`Language editions of ${final.label}`);
  await secretariat.getByRole("combobox", { name: "Language", exact: true }).selectOption("fr");
  await secretariat.getByLabel("Translated text").setInputFiles(FRENCH_FILE);
  await secretariat.getByRole("button", { name: "Upload the edition" }).click();
  await expect(secretariat.getByRole("status")).toContainText(/The French edition was saved: 23 of \d+ paragraphs/);
  await expect(secretariat.getByRole("row", { name: /French/ })).toContainText("23 of");

  // A reader switches to the French edition: paragraphs and headings in French, marked lang="fr".
  const focal = await pageAs(people.focalPoint, READER);
  const switcher = focal.getByRole("navigation", { name: "Language of the text" });
  await switcher.getByRole("link", { name: "français" }).click();
  await expect(switcher.locator('[aria-current="page"]')).toHaveText("français");
  const paragraph = focal
    .locator(".paragraph")
    .filter({ has: focal.locator(".paragraph-number", { hasText: /^2\. a\.$/ }) });
  await expect(paragraph.locator('p[lang="fr"]')).toContainText("L'UIT devrait poursuivre ses efforts");
  await expect(focal.getByRole("heading", { name: /Pilier 1 - Mesures juridiques/ })).toBeVisible();
  // The original is one click away, in English; an untranslated paragraph shows the original, marked.
  await paragraph.getByText("Show the original").click();
  await expect(paragraph.locator('details p[lang="en"]')).toContainText("ITU should continue its efforts");
  const untranslated = focal
    .locator(".paragraph")
    .filter({ has: focal.locator(".paragraph-number", { hasText: /^4\. a\.$/ }) });
  await expect(untranslated).toContainText("Not translated: the original text is shown.");

  // The reader comments on 2. a. in French.
  const key = ((await paragraph.getAttribute("id")) ?? "").replace(/^p-/, "");
  expect(key).not.toBe("");
  await paragraph.getByRole("link", { name: /comments? on paragraph 2\. a\./ }).click();
  await hydrated(focal);
  const panel = focal.getByRole("complementary", { name: "Comments on paragraph 2. a." });
  await expect(panel.locator('figure textarea[lang="fr"]')).toHaveValue(/L'UIT devrait poursuivre/);
  await panel.getByLabel("Language of your comment").selectOption("fr");
  await editorReady(panel);
  const marker = `Il faudrait nommer les organisations régionales (${Date.now()})`;
  await panel.getByRole("textbox", { name: "Comment" }).click();
  await focal.keyboard.type(marker);
  await panel.getByRole("button", { name: "Save comment" }).click();
  await expect(panel.getByRole("article").filter({ hasText: marker })).toBeVisible();
  await expect(focal).toHaveURL(/edition=fr/);

  // The same paragraph of the English original has the comment.
  const english = await pageAs(people.secretariat, `${READER}?edition=en&p=${key}#p-${key}`);
  const englishPanel = english.getByRole("complementary", { name: "Comments on paragraph 2. a." });
  await expect(englishPanel.locator('figure textarea[lang="en"]')).toHaveValue(/ITU should continue its efforts/);
  await expect(englishPanel.getByRole("article").filter({ hasText: marker })).toBeVisible();

  // The dashboard marks it French and filters by language.
  await english.goto(gca.path(`/feedback?v=${final.number}&lang=fr`));
  const listed = english.getByRole("article").filter({ hasText: marker });
  await expect(listed).toContainText("Written in French");
  await expect(listed).toContainText("Read in the French edition");
  await english.goto(gca.path(`/feedback?v=${final.number}&lang=en`));
  await expect(english.getByText(marker)).toHaveCount(0);
});

test("a French file that does not match the original is refused with the report, nothing imported", async ({
  gca,
  people,
  pageAs,
}) => {
  const final = gca.final!;
  const page = await pageAs(people.secretariat, gca.path(`/versions/${final.number}/editions`));
  await page.getByRole("combobox", { name: "Language", exact: true }).selectOption("fr");
  await page.getByLabel("Translated text").setInputFiles({
    name: "mismatch.md",
    mimeType: "text/markdown",
    buffer: Buffer.from("## Section 1. Introduction\n\n**1.1** Un.\n\n**9.9** Numéro inconnu.\n"),
  });
  await page.getByRole("button", { name: "Upload the edition" }).click();
  await expect(page.getByRole("alert").first()).toContainText("Nothing was changed");
  await expect(
    page.getByText("Paragraph 2 of the file (9.9): the original has no paragraph with this number."),
  ).toBeVisible();
  await expect(page.getByText("This version has no language edition yet.")).toBeVisible();
});
