/**
 * The secretariat's screens in the browser: uploading a new version and
 * seeing its comparison, editing a consultation, managing accounts
 * (deactivation ends a session at once), and the site navigation. Each
 * refusal (another role, bad input) is checked to change nothing.
 */
import fs from "node:fs";
import path from "node:path";

import { test as base, expect, hydrated, type TestConsultation } from "./fixtures";
import { callDataService } from "./support/data-client";

import type { Page } from "@playwright/test";

const FINAL_2022 = path.resolve("tests/fixtures/corpus/gca-guidelines-final-2022.txt");

/** The GCA consultation with Draft 1 only: the secretariat uploads the 2022 text itself. */
const test = base.extend<{ gcaDraftOnly: TestConsultation }>({
  gcaDraftOnly: async ({ created, suffix }, use) => {
    const consultation = await callDataService("createGcaConsultation", { suffix, final: false });
    created.consultationIds.push(consultation.id);
    await use({ ...consultation, path: (rest = "") => `/consultations/${consultation.slug}${rest}` });
  },
});

/** A multipart upload the way a scripted client would send it: right Origin, the page's cookie. */
function forcedUpload(page: Page, url: string, file: { name: string; buffer: Buffer }, label = "Forced") {
  return page.request.post(url, {
    headers: { Origin: new URL(page.url()).origin },
    multipart: { label, status: "closed", document: { name: file.name, mimeType: "text/plain", buffer: file.buffer } },
    maxRedirects: 0,
  });
}

async function versionLinks(page: Page, consultation: TestConsultation) {
  await page.goto(consultation.path());
  return page.getByRole("region", { name: "Versions" }).getByRole("heading", { level: 3 }).count();
}

test("the secretariat uploads a new version in the browser and sees its comparison with the previous one", async ({
  page,
  people,
  gcaDraftOnly: gca,
  signInAs,
}) => {
  test.setTimeout(180_000);
  await signInAs(people.secretariat);
  await page.goto(gca.path());
  await hydrated(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(gca.title);
  // The title is not repeated as a heading below it.
  await expect(page.getByRole("heading", { level: 2, name: gca.title })).toHaveCount(0);

  await page.getByText("Upload a new version").click();
  const form = page.locator(".manage-upload");
  await form.getByLabel("Document file").setInputFiles(FINAL_2022);
  await form.getByLabel("Version name").fill("Final text (Council 2022)");
  await form.getByLabel("The final text").check();
  await form.getByRole("button", { name: "Upload and import" }).click();
  // While it imports: a disabled button and a status with a progress bar.
  await expect(form.getByRole("button", { name: "Importing the document…" })).toBeDisabled();
  await expect(form.getByRole("status")).toContainText("Long documents take several seconds");

  const done = page.getByRole("status").filter({ hasText: "was imported as version 2" });
  await expect(done).toBeVisible({ timeout: 120_000 });
  await expect(done).toContainText("Final text (Council 2022) was imported as version 2");
  await done.getByRole("link", { name: "Compare version 1 with version 2" }).click();
  await expect(page).toHaveURL(new RegExp(`/compare/1\\.\\.\\.2$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Changes from Draft 1 (C20/65) to Final text (Council 2022)",
  );

  // The overview now links every version to a comparison, and to Compare itself.
  await page.goto(gca.path());
  await expect(page.getByRole("link", { name: "Compare versions" })).toHaveAttribute("href", gca.path("/compare"));
  await expect(page.getByRole("link", { name: "Compare version 1 with version 2" })).toHaveCount(2);
  await expect(page.getByText("Times are in Europe/Zurich.")).toBeVisible();
});

test("a refused upload answers 4xx with a clear message and adds no version", async ({
  page,
  people,
  gcaDraftOnly: gca,
  signInAs,
  pageAs,
}) => {
  await signInAs(people.secretariat);
  await page.goto(gca.path());
  const upload = gca.path("/upload");

  const wrongType = await forcedUpload(page, upload, { name: "draft.pdf", buffer: Buffer.from("%PDF-1.4 …") });
  expect(wrongType.status()).toBe(400);
  const empty = await forcedUpload(page, upload, { name: "draft.txt", buffer: Buffer.alloc(0) });
  expect(empty.status()).toBe(400);
  const notWord = await forcedUpload(page, upload, { name: "draft.docx", buffer: Buffer.from("not a zip at all") });
  expect(notWord.status()).toBe(400);
  const noParagraphs = await forcedUpload(page, upload, { name: "draft.txt", buffer: Buffer.from("   \n\n  \n") });
  expect(noParagraphs.status()).toBeGreaterThanOrEqual(400);
  expect(noParagraphs.status()).toBeLessThan(500);
  const tooLarge = await forcedUpload(page, upload, { name: "draft.txt", buffer: Buffer.alloc(21 * 1024 * 1024, 65) });
  expect(tooLarge.status()).toBe(413);
  const noLabel = await forcedUpload(page, upload, { name: "draft.txt", buffer: fs.readFileSync(FINAL_2022) }, "");
  expect(noLabel.status()).toBe(400);

  // Someone else (a focal point) is refused before the file is read.
  const focal = await pageAs(people.focalPoint, gca.path());
  const forbidden = await forcedUpload(focal, upload, { name: "draft.txt", buffer: fs.readFileSync(FINAL_2022) });
  expect(forbidden.status()).toBe(403);
  await expect(focal.getByText("Upload a new version")).toHaveCount(0);

  expect(await versionLinks(page, gca)).toBe(1);

  // In the browser, the message names the file and says what is wrong.
  await page.goto(upload);
  await page.getByLabel("Document file").setInputFiles({
    name: "notes.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from("%PDF-1.4"),
  });
  await page.getByLabel("Version name").fill("Draft 2");
  await page.getByRole("button", { name: "Upload and import" }).click();
  await expect(page.getByRole("alert")).toContainText("notes.pdf");
  await expect(page.getByText("This file cannot be imported")).toBeVisible();
});

test("the secretariat edits a consultation's title, summary and visibility; others get 403", async ({
  page,
  people,
  gcaDraftOnly: gca,
  signInAs,
  pageAs,
}) => {
  await signInAs(people.secretariat);
  await page.goto(gca.path());
  await page.getByRole("link", { name: "Edit the consultation" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Edit the consultation");
  const title = `Edited GCA guidelines ${gca.slug}`;
  await page.getByLabel("Title").fill("");
  await page.getByRole("button", { name: "Save the consultation" }).click();
  // The browser refuses an empty required title; a too-short one reaches the server.
  await page.getByLabel("Title").fill("ab");
  await page.getByRole("button", { name: "Save the consultation" }).click();
  await expect(page.getByText("Give the consultation a title.").first()).toBeVisible();
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Summary").fill("A new summary for the edited consultation.");
  await page.getByLabel("Public as soon as they are submitted").check();
  await page.getByRole("button", { name: "Save the consultation" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.getByRole("status")).toHaveText("The consultation was saved.");
  await expect(page.getByText("A new summary for the edited consultation.")).toBeVisible();
  await page.goto(gca.path("/edit"));
  await expect(page.getByLabel("Public as soon as they are submitted")).toBeChecked();

  const delegate = await pageAs(people.delegate, gca.path());
  await expect(delegate.getByRole("link", { name: "Edit the consultation" })).toHaveCount(0);
  const view = await delegate.goto(gca.path("/edit"));
  expect(view?.status()).toBe(403);
  const forced = await delegate.request.post(gca.path("/edit"), {
    headers: { Origin: new URL(delegate.url()).origin },
    form: { title: "Hijacked", summary: "", commentsVisibility: "during" },
    maxRedirects: 0,
  });
  expect(forced.status()).toBe(403);
  await page.goto(gca.path());
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
});

test("the secretariat lists accounts, changes a role and deactivates an account whose session ends at once", async ({
  page,
  people,
  signInAs,
  pageAs,
  createUser,
  createOrganization,
}) => {
  const other = await createOrganization({ name: "Delegation of Member State B", kind: "member_state" });
  const dora = await createUser({ role: "delegate", name: "Dora Deactivated", organization: people.delegation });
  const doraPage = await pageAs(dora, "/consultations");
  await expect(doraPage.getByText("Signed in as Dora Deactivated", { exact: false })).toBeVisible();

  await signInAs(people.secretariat);
  await page.goto("/consultations");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "People" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("People");
  const accounts = page.getByRole("region", { name: "Accounts" });
  const row = accounts.getByRole("row").filter({ hasText: "Dora Deactivated" });
  await expect(row).toContainText(dora.email);
  await expect(row).toContainText("Delegate");
  await expect(row).toContainText(people.delegation.name);
  await expect(row).toContainText("Active");
  await row.getByRole("link", { name: "Manage the account of Dora Deactivated" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Account of Dora Deactivated");

  await page.getByLabel("Role", { exact: true }).selectOption({ label: "Focal point" });
  await page.getByLabel("Organization", { exact: true }).selectOption({ label: other.name });
  await page.getByRole("button", { name: "Save role and organization" }).click();
  await expect(page.getByRole("status")).toHaveText("The role and organization of Dora Deactivated were saved.");
  await expect(page.locator(".facts")).toContainText("Focal point");
  await expect(page.locator(".facts")).toContainText(other.name);

  await page.getByRole("button", { name: "Deactivate…" }).click();
  await expect(page.getByText("Dora Deactivated will be signed out of 1 open session")).toBeVisible();
  await page.getByRole("button", { name: "Yes, deactivate the account" }).click();
  await expect(page.getByRole("status")).toContainText("was deactivated");

  // Her open page's next request is signed out.
  await doraPage.reload();
  await expect(doraPage.getByRole("link", { name: "Sign in", exact: true })).toBeVisible();

  await page.getByRole("link", { name: "All people" }).click();
  await expect(accounts.getByRole("row").filter({ hasText: "Dora Deactivated" })).toContainText("Deactivated");

  // The secretariat cannot deactivate itself: no button on its own page, and a forced POST is refused.
  await page.goto(`/admin/people/${people.secretariat.id}`);
  await expect(page.getByRole("button", { name: "Deactivate…" })).toHaveCount(0);
  const self = await page.request.post(`/admin/people/${people.secretariat.id}`, {
    headers: { Origin: new URL(page.url()).origin },
    form: { intent: "deactivate", confirmed: "yes" },
    maxRedirects: 0,
  });
  expect(self.status()).toBe(409);
  const bad = await page.request.post(`/admin/people/${dora.id}`, {
    headers: { Origin: new URL(page.url()).origin },
    form: { intent: "update", roleName: "emperor" },
    maxRedirects: 0,
  });
  expect(bad.status()).toBe(400);

  // Others are refused the pages and the actions.
  const focal = await pageAs(people.focalPoint, "/consultations");
  await expect(focal.getByRole("link", { name: "People" })).toHaveCount(0);
  expect((await focal.goto(`/admin/people/${dora.id}`))?.status()).toBe(403);
  const forced = await focal.request.post(`/admin/people/${dora.id}`, {
    headers: { Origin: new URL(focal.url()).origin },
    form: { intent: "reactivate" },
    maxRedirects: 0,
  });
  expect(forced.status()).toBe(403);
  await page.goto(`/admin/people/${dora.id}`);
  await expect(page.locator(".facts")).toContainText("Deactivated");

  await page.getByRole("button", { name: "Reactivate the account" }).click();
  await expect(page.getByRole("status")).toHaveText("The account of Dora Deactivated was reactivated.");
});

test("the secretariat reaches its screens from the site navigation, also at 390 px", async ({
  page,
  people,
  gcaDraftOnly: gca,
  signInAs,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signInAs(people.secretariat);
  await page.goto(gca.path("/versions/1"));
  const consultationNav = page.getByRole("navigation", { name: "This consultation" });
  await consultationNav.getByRole("link", { name: "Feedback dashboard" }).click();
  await expect(page).toHaveURL(new RegExp(`${gca.slug}/feedback$`));
  await consultationNav.getByRole("link", { name: "Import comments" }).click();
  await expect(page).toHaveURL(new RegExp(`${gca.slug}/comments/import$`));
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "People" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("People");
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
});
