/**
 * Account self-service (issue 12): changing one's password ends one's other
 * sessions; the sessions page lists and ends only one's own sessions.
 */
import { beforeAll, describe, expect, it } from "vitest";

import { ensureReferenceData } from "~/models/bootstrap.server";
import { createUser } from "~/models/user.server";
import { getSessionUser, signIn } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";

import { action as passwordAction } from "../../app/routes/account.password";
import { action as sessionsAction, loader as sessionsLoader } from "../../app/routes/account.sessions";
import { startUserSession } from "./session-fixtures";

const PASSWORD = "marble otter lantern in july";
const NEW_PASSWORD = "quiet harbour violin seventeen";
const context = { cspNonce: "", requestId: "test", clientAddress: "127.0.0.1" };
const ORIGIN = "http://localhost";

let ownerId = "";
let strangerId = "";

beforeAll(async () => {
  await ensureReferenceData();
  ownerId = (
    await createUser({
      email: "owner@self.test",
      name: "Olga Owner",
      password: PASSWORD,
      role: "delegate",
      organizationId: null,
    })
  ).id;
  strangerId = (
    await createUser({
      email: "stranger@self.test",
      name: "Sam Stranger",
      password: PASSWORD,
      role: "delegate",
      organizationId: null,
    })
  ).id;
});

async function cookieFor(userId: string) {
  return (await startUserSession({ userId })).get("Set-Cookie")!.split(";")[0];
}

function post(path: string, cookie: string, fields: Record<string, string>) {
  return new Request(`${ORIGIN}${path}`, {
    method: "POST",
    headers: { Cookie: cookie, Origin: ORIGIN, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  });
}

const signedIn = async (cookie: string) =>
  (await getSessionUser(new Request(`${ORIGIN}/consultations`, { headers: { Cookie: cookie } }))).user !== null;

async function status(promise: Promise<unknown>) {
  try {
    const response = (await promise) as { init?: { status?: number } | null; status?: number };
    return response.init?.status ?? response.status ?? 200;
  } catch (error) {
    if (error instanceof Response) return error.status;
    const domain = error as { status?: number };
    if (typeof domain.status === "number") return domain.status;
    throw error;
  }
}

describe("changing one's password", () => {
  it("needs the current password and a strong new one; then ends every other session, keeping this one", async () => {
    const here = await cookieFor(ownerId);
    const elsewhere = await cookieFor(ownerId);
    const strangers = await cookieFor(strangerId);
    const before = (await prisma.user.findUniqueOrThrow({ where: { id: ownerId } })).passwordHash;

    const wrong = passwordAction({
      request: post("/account/password", here, { current: "not my password at all", password: NEW_PASSWORD }),
      params: {},
      context,
    });
    expect(await status(wrong)).toBe(400);
    const weak = passwordAction({
      request: post("/account/password", here, { current: PASSWORD, password: "aaaaaaaaaaaa" }),
      params: {},
      context,
    });
    expect(await status(weak)).toBe(400);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: ownerId } })).passwordHash).toBe(before);
    expect(await signedIn(elsewhere)).toBe(true);

    const changed = passwordAction({
      request: post("/account/password", here, { current: PASSWORD, password: NEW_PASSWORD }),
      params: {},
      context,
    });
    expect(await status(changed)).toBe(200);
    expect(await signedIn(here)).toBe(true);
    expect(await signedIn(elsewhere)).toBe(false);
    expect(await signedIn(strangers)).toBe(true);
    expect((await signIn({ email: "owner@self.test", password: PASSWORD, clientAddress: "192.0.2.9" })).ok).toBe(false);
    expect((await signIn({ email: "owner@self.test", password: NEW_PASSWORD, clientAddress: "192.0.2.9" })).ok).toBe(
      true,
    );
  });
});

describe("one's sessions", () => {
  it("lists one's own sessions by handle (never the session id) and ends one, or all others", async () => {
    const here = await cookieFor(strangerId);
    const second = await cookieFor(strangerId);
    const third = await cookieFor(strangerId);
    const response = (await sessionsLoader({
      request: new Request(`${ORIGIN}/account/sessions`, { headers: { Cookie: here } }),
      params: {},
      context,
    })) as unknown as { data: { sessions: Array<{ handle: string; current: boolean }> } };
    const sessions = response.data.sessions;
    expect(sessions.length).toBeGreaterThanOrEqual(3);
    expect(sessions[0].current).toBe(true);
    const ids = [here, second, third].map((cookie) => cookie.split("=")[1]);
    for (const row of sessions) expect(ids).not.toContain(row.handle);
    expect(JSON.stringify(sessions)).not.toContain(ids[1]);

    const other = sessions.find((row) => !row.current)!;
    expect(
      await status(
        sessionsAction({
          request: post("/account/sessions", here, { intent: "revoke", session: other.handle }),
          params: {},
          context,
        }),
      ),
    ).toBe(200);
    expect([await signedIn(second), await signedIn(third)].filter(Boolean)).toHaveLength(1);

    expect(
      await status(
        sessionsAction({ request: post("/account/sessions", here, { intent: "revoke-others" }), params: {}, context }),
      ),
    ).toBe(200);
    expect(await signedIn(second)).toBe(false);
    expect(await signedIn(third)).toBe(false);
    expect(await signedIn(here)).toBe(true);
  });

  it("cannot end someone else's session: 404, and it stays signed in", async () => {
    const mine = await cookieFor(ownerId);
    const theirs = await cookieFor(strangerId);
    const theirHandle = (
      (await sessionsLoader({
        request: new Request(`${ORIGIN}/account/sessions`, { headers: { Cookie: theirs } }),
        params: {},
        context,
      })) as unknown as { data: { sessions: Array<{ handle: string; current: boolean }> } }
    ).data.sessions.find((row) => row.current)!.handle;
    const attempt = sessionsAction({
      request: post("/account/sessions", mine, { intent: "revoke", session: theirHandle }),
      params: {},
      context,
    });
    expect(await status(attempt)).toBe(404);
    expect(await signedIn(theirs)).toBe(true);
  });
});
