/**
 * Invitations and account requests, through /admin/people,
 * /invitations/:token and /request-account called with real Requests.
 */
import crypto from "node:crypto";

import { beforeAll, describe, expect, it } from "vitest";

import { DomainError } from "~/lib/errors";
import {
  approveAccountRequest,
  listPendingAccountRequests,
  rejectAccountRequest,
} from "~/models/account-request.server";
import { ensureReferenceData } from "~/models/bootstrap.server";
import {
  acceptInvitation,
  createInvitation,
  hashInvitationToken,
  INVITATION_LIFETIME_MS,
  listRecentInvitations,
} from "~/models/invitation.server";
import { createUser, listOrganizations, upsertOrganization } from "~/models/user.server";
import { action as peopleAction, loader as peopleLoader } from "~/routes/admin.people";
import { action as acceptAction, loader as invitationLoader } from "~/routes/invitations.$token";
import { action as requestAccountAction } from "~/routes/request-account";
import { getSessionUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { findSessionUser, type SessionUser } from "~/utils/session-user.server";
import { SESSION_COOKIE_NAME } from "~/utils/session.server";

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

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- an answer's body, read field by field in assertions
type Outcome = { status: number; headers: Headers; data: any; location: string | null };

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

async function cookieFor(userId: string) {
  const headers = await startUserSession({ userId });
  return { Cookie: headers.getSetCookie()[0].split(";")[0] };
}

function tokenOf(link: string) {
  return new URL(link).pathname.split("/").pop()!;
}

let secretariat: { id: string };
let delegate: { id: string };
/** The secretariat as models see them (the actor a route passes on). */
let secretariatActor: SessionUser;
let orgA: { id: string };
let orgB: { id: string };

beforeAll(async () => {
  await ensureReferenceData();
  const secretariatOrg = await upsertOrganization({ name: "Consultation Secretariat", kind: "secretariat" });
  orgA = await upsertOrganization({ name: "Delegation of Member State A", kind: "member_state" });
  orgB = await upsertOrganization({ name: "Delegation of Member State B", kind: "member_state" });
  secretariat = await createUser({
    email: "secretariat@example.test",
    name: "Sam",
    password: PASSWORD,
    role: "secretariat",
    organizationId: secretariatOrg.id,
  });
  delegate = await createUser({
    email: "delegate@example.test",
    name: "Dario",
    password: PASSWORD,
    role: "delegate",
    organizationId: orgA.id,
  });
  secretariatActor = (await findSessionUser({ userId: secretariat.id }))!;
});

async function invite(fields: Record<string, string>, clientAddress = "127.0.0.1") {
  return outcome(async () =>
    peopleAction({
      request: post("/admin/people", { intent: "invite", ...fields }, await cookieFor(secretariat.id)),
      params: {},
      context: context(clientAddress),
    }),
  );
}

describe("the people page is the secretariat's", () => {
  it("refuses a delegate with 403, records the attempt, and creates nothing", async () => {
    const headers = await cookieFor(delegate.id);
    const page = await outcome(() =>
      peopleLoader({
        request: new Request(`${ORIGIN}/admin/people`, { headers }),
        params: {},
        context: context("192.0.2.5"),
      }),
    );
    expect(page.status).toBe(403);
    const posted = await outcome(() =>
      peopleAction({
        request: post("/admin/people", { intent: "invite", email: "x@example.test", roleName: "secretariat" }, headers),
        params: {},
        context: context("192.0.2.5"),
      }),
    );
    expect(posted.status).toBe(403);
    expect(await prisma.invitation.count({ where: { email: "x@example.test" } })).toBe(0);
    const denied = await prisma.auditEvent.findMany({ where: { actorId: delegate.id, outcome: "denied" } });
    expect(denied).toHaveLength(2);
    expect(denied.every((e) => JSON.parse(e.details).permission === "create:user:any" && e.ip === "192.0.2.5")).toBe(
      true,
    );
  });

  it("sends a signed-out visitor to sign in", async () => {
    const page = await outcome(() =>
      peopleLoader({ request: new Request(`${ORIGIN}/admin/people`), params: {}, context: context() }),
    );
    expect(page.status).toBe(302);
    expect(page.location).toBe("/login?redirectTo=%2Fadmin%2Fpeople");
  });
});

describe("the people models check the actor themselves", () => {
  it("refuse a delegate with a 403 DomainError, audited, whatever the route did, and change nothing", async () => {
    const actor = (await findSessionUser({ userId: delegate.id }))!;
    const request = await prisma.accountRequest.create({
      data: { name: "Pat", email: "pat@example.test", organizationName: "Pat Org", organizationKind: "academia" },
    });
    const clientAddress = "192.0.2.77";
    const calls: Array<[string, () => Promise<unknown>]> = [
      [
        "createInvitation",
        () =>
          createInvitation({
            actor,
            email: "m@example.test",
            roleName: "secretariat",
            organization: null,
            clientAddress,
          }),
      ],
      ["listRecentInvitations", () => listRecentInvitations({ actor, clientAddress })],
      ["listOrganizations", () => listOrganizations({ actor, clientAddress })],
      ["listPendingAccountRequests", () => listPendingAccountRequests({ actor, clientAddress })],
      [
        "approveAccountRequest",
        () => approveAccountRequest({ actor, requestId: request.id, roleName: "focal_point", clientAddress }),
      ],
      ["rejectAccountRequest", () => rejectAccountRequest({ actor, requestId: request.id, clientAddress })],
    ];
    for (const [name, call] of calls) {
      const thrown = await call().catch((error: unknown) => error);
      expect(thrown, name).toBeInstanceOf(DomainError);
      expect(thrown, name).toMatchObject({ status: 403, key: "errors.forbidden" });
    }
    const denied = await prisma.auditEvent.findMany({
      where: { actorId: delegate.id, outcome: "denied", ip: clientAddress },
    });
    expect(denied).toHaveLength(calls.length);
    expect(
      denied.every((e) => (JSON.parse(e.details) as { permission: string }).permission === "create:user:any"),
    ).toBe(true);
    expect(await prisma.invitation.count({ where: { email: "m@example.test" } })).toBe(0);
    expect((await prisma.accountRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe("pending");
  });
});

describe("invitations", () => {
  it("shows the link once and stores only the token's SHA-256, valid for 7 days", async () => {
    const before = Date.now();
    const result = await invite({ email: "New.Person@Example.test", roleName: "delegate", organization: orgA.id });
    expect(result.status).toBe(200);
    const { created } = result.data;
    expect(created.email).toBe("new.person@example.test");
    expect(created.link).toMatch(/^http:\/\/localhost\/invitations\/[A-Za-z0-9_-]{43}$/);
    const token = tokenOf(created.link as string);
    const row = await prisma.invitation.findFirstOrThrow({ where: { email: "new.person@example.test" } });
    expect(row.tokenHash).toBe(crypto.createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row).toMatchObject({
      roleName: "delegate",
      organizationId: orgA.id,
      usedAt: null,
      createdById: secretariat.id,
    });
    expect(row.expiresAt.getTime() - before).toBeGreaterThanOrEqual(INVITATION_LIFETIME_MS - 1000);
    expect(row.expiresAt.getTime() - before).toBeLessThanOrEqual(INVITATION_LIFETIME_MS + 5000);
    const audit = await prisma.auditEvent.findFirst({ where: { action: "invitation.create", entityId: row.id } });
    expect(audit).toMatchObject({ actorId: secretariat.id, outcome: "ok" });
  });

  it("creates a new organization when asked, and reuses one of the same name", async () => {
    const first = await invite({
      email: "fp@newland.test",
      roleName: "focal_point",
      organization: "new",
      newOrganizationName: "Delegation of Newland",
      newOrganizationKind: "member_state",
    });
    expect(first.status).toBe(200);
    const org = await prisma.organization.findUniqueOrThrow({ where: { name: "Delegation of Newland" } });
    expect(org.kind).toBe("member_state");
    const second = await invite({
      email: "d@newland.test",
      roleName: "delegate",
      organization: "new",
      newOrganizationName: "Delegation of Newland",
      newOrganizationKind: "academia",
    });
    expect(second.status).toBe(200);
    expect(await prisma.organization.count({ where: { name: "Delegation of Newland" } })).toBe(1);
  });

  it("explains what is missing: a delegate's organization, a new organization's name, a free email", async () => {
    const noOrg = await invite({ email: "a@example.test", roleName: "delegate", organization: "" });
    expect(noOrg.status).toBe(400);
    expect(noOrg.data.fieldErrors.organization).toEqual(["people.invite.organizationRequired"]);
    const noName = await invite({
      email: "a@example.test",
      roleName: "observer",
      organization: "new",
      newOrganizationName: " ",
    });
    expect(noName.data.fieldErrors.newOrganizationName).toEqual(["people.invite.newOrganizationNameRequired"]);
    const taken = await invite({ email: "DELEGATE@example.test", roleName: "observer", organization: "" });
    expect(taken.status).toBe(409);
    expect(taken.data.formError).toEqual({ key: "people.invite.emailTaken", values: {} });
  });

  it("accepts once: name and password from the form, the rest from the invitation (extra fields ignored)", async () => {
    const { data } = await invite({ email: "invitee@example.test", roleName: "delegate", organization: orgA.id });
    const link = data.created.link as string;
    const token = tokenOf(link);

    const page = await outcome(() =>
      invitationLoader({ request: new Request(link), params: { token }, context: context() }),
    );
    expect(page.data).toEqual({
      metaTitle: "Create your account",
      status: "valid",
      invitation: {
        email: "invitee@example.test",
        roleName: "delegate",
        organizationName: "Delegation of Member State A",
      },
    });

    const accepted = await outcome(() =>
      acceptAction({
        request: post(`/invitations/${token}`, {
          name: "  Ines Invitee ",
          password: "a long enough password",
          // Mass assignment attempts: none of these may reach the new account.
          role: "secretariat",
          roleName: "secretariat",
          roleId: "x",
          organizationId: orgB.id,
          email: "someone.else@example.test",
        }),
        params: { token },
        context: context("192.0.2.30"),
      }),
    );
    expect(accepted.status).toBe(302);
    expect(accepted.location).toBe("/consultations");
    const user = await prisma.user.findUniqueOrThrow({
      where: { email: "invitee@example.test" },
      select: { id: true, name: true, organizationId: true, role: { select: { name: true } } },
    });
    expect(user).toEqual({
      id: expect.any(String),
      name: "Ines Invitee",
      organizationId: orgA.id,
      role: { name: "delegate" },
    });
    expect(await prisma.user.count({ where: { email: "someone.else@example.test" } })).toBe(0);

    // Signed in as the new account.
    const cookie = accepted.headers
      .getSetCookie()
      .find((c) => c.startsWith(`${SESSION_COOKIE_NAME}=`))!
      .split(";")[0];
    const auth = await getSessionUser(new Request(`${ORIGIN}/`, { headers: { Cookie: cookie } }));
    expect(auth.user?.id).toBe(user.id);
    expect(
      await prisma.auditEvent.count({ where: { action: "invitation.accept", actorId: user.id, outcome: "ok" } }),
    ).toBe(1);

    // A second use fails and creates nothing.
    const again = await outcome(() =>
      acceptAction({
        request: post(`/invitations/${token}`, { name: "Mallory", password: "another long password" }),
        params: { token },
        context: context(),
      }),
    );
    expect(again.status).toBe(410);
    expect(again.data.formError).toEqual({ key: "auth.invitation.used" });
    expect(await prisma.user.count({ where: { name: "Mallory" } })).toBe(0);
    const usedPage = await outcome(() =>
      invitationLoader({ request: new Request(link), params: { token }, context: context() }),
    );
    expect(usedPage.status).toBe(410);
    expect(usedPage.data).toEqual({ metaTitle: "Invitation already used", status: "used", invitation: null });
  });

  it("lets exactly one of two simultaneous acceptances through", async () => {
    const created = await createInvitation({
      email: "race@example.test",
      roleName: "observer",
      organization: null,
      actor: secretariatActor,
    });
    const results = await Promise.all([
      acceptInvitation({ token: created.token, name: "One", password: "a long enough password" }),
      acceptInvitation({ token: created.token, name: "Two", password: "a long enough password" }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toEqual({ ok: false, reason: "used" });
    expect(await prisma.user.count({ where: { email: "race@example.test" } })).toBe(1);
  });

  it("refuses an expired invitation (410) and an unknown token (404) and creates nothing", async () => {
    const created = await createInvitation({
      email: "late@example.test",
      roleName: "observer",
      organization: null,
      actor: secretariatActor,
    });
    await prisma.invitation.update({
      where: { tokenHash: hashInvitationToken(created.token) },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const expiredPage = await outcome(() =>
      invitationLoader({
        request: new Request(`${ORIGIN}/invitations/x`),
        params: { token: created.token },
        context: context(),
      }),
    );
    expect(expiredPage.status).toBe(410);
    expect(expiredPage.data.status).toBe("expired");
    const expired = await outcome(() =>
      acceptAction({
        request: post(`/invitations/${created.token}`, { name: "Late", password: "a long enough password" }),
        params: { token: created.token },
        context: context(),
      }),
    );
    expect(expired.status).toBe(410);
    expect(expired.data.formError).toEqual({ key: "auth.invitation.expired" });

    const bogus = crypto.randomBytes(32).toString("base64url");
    const unknownPage = await outcome(() =>
      invitationLoader({
        request: new Request(`${ORIGIN}/invitations/x`),
        params: { token: bogus },
        context: context(),
      }),
    );
    expect(unknownPage.status).toBe(404);
    const unknown = await outcome(() =>
      acceptAction({
        request: post(`/invitations/${bogus}`, { name: "Nobody", password: "a long enough password" }),
        params: { token: bogus },
        context: context(),
      }),
    );
    expect(unknown.status).toBe(404);
    expect(await prisma.user.count({ where: { email: "late@example.test" } })).toBe(0);
    expect(await prisma.user.count({ where: { name: "Nobody" } })).toBe(0);
  });

  it("requires a password of 12 to 256 characters and leaves the invitation unused", async () => {
    const created = await createInvitation({
      email: "short@example.test",
      roleName: "observer",
      organization: null,
      actor: secretariatActor,
    });
    for (const [password, error] of [
      ["elevenchars", "auth.validation.passwordTooShort"],
      ["x".repeat(257), "auth.validation.passwordTooLong"],
    ] as const) {
      const result = await outcome(() =>
        acceptAction({
          request: post(`/invitations/${created.token}`, { name: "Shorty", password }),
          params: { token: created.token },
          context: context(),
        }),
      );
      expect(result.status).toBe(400);
      expect(result.data.fieldErrors.password).toEqual([error]);
    }
    const row = await prisma.invitation.findUniqueOrThrow({ where: { tokenHash: hashInvitationToken(created.token) } });
    expect(row.usedAt).toBeNull();
  });
});

describe("account requests", () => {
  it("stores a pending request from the public form and ignores extra fields", async () => {
    const result = await outcome(() =>
      requestAccountAction({
        request: post("/request-account", {
          name: "Rita Requester",
          email: "Rita@Civil.test",
          organizationName: "Civil Network",
          organizationKind: "civil_society",
          message: "We follow cybersecurity policy.",
          status: "approved",
          role: "secretariat",
          decidedById: secretariat.id,
        }),
        params: {},
        context: context("192.0.2.40"),
      }),
    );
    expect(result.status).toBe(200);
    expect(result.data.sentTo).toBe("Rita@Civil.test");
    const row = await prisma.accountRequest.findFirstOrThrow({ where: { email: "rita@civil.test" } });
    expect(row).toMatchObject({
      status: "pending",
      decidedById: null,
      organizationKind: "civil_society",
      name: "Rita Requester",
    });
    expect(
      await prisma.auditEvent.count({
        where: { action: "account_request.create", entityId: row.id, ip: "192.0.2.40" },
      }),
    ).toBe(1);
  });

  it("does not let the public claim to be the secretariat", async () => {
    const result = await outcome(() =>
      requestAccountAction({
        request: post("/request-account", {
          name: "Eve",
          email: "eve@example.test",
          organizationName: "Consultation Secretariat",
          organizationKind: "secretariat",
        }),
        params: {},
        context: context("192.0.2.41"),
      }),
    );
    expect(result.status).toBe(400);
    expect(result.data.fieldErrors.organizationKind).toEqual(["auth.validation.organizationKindRequired"]);
  });

  it("allows 5 requests per 10 minutes from one address, then 429 with Retry-After", async () => {
    const send = (i: number) =>
      outcome(() =>
        requestAccountAction({
          request: post(
            "/request-account",
            {
              name: `Spam ${i}`,
              email: `spam${i}@example.test`,
              organizationName: "Spam Inc",
              organizationKind: "sector_member",
            },
            { "X-Forwarded-For": `198.51.100.${i}` },
          ),
          params: {},
          context: context("192.0.2.50"),
        }),
      );
    for (let i = 1; i <= 5; i++) expect((await send(i)).status).toBe(200);
    const sixth = await send(6);
    expect(sixth.status).toBe(429);
    expect(Number(sixth.headers.get("Retry-After"))).toBeGreaterThan(500);
    expect(await prisma.accountRequest.count({ where: { organizationName: "Spam Inc" } })).toBe(5);
  });

  it("approval creates the organization and an invitation with the chosen role; a second is refused", async () => {
    const request = await prisma.accountRequest.create({
      data: {
        name: "Ada",
        email: "ada@uni.test",
        organizationName: "University of Elsewhere",
        organizationKind: "academia",
      },
    });
    const approve = async () =>
      outcome(async () =>
        peopleAction({
          request: post(
            "/admin/people",
            { intent: "approve", requestId: request.id, roleName: "focal_point" },
            await cookieFor(secretariat.id),
          ),
          params: {},
          context: context(),
        }),
      );
    const approved = await approve();
    expect(approved.status).toBe(200);
    expect(approved.data.created.email).toBe("ada@uni.test");
    const org = await prisma.organization.findUniqueOrThrow({ where: { name: "University of Elsewhere" } });
    expect(org.kind).toBe("academia");
    const invitation = await prisma.invitation.findFirstOrThrow({ where: { email: "ada@uni.test" } });
    expect(invitation).toMatchObject({ roleName: "focal_point", organizationId: org.id });
    expect(invitation.tokenHash).toBe(hashInvitationToken(tokenOf(approved.data.created.link as string)));
    expect(await prisma.accountRequest.findUniqueOrThrow({ where: { id: request.id } })).toMatchObject({
      status: "approved",
      decidedById: secretariat.id,
    });
    expect(await prisma.auditEvent.count({ where: { action: "account_request.approve", entityId: request.id } })).toBe(
      1,
    );

    const twice = await approve();
    expect(twice.status).toBe(409);
    expect(await prisma.invitation.count({ where: { email: "ada@uni.test" } })).toBe(1);
  });

  it("approving as secretariat is refused: requests grant focal point, delegate or observer", async () => {
    const request = await prisma.accountRequest.create({
      data: { name: "Sly", email: "sly@example.test", organizationName: "Sly Org", organizationKind: "civil_society" },
    });
    const result = await outcome(async () =>
      peopleAction({
        request: post(
          "/admin/people",
          { intent: "approve", requestId: request.id, roleName: "secretariat" },
          await cookieFor(secretariat.id),
        ),
        params: {},
        context: context(),
      }),
    );
    expect(result.status).toBe(400);
    expect((await prisma.accountRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe("pending");
  });

  it("rejection marks the request rejected and audits it", async () => {
    const request = await prisma.accountRequest.create({
      data: { name: "Rex", email: "rex@example.test", organizationName: "Rex Org", organizationKind: "civil_society" },
    });
    const result = await outcome(async () =>
      peopleAction({
        request: post("/admin/people", { intent: "reject", requestId: request.id }, await cookieFor(secretariat.id)),
        params: {},
        context: context(),
      }),
    );
    expect(result.status).toBe(200);
    expect(result.data.rejectedName).toBe("Rex");
    expect((await prisma.accountRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe("rejected");
    expect(await prisma.invitation.count({ where: { email: "rex@example.test" } })).toBe(0);
    expect(await prisma.auditEvent.count({ where: { action: "account_request.reject", entityId: request.id } })).toBe(
      1,
    );
  });

  it("lists pending requests and recent invitations on the people page", async () => {
    const page = await outcome(async () =>
      peopleLoader({
        request: new Request(`${ORIGIN}/admin/people`, { headers: await cookieFor(secretariat.id) }),
        params: {},
        context: context(),
      }),
    );
    expect(page.status).toBe(200);
    expect((page.data.accountRequests as Array<{ email: string }>).map((r) => r.email)).toContain("sly@example.test");
    expect((page.data.accountRequests as Array<{ email: string }>).map((r) => r.email)).not.toContain(
      "rex@example.test",
    );
    expect((page.data.invitations as Array<{ email: string }>).map((i) => i.email)).toContain("ada@uni.test");
    expect(JSON.stringify(page.data)).not.toMatch(/tokenHash/);
  });
});
