import { expect, hydrated, test } from "./fixtures";

test("the secretariat reads the Outgoing mail page from the navigation; others are refused", async ({
  page,
  people,
  signInAs,
  pageAs,
}) => {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  await signInAs(people.secretariat);
  await page.goto("/consultations");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Outgoing mail" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Outgoing mail" })).toBeVisible();
  await hydrated(page);
  await expect(
    page.getByRole("navigation", { name: "Show" }).getByRole("link", { name: /^Failed \(\d+\)$/ }),
  ).toBeVisible();
  await page.getByRole("link", { name: /^Failed \(\d+\)$/ }).click();
  await expect(page).toHaveURL(/\/admin\/mail\?status=failed$/);
  await expect(page.getByRole("heading", { level: 1, name: "Outgoing mail" })).toBeVisible();
  expect(errors).toEqual([]);

  const delegate = await pageAs(people.delegate);
  const refused = await delegate.goto("/admin/mail");
  expect(refused?.status()).toBe(403);
  await expect(
    delegate.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Outgoing mail" }),
  ).toHaveCount(0);
});
