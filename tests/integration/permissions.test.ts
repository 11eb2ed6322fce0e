/**
 * Permissions are data: the checks read the strings loaded with the session
 * from Role→Permission rows. `can` is the pure check (and the row-level rule
 * for comments: own / organization / any); `authorize` audits and throws;
 * `requirePermission` is the route guard.
 */
import { beforeAll, describe, expect, it } from "vitest";

import { DomainError } from "~/lib/errors";
import { can, type RoleName } from "~/lib/permissions";
import { ensureReferenceData } from "~/models/bootstrap.server";
import { createUser, upsertOrganization } from "~/models/user.server";
import { getSessionUser, requirePermission, type SessionUser } from "~/utils/auth.server";
import { authorize } from "~/utils/authorize.server";
import { prisma } from "~/utils/db.server";
import { SESSION_COOKIE_NAME } from "~/utils/session.server";

import { startUserSession } from "./session-fixtures";

const PASSWORD = "correct horse battery staple";

/** Signs the user in and returns what a route would see: the user loaded with the session. */
async function sessionUser(userId: string): Promise<SessionUser> {
  const headers = await startUserSession({ userId });
  const cookie = headers.getSetCookie()[0].split(";")[0];
  const auth = await getSessionUser(new Request("http://localhost/", { headers: { Cookie: cookie } }));
  if (!auth.user) throw new Error("not signed in");
  return auth.user;
}

const people: Record<string, SessionUser> = {};

beforeAll(async () => {
  await ensureReferenceData();
  const a = await upsertOrganization({ name: "Delegation of Member State A", kind: "member_state" });
  const b = await upsertOrganization({ name: "Delegation of Member State B", kind: "member_state" });
  const secretariat = await upsertOrganization({ name: "Consultation Secretariat", kind: "secretariat" });
  const accounts: Array<[string, RoleName, string | null]> = [
    ["delegateA", "delegate", a.id],
    ["delegateA2", "delegate", a.id],
    ["delegateB", "delegate", b.id],
    ["focalA", "focal_point", a.id],
    ["observer", "observer", null],
    ["secretariat", "secretariat", secretariat.id],
  ];
  for (const [key, role, organizationId] of accounts) {
    const user = await createUser({
      email: `${key}@example.test`,
      name: key,
      password: PASSWORD,
      role,
      organizationId,
    });
    people[key] = await sessionUser(user.id);
  }
});

describe("permission checks", () => {
  it("denies an observer create:comment, with a 403 and a 'denied' audit event", async () => {
    const observer = people.observer;
    expect(observer.permissions).toEqual([]);
    expect(can(observer, "create:comment:own")).toBe(false);
    const thrown = await authorize({
      actor: observer,
      permission: "create:comment:own",
      audit: { ip: "192.0.2.1", entity: "comment", details: { paragraphKey: "p-1" } },
    }).catch((error: unknown) => error);
    expect(thrown).toBeInstanceOf(DomainError);
    expect(thrown).toMatchObject({ status: 403, key: "errors.forbidden" });
    const events = await prisma.auditEvent.findMany({ where: { actorId: observer.id, outcome: "denied" } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "permission.check", entity: "comment", ip: "192.0.2.1" });
    expect(JSON.parse(events[0].details)).toEqual({ permission: "create:comment:own", paragraphKey: "p-1" });
  });

  it("lets a delegate create comments, silently", async () => {
    await expect(authorize({ actor: people.delegateA, permission: "create:comment:own" })).resolves.toBeUndefined();
    expect(await prisma.auditEvent.count({ where: { actorId: people.delegateA.id } })).toBe(0);
  });

  it("refuses a signed-out visitor (no actor) with a 403 audited without an actor", async () => {
    const before = await prisma.auditEvent.count({ where: { actorId: null, outcome: "denied" } });
    const thrown = await authorize({ actor: null, permission: "read:audit:any", audit: { ip: "192.0.2.2" } }).catch(
      (error: unknown) => error,
    );
    expect(thrown).toMatchObject({ status: 403, key: "errors.forbidden" });
    expect(await prisma.auditEvent.count({ where: { actorId: null, outcome: "denied", ip: "192.0.2.2" } })).toBe(1);
    expect(await prisma.auditEvent.count({ where: { actorId: null, outcome: "denied" } })).toBe(before + 1);
  });

  it("treats wider access as covering narrower: organization ⊇ own, never the reverse", () => {
    const focal = people.focalA;
    expect(can(focal, "update:comment:own")).toBe(true); // holds update:comment:organization
    expect(can(focal, "update:comment:any")).toBe(false);
    expect(can(people.delegateA, "update:comment:organization")).toBe(false);
  });

  it("reads permissions from the database, not from the TypeScript table", async () => {
    const permission = await prisma.permission.findUniqueOrThrow({
      where: { action_entity_access: { action: "create", entity: "comment", access: "own" } },
      select: { id: true },
    });
    await prisma.role.update({
      where: { name: "delegate" },
      data: { permissions: { disconnect: { id: permission.id } } },
    });
    try {
      const reloaded = await sessionUser(people.delegateA.id);
      expect(can(reloaded, "create:comment:own")).toBe(false);
    } finally {
      await ensureReferenceData();
    }
    expect(can(await sessionUser(people.delegateA.id), "create:comment:own")).toBe(true);
  });

  it("the route guard requirePermission refuses other roles with an audited 403", async () => {
    const cookieFor = async (userId: string) => (await startUserSession({ userId })).getSetCookie()[0].split(";")[0];
    const asFocal = new Request("http://localhost/consultations/x/feedback", {
      headers: { Cookie: await cookieFor(people.focalA.id) },
    });
    const thrown = await requirePermission(asFocal, "consolidate:comment:any", { clientAddress: "192.0.2.9" }).catch(
      (error: unknown) => error,
    );
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).status).toBe(403);
    expect(await (thrown as Response).json()).toEqual({ message: { key: "errors.forbidden", values: {} } });
    const denied = await prisma.auditEvent.findMany({
      where: { actorId: people.focalA.id, outcome: "denied", ip: "192.0.2.9" },
    });
    expect(denied).toHaveLength(1);
    expect(JSON.parse(denied[0].details)).toEqual({
      permission: "consolidate:comment:any",
      path: "/consultations/x/feedback",
    });
    const asSecretariat = new Request("http://localhost/", {
      headers: { Cookie: await cookieFor(people.secretariat.id) },
    });
    expect((await requirePermission(asSecretariat, "consolidate:comment:any")).user.role).toBe("secretariat");
    expect(SESSION_COOKIE_NAME).toBe("consult_session");
  });

  it("the route guard sends a signed-out visitor to sign in, without an audit event", async () => {
    const before = await prisma.auditEvent.count({ where: { outcome: "denied" } });
    const thrown = await requirePermission(new Request("http://localhost/admin/people"), "create:user:any").catch(
      (error: unknown) => error,
    );
    expect((thrown as Response).status).toBe(302);
    expect((thrown as Response).headers.get("Location")).toBe("/login?redirectTo=%2Fadmin%2Fpeople");
    expect(await prisma.auditEvent.count({ where: { outcome: "denied" } })).toBe(before);
  });
});

describe("can() on a comment row", () => {
  const commentBy = (key: string) => ({
    authorId: people[key].id,
    organizationId: people[key].organization?.id ?? null,
  });

  it("keeps delegate A off delegate B's comment of another organization", () => {
    for (const action of ["update", "delete", "submit", "read"] as const) {
      expect(can(people.delegateA, `${action}:comment:own`, commentBy("delegateB")), action).toBe(false);
    }
  });

  it("lets a delegate edit only their own drafts, and read their organization's", () => {
    expect(can(people.delegateA, "update:comment:own", commentBy("delegateA"))).toBe(true);
    expect(can(people.delegateA, "update:comment:own", commentBy("delegateA2"))).toBe(false);
    expect(can(people.delegateA, "read:comment:own", commentBy("delegateA2"))).toBe(true);
    // Submitting is the focal point's: a delegate cannot, even their own draft.
    expect(can(people.delegateA, "submit:comment:own", commentBy("delegateA"))).toBe(false);
  });

  it("lets the focal point submit (and edit) any draft of their own organization, and no other", () => {
    expect(can(people.focalA, "submit:comment:own", commentBy("delegateA"))).toBe(true);
    expect(can(people.focalA, "update:comment:own", commentBy("delegateA2"))).toBe(true);
    expect(can(people.focalA, "submit:comment:own", commentBy("delegateB"))).toBe(false);
  });

  it("does not match a user without organization to comments without organization", () => {
    const orphan = { authorId: null, organizationId: null };
    expect(can(people.focalA, "submit:comment:own", orphan)).toBe(false);
    expect(can(people.observer, "read:comment:own", orphan)).toBe(false);
  });

  it("gives the secretariat read on every comment but no edits", () => {
    expect(can(people.secretariat, "read:comment:own", commentBy("delegateB"))).toBe(true);
    expect(can(people.secretariat, "update:comment:own", commentBy("delegateB"))).toBe(false);
  });
});
