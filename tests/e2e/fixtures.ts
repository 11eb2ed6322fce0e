import { expect, type Page } from "@playwright/test";

/** The seed's demo accounts (prisma/seed.ts); all share DEMO_PASSWORD. */
export const DEMO_PASSWORD = process.env.DEMO_PASSWORD ?? "consult-demo-2026";
export const DEMO_USERS = {
  secretariat: { email: "secretariat@demo.test", name: "Sam Secretariat" },
  focalPoint: { email: "focal.point@demo.test", name: "Fatima Focal" },
  delegate: { email: "delegate@demo.test", name: "Dario Delegate" },
  observer: { email: "observer@demo.test", name: "Olga Observer" },
} as const;

/**
 * Signs in through the real form and waits for the header to show the
 * account. With `redirectTo`, lands there afterwards (as a visitor sent to
 * sign in from that page would).
 */
export async function signIn(
  page: Page,
  email: string,
  { password = DEMO_PASSWORD, redirectTo }: { password?: string; redirectTo?: string } = {},
) {
  await page.goto(redirectTo ? `/login?redirectTo=${encodeURIComponent(redirectTo)}` : "/login");
  await page.getByLabel("Email address", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByText(/^Signed in as /)).toBeVisible();
}

/** Signs out with the header's button and waits for the "Sign in" link. */
export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in", exact: true })).toBeVisible();
}
