/**
 * A focal point invites people into their own organization, and only there
 * (issue 12, "Organizations"; docs/decisions/0021): /organization called with
 * real Requests, and the models it calls. Every defence here has a test that
 * fails without it (docs/security.md names them).
 */
import { beforeAll, describe, expect, it } from "vitest";

import { DomainError } from "~/lib/errors";
import { ensureReferenceData } from "~/models/bootstrap.server";
import { acceptInvitation, createInvitation, findInvitationByToken } from "~/models/invitation.server";
import { inviteToOrganization, withdrawOrganizationInvitation } from "~/models/organization-invitation.server";
import { createUser, deactivateAccount, upsertOrganization } from "~/models/user.server";
import { action, loader } from "~/routes/organization";
import { prisma } from "~/utils/db.server";
import { findSessionUser, type SessionUser } from "~/utils/session-user.server";

import { startUserSession } from "./session-fixtures";

import type { AppLoadContext } from "@remix-run/node";

const ORIGIN = "http://localhost";
const PASSWORD = "correct horse battery staple";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- an answer's body, read field by field in assertions
type Outcome = { status: number; data: any; location: string | null; headers: Headers };

async function outcome(run: () => unknown): Promise<Outcome> {
  let value: unknown;
  try {
    value = await run();
  } catch (error) {
    value = error;
  }
  if (value instanceof Response) {
    const { status, headers } = value;
    return { status, data: await value.text(), location: headers.get("Location"), headers };
  }
  if (value && typeof value === "object" && (value as { type?: string }).type === "DataWithResponseInit") {
    const { data, init } = value as { data: unknown; init: ResponseInit | null };
    return { status: init?.status ?? 200, data, location: null, headers: new Headers(init?.headers) };
  }
  if (value instanceof Error) throw value;
  return { status: 200, data: value, location: null, headers: new Headers() };
}

function context(clientAddress: string): AppLoadContext {
  return { cspNonce: "", requestId: "t", clientAddress };
}

async function cookieFor(userId: string) {
  const headers = await startUserSession({ userId });
  return headers.getSetCookie()[0].split(";")[0];
}

let seq = 0;
/** A client address of its own per call site, so the per-address limit counts one test's requests. */
const address = () => `198.51.100.${++seq}`;

async function post(userId: string, body: BodyInit, contentType = "application/x-www-form-urlencoded", ip = address()) {
  const request = new Request(`${ORIGIN}/organization`, {
    method: "POST",
    body,
    headers: { Origin: ORIGIN, "Content-Type": contentType, Cookie: await cookieFor(userId) },
  });
  return outcome(() => action({ request, params: {}, context: context(ip) }));
}

const postForm = (userId: string, fields: Record<string, string>, ip?: string) =>
  post(userId, new URLSearchParams(fields), undefined, ip);

async function getPage(userId: string, ip = address()) {
  const request = new Request(`${ORIGIN}/organization`, { headers: { Cookie: await cookieFor(userId) } });
  return outcome(() => loader({ request, params: {}, context: context(ip) }));
}

let orgA: { id: string; name: string };
let orgB: { id: string; name: string };
let secretariat: { id: string };
let n = 0;
/** A fresh account of `role`, so each test counts its own rows, limits and audit events. */
async function person(role: "focal_point" | "delegate" | "observer" | "secretariat", organizationId: string | null) {
  return createUser({
    email: `${role}.${++n}@org.test`,
    name: `${role} ${n}`,
    password: PASSWORD,
    role,
    organizationId,
  });
}
const actorOf = async (userId: string) => (await findSessionUser({ userId })) as SessionUser;

beforeAll(async () => {
  await ensureReferenceData();
  const office = await upsertOrganization({ name: "Consultation Secretariat", kind: "secretariat" });
  orgA = await upsertOrganization({ name: "Delegation of Member State A", kind: "member_state" });
  orgB = await upsertOrganization({ name: "Delegation of Member State B (secret)", kind: "member_state" });
  secretariat = await person("secretariat", office.id);
});

describe("the roles table", () => {
  it("picks the new permissions up on an existing database at the next start (ensureReferenceData)", async () => {
    // A database from before this change: the focal point's role without them, the permission rows absent.
    const rows = await prisma.permission.findMany({ where: { entity: "user", access: "organization" } });
    await prisma.role.update({
      where: { name: "focal_point" },
      data: { permissions: { disconnect: rows.map(({ id }) => ({ id })) } },
    });
    await prisma.permission.deleteMany({ where: { id: { in: rows.map(({ id }) => id) } } });
    const focal = await person("focal_point", orgA.id);
    expect((await actorOf(focal.id)).permissions).not.toContain("create:user:organization");
    expect((await postForm(focal.id, { intent: "invite", email: "early@org.test", roleName: "delegate" })).status).toBe(
      403,
    );

    await ensureReferenceData();
    const permissions = (await actorOf(focal.id)).permissions;
    expect(permissions).toEqual(expect.arrayContaining(["create:user:organization", "read:user:organization"]));
    const delegatePermissions = (await actorOf((await person("delegate", orgA.id)).id)).permissions;
    expect(delegatePermissions).not.toContain("create:user:organization");
    expect(delegatePermissions).not.toContain("read:user:organization");
  });
});

describe("a focal point invites into their own organization", () => {
  it("queues the secretariat's invitation email, lists it, and the invitee joins as a delegate", async () => {
    const focal = await person("focal_point", orgA.id);
    const answer = await postForm(focal.id, { intent: "invite", email: " Nadia.New@Org.test ", roleName: "delegate" });
    expect(answer.status).toBe(200);
    expect(answer.data).toMatchObject({ intent: "invite", email: "nadia.new@org.test" });
    expect(JSON.stringify(answer.data)).not.toContain("/invitations/");

    const row = await prisma.invitation.findFirstOrThrow({ where: { email: "nadia.new@org.test" } });
    expect(row).toMatchObject({ roleName: "delegate", organizationId: orgA.id, createdById: focal.id, usedAt: null });
    const mail = await prisma.outboxMessage.findUniqueOrThrow({ where: { dedupeKey: `invitation:${row.id}` } });
    expect(mail).toMatchObject({ kind: "invitation", toAddress: "nadia.new@org.test", status: "pending" });
    expect(mail.subject).toBe("Invitation to the consultation platform");
    expect(mail.text).toContain(orgA.name);
    const audit = await prisma.auditEvent.findFirstOrThrow({
      where: { action: "invitation.create", entityId: row.id },
    });
    expect(audit).toMatchObject({ actorId: focal.id, outcome: "ok" });
    expect(JSON.parse(audit.details)).toMatchObject({ organizationId: orgA.id, roleName: "delegate" });

    const page = await getPage(focal.id);
    expect(page.status).toBe(200);
    expect(page.data.organization.name).toBe(orgA.name);
    expect(page.data.members).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: focal.id, roleName: "focal_point", active: true })]),
    );
    expect(page.data.invitations).toEqual([
      expect.objectContaining({
        email: "nadia.new@org.test",
        delivery: expect.objectContaining({ status: "pending" }),
      }),
    ]);
    // Only the organization's own people and invitations.
    expect(JSON.stringify(page.data)).not.toContain(orgB.name);

    const token = mail.text.match(/\/invitations\/([A-Za-z0-9_-]{43})/)![1];
    const accepted = await acceptInvitation({ token, name: "Nadia", password: PASSWORD });
    expect(accepted.ok).toBe(true);
    const joined = await actorOf((accepted as { userId: string }).userId);
    expect(joined).toMatchObject({ role: "delegate", organization: { id: orgA.id } });
  });

  it("ignores a forged organizationId: the invitation is for the focal point's own organization", async () => {
    const focal = await person("focal_point", orgA.id);
    const answer = await postForm(focal.id, {
      intent: "invite",
      email: "forged@org.test",
      roleName: "delegate",
      organizationId: orgB.id,
      organization: orgB.id,
    });
    expect(answer.status).toBe(200);
    expect(await prisma.invitation.count({ where: { organizationId: orgB.id } })).toBe(0);
    const row = await prisma.invitation.findFirstOrThrow({ where: { email: "forged@org.test" } });
    expect(row.organizationId).toBe(orgA.id);
  });

  it("grants no role beyond delegate: other roles or junk answer 400 and create nothing", async () => {
    const focal = await person("focal_point", orgA.id);
    for (const roleName of ["secretariat", "focal_point", "observer", "admin", ""]) {
      const answer = await postForm(focal.id, { intent: "invite", email: `role.${roleName}@org.test`, roleName });
      expect(answer.status, roleName).toBe(400);
      expect(answer.data.fieldErrors.roleName, roleName).toBeDefined();
    }
    expect(await prisma.invitation.count({ where: { email: { startsWith: "role." } } })).toBe(0);
  });

  it("the model refuses a role beyond delegate itself (403, audited), whatever the route let through", async () => {
    const focal = await person("focal_point", orgA.id);
    const actor = await actorOf(focal.id);
    for (const roleName of ["focal_point", "secretariat"]) {
      const thrown = await inviteToOrganization({ actor, email: `m.${roleName}@org.test`, roleName }).catch(
        (error: unknown) => error,
      );
      expect(thrown, roleName).toBeInstanceOf(DomainError);
      expect(thrown, roleName).toMatchObject({ status: 403 });
    }
    expect(await prisma.invitation.count({ where: { email: { startsWith: "m." } } })).toBe(0);
    const denied = await prisma.auditEvent.findMany({ where: { actorId: focal.id, outcome: "denied" } });
    expect(denied.map((event) => (JSON.parse(event.details) as { roleName: string }).roleName)).toEqual([
      "focal_point",
      "secretariat",
    ]);
  });
});

describe("who may not", () => {
  it("refuses delegates and observers with 403 on the page and the form, audited, and creates nothing", async () => {
    for (const role of ["delegate", "observer"] as const) {
      const user = await person(role, role === "delegate" ? orgA.id : null);
      expect((await getPage(user.id)).status, role).toBe(403);
      const posted = await postForm(user.id, { intent: "invite", email: `by.${role}@org.test`, roleName: "delegate" });
      expect(posted.status, role).toBe(403);
      const denied = await prisma.auditEvent.findMany({ where: { actorId: user.id, outcome: "denied" } });
      expect(denied.map((event) => (JSON.parse(event.details) as { permission: string }).permission)).toEqual([
        "read:user:organization",
        "create:user:organization",
      ]);
    }
    expect(await prisma.invitation.count({ where: { email: { startsWith: "by." } } })).toBe(0);
  });

  it("refuses a deactivated focal point: signed out at the route, 403 at the model (stale Actor)", async () => {
    const focal = await person("focal_point", orgA.id);
    const cookie = await cookieFor(focal.id);
    const staleActor = await actorOf(focal.id);
    await deactivateAccount({ actor: await actorOf(secretariat.id), userId: focal.id });

    const request = new Request(`${ORIGIN}/organization`, {
      method: "POST",
      body: new URLSearchParams({ intent: "invite", email: "late@org.test", roleName: "delegate" }),
      headers: { Origin: ORIGIN, "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie },
    });
    const posted = await outcome(() => action({ request, params: {}, context: context(address()) }));
    expect(posted.status).toBe(302);
    expect(posted.location).toMatch(/^\/login/);

    const thrown = await inviteToOrganization({
      actor: staleActor,
      email: "late@org.test",
      roleName: "delegate",
    }).catch((error: unknown) => error);
    expect(thrown).toMatchObject({ status: 403, key: "errors.forbidden" });
    expect(await prisma.invitation.count({ where: { email: "late@org.test" } })).toBe(0);
  });
});

describe("addresses that cannot be invited", () => {
  it("answers 409 for an address with an account or pending invitation, naming no organization", async () => {
    const focal = await person("focal_point", orgA.id);
    const other = await person("delegate", orgB.id);
    await createInvitation({
      actor: await actorOf(secretariat.id),
      email: "pending.b@org.test",
      roleName: "delegate",
      organization: { id: orgB.id },
    });
    for (const email of [other.email, "Pending.B@org.test"]) {
      const answer = await postForm(focal.id, { intent: "invite", email, roleName: "delegate" });
      expect(answer.status, email).toBe(409);
      expect(answer.data.formError, email).toEqual({ key: "organization.invite.unavailable", values: {} });
      expect(JSON.stringify(answer.data), email).not.toContain(orgB.name);
      expect(JSON.stringify(answer.data), email).not.toContain(orgB.id);
    }
    expect(await prisma.invitation.count({ where: { email: "pending.b@org.test" } })).toBe(1);
    expect(await prisma.invitation.count({ where: { email: other.email } })).toBe(0);
  });

  it("bounds invitations per focal point: the eleventh within the hour answers 429 (Retry-After)", async () => {
    const focal = await person("focal_point", orgA.id);
    for (let i = 0; i < 10; i++) {
      const answer = await postForm(focal.id, { intent: "invite", email: `burst.${i}@org.test`, roleName: "delegate" });
      expect(answer.status, String(i)).toBe(200);
    }
    const refused = await postForm(focal.id, { intent: "invite", email: "burst.10@org.test", roleName: "delegate" });
    expect(refused.status).toBe(429);
    expect(refused.data.formError.key).toBe("organization.invite.tooMany");
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(await prisma.invitation.count({ where: { email: "burst.10@org.test" } })).toBe(0);
  });

  it("answers malformed input with 400, never 500, and creates nothing", async () => {
    const focal = await person("focal_point", orgA.id);
    const before = await prisma.invitation.count();
    const forms: Array<Record<string, string>> = [
      {},
      { intent: "invite" },
      { intent: "invite", email: "not an email", roleName: "delegate" },
      { intent: "invite", email: `${"a".repeat(250)}@org.test`, roleName: "delegate" },
      { intent: "withdraw" },
      { intent: "withdraw", invitationId: "x".repeat(500) },
      { intent: "delete-everything" },
    ];
    for (const fields of forms) {
      expect((await postForm(focal.id, fields)).status, JSON.stringify(fields).slice(0, 60)).toBe(400);
    }
    expect((await post(focal.id, '{"intent":"invite"}', "application/json")).status).toBe(400);
    expect((await post(focal.id, "--x\r\nbroken", "multipart/form-data; boundary=x")).status).toBe(400);
    expect(await prisma.invitation.count()).toBe(before);
  });
});

describe("withdrawing an invitation", () => {
  it("deletes a pending one and its queued email, audited; its link then no longer works", async () => {
    const focal = await person("focal_point", orgA.id);
    await postForm(focal.id, { intent: "invite", email: "withdraw.me@org.test", roleName: "delegate" });
    const row = await prisma.invitation.findFirstOrThrow({ where: { email: "withdraw.me@org.test" } });
    const mail = await prisma.outboxMessage.findUniqueOrThrow({ where: { dedupeKey: `invitation:${row.id}` } });
    const token = mail.text.match(/\/invitations\/([A-Za-z0-9_-]{43})/)![1];

    const answer = await postForm(focal.id, { intent: "withdraw", invitationId: row.id });
    expect(answer.status).toBe(200);
    expect(answer.data).toEqual({ intent: "withdraw", email: "withdraw.me@org.test" });
    expect(await prisma.invitation.count({ where: { id: row.id } })).toBe(0);
    expect(await prisma.outboxMessage.count({ where: { id: mail.id } })).toBe(0);
    expect((await findInvitationByToken({ token })).status).toBe("unknown");
    expect(await acceptInvitation({ token, name: "Late", password: PASSWORD })).toEqual({
      ok: false,
      reason: "unknown",
    });
    const audit = await prisma.auditEvent.findFirstOrThrow({
      where: { action: "invitation.withdraw", entityId: row.id },
    });
    expect(audit).toMatchObject({ actorId: focal.id, outcome: "ok" });
    expect(JSON.parse(audit.details)).toMatchObject({ email: "withdraw.me@org.test", droppedEmail: true });
  });

  it("answers 404 for another organization's invitation and leaves it; 409 for an accepted one", async () => {
    const focal = await person("focal_point", orgA.id);
    const theirs = await createInvitation({
      actor: await actorOf(secretariat.id),
      email: "theirs.b@org.test",
      roleName: "delegate",
      organization: { id: orgB.id },
    });
    const answer = await postForm(focal.id, { intent: "withdraw", invitationId: theirs.invitation.id });
    expect(answer.status).toBe(404);
    expect(JSON.stringify(answer.data)).not.toContain(orgB.name);
    expect(await prisma.invitation.count({ where: { id: theirs.invitation.id } })).toBe(1);

    const ours = await inviteToOrganization({
      actor: await actorOf(focal.id),
      email: "accepted.a@org.test",
      roleName: "delegate",
    });
    const { token } = await prisma.outboxMessage
      .findUniqueOrThrow({ where: { dedupeKey: `invitation:${ours.invitation.id}` } })
      .then((m) => ({ token: m.text.match(/\/invitations\/([A-Za-z0-9_-]{43})/)![1] }));
    expect((await acceptInvitation({ token, name: "Ada", password: PASSWORD })).ok).toBe(true);
    const thrown = await withdrawOrganizationInvitation({
      actor: await actorOf(focal.id),
      invitationId: ours.invitation.id,
    }).catch((error: unknown) => error);
    expect(thrown).toMatchObject({ status: 409, key: "organization.invitations.alreadyAccepted" });
    expect(await prisma.invitation.count({ where: { id: ours.invitation.id } })).toBe(1);
  });
});
