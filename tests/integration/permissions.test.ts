/**
 * Permissions are data: the checks read the strings loaded with the session
 * from Role→Permission rows. Row-level comment rules: own / organization / any.
 */
import { beforeAll, describe, expect, it } from "vitest";

import { ensureReferenceData } from "~/models/bootstrap.server";
import type { RoleName } from "~/lib/permissions";
import { createUser, upsertOrganization } from "~/models/user.server";
import { getSessionUser, requireSecretariat, startUserSession, type SessionUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { canActOnComment, requirePermission, userHasPermission } from "~/utils/permissions.server";
import { SESSION_COOKIE_NAME } from "~/utils/session.server";

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
    expect(userHasPermission(observer, "create:comment:own")).toBe(false);
    const thrown = await requirePermission(observer, "create:comment:own", {
      auditContext: { ip: "192.0.2.1", entity: "comment", details: { paragraphKey: "p-1" } },
    }).catch((error: unknown) => error);
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).status).toBe(403);
    const events = await prisma.auditEvent.findMany({ where: { actorId: observer.id, outcome: "denied" } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "permission.check", entity: "comment", ip: "192.0.2.1" });
    expect(JSON.parse(events[0].details)).toEqual({ permission: "create:comment:own", paragraphKey: "p-1" });
  });

  it("lets a delegate create comments, silently", async () => {
    await expect(requirePermission(people.delegateA, "create:comment:own")).resolves.toBeUndefined();
    expect(await prisma.auditEvent.count({ where: { actorId: people.delegateA.id } })).toBe(0);
  });

  it("treats wider access as covering narrower: organization ⊇ own, never the reverse", () => {
    const focal = people.focalA;
    expect(userHasPermission(focal, "update:comment:own")).toBe(true); // holds update:comment:organization
    expect(userHasPermission(focal, "update:comment:any")).toBe(false);
    expect(userHasPermission(people.delegateA, "update:comment:organization")).toBe(false);
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
      expect(userHasPermission(reloaded, "create:comment:own")).toBe(false);
    } finally {
      await ensureReferenceData();
    }
    expect(userHasPermission(await sessionUser(people.delegateA.id), "create:comment:own")).toBe(true);
  });

  it("requireSecretariat refuses other roles with an audited 403", async () => {
    const cookieFor = async (userId: string) => (await startUserSession({ userId })).getSetCookie()[0].split(";")[0];
    const asFocal = new Request("http://localhost/consultations/x/feedback", {
      headers: { Cookie: await cookieFor(people.focalA.id) },
    });
    const thrown = await requireSecretariat(asFocal, { ip: "192.0.2.9" }).catch((error: unknown) => error);
    expect((thrown as Response).status).toBe(403);
    expect(
      await prisma.auditEvent.count({ where: { actorId: people.focalA.id, outcome: "denied", ip: "192.0.2.9" } }),
    ).toBe(1);
    const asSecretariat = new Request("http://localhost/", {
      headers: { Cookie: await cookieFor(people.secretariat.id) },
    });
    expect((await requireSecretariat(asSecretariat)).user.role).toBe("secretariat");
    expect(SESSION_COOKIE_NAME).toBe("consult_session");
  });
});

describe("canActOnComment", () => {
  const commentBy = (key: string) => ({
    authorId: people[key].id,
    organizationId: people[key].organization?.id ?? null,
  });

  it("keeps delegate A off delegate B's comment of another organization", () => {
    for (const action of ["update", "delete", "submit", "read"] as const) {
      expect(canActOnComment({ user: people.delegateA, action, comment: commentBy("delegateB") }), action).toBe(false);
    }
  });

  it("lets a delegate edit only their own drafts, and read their organization's", () => {
    expect(canActOnComment({ user: people.delegateA, action: "update", comment: commentBy("delegateA") })).toBe(true);
    expect(canActOnComment({ user: people.delegateA, action: "update", comment: commentBy("delegateA2") })).toBe(false);
    expect(canActOnComment({ user: people.delegateA, action: "read", comment: commentBy("delegateA2") })).toBe(true);
    // Submitting is the focal point's: a delegate cannot, even their own draft.
    expect(canActOnComment({ user: people.delegateA, action: "submit", comment: commentBy("delegateA") })).toBe(false);
  });

  it("lets the focal point submit (and edit) any draft of their own organization, and no other", () => {
    expect(canActOnComment({ user: people.focalA, action: "submit", comment: commentBy("delegateA") })).toBe(true);
    expect(canActOnComment({ user: people.focalA, action: "update", comment: commentBy("delegateA2") })).toBe(true);
    expect(canActOnComment({ user: people.focalA, action: "submit", comment: commentBy("delegateB") })).toBe(false);
  });

  it("does not match a user without organization to comments without organization", () => {
    const orphan = { authorId: null, organizationId: null };
    expect(canActOnComment({ user: people.focalA, action: "submit", comment: orphan })).toBe(false);
    expect(canActOnComment({ user: people.observer, action: "read", comment: orphan })).toBe(false);
  });

  it("gives the secretariat read on every comment but no edits", () => {
    expect(canActOnComment({ user: people.secretariat, action: "read", comment: commentBy("delegateB") })).toBe(true);
    expect(canActOnComment({ user: people.secretariat, action: "update", comment: commentBy("delegateB") })).toBe(
      false,
    );
  });
});
