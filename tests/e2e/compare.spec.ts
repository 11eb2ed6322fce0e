import { editorReady, expect, hydrated, test, type TestConsultation } from "./fixtures";

import type { Page } from "@playwright/test";

const compareOf = (gca: TestConsultation) => gca.path("/compare/1...2");

/** The change row whose numbers read "old → new". */
function change(page: Page, numbers: string) {
  return page.getByRole("listitem").filter({ has: page.locator(".change-numbers", { hasText: numbers }) });
}

test("an observer compares the 2020 draft with the 2022 final text as tracked changes", async ({ page, gca }) => {
  const COMPARE = compareOf(gca);
  await page.goto(gca.path("/versions/2"));
  await page.getByRole("link", { name: "Compare with the previous version" }).click();
  await expect(page).toHaveURL(new RegExp(`${COMPARE.replace(/\./g, "\\.")}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Changes from Draft 1 (C20/65) to Final text (Council 2022)",
  );

  // The legend says in words what the colours mean.
  const legend = page.getByRole("group", { name: "Legend" });
  await expect(legend.locator("ins")).toHaveText("inserted: inserted text");
  await expect(legend.locator("del")).toHaveText("deleted: deleted text");

  // Per-section counts, as a table with a caption.
  const summary = page.getByRole("table", { name: /Changes by section/ });
  await expect(summary.getByRole("row", { name: /^2 Pillar 1 - Legal Measures/ })).toContainText("5");
  // 35 modified, 1 possibly related (3.12 e. → 3. e.), added, deleted, moved, split, merged, unchanged, renumbered.
  await expect(summary.getByRole("row", { name: /^All sections/ })).toHaveText(
    /35\s*1\s*5\s*106\s*1\s*0\s*1\s*10\s*45/,
  );

  // 2.9 a. became 2. a.: numbers old → new, badges, words struck and inserted.
  const row = change(page, "2.9 a. → 2. a.");
  await expect(row).toHaveCount(1);
  await expect(row.getByText("Modified", { exact: true })).toBeVisible();
  await expect(row.getByText("Renumbered", { exact: true })).toBeVisible();
  await expect(row.locator("del")).toContainText(["on", "addressing the issue of", "partners and other"]);
  await expect(row.locator("ins")).toContainText(["for addressing", "all"]);
  await expect(row.getByRole("link", { name: "Read paragraph 2.9 a. in Draft 1 (C20/65)" })).toHaveAttribute(
    "href",
    gca.path("/versions/1#p-2-9-a"),
  );
  await expect(row.getByRole("link", { name: "Read paragraph 2. a. in Final text (Council 2022)" })).toHaveAttribute(
    "href",
    gca.path("/versions/2#p-2-9-a"),
  );
  // Comments are published after the deadline: an anonymous reader sees none.
  await expect(row.getByRole("link", { name: /comment/ })).toHaveCount(0);

  // Unchanged paragraphs are listed in full view, hidden with "Changes only".
  await expect(change(page, "1.1 → 1.1")).toHaveCount(1);
  await page.getByRole("navigation", { name: "Display options" }).getByRole("link", { name: "Changes only" }).click();
  await expect(page).toHaveURL(/\?only=changes$/);
  await expect(change(page, "1.1 → 1.1")).toHaveCount(0);
  await expect(change(page, "2.9 a. → 2. a.")).toHaveCount(1);
  await expect(change(page, "5.14 j. + 5.14 k. → 5. j.").getByText("Merged", { exact: true })).toBeVisible();
  await expect(change(page, "1.5 → 1.4").getByText("Moved", { exact: true })).toBeVisible();

  // Side by side keeps the filter; each side shows its own version's words.
  await page.getByRole("link", { name: "Side by side" }).click();
  await expect(page).toHaveURL(/\?view=side&only=changes$/);
  const sides = change(page, "2.9 a. → 2. a.");
  await expect(sides.locator(".change-side-old del")).toContainText(["partners and other"]);
  await expect(sides.locator(".change-side-old ins")).toHaveCount(0);
  await expect(sides.locator(".change-side-new ins")).toContainText(["all"]);
});

test("a sentence moved between paragraphs is linked both ways; a weak pairing reads 'possibly related'", async ({
  page,
  gca,
}) => {
  await page.goto(compareOf(gca));
  // "The United Nations has a unique role …" left 6.17 a. and opens 6. now.
  const away = change(page, "6.17 a. → 6. a.");
  const arrived = change(page, "6.17 → 6.");
  await expect(away.locator("del.moved-sentence")).toHaveText(/^deleted: The United Nations has a unique role/);
  await expect(away.locator(".moved-sentence-note")).toHaveText(
    "moved sentence moved to 6. in Final text (Council 2022)",
  );
  await expect(arrived.locator("ins.moved-sentence")).toHaveText(/^inserted: The United Nations has a unique role/);
  await expect(arrived.locator(".moved-sentence-note")).toHaveText(
    "moved sentence moved from 6.17 a. in Draft 1 (C20/65)",
  );
  const to = away.getByRole("link", { name: "moved to 6. in Final text (Council 2022)" });
  const anchor = await arrived.getAttribute("id");
  await expect(to).toHaveAttribute("href", `#${anchor}`);
  await to.click();
  await expect(page).toHaveURL(new RegExp(`#${anchor}$`));
  await expect(arrived.getByRole("link", { name: "moved from 6.17 a. in Draft 1 (C20/65)" })).toHaveAttribute(
    "href",
    `#${await away.getAttribute("id")}`,
  );

  // 3.12 e. → 3. e. was paired on its place alone: shown as possibly related, not as certain.
  const weak = change(page, "3.12 e. → 3. e.");
  await expect(weak.getByText("Possibly related", { exact: true })).toBeVisible();
  await expect(weak.locator(".change-confidence")).toContainText("this pairing may be wrong");
  await expect(change(page, "3.12 d. → 3. d.").getByText("Possibly related", { exact: true })).toHaveCount(0);
});

test("the version picker is a GET form that leads to a shareable URL, in either order", async ({ page, gca }) => {
  // 2...1 is not precomputed at import: the first request starts the
  // comparison worker, which loads the server build (a few seconds here).
  test.setTimeout(60_000);
  await page.goto(compareOf(gca));
  const picker = page.getByRole("group", { name: "Versions to compare" });
  await picker.getByLabel("From").selectOption({ label: "Final text (Council 2022)" });
  await picker.getByLabel("To").selectOption({ label: "Draft 1 (C20/65)" });
  await picker.getByRole("button", { name: "Compare" }).click();
  await expect(page).toHaveURL(new RegExp(`/consultations/${gca.slug}/compare/2\\.\\.\\.1$`), { timeout: 40_000 });
  await expect(change(page, "2. a. → 2.9 a.").locator("ins")).toContainText(["partners and other"]);
});

test("bad ranges, unknown consultations and versions are 404 pages", async ({ page, gca }) => {
  for (const path of [
    gca.path("/compare/1..2"),
    gca.path("/compare/1...9"),
    `/consultations/nope-${gca.slug}/compare/1...2`,
  ]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  }
});

test("the Word export is a .docx with tracked changes", async ({ request, gca }) => {
  const COMPARE = compareOf(gca);
  const response = await request.get(`${COMPARE}/export.docx`);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe(
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  );
  expect(response.headers()["content-disposition"]).toBe(`attachment; filename="${gca.slug}-compare-1-2.docx"`);
  const body = await response.body();
  expect(body.subarray(0, 2).toString()).toBe("PK");
  const html = await request.get(`${COMPARE}/export.html?download=1`);
  expect(html.status()).toBe(200);
  expect(html.headers()["content-disposition"]).toBe(`attachment; filename="${gca.slug}-compare-1-2.html"`);
  const file = await html.text();
  expect(file).toContain('<del><span class="visually-hidden">deleted: </span>partners and other</del>');
  // The file stands alone (styles inline) and prints the deleted paragraphs whole.
  expect(file).toContain("<style>");
  expect(file).not.toContain("change-fold");
});

test("the printable redline opens as a page, styled by its own stylesheet", async ({ page, gca }) => {
  const COMPARE = compareOf(gca);
  await page.goto(COMPARE);
  const opened = page.waitForResponse((response) => response.url().endsWith("/export.html"));
  await page.getByRole("link", { name: "Printable redline", exact: true }).click();
  const response = await opened;
  expect(response.headers()["content-disposition"]).toBe(`inline; filename="${gca.slug}-compare-1-2.html"`);
  await expect(page).toHaveURL(new RegExp(`${COMPARE.replace(/\./g, "\\.")}/export\\.html$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Changes from Draft 1 (C20/65) to Final text (Council 2022)",
  );
  // The site's policy allows no inline style: /redline.css applies.
  const del = page.locator("del", { hasText: "partners and other" }).first();
  await expect(del).toHaveCSS("text-decoration-line", "line-through");
  await expect(page.getByRole("link", { name: "Download the printable redline (.html)" })).toHaveCount(0);
});

test("deleted paragraphs fold to one line and open on demand, without JavaScript too", async ({ browser, gca }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  await page.goto(compareOf(gca));
  const deleted = page.locator(".change-deleted");
  await expect(deleted).toHaveCount(106);
  // 1.6 of the draft was deleted: one line, its number, first words and "Deleted".
  const fold = page.locator("li.change-deleted").filter({ hasText: /^\s*1\.6\s/ });
  await expect(fold.locator("summary")).toHaveText(
    /^1\.6 A fundamental role of ITU, based on the guidance of … Deleted$/,
  );
  await expect(fold.locator(".change-text")).toBeHidden();
  await fold.locator("summary").click();
  await expect(fold.locator(".change-text")).toBeVisible();
  await expect(fold.locator(".change-text del")).toContainText("A fundamental role of ITU");
  await expect(fold.getByRole("link", { name: "Read paragraph 1.6 in Draft 1 (C20/65)" })).toBeVisible();
  // Folded, the long comparison is less than half its former height (36,876 px unfolded at 1366 px).
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  expect(height).toBeLessThan(20_000);
  await context.close();
});

test("next and previous change move the focus from change to change, by button and by key", async ({ page, gca }) => {
  await page.goto(`${compareOf(gca)}?only=changes`);
  await hydrated(page);
  const nav = page.getByRole("navigation", { name: "Changes" });
  const status = nav.getByRole("status");
  await nav.getByRole("button", { name: "Next change" }).click();
  await expect(status).toHaveText(/^Change 1 of \d+: /);
  const first = await status.innerText();
  const focused = page.locator("li.change:focus");
  await expect(focused).toHaveCount(1);
  await expect(focused).toBeInViewport();
  await page.keyboard.press("n");
  await expect(status).toHaveText(/^Change 2 of \d+: /);
  await page.keyboard.press("n");
  await expect(status).toHaveText(/^Change 3 of \d+: /);
  await page.keyboard.press("p");
  await page.keyboard.press("k");
  await expect(status).toHaveText(first);
  await page.keyboard.press("p");
  await expect(status).toHaveText(/^This is the first change/);
  // Letters typed into a field stay in the field.
  const from = page.getByRole("group", { name: "Versions to compare" }).getByLabel("From");
  await from.focus();
  await page.keyboard.press("n");
  await expect(status).toHaveText(/^This is the first change/);
  await expect(from).toBeFocused();
});

test("follows a link from a change to the comments that asked for it", async ({ page, gca, people, signInAs }) => {
  const body = `Name all stakeholders, not only partners (${Date.now()}).`;
  const proposal =
    "ITU should continue its efforts to facilitate multi-stakeholder discussions and collaboration on the " +
    "challenges associated with addressing the issue of cybersecurity, and in particular, strengthen its " +
    "relationship with all stakeholders to deliver assistance to Member States in this regard.";

  // The focal point comments on 2.9 a. of the draft, with proposed text.
  await signInAs(people.focalPoint);
  await page.goto(gca.path("/versions/1?p=2-9-a"));
  await hydrated(page);
  const panel = page.getByRole("complementary", { name: "Comments on paragraph 2.9 a." });
  await panel.getByRole("radio", { name: "Technical" }).check();
  await editorReady(panel);
  await panel.getByRole("textbox", { name: "Comment", exact: true }).fill(body);
  await panel.getByRole("textbox", { name: "Proposed replacement text (optional)" }).fill(proposal);
  await panel.getByRole("checkbox", { name: "Submit now as the organization's official comment" }).check();
  await panel.getByRole("button", { name: "Save comment" }).click();
  await expect(panel.getByText(body)).toBeVisible();

  // In the comparison, the change from 2.9 a. to 2. a. links to that comment.
  await page.goto(compareOf(gca));
  await page.getByRole("link", { name: "Changes only" }).click();
  const row = change(page, "2.9 a. → 2. a.");
  // The consultation is this test's: its one comment.
  const link = row.getByRole("link", { name: "1 comment on paragraph 2.9 a. of Draft 1 (C20/65)", exact: true });
  await link.click();
  await expect(page).toHaveURL(/#c-2-9-a$/);
  const comment = row.getByRole("article").filter({ hasText: body });
  await expect(comment).toBeVisible();
  await expect(comment).toContainText(people.delegation.name);
  await expect(comment).toContainText("Technical");
  // Whether the words are in the new text, said apart from the secretariat's decision.
  await expect(comment).toContainText(
    "Proposed words in the text of Final text (Council 2022): present (found by comparing the texts, not the " +
      "secretariat's decision)",
  );
  await expect(page.getByText(/The secretariat's decision on each comment .* is a separate thing/)).toBeVisible();

  // The reader of the final text points back to it.
  await page.goto(gca.path("/versions/2"));
  const carried = page
    .locator("#p-2-9-a")
    .getByRole("link", { name: /comments? on paragraph 2\.9 a\. of Draft 1 \(C20\/65\): see what changed/ });
  await expect(carried).toHaveText("1 comment on earlier versions");
  await carried.click();
  await expect(page).toHaveURL(/\/compare\/1\.\.\.2#c-2-9-a$/);
  await expect(page.getByRole("article").filter({ hasText: body })).toBeVisible();
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("side by side collapses to stacked, without sideways scrolling", async ({ page, gca }) => {
    await page.goto(`${compareOf(gca)}?view=side&only=changes`);
    const row = change(page, "2.9 a. → 2. a.");
    const [oldSide, newSide] = [row.locator(".change-side-old"), row.locator(".change-side-new")];
    const [oldBox, newBox] = [await oldSide.boundingBox(), await newSide.boundingBox()];
    expect(newBox!.y).toBeGreaterThan(oldBox!.y + oldBox!.height - 1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  });
});

test("go to paragraph on the comparison: by its number in either version, with and without JavaScript", async ({
  page,
  browser,
  gca,
}) => {
  await page.goto(`${compareOf(gca)}?only=changes`);
  await hydrated(page);
  const field = page.getByRole("textbox", { name: "Go to paragraph" });
  // 2.9 e. is a number of the 2020 draft: its row is found under the old number.
  await field.fill("2.9e");
  await field.press("Enter");
  const row = change(page, "2.9 e.").first();
  await expect(row).toBeFocused();
  await expect(page).toHaveURL(new RegExp(`\\?only=changes#${(await row.getAttribute("id")) ?? "none"}$`));
  await field.fill("99.99 z");
  await field.press("Enter");
  await expect(page.getByRole("alert")).toContainText("99.99 z");

  const noScript = await browser.newContext({ javaScriptEnabled: false });
  const plain = await noScript.newPage();
  await plain.goto(`${compareOf(gca)}?only=changes`);
  await plain.getByRole("textbox", { name: "Go to paragraph" }).fill("2.9 e");
  await plain.getByRole("textbox", { name: "Go to paragraph" }).press("Enter");
  await expect(plain).toHaveURL(/\?only=changes#/);
  await noScript.close();
});
