/**
 * Sign-in, sessions and sign-out, through the model functions and the
 * /login and /logout route modules called with real Requests. Each test
 * names the defence it guards (threats.md rows).
 */
import fs from "node:fs";

import { beforeAll, describe, expect, it } from "vitest";

import { ORGANIZATION_KINDS, ROLE_NAMES } from "~/lib/permissions";
import en from "~/locales/en";
import { ensureReferenceData } from "~/models/bootstrap.server";
import { createUser, upsertOrganization } from "~/models/user.server";
import { loader as rootLoader } from "~/root";
import { action as loginAction, loader as loginLoader } from "~/routes/login";
import { action as logoutAction, loader as logoutLoader } from "~/routes/logout";
import { getSessionUser, loginPath, requireUser, safeRedirectPath, signIn } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import {
  SESSION_ABSOLUTE_LIFETIME_MS,
  SESSION_COOKIE_NAME,
  SESSION_IDLE_TIMEOUT,
  shouldUseSecureCookies,
} from "~/utils/session.server";

import { startUserSession } from "./session-fixtures";

import type { AppLoadContext } from "@remix-run/node";

const ORIGIN = "http://localhost";
const PASSWORD = "correct horse battery staple";

function context(clientAddress = "127.0.0.1"): AppLoadContext {
  return { cspNonce: "", requestId: "t", clientAddress };
}

function post(path: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
  return new Request(`${ORIGIN}${path}`, {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: { Origin: ORIGIN, "Content-Type": "application/x-www-form-urlencoded", ...headers },
  });
}

function get(path: string, headers: Record<string, string> = {}) {
  return new Request(`${ORIGIN}${path}`, { headers });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- an answer's body, read field by field in assertions
type Outcome = { status: number; headers: Headers; data: any; location: string | null };

/** A loader/action result, returned or thrown: Response, data() or a plain value. */
async function outcome(run: () => unknown): Promise<Outcome> {
  let value: unknown;
  try {
    value = await run();
  } catch (error) {
    value = error;
  }
  if (value instanceof Response) {
    return {
      status: value.status,
      headers: value.headers,
      data: await value.text(),
      location: value.headers.get("Location"),
    };
  }
  if (value && typeof value === "object" && (value as { type?: string }).type === "DataWithResponseInit") {
    const { data, init } = value as { data: unknown; init: ResponseInit | null };
    return { status: init?.status ?? 200, headers: new Headers(init?.headers), data, location: null };
  }
  if (value instanceof Error) throw value;
  return { status: 200, headers: new Headers(), data: value, location: null };
}

/** The session cookie set by a response: its value and the raw header. */
function sessionCookie(headers: Headers) {
  const raw = headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE_NAME}=`));
  if (!raw) return null;
  return { raw, value: raw.slice(SESSION_COOKIE_NAME.length + 1).split(";")[0] };
}

function cookieHeader(sessionId: string) {
  return { Cookie: `${SESSION_COOKIE_NAME}=${sessionId}` };
}

let delegate: { id: string; email: string };

beforeAll(async () => {
  await ensureReferenceData();
  const organization = await upsertOrganization({ name: "Delegation of Member State A", kind: "member_state" });
  delegate = await createUser({
    email: "Delegate@Example.test",
    name: "Dario Delegate",
    password: PASSWORD,
    role: "delegate",
    organizationId: organization.id,
  });
});

async function sessionFor(userId: string) {
  const headers = await startUserSession({ userId });
  return sessionCookie(headers)!.value;
}

describe("sign-in", () => {
  it("signs in with the right password (email in any case), loading role, organization and permissions", async () => {
    const result = await outcome(() =>
      loginAction({
        request: post("/login", { email: " DELEGATE@example.test ", password: PASSWORD }),
        params: {},
        context: context("10.0.0.1"),
      }),
    );
    expect(result.status).toBe(302);
    expect(result.location).toBe("/consultations");
    const cookie = sessionCookie(result.headers)!;
    expect(cookie.raw).toMatch(/HttpOnly/);
    expect(cookie.raw).toMatch(/SameSite=Lax/);
    expect(cookie.raw).toMatch(/Path=\//);
    const auth = await getSessionUser(get("/", cookieHeader(cookie.value)));
    expect(auth.user).toEqual({
      id: delegate.id,
      email: "delegate@example.test",
      name: "Dario Delegate",
      role: "delegate",
      organization: { id: expect.any(String), name: "Delegation of Member State A", kind: "member_state" },
      permissions: ["create:comment:own", "delete:comment:own", "read:comment:organization", "update:comment:own"],
    });
    const audit = await prisma.auditEvent.findFirst({
      where: { action: "user.sign_in", outcome: "ok", actorId: delegate.id },
    });
    expect(audit?.ip).toBe("10.0.0.1");
  });

  it("answers a wrong password and an unknown email with one generic error, and audits both as failed", async () => {
    const wrong = await outcome(() =>
      loginAction({
        request: post("/login", { email: "delegate@example.test", password: "not the password" }),
        params: {},
        context: context("10.0.0.2"),
      }),
    );
    const unknown = await outcome(() =>
      loginAction({
        request: post("/login", { email: "nobody@example.test", password: "not the password" }),
        params: {},
        context: context("10.0.0.2"),
      }),
    );
    for (const result of [wrong, unknown]) {
      expect(result.status).toBe(400);
      expect(result.data.formError).toEqual({ key: "auth.login.invalid" });
      expect(result.data.typed).toEqual({ email: result === wrong ? "delegate@example.test" : "nobody@example.test" });
      expect(sessionCookie(result.headers)).toBeNull();
    }
    expect(en.common.auth.login.invalid).toBe("Email or password is incorrect.");
    const failed = await prisma.auditEvent.findMany({
      where: { action: "user.sign_in", outcome: "failed", ip: "10.0.0.2" },
      orderBy: { createdAt: "asc" },
    });
    expect(failed.map((e) => [e.actorId, (JSON.parse(e.details) as { reason: string }).reason])).toEqual([
      [delegate.id, "wrong_password"],
      [null, "unknown_account"],
    ]);
  });

  it("rejects a malformed form with field errors and never signs in", async () => {
    const result = await outcome(() =>
      loginAction({
        request: post("/login", { email: "not-an-email", password: "" }),
        params: {},
        context: context("10.0.0.3"),
      }),
    );
    expect(result.status).toBe(400);
    expect(result.data.fieldErrors).toEqual({
      email: ["auth.validation.emailInvalid"],
      password: ["auth.validation.passwordRequired"],
    });
  });
});

describe("sign-in rate limits", () => {
  it("answers the 11th failed sign-in a minute from one address with 429, whatever X-Forwarded-For says", async () => {
    const address = "203.0.113.7";
    for (let i = 1; i <= 10; i++) {
      const result = await outcome(() =>
        loginAction({
          // A different account each time: only the per-address limit is in play.
          request: post(
            "/login",
            { email: `guess${i}@example.test`, password: "wrong" },
            { "X-Forwarded-For": `198.51.100.${i}` },
          ),
          params: {},
          context: context(address),
        }),
      );
      expect(result.status, `attempt ${i}`).toBe(400);
    }
    const eleventh = await outcome(() =>
      loginAction({
        // A forged header must not buy a fresh bucket: the key is context.clientAddress.
        request: post(
          "/login",
          { email: "guess11@example.test", password: "wrong" },
          { "X-Forwarded-For": "192.0.2.99" },
        ),
        params: {},
        context: context(address),
      }),
    );
    expect(eleventh.status).toBe(429);
    expect(eleventh.data.formError.key).toBe("auth.login.tooMany");
    const { seconds } = eleventh.data.formError.values as { seconds: number };
    expect(seconds).toBeGreaterThan(0);
    expect(seconds).toBeLessThanOrEqual(60);
    expect(eleventh.headers.get("Retry-After")).toBe(String(seconds));
    expect(en.common.auth.login.tooMany).toBe("Too many sign-in attempts. Try again in {{seconds}} seconds.");

    // While limited, even the right password is refused…
    const blocked = await signIn({ email: "delegate@example.test", password: PASSWORD, clientAddress: address });
    expect(blocked).toMatchObject({ ok: false, reason: "rate_limited" });
    // …but another client (another socket address) is not affected.
    const other = await signIn({ email: "delegate@example.test", password: PASSWORD, clientAddress: "203.0.113.8" });
    expect(other.ok).toBe(true);
  });

  it("limits guesses at one account spread over many addresses", async () => {
    await createUser({
      email: "target@example.test",
      name: "Target",
      password: PASSWORD,
      role: "observer",
      organizationId: null,
    });
    for (let i = 1; i <= 10; i++) {
      const result = await signIn({
        email: "target@example.test",
        password: `guess-${i}`,
        clientAddress: `198.18.0.${i}`,
      });
      expect(result).toEqual({ ok: false, reason: "invalid" });
    }
    // Slowed down rather than refused (tests/integration/accounts-lockout.test.ts): the owner still gets in.
    const delays: number[] = [];
    const delay = (ms: number) => {
      delays.push(ms);
      return Promise.resolve();
    };
    const eleventh = await signIn({
      email: "TARGET@example.test",
      password: "guess-11",
      clientAddress: "198.18.0.11",
      delay,
    });
    expect(eleventh).toEqual({ ok: false, reason: "invalid" });
    expect(delays[0]).toBeGreaterThan(0);
  });

  it("counts only failures: successful sign-ins are given back", async () => {
    const address = "203.0.113.20";
    for (let i = 0; i < 15; i++) {
      const result = await signIn({ email: "delegate@example.test", password: PASSWORD, clientAddress: address });
      expect(result.ok, `sign-in ${i + 1}`).toBe(true);
    }
  });
});

describe("sessions", () => {
  it("issues a new session id at sign-in and invalidates a session planted before it", async () => {
    // An attacker's own valid session, planted in the victim's browser…
    const attacker = await createUser({
      email: "attacker@example.test",
      name: "Attacker",
      password: PASSWORD,
      role: "observer",
      organizationId: null,
    });
    const planted = await sessionFor(attacker.id);
    const result = await outcome(() =>
      loginAction({
        request: post("/login", { email: "delegate@example.test", password: PASSWORD }, cookieHeader(planted)),
        params: {},
        context: context("10.0.1.1"),
      }),
    );
    expect(result.status).toBe(302);
    const issued = sessionCookie(result.headers)!.value;
    expect(issued).not.toBe(planted);
    expect(await prisma.session.findUnique({ where: { id: planted } })).toBeNull();
    expect((await getSessionUser(get("/", cookieHeader(planted)))).user).toBeNull();
    expect((await getSessionUser(get("/", cookieHeader(issued)))).user?.id).toBe(delegate.id);

    // …and an id the attacker made up is not adopted either.
    const invented = "a".repeat(40);
    const second = await signIn({
      email: "delegate@example.test",
      password: PASSWORD,
      clientAddress: "10.0.1.1",
      request: get("/login", cookieHeader(invented)),
    });
    expect(second.ok && sessionCookie(second.headers)!.value).not.toBe(invented);
    expect(await prisma.session.findUnique({ where: { id: invented } })).toBeNull();
  });

  it("treats a tampered cookie as signed out and clears it", async () => {
    const valid = await sessionFor(delegate.id);
    const tampered = `${valid.slice(0, -1)}${valid.endsWith("a") ? "b" : "a"}`;
    for (const value of [tampered, `${valid}x`, "../../etc/passwd", "%E0%A4%A"]) {
      const auth = await getSessionUser(get("/", cookieHeader(value)));
      expect(auth.user, value).toBeNull();
      const cleared = sessionCookie(auth.headers);
      expect(cleared?.value, value).toBe("");
      expect(cleared?.raw, value).toMatch(/Max-Age=0/);
    }
    // The root loader passes the clearing cookie on to every page.
    const root = await outcome(() =>
      rootLoader({ request: get("/", cookieHeader(tampered)), params: {}, context: context() }),
    );
    expect(root.data.user).toBeNull();
    expect(sessionCookie(root.headers)?.raw).toMatch(/^consult_session=;.*Max-Age=0/);
    // The valid session is untouched.
    expect((await getSessionUser(get("/", cookieHeader(valid)))).user?.id).toBe(delegate.id);
  });

  it("sends no Set-Cookie to a visitor without a session cookie", async () => {
    const auth = await getSessionUser(get("/", { Cookie: "other=1" }));
    expect(auth.user).toBeNull();
    expect(auth.headers.getSetCookie()).toEqual([]);
  });

  it("signs out an idle session past its expiry and deletes the row", async () => {
    const id = await sessionFor(delegate.id);
    await prisma.session.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const auth = await getSessionUser(get("/", cookieHeader(id)));
    expect(auth.user).toBeNull();
    expect(sessionCookie(auth.headers)?.raw).toMatch(/Max-Age=0/);
    expect(await prisma.session.findUnique({ where: { id } })).toBeNull();
  });

  it("signs out an active session older than the absolute lifetime and deletes the row", async () => {
    const id = await sessionFor(delegate.id);
    await prisma.session.update({
      where: { id },
      data: {
        createdAt: new Date(Date.now() - SESSION_ABSOLUTE_LIFETIME_MS - 1000),
        expiresAt: new Date(Date.now() + SESSION_IDLE_TIMEOUT.milliseconds()),
      },
    });
    const auth = await getSessionUser(get("/", cookieHeader(id)));
    expect(auth.user).toBeNull();
    expect(sessionCookie(auth.headers)?.raw).toMatch(/Max-Age=0/);
    expect(await prisma.session.findUnique({ where: { id } })).toBeNull();
  });

  it("extends an active session past half its idle time and re-sends the cookie", async () => {
    const id = await sessionFor(delegate.id);
    const soon = new Date(Date.now() + 60_000);
    await prisma.session.update({ where: { id }, data: { expiresAt: soon } });
    const auth = await getSessionUser(get("/", cookieHeader(id)));
    expect(auth.user?.id).toBe(delegate.id);
    expect(sessionCookie(auth.headers)?.value).toBe(id);
    const row = await prisma.session.findUniqueOrThrow({ where: { id } });
    expect(row.expiresAt.getTime()).toBeGreaterThan(Date.now() + SESSION_IDLE_TIMEOUT.milliseconds() - 60_000);
    // The cookie lives until the absolute end, not beyond.
    const maxAge = Number(/Max-Age=(\d+)/.exec(sessionCookie(auth.headers)!.raw)![1]);
    expect(maxAge).toBeLessThanOrEqual(SESSION_ABSOLUTE_LIFETIME_MS / 1000);
    expect(maxAge).toBeGreaterThan(SESSION_ABSOLUTE_LIFETIME_MS / 1000 - 60);
  });

  it("sets Secure only for production over HTTPS (the e2e suite serves production over http)", () => {
    expect(shouldUseSecureCookies({ NODE_ENV: "production", HTTPS: "true" })).toBe(true);
    expect(shouldUseSecureCookies({ NODE_ENV: "production" })).toBe(false);
    expect(shouldUseSecureCookies({ NODE_ENV: "development", HTTPS: "true" })).toBe(false);
  });
});

describe("sign-out", () => {
  it("POST /logout deletes the session row, clears the cookie and audits", async () => {
    const id = await sessionFor(delegate.id);
    const result = await outcome(() =>
      logoutAction({ request: post("/logout", {}, cookieHeader(id)), params: {}, context: context("10.0.2.1") }),
    );
    expect(result.status).toBe(302);
    expect(sessionCookie(result.headers)?.raw).toMatch(/^consult_session=;.*Max-Age=0/);
    expect(await prisma.session.findUnique({ where: { id } })).toBeNull();
    expect((await getSessionUser(get("/", cookieHeader(id)))).user).toBeNull();
    const audit = await prisma.auditEvent.findFirst({ where: { action: "user.sign_out", actorId: delegate.id } });
    expect(audit?.outcome).toBe("ok");
  });

  it("GET /logout changes nothing: the session stays valid", async () => {
    const id = await sessionFor(delegate.id);
    const result = await outcome(() => logoutLoader());
    expect(result.status).toBe(302);
    expect(result.location).toBe("/");
    expect(result.headers.getSetCookie()).toEqual([]);
    expect(await prisma.session.findUnique({ where: { id } })).not.toBeNull();
    expect((await getSessionUser(get("/", cookieHeader(id)))).user?.id).toBe(delegate.id);
  });
});

describe("redirects after sign-in", () => {
  it.each([
    ["//evil.example/path", "/consultations"],
    ["https://evil.example/", "/consultations"],
    ["/\\evil.example", "/consultations"],
    ["/\t/evil.example", "/consultations"],
    ["javascript:alert(1)", "/consultations"],
    ["evil.example", "/consultations"],
    ["/logout", "/consultations"],
    // Dot segments that the URL parser resolves to "//evil.example" (an open redirect once).
    ["/.//evil.example/", "/consultations"],
    ["/a/..//evil.example/", "/consultations"],
    ["/%2e//evil.example/", "/consultations"],
    ["/consultations/gca-guidelines/versions/1?x=1#p-2-9-a", "/consultations/gca-guidelines/versions/1?x=1#p-2-9-a"],
  ])("redirectTo %j → %s", async (redirectTo, expected) => {
    expect(safeRedirectPath(redirectTo)).toBe(expected);
    const result = await outcome(() =>
      loginAction({
        request: post("/login", { email: "delegate@example.test", password: PASSWORD, redirectTo }),
        params: {},
        context: context("10.0.3.1"),
      }),
    );
    expect(result.status).toBe(302);
    expect(result.location).toBe(expected);
  });

  it("echoes only a safe redirectTo into the login form", async () => {
    const evil = await outcome(() =>
      loginLoader({ request: get("/login?redirectTo=%2F%2Fevil.example"), params: {}, context: context() }),
    );
    expect(evil.data.redirectTo).toBe("");
    const fine = await outcome(() =>
      loginLoader({
        request: get("/login?redirectTo=%2Fconsultations%2Fgca-guidelines"),
        params: {},
        context: context(),
      }),
    );
    expect(fine.data.redirectTo).toBe("/consultations/gca-guidelines");
  });

  it("sends a signed-out visitor of a protected page to /login with the way back", async () => {
    const result = await outcome(() => requireUser(get("/admin/people?tab=requests")));
    expect(result.status).toBe(302);
    expect(result.location).toBe("/login?redirectTo=%2Fadmin%2Fpeople%3Ftab%3Drequests");
    // Single fetch's `_routes` bookkeeping is not part of the way back.
    expect(loginPath(get("/consultations/x?_routes=root"))).toBe("/login?redirectTo=%2Fconsultations%2Fx");
  });
});

describe("interface text", () => {
  it("every auth/people key the pages use is an English string (none lost to a misplaced edit)", () => {
    const files = [
      "app/root.tsx",
      "app/routes/login.tsx",
      "app/routes/invitations.$token.tsx",
      "app/routes/request-account.tsx",
      "app/routes/admin.people.tsx",
    ];
    const keys = new Set<string>();
    for (const file of files) {
      for (const match of fs.readFileSync(file, "utf8").matchAll(/"((?:auth|people)\.[A-Za-z_.]+)"/g))
        keys.add(match[1]);
    }
    // Keys built at run time.
    for (const role of ROLE_NAMES) keys.add(`auth.roles.${role}`);
    for (const kind of ORGANIZATION_KINDS) keys.add(`auth.organizationKinds.${kind}`);
    for (const status of ["unknown", "expired", "used"]) {
      keys.add(`auth.invitation.${status}`);
      keys.add(`auth.invitation.${status}Title`);
    }
    expect(keys.size).toBeGreaterThan(80);
    const resolve = (key: string) =>
      key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], en.common);
    expect([...keys].filter((key) => typeof resolve(key) !== "string")).toEqual([]);
  });
});
