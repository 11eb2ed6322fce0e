import { totpCode } from "~/lib/security/totp";

import { expect, hydrated, signOut, test } from "./fixtures";

const PASSWORD = "a test passphrase of several words";

test("a delegate signs in with the form, sees their name in the header, and signs out", async ({
  page,
  context,
  createOrganization,
  createUser,
}) => {
  const delegation = await createOrganization({ name: "Delegation of Member State A", kind: "member_state" });
  const delegate = await createUser({
    role: "delegate",
    name: "Dario Delegate",
    organization: delegation,
    password: PASSWORD,
  });
  await page.goto("/consultations");
  await page.getByRole("link", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();

  await page.getByLabel("Email address", { exact: true }).fill(delegate.email);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();

  await expect(page).toHaveURL(/\/consultations$/);
  await expect(page.getByRole("banner")).toContainText(`Signed in as Dario Delegate (Delegate, ${delegation.name})`);
  const cookie = (await context.cookies()).find((c) => c.name === "consult_session");
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: false, path: "/" });

  await signOut(page);
  await expect(page.getByText(/^Signed in as /)).toHaveCount(0);
  expect((await context.cookies()).find((c) => c.name === "consult_session")).toBeUndefined();
});

test("a wrong password shows the generic error and does not sign in", async ({ page, createUser }) => {
  const delegate = await createUser({ role: "delegate", name: "Dario Delegate", password: PASSWORD });
  await page.goto("/login");
  await page.getByLabel("Email address", { exact: true }).fill(delegate.email);
  await page.getByLabel("Password", { exact: true }).fill("not-the-password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("alert")).toHaveText("Email or password is incorrect.");
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole("link", { name: "Sign in", exact: true })).toBeVisible();
});

test("GET /logout does not sign out", async ({ page, people, signInAs }) => {
  await signInAs(people.focalPoint);
  await page.goto("/logout");
  await expect(page).toHaveURL(/\/consultations$/);
  await expect(page.getByRole("banner")).toContainText("Signed in as Fatima Focal");
});

test("an observer is refused the people page", async ({ page, people, signInAs }) => {
  await signInAs(people.observer);
  const response = await page.goto("/admin/people");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
});

test("the secretariat invites someone, who accepts through the shown link and is signed in", async ({
  page,
  browser,
  createOrganization,
  createUser,
}) => {
  const office = await createOrganization({ name: "Consultation Secretariat", kind: "secretariat" });
  const secretariat = await createUser({
    role: "secretariat",
    name: "Sam Secretariat",
    organization: office,
    password: PASSWORD,
  });
  const delegation = await createOrganization({ name: "Delegation of Member State B", kind: "member_state" });

  // Sent to sign in from the people page, and brought back to it.
  await page.goto("/admin/people");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fadmin%2Fpeople$/);
  await page.getByLabel("Email address", { exact: true }).fill(secretariat.email);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  // The second factor: the code the authenticator app would show.
  await expect(page).toHaveURL(/\/login\/two-factor\?redirectTo=%2Fadmin%2Fpeople$/);
  const code = totpCode(new Uint8Array(Buffer.from(secretariat.totpSecret!, "hex")));
  await page.getByLabel("Verification code or recovery code").fill(code);
  await page.getByRole("button", { name: "Verify", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "People" })).toBeVisible();

  const email = `nina.${Date.now()}.${Math.random().toString(36).slice(2, 8)}@example.test`;
  const invite = page.getByRole("region", { name: "Invite someone" });
  await invite.getByLabel("Email address", { exact: true }).fill(email);
  await invite.getByLabel("Role", { exact: true }).selectOption({ label: "Focal point" });
  await invite.getByLabel("Organization", { exact: true }).selectOption({ label: delegation.name });
  await invite.getByRole("button", { name: "Create invitation" }).click();

  const created = page.getByRole("status").filter({ hasText: "Invitation created" });
  await expect(created).toContainText(`Invitation created for ${email}.`);
  await expect(created).toContainText("The invitation is also emailed to the person");
  const link = await page.getByLabel("Invitation link").inputValue();
  expect(link).toMatch(/\/invitations\/[A-Za-z0-9_-]{43}$/);
  // The recent invitations list it (the accounts table above does not: no account exists yet).
  await expect(page.getByRole("table").filter({ hasText: email })).toHaveCount(1);

  // The invitee, in their own browser.
  const invitee = await browser.newContext();
  const inviteePage = await invitee.newPage();
  await inviteePage.goto(link);
  await expect(inviteePage.getByRole("heading", { level: 1, name: "Create your account" })).toBeVisible();
  await expect(inviteePage.getByText(`as Focal point for ${delegation.name}`)).toBeVisible();
  await inviteePage.getByLabel("Your name").fill("Nina Newcomer");
  await inviteePage.getByLabel("Choose a password").fill("a passphrase of several words");
  await inviteePage.getByRole("button", { name: "Create my account" }).click();
  await expect(inviteePage).toHaveURL(/\/consultations$/);
  await expect(inviteePage.getByRole("banner")).toContainText(
    `Signed in as Nina Newcomer (Focal point, ${delegation.name})`,
  );

  // The link works once.
  const again = await inviteePage.goto(link);
  expect(again?.status()).toBe(410);
  await expect(inviteePage.getByRole("heading", { level: 1, name: "Invitation already used" })).toBeVisible();
  await invitee.close();
});

test("a session created for a test signs in like the form does", async ({ page, people, signInAs, context }) => {
  // The other tests sign in with signInAs (a session row and its cookie,
  // tests/e2e/support/data.ts): it must be what the app accepts.
  await signInAs(people.delegate);
  await page.goto("/consultations");
  await expect(page.getByRole("banner")).toContainText(
    `Signed in as Dario Delegate (Delegate, ${people.delegation.name})`,
  );
  await signOut(page);
  expect((await context.cookies()).find((c) => c.name === "consult_session")).toBeUndefined();
  await page.goto("/consultations");
  await expect(page.getByRole("link", { name: "Sign in", exact: true })).toBeVisible();
});

test("anyone can request an account", async ({ page }) => {
  await page.goto("/login");
  await page.getByRole("link", { name: "Request an account" }).click();
  await page.getByLabel("Your name").fill("Rita Requester");
  await page.getByLabel("Email address", { exact: true }).fill(`rita.${Date.now()}@example.test`);
  await page.getByLabel("Organization", { exact: true }).fill("Open Policy Institute");
  await page.getByLabel("Kind of organization").selectOption({ label: "Academia" });
  await page.getByRole("button", { name: "Send request" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Request sent" })).toBeVisible();
});

test("an anonymous reader signs in from a paragraph's panel and lands on that paragraph with the panel open", async ({
  page,
  gca,
  createOrganization,
  createUser,
}) => {
  const delegation = await createOrganization({ name: "Delegation of Member State B", kind: "member_state" });
  const delegate = await createUser({
    role: "delegate",
    name: "Dana Delegate",
    organization: delegation,
    password: PASSWORD,
  });
  await page.goto(gca.path("/versions/1?p=2-9-b#p-2-9-b"));
  await hydrated(page);
  const panel = page.getByRole("complementary", { name: "Comments on paragraph 2.9 b." });
  const signIn = panel.getByRole("link", { name: "Sign in to comment" });
  // The query before the hash: "#p-2-9-b?p=2-9-b" would be all anchor, and the panel would not open.
  expect(new URL((await signIn.getAttribute("href")) ?? "", "http://x").searchParams.get("redirectTo")).toBe(
    gca.path("/versions/1?p=2-9-b#p-2-9-b"),
  );
  await signIn.click();
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  await page.getByLabel("Email address", { exact: true }).fill(delegate.email);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();

  await expect(page).toHaveURL(new RegExp(`${gca.path("/versions/1")}\\?p=2-9-b#p-2-9-b$`));
  await expect(panel).toBeVisible();
  await expect(panel.getByRole("button", { name: "Save comment" })).toBeVisible();
  await expect(page.locator("#p-2-9-b")).toBeInViewport();
});

test("the sign-in page never returns to another site", async ({ page, createUser }) => {
  const delegate = await createUser({ role: "delegate", name: "Dario Delegate", password: PASSWORD });
  await page.goto(`/login?redirectTo=${encodeURIComponent("/.//evil.example/")}`);
  await page.getByLabel("Email address", { exact: true }).fill(delegate.email);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/consultations$/);
});
