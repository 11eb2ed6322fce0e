import { decodeBase32IgnorePadding } from "@oslojs/encoding";

import { totpCode } from "~/lib/security/totp";

import { expect, signOut, test } from "./fixtures";

import type { Page } from "@playwright/test";

const PASSWORD = "a test passphrase of several words";

async function signInWithForm(page: Page, email: string) {
  await page.goto("/login?redirectTo=%2Fadmin%2Fpeople");
  await page.getByLabel("Email address", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

test("a secretariat account reaches no page before TOTP is set up; sign-in then asks a code or recovery code", async ({
  page,
  createUser,
}) => {
  const officer = await createUser({ role: "secretariat", name: "Tomas Totp", password: PASSWORD, totp: false });
  await signInWithForm(page, officer.email);
  await expect(page).toHaveURL(/\/account\/two-factor$/);
  await expect(page.getByText("Secretariat accounts must set up two-factor authentication")).toBeVisible();
  for (const path of ["/admin/people", "/consultations/new", "/admin/mail", "/account/password"]) {
    await page.goto(path);
    await expect(page, path).toHaveURL(/\/account\/two-factor$/);
  }

  // Enrol as an authenticator app would: the secret typed from the page.
  const secret = decodeBase32IgnorePadding((await page.getByTestId("totp-secret").innerText()).replace(/\s+/g, ""));
  await page.getByLabel("Verification code or recovery code").fill("000000");
  await page.getByRole("button", { name: "Turn on two-factor authentication" }).click();
  await expect(page.getByRole("alert")).toContainText("That code is not valid.");
  await page.getByLabel("Verification code or recovery code").fill(totpCode(secret));
  await page.getByRole("button", { name: "Turn on two-factor authentication" }).click();
  await expect(page.getByTestId("recovery-codes").getByRole("listitem")).toHaveCount(10);
  const codes = await page.getByTestId("recovery-codes").getByRole("listitem").allInnerTexts();
  await page.getByRole("link", { name: "Continue" }).click();
  await page.goto("/admin/people");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("People");

  // Signing in again asks a code; a recovery code works once.
  await signOut(page);
  await signInWithForm(page, officer.email);
  await expect(page).toHaveURL(/\/login\/two-factor/);
  await page.goto("/admin/people");
  await expect(page).toHaveURL(/\/login/);
  await signInWithForm(page, officer.email);
  await page.getByLabel("Verification code or recovery code").fill(codes[0]);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).toHaveURL(/\/admin\/people$/);
  await signOut(page);
  await signInWithForm(page, officer.email);
  await page.getByLabel("Verification code or recovery code").fill(codes[0]);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByRole("alert")).toContainText("That code is not valid.");
});
