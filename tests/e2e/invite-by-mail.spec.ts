/**
 * The invitation by email, end to end (issue 13): the secretariat invites a
 * person in the browser, the e2e server sends the invitation through SMTP to
 * the run's mail server (tests/e2e/support/smtp-sink.ts), the test reads it
 * there as a mail client would, follows its link, creates the account and
 * signs in with it.
 */
import { expect, signOut, test } from "./fixtures";
import { waitForMail } from "./support/smtp-mailbox";

const PASSWORD = "lantern meadow quietly fourteen";

test("the secretariat invites a person; the emailed link creates the account, which then signs in", async ({
  page,
  browser,
  people,
  signInAs,
  suffix,
}) => {
  await signInAs(people.secretariat);
  await page.goto("/admin/people");
  const email = `invitee.${suffix}@e2e.test`;
  const invite = page.getByRole("region", { name: "Invite someone" });
  await invite.getByLabel("Email address", { exact: true }).fill(email);
  await invite.getByLabel("Role", { exact: true }).selectOption({ label: "Delegate" });
  await invite.getByLabel("Organization", { exact: true }).selectOption({ label: people.delegation.name });
  await invite.getByRole("button", { name: "Create invitation" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Invitation created" })).toContainText(email);

  const mail = await waitForMail(email, { subject: "Invitation to the consultation platform" });
  expect(mail.parsed.from?.text).toBeTruthy();
  expect(mail.text).toContain("Sam Secretariat");
  expect(mail.raw).toMatch(/multipart\/alternative/i);
  const link = mail.linkTo("/invitations/");
  expect(link).toMatch(/^http:\/\/localhost:\d+\/invitations\/[A-Za-z0-9_-]{43}$/);
  expect(mail.parsed.html).toContain(`href="${link}"`);

  // The invitee, in a browser of their own.
  const context = await browser.newContext();
  const invitee = await context.newPage();
  await invitee.goto(link);
  await expect(invitee.getByRole("heading", { level: 1, name: "Create your account" })).toBeVisible();
  await invitee.getByLabel("Your name").fill("Ines Invitee");
  const password = invitee.getByLabel("Choose a password");
  await expect(password).toHaveAttribute("autocomplete", "new-password");
  await password.fill(PASSWORD);
  await invitee.getByRole("button", { name: "Create my account" }).click();
  await expect(invitee.getByRole("banner")).toContainText(
    `Signed in as Ines Invitee (Delegate, ${people.delegation.name})`,
  );

  // Signing out and in again with the form: the account is real.
  await signOut(invitee);
  await invitee.goto("/login");
  await invitee.getByLabel("Email address", { exact: true }).fill(email);
  await invitee.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await invitee.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(invitee.getByRole("banner")).toContainText("Signed in as Ines Invitee");
  await context.close();
});
