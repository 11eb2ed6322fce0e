import path from "node:path";

import { editorReady, expect, hydrated, test } from "./fixtures";

import type { Page } from "@playwright/test";

/** A form post the way a scripted client would send it: right Origin, the user's cookie. */
async function forcedComment(page: Page, url: string, paragraphKey: string) {
  return page.request.post(url, {
    headers: { Origin: new URL(page.url()).origin },
    form: {
      intent: "create",
      paragraphKey,
      type: "general",
      bodyText: "Forced comment",
      idempotencyKey: `forced-${Date.now()}-${Math.random().toString(36).slice(2, 10)}`,
    },
    maxRedirects: 0,
  });
}

test(
  "a delegate comments on 2.9 a. with a proposed change, " + "the focal point submits it, the secretariat sees it",
  async ({ gca, people, pageAs }) => {
    const READER = gca.path("/versions/1");
    const marker = `Regional organizations should be named (${Date.now()})`;
    const delegate = await pageAs(people.delegate, `${READER}?p=2-9-a`);
    await hydrated(delegate);
    const panel = delegate.getByRole("complementary", { name: "Comments on paragraph 2.9 a." });
    await expect(panel).toBeVisible();
    await panel.getByRole("radio", { name: "Technical" }).check();
    await editorReady(panel);
    await panel.getByRole("textbox", { name: "Comment" }).click();
    await delegate.keyboard.type(marker);
    await panel
      .getByLabel("Proposed replacement text (optional)")
      .fill(
        "ITU should continue its efforts, together with regional organizations, " +
          "to facilitate multi-stakeholder discussions",
      );
    await panel.getByRole("button", { name: "Save comment" }).click();
    const draft = panel.getByRole("article").filter({ hasText: marker });
    await expect(draft).toContainText("Draft (visible to your organization)");
    await expect(draft).toContainText("together with regional organizations");
    await expect(panel.getByRole("textbox", { name: "Comment" })).toHaveText("");

    // The focal point of the same delegation sees the draft and submits it.
    const focal = await pageAs(people.focalPoint, `${READER}?p=2-9-a`);
    const focalPanel = focal.getByRole("complementary", { name: "Comments on paragraph 2.9 a." });
    const toSubmit = focalPanel.getByRole("article").filter({ hasText: marker });
    await toSubmit.getByRole("button", { name: "Submit for the organization" }).click();
    await expect(focalPanel.getByRole("article").filter({ hasText: marker })).not.toContainText("Draft");

    // The secretariat sees the submitted comment with its organization and type.
    const secretariat = await pageAs(people.secretariat, `${READER}?p=2-9-a`);
    const seen = secretariat
      .getByRole("complementary", { name: "Comments on paragraph 2.9 a." })
      .getByRole("article")
      .filter({ hasText: marker });
    await expect(seen).toContainText(people.delegation.name);
    await expect(seen).toContainText("Technical");
    await expect(seen).toContainText("Proposed change");
    await expect(
      secretariat.locator("#p-2-9-a").getByRole("link", { name: /comments? on paragraph 2\.9 a\./ }),
    ).not.toHaveText("No comments");
  },
);

test("an observer can read but not comment, and a forced post is refused with 403", async ({ gca, people, pageAs }) => {
  const READER = gca.path("/versions/1");
  const observer = await pageAs(people.observer, `${READER}?p=2-9-b`);
  const panel = observer.getByRole("complementary", { name: "Comments on paragraph 2.9 b." });
  await expect(panel.getByText("Your role can read and compare versions but not comment.")).toBeVisible();
  await expect(panel.getByRole("button", { name: "Save comment" })).toHaveCount(0);
  const response = await forcedComment(observer, `${READER}?p=2-9-b`, "2-9-b");
  expect(response.status()).toBe(403);
});

test(
  "after the deadline nobody can comment: " + "the secretariat closes a consultation, the focal point is refused",
  async ({ people, pageAs, suffix, created }) => {
    const slug = `cvd-guidelines-${suffix}`;
    created.consultationSlugs.push(slug);
    const secretariat = await pageAs(people.secretariat, "/consultations/new");
    await secretariat.getByLabel("Title").fill("Guidelines on coordinated vulnerability disclosure");
    await secretariat.getByLabel("Web address").fill(slug);
    await secretariat.getByLabel("Draft document").setInputFiles(path.resolve("tests/fixtures/small-draft.md"));
    await secretariat.getByRole("button", { name: "Import and open for comments" }).click();
    await expect(secretariat).toHaveURL(new RegExp(`/consultations/${slug}$`));
    await expect(secretariat.getByRole("link", { name: "Draft 1" })).toBeVisible();

    // While open, the focal point can comment on 2. a.
    const focal = await pageAs(people.focalPoint, `/consultations/${slug}/versions/1?p=2-a`);
    await expect(focal.getByRole("button", { name: "Save comment" })).toBeVisible();

    await secretariat.getByText("Manage the comment period").click();
    await secretariat.getByRole("button", { name: "Close comments now" }).click();
    await expect(secretariat.getByText(/Closed on/)).toBeVisible();

    await focal.reload();
    await expect(
      focal.getByRole("status").filter({ hasText: /The comment period closed on .*\(Europe\/Zurich\)/ }),
    ).toBeVisible();
    await expect(focal.getByRole("button", { name: "Save comment" })).toHaveCount(0);
    const response = await forcedComment(focal, `/consultations/${slug}/versions/1?p=2-a`, "2-a");
    expect(response.status()).toBe(409);
    expect(await response.text()).toContain("The comment period closed on");
  },
);

test("a post from a foreign origin is refused before it reaches the app", async ({ request, gca }) => {
  const READER = gca.path("/versions/1");
  const response = await request.post(READER, {
    headers: { Origin: "https://evil.example" },
    form: {
      intent: "create",
      paragraphKey: "2-9-a",
      type: "general",
      bodyText: "x",
      idempotencyKey: "foreign-origin-1",
    },
  });
  expect(response.status()).toBe(403);
  const missing = await request.post(READER, { form: { intent: "create" } });
  expect(missing.status()).toBe(403);
});

test("an inline script without the nonce is blocked by the enforced CSP", async ({ page, gca }) => {
  const response = await page.goto(gca.path("/versions/1"));
  const csp = response?.headers()["content-security-policy"] ?? "";
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
  expect(response?.headers()["content-security-policy-report-only"]).toBeUndefined();
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/.test(message.text())) violations.push(message.text());
  });
  const ran = await page.evaluate(() => {
    (window as unknown as { injected?: boolean }).injected = false;
    const script = document.createElement("script");
    script.textContent = "window.injected = true";
    document.body.appendChild(script);
    return (window as unknown as { injected?: boolean }).injected;
  });
  expect(ran).toBe(false);
});

test("a 5 MB comment is refused with 413 and the server stays up", async ({ request, baseURL, gca }) => {
  const response = await request.post(gca.path("/versions/1"), {
    headers: { Origin: baseURL! },
    form: {
      intent: "create",
      paragraphKey: "2-9-a",
      type: "general",
      bodyText: "x".repeat(5 * 1024 * 1024),
      idempotencyKey: "too-large-0001",
    },
  });
  expect(response.status()).toBe(413);
  expect((await request.get("/healthz")).status()).toBe(200);
});

test("when saving fails, the typed comment is kept in the browser and comes back after a reload", async ({
  gca,
  people,
  pageAs,
}) => {
  const focal = await pageAs(people.focalPoint, `${gca.path("/versions/1")}?p=2-9-c`);
  await hydrated(focal);
  const panel = focal.getByRole("complementary", { name: "Comments on paragraph 2.9 c." });
  await editorReady(panel);
  await panel.getByRole("textbox", { name: "Comment" }).click();
  await focal.keyboard.type("Typed while the connection drops");
  await expect(panel.getByRole("textbox", { name: "Comment" })).toHaveText("Typed while the connection drops");
  await panel.getByLabel("Proposed replacement text (optional)").fill("A proposal worth keeping");
  // The network fails for the submission (as when the server or database is down).
  await focal.route(/versions\/1/, (route) =>
    route.request().method() === "POST" ? route.abort("connectionfailed") : route.continue(),
  );
  const failed = focal.waitForEvent("requestfailed", (request) => request.method() === "POST");
  await panel.getByRole("button", { name: "Save comment" }).click();
  await failed;
  await focal.unroute(/versions\/1/);
  await focal.reload();
  const restored = focal.getByRole("complementary", { name: "Comments on paragraph 2.9 c." });
  await expect(restored.getByRole("textbox", { name: "Comment" })).toHaveText("Typed while the connection drops");
  await expect(restored.getByLabel("Proposed replacement text (optional)")).toHaveValue("A proposal worth keeping");
});

test("the secretariat is told why it does not comment, and where its work is", async ({ gca, people, pageAs }) => {
  const page = await pageAs(people.secretariat, gca.path("/versions/1?p=2-9-a"));
  const panel = page.getByRole("complementary", { name: "Comments on paragraph 2.9 a." });
  await expect(panel).toContainText("Comments come from the delegations and other stakeholders");
  await expect(panel).not.toContainText("Your role can read and compare versions but not comment.");
  await panel.getByRole("link", { name: "Consolidate the comments received on the feedback dashboard" }).click();
  await expect(page).toHaveURL(new RegExp(`${gca.path("/feedback")}$`));
});
