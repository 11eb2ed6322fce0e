import { expect, hydrated, test } from "./fixtures";

test("a new visitor goes from the list to paragraph 2.9 a. through the table of contents", async ({ page, gca }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/consultations$/);
  await expect(page.getByRole("heading", { level: 1, name: "Consultations" })).toBeVisible();

  await page.getByRole("link", { name: gca.title, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/consultations/${gca.slug}$`));
  await expect(page.getByText("Comment period", { exact: true })).toBeVisible();
  await expect(page.getByText(/\(Europe\/Zurich\)/)).toBeVisible();

  await page.getByRole("link", { name: "Draft 1 (C20/65)" }).click();
  await expect(page).toHaveURL(new RegExp(`/consultations/${gca.slug}/versions/1$`));

  const toc = page.getByRole("navigation", { name: "Contents" });
  const section2 = toc
    .getByRole("listitem")
    .filter({ has: page.getByRole("link", { name: /^Guidelines to utilize Pillar 1/ }) });
  await section2.getByText("Paragraphs").click();
  await section2.getByRole("link", { name: "2.9 a.", exact: true }).click();

  await expect(page).toHaveURL(/#p-2-9-a$/);
  const paragraph = page.locator("#p-2-9-a");
  await expect(paragraph).toBeInViewport();
  await expect(paragraph).toContainText("ITU should continue its efforts to facilitate multi-stakeholder discussions");
});

test("the 2020 draft shows its numbered paragraphs in document order", async ({ page, gca }) => {
  await page.goto(gca.path("/versions/1"));
  const numbers = await page.locator(".document .paragraph-number").allInnerTexts();
  const introduction = numbers.filter((n) => /^1\.\d+$/.test(n));
  expect(introduction).toEqual(Array.from({ length: 27 }, (_, i) => `1.${i + 1}`));
  const pillar1 = numbers.filter((n) => /^2\.9 [a-z]\.$/.test(n));
  expect(pillar1).toEqual(["a", "b", "c", "d", "e", "f", "g", "h"].map((l) => `2.9 ${l}.`));
  expect(numbers.indexOf("1.27")).toBeLessThan(numbers.indexOf("2.9 a."));
});

test("the 2022 final text shows its renumbered guidelines", async ({ page, gca }) => {
  await page.goto(gca.path("/versions/2"));
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const numbers = await page.locator(".document .paragraph-number").allInnerTexts();
  expect(numbers.filter((n) => /^2\. [a-z]\.$/.test(n))).toEqual(["2. a.", "2. b.", "2. c.", "2. d."]);
  expect(numbers.filter((n) => /^1\.\d+$/.test(n))).toEqual(["1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7", "1.8"]);
});

test("unknown consultations and versions are a 404 page, not a crash", async ({ page, gca }) => {
  const missing = await page.goto(`/consultations/no-such-thing-${gca.slug}`);
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  const badVersion = await page.goto(gca.path("/versions/abc"));
  expect(badVersion?.status()).toBe(404);
});

test("keyboard users can skip to the content and reach paragraph links", async ({ page, gca }) => {
  await page.goto(gca.path("/versions/1"));
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();
});

test("healthz reports the database", async ({ request }) => {
  const response = await request.get("/healthz");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok", database: "ok" });
});

test("“Go to paragraph” takes 2.9e, 2.9 (e) and 2.9.e to 2.9 e., and says when a number is not there", async ({
  page,
  gca,
}) => {
  await page.goto(gca.path("/versions/1"));
  await hydrated(page);
  const jump = page.getByRole("textbox", { name: "Go to paragraph" });
  for (const typed of ["2.9e", "2.9 (e)", "2.9.e"]) {
    await jump.fill(typed);
    await jump.press("Enter");
    await expect(page.locator("#p-2-9-e")).toBeFocused();
    await expect(page.locator("#p-2-9-e")).toBeInViewport();
    await expect(page).toHaveURL(/#p-2-9-e$/);
  }
  await jump.fill("9.99 z");
  await jump.press("Enter");
  await expect(page.getByRole("alert")).toHaveText(/There is no paragraph 9\.99 z in this document/);
  await expect(jump).toBeFocused();
  await expect(jump).toHaveAttribute("aria-invalid", "true");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("“Go to paragraph” still goes to the paragraph", async ({ page, gca }) => {
    await page.goto(gca.path("/versions/1"));
    await page.getByRole("textbox", { name: "Go to paragraph" }).fill("2.9 e");
    await page.getByRole("button", { name: "Go", exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`${gca.path("/versions/1")}#p-2-9-e$`));
    await page.getByRole("textbox", { name: "Go to paragraph" }).fill("77");
    await page.getByRole("button", { name: "Go", exact: true }).click();
    await expect(page.getByRole("alert")).toHaveText(/There is no paragraph 77/);
  });
});

test("a keyboard user reaches paragraph 2.9 e. in a few key presses, not 154", async ({ page, gca }) => {
  await page.goto(gca.path("/versions/1"));
  await hydrated(page);
  let presses = 0;
  const jump = page.getByRole("textbox", { name: "Go to paragraph" });
  while (!(await jump.evaluate((element) => element === document.activeElement))) {
    await page.keyboard.press("Tab");
    // 15, and the language switch's six languages (app/components/language-switch.tsx).
    expect(++presses).toBeLessThan(21);
  }
  await page.keyboard.type("2.9 e");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Link to paragraph 2.9 e." })).toBeFocused();
  // And past the contents to the text with the skip link.
  await page.goto(gca.path("/versions/1"));
  await hydrated(page);
  const skip = page.getByRole("link", { name: "Skip the contents to the text" });
  for (presses = 0; !(await skip.evaluate((element) => element === document.activeElement)); presses++) {
    await page.keyboard.press("Tab");
    expect(presses).toBeLessThan(26);
  }
  await page.keyboard.press("Enter");
  await expect(page.locator("article.document")).toBeFocused();
});

test("while comments are unpublished, paragraphs do not tell visitors and observers “No comments”", async ({
  page,
  gca,
  people,
  addComments,
  pageAs,
}) => {
  await addComments(gca, [
    { organization: people.delegation, paragraph: "2-9-d", type: "general", text: "Submitted, not yet public" },
  ]);
  for (const reader of [page, await pageAs(people.observer)]) {
    await reader.goto(gca.path("/versions/1"));
    await expect(reader.locator(".comment-count", { hasText: "No comments" })).toHaveCount(0);
    await expect(reader.locator("#p-2-9-d .comment-count")).toHaveText("Comments published after the period");
    await expect(reader.locator("#p-1-1 .comment-count")).toHaveText("Comments published after the period");
    await expect(reader.getByText("The comments received are published after the comment period.")).toBeVisible();
    await reader.goto(gca.path("/versions/1?p=2-9-d"));
    const panel = reader.getByRole("complementary", { name: "Comments on paragraph 2.9 d." });
    await expect(panel).toContainText("published after the comment period");
    await expect(panel).not.toContainText("No comments");
    await expect(panel.getByRole("article")).toHaveCount(0);
  }
  // The secretariat, who reads them all, sees the true count.
  const secretariat = await pageAs(people.secretariat, gca.path("/versions/1"));
  await expect(secretariat.locator("#p-2-9-d .comment-count")).toHaveText("1 comment");
  await expect(secretariat.locator("#p-1-1 .comment-count")).toHaveText("No comments");
});

test("every version's reader links to its comparison with the previous and the next version", async ({ page, gca }) => {
  await page.goto(gca.path("/versions/1"));
  await page.getByRole("link", { name: "Compare with the next version", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${gca.path("/compare/1...2")}$`));
  await page.goto(gca.path("/versions/2"));
  await page.getByRole("link", { name: "Compare with the previous version", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${gca.path("/compare/1...2")}$`));
});
