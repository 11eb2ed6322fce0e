/**
 * The end-to-end tests' fixtures: every test creates the data it reads and
 * counts (its own consultation, organizations, accounts and sessions, with
 * names and slugs carrying its own suffix), so tests run in parallel, in any
 * order and repeated without seeing each other's rows. The e2e server is
 * started without the demo seed (tests/setup/e2e-server.mjs): nothing else
 * is there to lean on.
 *
 * Built with Playwright's `test.extend`: a fixture is set up only for the
 * tests that ask for it, and what a test created is deleted after it. The
 * rows are written by the test data service inside the e2e server's process
 * (tests/e2e/support/data-service.ts explains why not from the workers).
 *
 *   test("…", async ({ page, people, gca, signInAs }) => {
 *     await signInAs(people.focalPoint);
 *     await page.goto(gca.path("/versions/1?p=2-9-a"));
 *   });
 *
 * Tests sign in by creating a session (signInAs: a session row plus the
 * session cookie on the browser context), not by typing into the form; the
 * sign-in form has its own tests in auth.spec.ts.
 */
import crypto from "node:crypto";

import { test as base, expect, type BrowserContext, type Locator, type Page } from "@playwright/test";

import type { OrganizationKind, RoleName } from "~/lib/permissions";

import { callDataService } from "./support/data-client";

import type {
  CreatedRows,
  SubmittedComment,
  TestConsultation,
  TestOrganization,
  TestUser,
  TestVersion,
} from "./support/data";

export { expect };
export type { SubmittedComment, TestConsultation, TestOrganization, TestUser };

/** One account per role, as the demo has them, with the test's own organizations. */
export interface People {
  secretariat: TestUser;
  /** Focal point of `delegation`. */
  focalPoint: TestUser;
  /** Delegate of `delegation`. */
  delegate: TestUser;
  /** No organization. */
  observer: TestUser;
  /** A member-state delegation: "Delegation of Member State A (<suffix>)". */
  delegation: TestOrganization;
  secretariatOffice: TestOrganization;
}

interface TestFixtures {
  /** Unique to this test (and repeat): part of every slug, name and email it creates. */
  suffix: string;
  /** Rows this test created, deleted after it. */
  created: CreatedRows;
  /** An organization named `${name} (${suffix})`. */
  createOrganization: (input: { name: string; kind: OrganizationKind }) => Promise<TestOrganization>;
  /** An account with an email of its own; with `password`, one that can use the sign-in form. */
  createUser: (input: {
    role: RoleName;
    name: string;
    organization?: TestOrganization | null;
    password?: string;
    /** A secretariat account gets a confirmed TOTP unless this is false (then it must enrol on first sign-in). */
    totp?: boolean;
  }) => Promise<TestUser>;
  people: People;
  /** Signs `user` in on `target` (the test's context, and so its page, by default): a new session and its cookie. */
  signInAs: (user: TestUser, target?: Page | BrowserContext) => Promise<void>;
  /** A new browser context of its own, signed in as `user`, and a page in it (opened at `path` if given). */
  pageAs: (user: TestUser, path?: string) => Promise<Page>;
  /** The GCA consultation: Draft 1 (C20/65), open, and the 2022 final text as version 2. */
  gca: TestConsultation;
  /** Submitted comments (optionally decided) on a version of one of the test's consultations. */
  addComments: (
    consultation: TestConsultation,
    comments: SubmittedComment[],
    options?: { version?: TestVersion },
  ) => Promise<string[]>;
}

/** Short, lowercase, unique across workers and repeats: for slugs, names and emails. */
function uniqueSuffix() {
  return `${Date.now().toString(36).slice(-5)}${crypto.randomBytes(3).toString("hex")}`;
}

/** A private client address (10.x.y.z) for a test: see extraHTTPHeaders below. */
function randomClientAddress() {
  const byte = () => 1 + Math.floor(Math.random() * 254);
  return `10.${byte()}.${byte()}.${byte()}`;
}

export const test = base.extend<TestFixtures>({
  // Each test is its own client address (the e2e server trusts X-Forwarded-For
  // from loopback): per-address rate limits (sign-in attempts, account
  // requests) then count this test's requests only, however many run.
  extraHTTPHeaders: async ({ extraHTTPHeaders }, use) => {
    await use({ ...extraHTTPHeaders, "X-Forwarded-For": randomClientAddress() });
  },

  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a fixture needs from this pattern.
  suffix: async ({}, use) => {
    await use(uniqueSuffix());
  },

  // eslint-disable-next-line no-empty-pattern -- see above.
  created: async ({}, use) => {
    const created: CreatedRows = { consultationIds: [], consultationSlugs: [], userIds: [], organizationIds: [] };
    await use(created);
    await callDataService("removeRows", created);
  },

  createOrganization: async ({ created, suffix }, use) => {
    await use(async (input) => {
      const organization = await callDataService("createOrganization", { ...input, name: `${input.name} (${suffix})` });
      created.organizationIds.push(organization.id);
      return organization;
    });
  },

  createUser: async ({ created, suffix }, use) => {
    let count = 0;
    await use(async ({ role, name, organization = null, password, totp }) => {
      const user = await callDataService("createUser", {
        email: `${role.replace(/_/g, ".")}.${++count}.${suffix}@e2e.test`,
        name,
        role,
        organization,
        password,
        totp,
      });
      created.userIds.push(user.id);
      return user;
    });
  },

  people: async ({ createOrganization, createUser }, use) => {
    const secretariatOffice = await createOrganization({ name: "Consultation Secretariat", kind: "secretariat" });
    const delegation = await createOrganization({ name: "Delegation of Member State A", kind: "member_state" });
    await use({
      secretariat: await createUser({ role: "secretariat", name: "Sam Secretariat", organization: secretariatOffice }),
      focalPoint: await createUser({ role: "focal_point", name: "Fatima Focal", organization: delegation }),
      delegate: await createUser({ role: "delegate", name: "Dario Delegate", organization: delegation }),
      observer: await createUser({ role: "observer", name: "Olga Observer" }),
      delegation,
      secretariatOffice,
    });
  },

  // On the test's context by default: its `page` is in it (and a test that
  // only uses pageAs does not open that page).
  signInAs: async ({ context, baseURL }, use) => {
    await use(async (user, target = context) => {
      const context = "context" in target ? target.context() : target;
      await context.addCookies([await callDataService("createSessionCookie", { userId: user.id, baseURL: baseURL! })]);
    });
  },

  pageAs: async ({ browser, signInAs }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async (user, path) => {
      const context = await browser.newContext();
      contexts.push(context);
      await signInAs(user, context);
      const page = await context.newPage();
      if (path) {
        await page.goto(path);
        await hydrated(page);
      }
      return page;
    });
    await Promise.all(contexts.map((context) => context.close()));
  },

  gca: async ({ created, suffix }, use) => {
    const consultation = await callDataService("createGcaConsultation", { suffix });
    created.consultationIds.push(consultation.id);
    await use({ ...consultation, path: (rest = "") => `/consultations/${consultation.slug}${rest}` });
  },

  // eslint-disable-next-line no-empty-pattern -- see above.
  addComments: async ({}, use) => {
    await use((consultation, comments, options) =>
      callDataService("addSubmittedComments", {
        consultation: { id: consultation.id, draft: consultation.draft },
        comments,
        version: options?.version,
      }),
    );
  },
});

/** Signs out with the header's button and waits for the "Sign in" link. */
export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in", exact: true })).toBeVisible();
}

/**
 * Waits until React has hydrated the page (<html data-hydrated>, set by the
 * root's effect; app/root.tsx). Remix's router is initialized before React
 * has finished hydrating a long page: a click or a check in that window lands
 * on server-rendered markup and is lost (seen on the reader: a link that did
 * not navigate, a radio button that React reset to unchecked).
 */
export async function hydrated(page: Page) {
  await page.waitForFunction(
    () =>
      (window as unknown as { __remixRouter?: { state: { initialized: boolean } } }).__remixRouter?.state
        .initialized === true && document.documentElement.hasAttribute("data-hydrated"),
  );
}

/**
 * Waits for the rich-text editor in `scope` to replace its server-rendered
 * textarea (both are a textbox of the same name): a click on the textarea just
 * before the swap leaves the focus nowhere, and the keys typed next are lost.
 */
export async function editorReady(scope: Locator) {
  await expect(scope.locator('[role="textbox"][contenteditable="true"]')).toBeVisible();
}
