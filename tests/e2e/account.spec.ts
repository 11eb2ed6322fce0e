import { expect, test } from "./fixtures";

import type { Page } from "@playwright/test";

const PASSWORD = "a test passphrase of several words";
const NEW_PASSWORD = "violet harbour kettle nineteen";

async function signInWithForm(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Email address", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("banner")).toContainText("Signed in as");
}

test("a delegate changes the password in one browser; the other browser is signed out", async ({
  browser,
  page,
  createUser,
}) => {
  const delegate = await createUser({ role: "delegate", name: "Dora Delegate", password: PASSWORD });
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await signInWithForm(page, delegate.email, PASSWORD);
  await signInWithForm(other, delegate.email, PASSWORD);

  // From the header to the account page, then the sessions page: two browsers.
  await page.getByRole("link", { name: "Your account" }).click();
  await page.getByRole("link", { name: "Your sessions (signed-in browsers)" }).click();
  await expect(page.getByRole("table", { name: "Signed-in sessions" }).getByRole("row")).toHaveCount(3);

  await page.goto("/account/password");
  await page.getByLabel("Current password").fill(PASSWORD);
  await page.getByLabel("New password").fill("aaaaaaaaaaaa");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("This password is too easy to guess.")).toBeVisible();

  await page.getByLabel("Current password").fill(PASSWORD);
  await page.getByLabel("New password").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("status")).toContainText("Your password has been changed.");

  // The other browser's next page: signed out.
  await other.goto("/account");
  await expect(other).toHaveURL(/\/login/);
  await expect(other.getByRole("banner")).not.toContainText("Signed in as");
  // This browser is still signed in, and the new password works.
  await page.goto("/account/sessions");
  await expect(page.getByRole("table", { name: "Signed-in sessions" }).getByRole("row")).toHaveCount(2);
  await signInWithForm(other, delegate.email, NEW_PASSWORD);
  await otherContext.close();
});
