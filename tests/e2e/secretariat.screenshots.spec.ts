/**
 * Screenshots of the secretariat's screens at 1366 and 390 px, for
 * docs/screenshots/ (people.png, upload-version.png) and for looking at the
 * others. Only with SCREENSHOTS=1: `SCREENSHOTS=1 npx playwright test tests/e2e/secretariat.screenshots.spec.ts`.
 */
import path from "node:path";

import { test, expect } from "./fixtures";

const OUT = process.env.SCREENSHOT_DIR ?? "docs/screenshots";
const FINAL_2022 = path.resolve("tests/fixtures/corpus/gca-guidelines-final-2022.txt");

test.skip(!process.env.SCREENSHOTS, "screenshots only on demand (SCREENSHOTS=1)");

for (const width of [1366, 390]) {
  const tag = width === 1366 ? "" : `-${width}`;
  test(`secretariat screens at ${width} px`, async ({ page, people, gca, signInAs, createUser }) => {
    test.setTimeout(180_000);
    await page.setViewportSize({ width, height: width === 1366 ? 900 : 844 });
    await createUser({ role: "delegate", name: "Dora Delegate", organization: people.delegation });
    await signInAs(people.secretariat);

    await page.goto("/admin/people");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("People");
    await page.screenshot({ path: `${OUT}/people${tag}.png`, fullPage: width !== 1366 });
    await page.getByRole("link", { name: "Manage the account of Dora Delegate" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Account of Dora Delegate");
    await page.getByRole("button", { name: "Deactivate…" }).click();
    await expect(page.getByRole("button", { name: "Yes, deactivate the account" })).toBeVisible();
    await page.screenshot({ path: `/tmp/secretariat-shots/account${tag}.png`, fullPage: true });

    await page.goto(gca.path());
    await page.getByText("Upload a new version").click();
    await page.getByLabel("Document file").setInputFiles(FINAL_2022);
    await page.getByLabel("Version name").fill("Draft 3");
    await page.screenshot({ path: `${OUT}/upload-version${tag}.png`, fullPage: true });
    await page.getByRole("button", { name: "Upload and import" }).click();
    await expect(page.getByRole("button", { name: "Importing the document…" })).toBeVisible();
    await page.screenshot({ path: `/tmp/secretariat-shots/upload-progress${tag}.png`, fullPage: false });
    await expect(page.getByRole("status").filter({ hasText: "was imported" })).toBeVisible({ timeout: 120_000 });
    await page.screenshot({ path: `/tmp/secretariat-shots/uploaded${tag}.png`, fullPage: true });

    await page.goto(gca.path("/edit"));
    await page.screenshot({ path: `/tmp/secretariat-shots/edit${tag}.png`, fullPage: true });
    await page.goto("/consultations/new");
    await page.screenshot({ path: `/tmp/secretariat-shots/new${tag}.png`, fullPage: true });
  });
}
