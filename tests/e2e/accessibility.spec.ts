/**
 * axe on every page and state of the app, in English and in Arabic (issue 14):
 * the WCAG 2.0, 2.1 and 2.2 A and AA rules, plus label-content-name-mismatch
 * (WCAG 2.5.3, an experimental rule axe leaves off unless asked), zero
 * violations. The pages are grouped by who sees them, a few tests in all, so
 * the suite stays quick; a failure names each rule, its elements and what is
 * wrong with them.
 *
 * Arabic shares the English run's setup: each test's page has an Arabic twin
 * (a second browser context with the same cookies that sends
 * Accept-Language: ar), and every page `checkPage` opens is opened and checked
 * there too. States reached by interaction (a saved comment, an error, a
 * confirmation) are checked in English, and in Arabic where a URL reaches them.
 * Once the server serves Arabic (app/i18n.ts supportedLngs), the twin's pages
 * are also checked to be `lang="ar" dir="rtl"`. The PostgreSQL leg does not run
 * this spec (playwright.config.ts): the markup does not depend on the database.
 *
 * axe does not press keys: the Tab walks at the end check that every control
 * of a few key pages is reachable by keyboard.
 */
import AxeBuilder from "@axe-core/playwright";

import { supportedLngs } from "~/i18n";
import { signUnsubscribeToken } from "~/lib/mail/unsubscribe";

import { editorReady, expect, hydrated, test, type SubmittedComment, type TestOrganization } from "./fixtures";
import { waitForMail } from "./support/smtp-mailbox";
import { serverUnsubscribeKey } from "./support/unsubscribe-key";

import type { Browser, BrowserContext, Page } from "@playwright/test";

const PASSWORD = "a test passphrase of several words";
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
/** Experimental in axe (off by default): the accessible name contains the visible text (WCAG 2.5.3). */
const EXTRA_RULES = { "label-content-name-mismatch": { enabled: true } };

/** Whether the server serves Arabic yet: then the Arabic twin's pages must be in Arabic, right to left. */
const ARABIC_SERVED = (supportedLngs as readonly string[]).includes("ar");

/** Each English page's Arabic twin (see the head of this file), and the twins' contexts, closed after each test. */
const arabicTwins = new WeakMap<Page, Page>();
const twinContexts: BrowserContext[] = [];

test.afterEach(async () => {
  await Promise.all(twinContexts.splice(0).map((context) => context.close()));
});

/** Gives `page` an Arabic twin: a context of its own that sends Accept-Language: ar, with `page`'s cookies. */
async function withArabicTwin(page: Page, browser: Browser): Promise<Page> {
  const context = await browser.newContext({ locale: "ar", storageState: await page.context().storageState() });
  const twin = await context.newPage();
  arabicTwins.set(page, twin);
  twinContexts.push(context);
  return page;
}

/** Per rule: its id, impact and help, axe's summary of what is wrong, and the elements (the first ten). */
function describeViolations(violations: Awaited<ReturnType<AxeBuilder["analyze"]>>["violations"]) {
  return violations
    .map((violation) => {
      const targets = violation.nodes.slice(0, 10).map((node) => `    ${node.target.join(" ")}`);
      if (violation.nodes.length > 10) targets.push(`    … and ${violation.nodes.length - 10} more`);
      const summary = (violation.nodes[0]?.failureSummary ?? "").replace(/\n\s*/g, " ");
      return `  ${violation.id} (${violation.impact ?? "?"}): ${violation.help}\n    ${summary}\n${targets.join("\n")}`;
    })
    .join("\n");
}

/**
 * Runs axe on the page as it is now; `state` names it in the failure message.
 * With `within`, only that part (a panel that changed on a page already checked whole).
 * Soft: a test goes on to its next page and reports every page's violations at once.
 */
async function expectNoViolations(page: Page, state: string, { within }: { within?: string } = {}) {
  // Violations only: axe then skips the details of what passed, seconds on a long page. (options() before
  // withTags(): options() replaces the whole options object, the tags included.)
  const builder = new AxeBuilder({ page })
    .options({ resultTypes: ["violations"], rules: EXTRA_RULES })
    .withTags(WCAG_TAGS);
  if (within) builder.include(within);
  const { violations } = await builder.analyze();
  expect.soft(violations.length === 0 ? "" : `${state} (${page.url()}):\n${describeViolations(violations)}`).toBe("");
}

/**
 * Opens `path`, checks the response's `status`, waits for the app to run (not for the redline,
 * a static page) and for `ready`, then checks the page.
 */
async function checkPage(
  page: Page,
  path: string,
  state: string,
  options: { status?: number; app?: boolean; ready?: (page: Page) => Promise<void> } = {},
) {
  await checkOnePage(page, path, state, options);
  const twin = arabicTwins.get(page);
  if (!twin) return;
  await checkOnePage(twin, path, `${state} [ar]`, options);
  if (ARABIC_SERVED) {
    expect.soft(await twin.locator("html").getAttribute("lang"), `${state} [ar]: html[lang]`).toBe("ar");
    expect.soft(await twin.locator("html").getAttribute("dir"), `${state} [ar]: html[dir]`).toBe("rtl");
  }
}

async function checkOnePage(
  page: Page,
  path: string,
  state: string,
  { status = 200, app = true, ready }: { status?: number; app?: boolean; ready?: (page: Page) => Promise<void> },
) {
  const response = await page.goto(path);
  expect(response?.status(), state).toBe(status);
  if (app) await hydrated(page);
  await ready?.(page);
  await expectNoViolations(page, state);
}

/**
 * Every control of the page that a pointer can use is reached by Tab, in one pass from the top: links,
 * buttons, fields, summaries, anything with a tabindex of 0 or more (a radio group once, as Tab does).
 * Hidden, disabled and inert controls are not counted.
 */
async function expectEveryControlReachableByTab(page: Page, state: string) {
  const controls = await page.evaluate(() => {
    const selector =
      'a[href], button, input:not([type="hidden"]), select, textarea, summary, [tabindex], [contenteditable="true"], ' +
      '[role="button"], [role="link"], [role="checkbox"], [role="radio"], [role="tab"], [role="switch"]';
    const visible = (element: HTMLElement) =>
      element.checkVisibility({ visibilityProperty: true }) && element.getClientRects().length > 0;
    const wanted = [...document.querySelectorAll<HTMLElement>(selector)].filter(
      (element) =>
        !element.matches(':disabled, [tabindex^="-"]') &&
        !element.closest("[inert]") &&
        (visible(element) ||
          (element instanceof HTMLInputElement && element.labels?.[0] && visible(element.labels[0]))),
    );
    return wanted.map((element, index) => {
      element.dataset.tabCheck =
        element instanceof HTMLInputElement && element.type === "radio" ? `radio:${element.name}` : String(index);
      return {
        key: element.dataset.tabCheck,
        html: element.outerHTML.slice(0, 120),
      };
    });
  });
  // Each control the focus lands on, noted in the page: one round trip per Tab press, not two.
  await page.evaluate(() => {
    const reached: string[] = [];
    (window as unknown as { tabReached: string[] }).tabReached = reached;
    document.addEventListener("focusin", (event) => reached.push((event.target as HTMLElement).dataset.tabCheck ?? ""));
    (document.activeElement as HTMLElement | null)?.blur();
  });
  // Enough presses for every control once, whatever the browser's own stops.
  for (let presses = 0; presses < controls.length + 3; presses++) await page.keyboard.press("Tab");
  const reached = new Set(await page.evaluate(() => (window as unknown as { tabReached: string[] }).tabReached));
  const missed = controls.filter((control) => !reached.has(control.key)).map((control) => control.html);
  expect.soft(missed, `${state}: controls Tab does not reach`).toEqual([]);
}

function panelOf(page: Page, number: string) {
  return page.getByRole("complementary", { name: `Comments on paragraph ${number}` });
}

/** A few comments, decided and not, from two organizations: tables, charts and heat map have content. */
function feedbackOf([stateA, university]: TestOrganization[]): SubmittedComment[] {
  return [
    { organization: stateA, paragraph: "2-9-a", type: "technical", text: "Name the national CIRT here." },
    {
      organization: university,
      paragraph: "2-9-d",
      type: "general",
      text: "Consult civil society as well.",
      disposition: { status: "accepted", response: "Added in the next draft." },
    },
    {
      organization: stateA,
      paragraph: "4-5",
      type: "editorial",
      text: "A typo in the second sentence.",
      proposedText: "The figure of 85 countries.",
      disposition: { status: "noted", response: "Will be checked." },
    },
  ];
}

/**
 * Sends the page's form without the browser's own checks (`required` …), as a browser without them
 * would: the server's answer, with its messages beside the fields, is the state checked.
 */
async function submitUnchecked(page: Page, selector = "main form[method='post'] button[type='submit']") {
  await page.evaluate(() => {
    for (const form of document.querySelectorAll("form")) form.noValidate = true;
  });
  await page.locator(selector).last().click();
  await expect(page.locator("[aria-invalid='true']").first()).toBeVisible();
}

/** Every <details> of the page open (the comparison's folded changes and carried comments). */
async function openEveryDetails(page: Page) {
  await page.evaluate(() => {
    for (const details of document.querySelectorAll("details")) details.open = true;
  });
}

test("axe runs label-content-name-mismatch: a name that does not contain the visible text is a violation", async ({
  page,
}) => {
  const button = '<button aria-label="Close">Open</button>';
  await page.setContent(`<html lang="en"><head><title>t</title></head><body><main>${button}</main></body></html>`);
  const { violations } = await new AxeBuilder({ page })
    .options({ resultTypes: ["violations"], rules: EXTRA_RULES })
    .withTags(WCAG_TAGS)
    .analyze();
  expect(violations.map((violation) => violation.id)).toContain("label-content-name-mismatch");
});

test("pages without signing in: home, sign-in and its neighbours, account request, unsubscribe, errors", async ({
  page,
  people,
  createUser,
  browser,
}) => {
  test.setTimeout(240_000);
  await withArabicTwin(page, browser);
  await checkPage(page, "/", "home");
  await checkPage(page, "/consultations", "consultations");
  await checkPage(page, "/login", "login");
  await checkPage(page, "/forgot-password", "forgot password");
  await checkPage(page, "/request-account", "account request");
  await checkPage(page, "/no-such-page", "404", { status: 404 });

  // Error states: a sign-in refused, an account request with its fields missing.
  await page.goto("/login");
  await hydrated(page);
  await page.getByLabel("Email address", { exact: true }).fill(`nobody.${Date.now()}@e2e.test`);
  await page.getByLabel("Password", { exact: true }).fill("not the password of anyone");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("alert").first()).toBeVisible();
  await expectNoViolations(page, "login, refused");
  await page.goto("/request-account");
  await hydrated(page);
  await submitUnchecked(page);
  await expectNoViolations(page, "account request, fields missing");

  // Forgot password → the emailed link → the reset form.
  const person = await createUser({ role: "delegate", name: "Rita Reset", password: PASSWORD });
  await page.goto("/forgot-password");
  await page.getByLabel("Email address", { exact: true }).fill(person.email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByRole("status")).toContainText(person.email);
  await expectNoViolations(page, "forgot password, sent");
  const reset = await waitForMail(person.email, { subject: "Choose a new password" });
  await checkPage(page, new URL(reset.linkTo("/reset-password/")).pathname, "reset password");

  const token = signUnsubscribeToken(serverUnsubscribeKey(), { userId: people.delegate.id, scope: "reminder" });
  await checkPage(page, `/unsubscribe/${token}`, "unsubscribe confirmation");
  await page.getByRole("button", { name: "Unsubscribe" }).click();
  await expect(page.getByRole("status")).toContainText("You are unsubscribed");
  await expectNoViolations(page, "unsubscribed");

  // The second step of signing in: the code of a secretariat account.
  const officer = await createUser({ role: "secretariat", name: "Olive Officer", password: PASSWORD });
  await page.goto("/login");
  await page.getByLabel("Email address", { exact: true }).fill(officer.email);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/login\/two-factor/);
  await hydrated(page);
  await expectNoViolations(page, "sign-in, two-factor code");
});

test("reading without signing in: overview, reader, unpublished dispositions, an error", async ({
  page,
  gca,
  browser,
}) => {
  // Long pages: axe takes seconds on each on a busy machine.
  test.setTimeout(300_000);
  await withArabicTwin(page, browser);
  await checkPage(page, gca.path(), "consultation overview");
  await checkPage(page, gca.path("/versions/1"), "reader, anonymous");
  await checkPage(page, gca.path("/versions/1?p=2-9-a#p-2-9-a"), "reader, anonymous, panel open");
  await checkPage(page, gca.path("/dispositions"), "dispositions, not published", { status: 404 });
  await checkPage(page, gca.path("/versions/abc"), "error page (bad version)", { status: 404 });
});

test("comparison without signing in: all paragraphs, changes only and expanded, the redline page", async ({
  page,
  gca,
  browser,
}) => {
  // Long pages: axe takes seconds on each on a busy machine.
  test.setTimeout(300_000);
  await withArabicTwin(page, browser);
  await checkPage(page, gca.path("/compare/1...2"), "compare, all paragraphs");
  await checkPage(page, gca.path("/compare/1...2?only=changes"), "compare, changes only, expanded", {
    ready: openEveryDetails,
  });
  await checkPage(page, gca.path("/compare/1...2/export.html"), "redline page", { app: false });
});

test("a delegate comments in the reader (desktop and phone); the focal point submits and gets the receipt", async ({
  page,
  gca,
  people,
  signInAs,
  pageAs,
  browser,
}) => {
  // Long pages: axe takes seconds on each on a busy machine.
  test.setTimeout(360_000);
  await signInAs(people.delegate);
  await withArabicTwin(page, browser);
  const panel = panelOf(page, "2.9 a.");
  await checkPage(page, gca.path("/versions/1?p=2-9-a#p-2-9-a"), "reader, delegate, panel open with the editor", {
    ready: (current) => editorReady(current.locator(".comment-panel")),
  });
  // An error: saving an empty comment.
  await panel.getByRole("button", { name: "Save comment" }).click();
  await expect(panel.getByText("The comment is empty.").first()).toBeVisible();
  await expectNoViolations(page, "reader, delegate, empty comment refused", { within: ".comment-panel" });
  // A phrase selected by keyboard and taken as the quote.
  const text = panel.getByRole("textbox", { name: "Text of paragraph 2.9 a." });
  await text.focus();
  await text.press("Control+Home");
  for (let i = 0; i < 12; i++) await text.press("Shift+ArrowRight");
  await panel.getByRole("button", { name: "Comment on the selection" }).click();
  await expect(panel.locator(".quote-field q")).toBeVisible();
  await expectNoViolations(page, "reader, delegate, panel open with a selection", { within: ".comment-panel" });
  await panel.getByRole("radio", { name: "General" }).check();
  await panel.getByRole("textbox", { name: "Comment" }).click();
  await page.keyboard.type("Name the national CIRT here.");
  await panel.getByRole("button", { name: "Save comment" }).click();
  await expect(panel.getByRole("status").filter({ hasText: "Your comment was saved." })).toBeVisible();
  await expectNoViolations(page, "reader, delegate, comment saved", { within: ".comment-panel" });
  // The withdrawal confirmation of the draft just saved.
  await panel.getByRole("link", { name: "Withdraw" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await hydrated(page);
  await checkPage(page, new URL(page.url()).pathname + new URL(page.url()).search, "withdraw a draft?");

  await page.setViewportSize({ width: 390, height: 844 });
  await arabicTwins.get(page)?.setViewportSize({ width: 390, height: 844 });
  await checkPage(page, gca.path("/versions/1?p=2-9-b#p-2-9-b"), "reader, phone, panel open with the editor", {
    ready: (current) => editorReady(current.locator(".comment-panel")),
  });
  await checkPage(page, gca.path("/versions/1"), "reader, phone, contents open", {
    ready: async (current) => {
      await current.locator(".toc > details > summary").click();
      await expect(current.locator(".toc > details")).toHaveAttribute("open", "");
    },
  });
  await page.setViewportSize({ width: 1280, height: 720 });
  await arabicTwins.get(page)?.setViewportSize({ width: 1280, height: 720 });

  await checkPage(page, gca.path("/delegation"), "workspace, delegate, with a draft");
  await checkPage(page, "/admin/people", "error page (forbidden)", { status: 403 });

  const focal = await withArabicTwin(await pageAs(people.focalPoint), browser);
  await checkPage(focal, gca.path("/delegation"), "workspace, focal point, with a draft");
  await expectEveryControlReachableByTab(focal, "workspace, focal point");
  await focal.getByRole("checkbox", { name: "Select this draft for submission" }).check();
  await focal.getByRole("button", { name: "Review the selected drafts" }).click();
  await expect(focal.getByRole("region", { name: "Confirm the submission" })).toBeVisible();
  // The confirmation has a URL of its own: checked in both languages.
  await checkPage(focal, new URL(focal.url()).pathname + new URL(focal.url()).search, "workspace, confirmation");
  await focal.getByRole("button", { name: "Submit 1 comment officially" }).click();
  await expect(focal.locator(".receipt-table tbody tr")).toHaveCount(1);
  await checkPage(focal, new URL(focal.url()).pathname, "receipt");
});

test("account pages: account, password, sessions, two-factor enrolment, notifications", async ({
  page,
  people,
  signInAs,
  browser,
}) => {
  test.setTimeout(240_000);
  await signInAs(people.delegate);
  await withArabicTwin(page, browser);
  await checkPage(page, "/account", "account");
  await checkPage(page, "/account/password", "password");
  // An error: the form sent empty.
  await submitUnchecked(page);
  await expectNoViolations(page, "password, fields missing");
  await checkPage(page, "/account/sessions", "sessions");
  await checkPage(page, "/account/two-factor", "two-factor enrolment");
  await checkPage(page, "/account/notifications", "notifications");
  await expectEveryControlReachableByTab(page, "notifications");
});

test("the secretariat's pages: dashboard, dispositions, imports, consultations, people, mail, invitation", async ({
  page,
  gca,
  people,
  signInAs,
  addComments,
  createOrganization,
  createUser,
  browser,
  baseURL,
  suffix,
}) => {
  // Long pages: axe takes seconds on each on a busy machine.
  test.setTimeout(420_000);
  const university = await createOrganization({ name: "University of Example", kind: "academia" });
  await addComments(gca, feedbackOf([people.delegation, university]));
  await signInAs(people.secretariat);
  await withArabicTwin(page, browser);
  await checkPage(page, gca.path("/feedback"), "feedback dashboard");
  await checkPage(page, gca.path("/feedback/paragraphs/2-9-d"), "feedback on one paragraph");
  await checkPage(page, gca.path("/feedback/publish?what=dispositions"), "publish the dispositions?");
  await checkPage(page, gca.path("/comments/import"), "import comments");
  await checkPage(page, "/consultations/new", "new consultation");
  // An error: the new consultation sent empty.
  await submitUnchecked(page);
  await expectNoViolations(page, "new consultation, fields missing");
  await checkPage(page, gca.path("/edit"), "edit consultation");
  await expectEveryControlReachableByTab(page, "edit consultation");
  await checkPage(page, `/admin/people/${people.delegate.id}`, "a person's page");
  // The deactivation confirmation.
  const leaving = await createUser({ role: "delegate", name: "Lea Leaving" });
  await page.goto(`/admin/people/${leaving.id}`);
  await hydrated(page);
  await page.getByRole("button", { name: "Deactivate…" }).click();
  await expect(page.getByRole("region", { name: /Lea Leaving/ })).toBeVisible();
  await expectNoViolations(page, "a person's page, deactivation confirmation");
  await checkPage(page, "/admin/mail", "outgoing mail");

  // Published dispositions (comments public during the period, so they may be published now).
  const headers = { Origin: baseURL ?? "" };
  const form = { title: gca.title, summary: "", commentsVisibility: "during" };
  expect((await page.request.post(gca.path("/edit"), { form, headers, maxRedirects: 0 })).status()).toBe(302);
  const publish = { intent: "publish-dispositions", confirm: "yes", returnTo: "?v=1" };
  const published = await page.request.post(gca.path("/feedback"), { form: publish, headers, maxRedirects: 0 });
  expect(published.status()).toBe(302);
  await checkPage(page, gca.path("/dispositions"), "dispositions, published");

  // People, then an invitation followed in a browser of its own.
  await checkPage(page, "/admin/people", "people");
  await expectEveryControlReachableByTab(page, "people");
  const email = `invitee.${suffix}@e2e.test`;
  const invite = page.getByRole("region", { name: "Invite someone" });
  await invite.getByLabel("Email address", { exact: true }).fill(email);
  await invite.getByLabel("Role", { exact: true }).selectOption({ label: "Delegate" });
  await invite.getByLabel("Organization", { exact: true }).selectOption({ label: people.delegation.name });
  await invite.getByRole("button", { name: "Create invitation" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Invitation created" })).toContainText(email);
  await expectNoViolations(page, "people, invitation created");
  const mail = await waitForMail(email, { subject: "Invitation to the consultation platform" });
  const context = await browser.newContext();
  const invitee = await withArabicTwin(await context.newPage(), browser);
  await checkPage(invitee, new URL(mail.linkTo("/invitations/")).pathname, "invitation acceptance");
  await context.close();
});
