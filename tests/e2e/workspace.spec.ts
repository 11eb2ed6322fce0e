import { editorReady, expect, hydrated, test } from "./fixtures";

import type { Page } from "@playwright/test";

/** Drafts a comment on a paragraph through the reader's panel, as a delegate does. */
async function draftComment(page: Page, readerPath: string, paragraphKey: string, number: string, text: string) {
  await page.goto(`${readerPath}?p=${paragraphKey}#p-${paragraphKey}`);
  await hydrated(page);
  const panel = page.getByRole("complementary", { name: `Comments on paragraph ${number}` });
  await panel.getByRole("radio", { name: "General" }).check();
  await editorReady(panel);
  await panel.getByRole("textbox", { name: "Comment" }).click();
  await page.keyboard.type(text);
  await panel.getByRole("button", { name: "Save comment" }).click();
  await expect(panel.getByRole("article").filter({ hasText: text })).toContainText("Draft");
}

test(
  "a delegate drafts three comments, the focal point submits two from the workspace and gets a receipt " +
    "with two tracking numbers; the delegate's forced edit and withdrawal of a submitted comment are refused",
  async ({ gca, people, pageAs, baseURL }) => {
    const reader = gca.path("/versions/1");
    const stamp = Date.now();
    const texts = [`First draft ${stamp}`, `Second draft ${stamp}`, `Third draft ${stamp}`];
    const delegate = await pageAs(people.delegate);
    await draftComment(delegate, reader, "2-9-a", "2.9 a.", texts[0]);
    await draftComment(delegate, reader, "2-9-b", "2.9 b.", texts[1]);
    await draftComment(delegate, reader, "2-9-c", "2.9 c.", texts[2]);

    // The delegate sees the three drafts in the workspace, and cannot submit them.
    await delegate.goto(gca.path("/delegation"));
    await expect(delegate.getByRole("heading", { level: 1 })).toContainText("Workspace of");
    await expect(delegate.getByText("Drafts: 3 · Submitted: 0 · Withdrawn: 0")).toBeVisible();
    await expect(delegate.getByRole("button", { name: "Review the selected drafts" })).toHaveCount(0);

    const focal = await pageAs(people.focalPoint, gca.path("/delegation"));
    const first = focal.getByRole("article").filter({ hasText: texts[0] });
    const second = focal.getByRole("article").filter({ hasText: texts[1] });
    // Grouped by paragraph, in document order.
    const headings = await focal.locator(".workspace-paragraph h2").allTextContents();
    expect(headings).toEqual(["Paragraph 2.9 a.", "Paragraph 2.9 b.", "Paragraph 2.9 c."]);
    const submittedId = await first.getByRole("checkbox").getAttribute("value");
    await first.getByRole("checkbox", { name: "Select this draft for submission" }).check();
    await second.getByRole("checkbox", { name: "Select this draft for submission" }).check();
    await focal.getByRole("button", { name: "Review the selected drafts" }).click();

    // The confirmation lists exactly what becomes official.
    const confirm = focal.getByRole("region", { name: "Confirm the submission" });
    await expect(confirm).toContainText("2 comments become the official comments of Delegation of Member State A");
    await expect(confirm.getByRole("listitem")).toHaveCount(2);
    await expect(confirm).toContainText(texts[0]);
    await expect(confirm).toContainText(texts[1]);
    await expect(confirm).not.toContainText(texts[2]);
    await confirm.getByRole("button", { name: "Submit 2 comments officially" }).click();

    // The receipt: two tracking numbers, the date in the consultation's zone, files to keep.
    await expect(focal).toHaveURL(/\/delegation\/receipts\/[A-Z0-9-]+-R\d{4}\?submitted=2$/);
    await expect(focal.getByRole("status")).toContainText("2 comments submitted");
    const rows = focal.locator(".receipt-table tbody tr");
    await expect(rows).toHaveCount(2);
    const numbers = await rows.locator("td:first-child").allTextContents();
    expect(numbers).toHaveLength(2);
    for (const number of numbers) expect(number).toMatch(new RegExp(`^${gca.slug.toUpperCase()}-\\d{4}$`));
    expect(new Set(numbers).size).toBe(2);
    const facts = focal.locator(".receipt-facts");
    await expect(facts).toContainText("Delegation of Member State A");
    await expect(facts).toContainText("Fatima Focal");
    // Date and time in the consultation's zone, the zone named (never raw UTC ISO).
    await expect(facts.locator("time")).toHaveText(
      /^\d{1,2} \w+ \d{4} at \d{2}:\d{2} \S+$|^\w+ \d{1,2}, \d{4} at \d{2}:\d{2} \S+$/,
    );
    await expect(focal.getByRole("link", { name: "Download PDF" })).toBeVisible();
    const pdf = await focal.request.get(`${focal.url().split("?")[0]}/pdf`);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");

    // The delegate can no longer edit or withdraw the submitted comment: no controls…
    await delegate.goto(`${reader}?p=2-9-a#p-2-9-a`);
    const official = delegate
      .getByRole("complementary", { name: "Comments on paragraph 2.9 a." })
      .getByRole("article")
      .filter({ hasText: texts[0] });
    await expect(official).toContainText(numbers[0]);
    await expect(official.getByRole("link", { name: "Edit" })).toHaveCount(0);
    await expect(official.getByRole("link", { name: "Withdraw" })).toHaveCount(0);
    // …and a forced POST is refused and changes nothing.
    const forcedEdit = await delegate.request.post(`${reader}?p=2-9-a`, {
      headers: { Origin: baseURL! },
      form: { intent: "edit", commentId: submittedId!, paragraphKey: "2-9-a", type: "editorial", bodyText: "Forced" },
      maxRedirects: 0,
    });
    expect(forcedEdit.status()).toBe(403);
    const forcedWithdraw = await delegate.request.post(gca.path(`/comments/${submittedId}`), {
      headers: { Origin: baseURL! },
      form: { intent: "withdraw", reason: "Forced" },
      maxRedirects: 0,
    });
    expect(forcedWithdraw.status()).toBe(403);
    await delegate.goto(gca.path("/delegation"));
    await expect(delegate.getByText("Drafts: 1 · Submitted: 2 · Withdrawn: 0")).toBeVisible();
    await expect(delegate.getByRole("article").filter({ hasText: texts[0] })).not.toContainText("Forced");
  },
);

test("the focal point withdraws an official comment with a reason after confirming, and undoes it", async ({
  gca,
  people,
  pageAs,
}) => {
  const text = `To withdraw ${Date.now()}`;
  const delegate = await pageAs(people.delegate);
  await draftComment(delegate, gca.path("/versions/1"), "2-9-a", "2.9 a.", text);
  const focal = await pageAs(people.focalPoint, gca.path("/delegation"));
  await focal.getByRole("checkbox", { name: "Select all drafts" }).check();
  await focal.getByRole("button", { name: "Review the selected drafts" }).click();
  await focal.getByRole("button", { name: "Submit 1 comment officially" }).click();
  await expect(focal.getByRole("status")).toContainText("1 comment submitted");
  await focal.getByRole("link", { name: "Back to the workspace" }).click();
  const comment = focal.getByRole("article").filter({ hasText: text });
  await comment.getByRole("link", { name: "Withdraw" }).click();
  await expect(focal.getByRole("heading", { name: "Withdraw this comment?" })).toBeVisible();
  await focal.getByLabel("Reason for withdrawing (required, shown with the comment)").fill("Sent by mistake.");
  await focal.getByRole("button", { name: "Withdraw", exact: true }).click();
  await expect(focal).toHaveURL(/\/delegation$/);
  await expect(comment).toContainText("Withdrawn by Fatima Focal: Sent by mistake.");
  await comment.getByRole("button", { name: "Undo withdrawal" }).click();
  await expect(comment).not.toContainText("Sent by mistake.");
  await expect(comment).toContainText(/Tracking number [A-Z0-9-]+-\d{4}/);
  await expect(comment).toContainText("Submitted");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the focal point filters, selects all drafts, confirms, gets the receipt, withdraws after confirming", async ({
    gca,
    people,
    page,
    browser,
    signInAs,
  }) => {
    // Without JavaScript every form is a plain POST: it works because the Referrer-Policy is same-origin
    // (under "no-referrer" Chromium sends "Origin: null", which the origin check refuses).
    const stamp = Date.now();
    // The delegate drafts with JavaScript (the rich-text editor); the focal point works without it.
    const withScripts = await browser.newContext({ javaScriptEnabled: true });
    await signInAs(people.delegate, withScripts);
    const delegate = await withScripts.newPage();
    await draftComment(delegate, gca.path("/versions/1"), "2-9-a", "2.9 a.", `No-JS one ${stamp}`);
    await draftComment(delegate, gca.path("/versions/1"), "2-9-b", "2.9 b.", `No-JS two ${stamp}`);
    await signInAs(people.focalPoint);
    await page.goto(gca.path("/delegation"));
    await page.getByLabel("Status").selectOption("draft");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/status=draft/);
    await expect(page.getByRole("article")).toHaveCount(2);
    await page.getByRole("checkbox", { name: "Select all drafts" }).check();
    await page.getByRole("button", { name: "Review the selected drafts" }).click();
    const confirm = page.getByRole("region", { name: "Confirm the submission" });
    await expect(confirm).toContainText("2 comments become the official comments");
    await confirm.getByRole("button", { name: "Submit 2 comments officially" }).click();
    await expect(page.locator(".receipt-table tbody tr")).toHaveCount(2);

    await page.goto(gca.path("/delegation"));
    const comment = page.getByRole("article").filter({ hasText: `No-JS one ${stamp}` });
    await comment.getByRole("link", { name: "Withdraw" }).click();
    await page.getByRole("button", { name: "Withdraw", exact: true }).click();
    // The reason is required: the browser's own check without JavaScript.
    await expect(page.getByRole("heading", { name: "Withdraw this comment?" })).toBeVisible();
    await page.getByLabel("Reason for withdrawing (required, shown with the comment)").fill("Duplicate.");
    await page.getByRole("button", { name: "Withdraw", exact: true }).click();
    await expect(page.getByRole("article").filter({ hasText: `No-JS one ${stamp}` })).toContainText(
      "Withdrawn by Fatima Focal: Duplicate.",
    );
    await withScripts.close();
  });
});

// The screenshots for docs/screenshots (SCREENSHOTS=1 npx playwright test tests/e2e/workspace.spec.ts -g screenshots).
test("screenshots of the workspace and the receipt", async ({ gca, people, pageAs }) => {
  test.skip(!process.env.SCREENSHOTS, "Only when the screenshots are being taken.");
  const delegate = await pageAs(people.delegate);
  const reader = gca.path("/versions/1");
  await draftComment(delegate, reader, "2-9-a", "2.9 a.", "Name the regional organizations that take part.");
  await draftComment(delegate, reader, "2-9-b", "2.9 b.", "Capacity building should come first in this list.");
  await draftComment(delegate, reader, "2-9-c", "2.9 c.", "Editorial: the acronym is spelled out twice.");
  const focal = await pageAs(people.focalPoint, gca.path("/delegation"));
  for (const size of [
    { width: 1366, height: 900, suffix: "" },
    { width: 390, height: 844, suffix: "-390" },
  ]) {
    await focal.setViewportSize(size);
    if (size.suffix === "") {
      await focal.getByRole("article").filter({ hasText: "regional organizations" }).getByRole("checkbox").check();
      await focal.getByRole("article").filter({ hasText: "Capacity building" }).getByRole("checkbox").check();
      await focal.getByRole("button", { name: "Review the selected drafts" }).click();
      await focal.getByRole("button", { name: "Submit 2 comments officially" }).click();
      await expect(focal.locator(".receipt-table tbody tr")).toHaveCount(2);
    }
    const dir = size.suffix ? "test-results" : "docs/screenshots";
    await focal.screenshot({ path: `${dir}/receipt${size.suffix}.png`, fullPage: true });
    const receipt = focal.url();
    await focal.goto(gca.path("/delegation"));
    await focal.screenshot({ path: `${dir}/workspace${size.suffix}.png`, fullPage: true });
    await focal.goto(`${gca.path("/delegation")}?review=1&all=1`);
    await focal.screenshot({ path: `test-results/confirm${size.suffix}.png`, fullPage: true });
    await focal.goto(receipt);
  }
  await focal.setViewportSize({ width: 1366, height: 900 });
  await focal.goto(`${reader}?p=2-9-a#p-2-9-a`);
  await focal.screenshot({ path: "test-results/panel.png" });
  await focal.goto(gca.path("/delegation"));
  await focal
    .getByRole("article")
    .filter({ hasText: "regional organizations" })
    .getByRole("link", { name: "Withdraw" })
    .click();
  await focal.setViewportSize({ width: 390, height: 844 });
  await focal.screenshot({ path: "test-results/withdraw-390.png", fullPage: true });
});
