import { buildAnnotatedGcaDocx } from "../../app/lib/import/__fixtures__/annotated-gca";
import { expect, hydrated, test } from "./fixtures";

test(
  "a delegate uploads the delegation's annotated copy of the 2020 draft: its three Word comments become drafts " +
    "on paragraphs 1.1, 4.8 b. and the phrase of 5.1, and the comment on an added paragraph is reported",
  async ({ gca, people, pageAs }) => {
    const page = await pageAs(people.delegate, gca.path("/delegation"));
    await hydrated(page);
    await page.getByRole("link", { name: "Import comments from a Word file" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Import comments from a Word file");

    // Keyboard: the file field is labelled, the button reachable.
    await page.getByLabel("Word file (.docx)").setInputFiles({
      name: "C20-65-annotated.docx",
      mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      buffer: Buffer.from(await buildAnnotatedGcaDocx()),
    });
    await page.getByRole("button", { name: "Import the comments" }).press("Enter");

    await expect(page.getByRole("status")).toHaveText("3 comments imported as drafts.");
    const imported = page.getByRole("region", { name: "Imported drafts" });
    await expect(imported.getByRole("link")).toHaveText(["Paragraph 1.1", "Paragraph 4.8 b.", "Paragraph 5.1"]);
    await expect(imported.getByRole("listitem").nth(2)).toContainText("On “a cybersecurity culture”");
    const report = page.getByRole("region", { name: "1 comment could not be placed" });
    await expect(report).toContainText("This paragraph is our proposal: please add it after 1.5.");
    await expect(report).toContainText("Reason: No paragraph of the draft has this text.");

    // The workspace lists the three drafts on their paragraphs, in document order.
    await page.goto(gca.path("/delegation"));
    await expect(page.getByText("Drafts: 3 · Submitted: 0 · Withdrawn: 0")).toBeVisible();
    const headings = await page.locator(".workspace-paragraph h2").allTextContents();
    expect(headings).toEqual(["Paragraph 1.1", "Paragraph 4.8 b.", "Paragraph 5.1"]);
    const phrase = page.getByRole("region", { name: "Paragraph 5.1" }).getByRole("article");
    await expect(phrase).toContainText("a cybersecurity culture");
    await expect(phrase).toContainText("Replace with “a culture of cybersecurity”, as in Resolution 130.");
    await expect(page.getByRole("region", { name: "Paragraph 1.1" }).getByRole("article")).toContainText(
      "We suggest recalling Resolution 130 in full in a footnote.",
    );

    // The reader shows the draft on paragraph 4.8 b.
    await page.goto(gca.path("/versions/1?p=4-8-b#p-4-8-b"));
    const panel = page.getByRole("complementary", { name: "Comments on paragraph 4.8 b." });
    await expect(panel).toContainText("Which criteria define “proper” organizational structures?");
  },
);

test("the import page refuses a file that is not a Word document, and an observer", async ({ gca, people, pageAs }) => {
  const page = await pageAs(people.focalPoint, gca.path("/delegation/import"));
  await hydrated(page);
  await page.getByLabel("Word file (.docx)").setInputFiles({
    name: "notes.docx",
    mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    buffer: Buffer.from("These are notes, not a Word file."),
  });
  await page.getByRole("button", { name: "Import the comments" }).click();
  await expect(page.getByRole("alert")).toContainText("This file is not a Word document (.docx).");

  const observer = await pageAs(people.observer);
  const response = await observer.goto(gca.path("/delegation/import"));
  expect(response?.status()).toBe(403);
});
