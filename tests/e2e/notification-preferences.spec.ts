import { signUnsubscribeToken } from "~/lib/mail/unsubscribe";

import { expect, hydrated, test } from "./fixtures";
import { serverUnsubscribeKey } from "./support/unsubscribe-key";

import type { Page } from "@playwright/test";

const KINDS = [
  "Reminders before a deadline",
  "New versions published",
  "Comment periods opened, extended or closed",
  "Comments received published",
  "Disposition tables published",
];
const DIGEST = "In one daily digest, sent at 06:00 UTC";

function group(page: Page, name: string) {
  return page.getByRole("group", { name });
}

/** Each kind is a group named by its legend, described by its hint, with the three choices as radio buttons. */
async function expectLabelledGroups(page: Page) {
  for (const name of KINDS) {
    await expect(group(page, name).getByRole("radio")).toHaveCount(3);
    for (const choice of ["Each one as it happens", DIGEST, "Not at all"]) {
      await expect(group(page, name).getByRole("radio", { name: choice })).toHaveCount(1);
    }
  }
  await expect(group(page, KINDS[0])).toHaveAccessibleDescription(/Before a comment period closes/);
}

test("a delegate chooses the daily digest for reminders with the keyboard alone; the choice is saved", async ({
  page,
  people,
  signInAs,
}) => {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await signInAs(people.delegate);
  await page.goto("/account");
  await page.getByRole("link", { name: "Email notifications" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Email notifications" })).toBeVisible();
  await hydrated(page);
  await expectLabelledGroups(page);
  for (const name of KINDS) {
    await expect(group(page, name).getByRole("radio", { name: "Each one as it happens" })).toBeChecked();
  }

  // Into the first group, an arrow key to the next choice, Tab on to the button, Enter.
  await group(page, KINDS[0]).getByRole("radio", { name: "Each one as it happens" }).focus();
  await page.keyboard.press("ArrowDown");
  await expect(group(page, KINDS[0]).getByRole("radio", { name: DIGEST })).toBeChecked();
  const save = page.getByRole("button", { name: "Save preferences" });
  for (let presses = 0; presses < 10 && !(await save.evaluate((button) => button === document.activeElement));) {
    await page.keyboard.press("Tab");
    presses++;
  }
  await expect(save).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status")).toContainText("Your preferences have been saved.");

  await page.reload();
  await expect(group(page, KINDS[0]).getByRole("radio", { name: DIGEST })).toBeChecked();
  await expect(group(page, KINDS[1]).getByRole("radio", { name: "Each one as it happens" })).toBeChecked();
  expect(errors).toEqual([]);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the form is a plain POST: a delegate turns publication notices off", async ({ page, people, signInAs }) => {
    await signInAs(people.delegate);
    await page.goto("/account/notifications");
    await group(page, KINDS[1]).getByRole("radio", { name: "Not at all" }).check();
    await page.getByRole("button", { name: "Save preferences" }).click();
    await expect(page.getByRole("status")).toContainText("Your preferences have been saved.");
    await page.goto("/account/notifications");
    await expect(group(page, KINDS[1]).getByRole("radio", { name: "Not at all" })).toBeChecked();
  });
});

test("a mail client's one-click POST reaches the unsubscribe page without Origin or cookie; forged: refused", async ({
  page,
  request,
}) => {
  const forged = `cm0000000000000000000000.reminder.${"A".repeat(43)}`;
  // Past the server's Origin check (which would answer 403) to the route, which refuses the token.
  const oneClick = await request.post(`/unsubscribe/${forged}`, {
    form: { "List-Unsubscribe": "One-Click" },
    maxRedirects: 0,
  });
  expect(oneClick.status()).toBe(404);
  expect(await oneClick.text()).toContain("This unsubscribe link does not work");
  // Only that path: the preferences form without Origin is still refused.
  const elsewhere = await request.post("/account/notifications", { form: { reminder: "off" }, maxRedirects: 0 });
  expect(elsewhere.status()).toBe(403);

  const shown = await page.goto(`/unsubscribe/${forged}`);
  expect(shown?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This unsubscribe link does not work");
  await expect(page.getByRole("link", { name: "Notification settings (sign-in needed)" })).toBeVisible();
});

test("unsubscribing without signing in: the page's button, and a mail client's one-click POST", async ({
  page,
  request,
  people,
  pageAs,
}) => {
  const key = serverUnsubscribeKey();
  const token = (scope: "reminder" | "version_published") =>
    signUnsubscribeToken(key, { userId: people.delegate.id, scope });

  // Opening the link (as a scanner would) changes nothing; the button does.
  await page.goto(`/unsubscribe/${token("version_published")}`);
  await expect(page.getByText("Stop these emails: New versions published?")).toBeVisible();
  await page.getByRole("button", { name: "Unsubscribe" }).click();
  await expect(page.getByRole("status")).toContainText("You are unsubscribed: New versions published.");

  const oneClick = await request.post(`/unsubscribe/${token("reminder")}`, {
    form: { "List-Unsubscribe": "One-Click" },
    maxRedirects: 0,
  });
  expect(oneClick.status()).toBe(200);

  const signedIn = await pageAs(people.delegate, "/account/notifications");
  await expect(group(signedIn, KINDS[0]).getByRole("radio", { name: "Not at all" })).toBeChecked();
  await expect(group(signedIn, KINDS[1]).getByRole("radio", { name: "Not at all" })).toBeChecked();
  await expect(group(signedIn, KINDS[2]).getByRole("radio", { name: "Each one as it happens" })).toBeChecked();
});
