import { expect, test } from "./fixtures";

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
