/**
 * Password reset, end to end (issues 12 and 13): the link is emailed through
 * SMTP to the run's mail server (tests/e2e/support/smtp-sink.ts), read there,
 * followed; the new password works and the old one no longer does.
 */
import { expect, signOut, test } from "./fixtures";
import { waitForMail } from "./support/smtp-mailbox";

import type { Page } from "@playwright/test";

const PASSWORD = "a test passphrase of several words";
const NEW_PASSWORD = "copper violin harbour nineteen";
const SUBJECT = "Choose a new password";

async function signInWithForm(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Email address", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

async function expectNoHorizontalScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
}

test("a person asks for a reset at /forgot-password, follows the emailed link and sets a new password", async ({
  page,
  createUser,
  suffix,
}) => {
  const person = await createUser({ role: "delegate", name: "Rita Reset", password: PASSWORD });
  // On a phone, up to the new password.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/login");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Forgot your password?" })).toBeVisible();
  await expectNoHorizontalScroll(page);

  // An unknown address gets the same answer (and no mail).
  const unknown = `nobody.${suffix}@e2e.test`;
  await page.getByLabel("Email address", { exact: true }).fill(unknown);
  await page.getByRole("button", { name: "Send reset link" }).click();
  const answer = page.getByRole("status");
  await expect(answer).toContainText(`If ${unknown} belongs to an account, a link`);
  const unknownAnswer = (await answer.textContent())!.replace(unknown, "<email>");

  await page.getByLabel("Email address", { exact: true }).fill(person.email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(answer).toContainText(`If ${person.email} belongs to an account, a link`);
  expect((await answer.textContent())!.replace(person.email, "<email>")).toBe(unknownAnswer);

  const mail = await waitForMail(person.email, { subject: SUBJECT });
  expect(mail.text).toContain("Hello Rita Reset");
  const link = mail.linkTo("/reset-password/");
  expect(link).toMatch(/^http:\/\/localhost:\d+\/reset-password\/[A-Za-z0-9_-]{43}$/);

  // The page loads nothing from elsewhere (its address is the secret).
  const requested: string[] = [];
  page.on("request", (request) => requested.push(request.url()));
  const response = await page.goto(link);
  expect(response?.status()).toBe(200);
  expect(response?.headers()["cache-control"]).toBe("no-store");
  expect(response?.headers()["referrer-policy"]).toBe("same-origin");
  await expect(page.getByRole("heading", { level: 1, name: "Choose a new password" })).toBeVisible();
  await expectNoHorizontalScroll(page);
  expect(requested.filter((url) => new URL(url).origin !== new URL(link).origin)).toEqual([]);
  const field = page.getByLabel("New password");
  await expect(field).toHaveAttribute("autocomplete", "new-password");
  await expect(field).toHaveAccessibleDescription(/At least 12 characters/);

  // A weak password is refused with advice; the link still works.
  await field.fill("123456789012");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByText(/too easy to guess|most common passwords|easy to guess/).first()).toBeVisible();
  await expect(field).toHaveAttribute("aria-invalid", "true");

  await field.fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page).toHaveURL(/\/login\?reset=done$/);
  await expect(page.getByRole("status")).toContainText("Your password has been changed");

  // The link works once.
  const again = await page.goto(link);
  expect(again?.status()).toBe(410);
  await expect(page.getByRole("heading", { level: 1, name: "Reset link already used" })).toBeVisible();

  await page.setViewportSize({ width: 1280, height: 800 });
  await signInWithForm(page, person.email, PASSWORD);
  await expect(page.getByRole("alert")).toHaveText("Email or password is incorrect.");
  await signInWithForm(page, person.email, NEW_PASSWORD);
  await expect(page.getByRole("banner")).toContainText("Signed in as Rita Reset");
  await signOut(page);

  // Told by mail that the password changed.
  await waitForMail(person.email, { subject: "Your password was changed" });
});

test("the secretariat sends a reset link from the account page; the reset ends the person's sessions", async ({
  page,
  people,
  createUser,
  signInAs,
  pageAs,
}) => {
  const person = await createUser({
    role: "focal_point",
    name: "Frida Focal",
    organization: people.delegation,
    password: PASSWORD,
  });
  const elsewhere = await pageAs(person, "/consultations");
  await expect(elsewhere.getByRole("banner")).toContainText("Signed in as Frida Focal");

  await signInAs(people.secretariat);
  await page.goto(`/admin/people/${person.id}`);
  await page.getByRole("button", { name: "Send password reset link" }).click();
  await expect(page.getByRole("status")).toContainText(`A password reset link has been sent to ${person.email}`);
  const mail = await waitForMail(person.email, { subject: SUBJECT });
  expect(mail.text).toContain("Sam Secretariat");
  // The link is for the person only: the secretariat's page never shows it.
  const link = mail.linkTo("/reset-password/");
  await expect(page.getByText(link)).toHaveCount(0);

  const context = await page.context().browser()!.newContext();
  const own = await context.newPage();
  await own.goto(link);
  await own.getByLabel("New password").fill(NEW_PASSWORD);
  await own.getByRole("button", { name: "Set new password" }).click();
  await expect(own).toHaveURL(/\/login\?reset=done$/);
  await signInWithForm(own, person.email, NEW_PASSWORD);
  await expect(own.getByRole("banner")).toContainText("Signed in as Frida Focal");
  await context.close();

  // The browser signed in before the reset is signed out.
  await elsewhere.reload();
  await expect(elsewhere.getByRole("link", { name: "Sign in", exact: true })).toBeVisible();
});
