/**
 * A focal point invites a delegate into their own organization (issue 12,
 * "Organizations"; docs/decisions/0021), end to end: the invitation is sent
 * through SMTP to the run's mail server, the test reads it there, follows its
 * link, and the new delegate creates the account, signs in with the form and
 * reads the workspace of the focal point's delegation. Also withdraws a second
 * invitation and takes the organization page's screenshots at phone and
 * desktop width (into ORGINVITE_SHOTS, when set).
 */
import fs from "node:fs";

import { expect, signOut, test } from "./fixtures";
import { waitForMail } from "./support/smtp-mailbox";

const PASSWORD = "lantern meadow quietly fourteen";

test("a focal point invites a delegate by email; the delegate joins and reads the delegation's workspace", async ({
  page,
  browser,
  gca,
  people,
  signInAs,
  suffix,
}) => {
  await signInAs(people.focalPoint);
  await page.goto("/account");
  await page.getByRole("link", { name: "Your organization: members and invitations" }).click();
  await expect(page).toHaveURL(/\/organization$/);
  await expect(page.getByRole("heading", { level: 1, name: "Your organization" })).toBeVisible();
  await expect(
    page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Our organization" }),
  ).toBeVisible();
  // The section and its scrolling table are both regions of that name: the section is the first.
  const members = page.getByRole("region", { name: "Members" }).first();
  await expect(members.getByRole("row", { name: /Fatima Focal/ })).toContainText("Focal point");
  await expect(members.getByRole("row", { name: /Dario Delegate/ })).toContainText("Active");

  const invite = page.getByRole("region", { name: "Invite a delegate" });
  const role = invite.getByLabel("Role", { exact: true });
  await expect(role.locator("option")).toHaveText(["Delegate"]);
  const email = `delegate.invitee.${suffix}@e2e.test`;
  const other = `withdrawn.${suffix}@e2e.test`;
  for (const address of [email, other]) {
    await invite.getByLabel("Email address", { exact: true }).fill(address);
    await invite.getByRole("button", { name: "Send invitation" }).click();
    await expect(page.getByRole("status")).toContainText(`Invitation emailed to ${address}`);
  }
  const pending = page.getByRole("region", { name: "Pending invitations" }).first();
  const rowOf = (address: string) => pending.getByRole("row", { name: new RegExp(address.replace(/\./g, "\\.")) });
  await expect(rowOf(email)).toContainText("Pending");
  await expect(rowOf(other)).toContainText("Pending");

  const shots = process.env.ORGINVITE_SHOTS;
  if (shots) {
    fs.mkdirSync(shots, { recursive: true });
    for (const size of [
      { width: 390, height: 844, name: "organization-390x844.png" },
      { width: 1280, height: 800, name: "organization-1280x800.png" },
    ]) {
      await page.setViewportSize(size);
      await expect(rowOf(other)).toBeVisible();
      await page.screenshot({ path: `${shots}/${size.name}`, fullPage: true });
    }
    await page.setViewportSize({ width: 1280, height: 800 });
  }

  await pending.getByRole("button", { name: `Withdraw the invitation for ${other}` }).click();
  await expect(page.getByRole("status")).toContainText(`The invitation for ${other} was withdrawn`);
  await expect(rowOf(other)).toHaveCount(0);

  const mail = await waitForMail(email, { subject: "Invitation to the consultation platform" });
  expect(mail.text).toContain("Fatima Focal");
  expect(mail.text).toContain(people.delegation.name);
  const link = mail.linkTo("/invitations/");

  // The invitee, in a browser of their own.
  const context = await browser.newContext();
  const invitee = await context.newPage();
  await invitee.goto(link);
  await expect(invitee.getByRole("heading", { level: 1, name: "Create your account" })).toBeVisible();
  await invitee.getByLabel("Your name").fill("Nadia Newcomer");
  await invitee.getByLabel("Choose a password").fill(PASSWORD);
  await invitee.getByRole("button", { name: "Create my account" }).click();
  await expect(invitee.getByRole("banner")).toContainText(
    `Signed in as Nadia Newcomer (Delegate, ${people.delegation.name})`,
  );

  await signOut(invitee);
  await invitee.goto("/login");
  await invitee.getByLabel("Email address", { exact: true }).fill(email);
  await invitee.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await invitee.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(invitee.getByRole("banner")).toContainText("Signed in as Nadia Newcomer");
  await invitee.goto(gca.path("/delegation"));
  await expect(invitee.getByRole("heading", { level: 1 })).toContainText(`Workspace of ${people.delegation.name}`);
  // A delegate invites nobody: no link to the organization page, and the page itself is refused.
  await expect(invitee.getByRole("link", { name: "Our organization" })).toHaveCount(0);
  const refused = await invitee.goto("/organization");
  expect(refused?.status()).toBe(403);
  await context.close();

  // The focal point's page now lists the new delegate as a member, and no pending invitation for them.
  await page.reload();
  await expect(members.getByRole("row", { name: /Nadia Newcomer/ })).toContainText("Delegate");
  await expect(pending).toContainText("No pending invitations.");
});
