/**
 * The secretariat's account management and consultation editing, through
 * the models (and the session code): deactivated accounts lose their
 * sessions and cannot sign in; the guards keep one active secretariat
 * account; only the secretariat edits a consultation or uploads a version.
 */
import { beforeAll, describe, expect, it } from "vitest";

import { DomainError } from "~/lib/errors";
import { parseText } from "~/lib/import";
import { ROLE_PERMISSIONS, type RoleName } from "~/lib/permissions";
import { ensureReferenceData } from "~/models/bootstrap.server";
import { createConsultation, updateConsultation } from "~/models/consultation.server";
import {
  createUser,
  deactivateAccount,
  listAccounts,
  reactivateAccount,
  updateAccount,
  upsertOrganization,
} from "~/models/user.server";
import { createVersionFromImport, uploadVersion } from "~/models/version.server";
import { getSessionUser, signIn, type SessionUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";

import { startUserSession } from "./session-fixtures";

const PASSWORD = "correct horse battery staple";
let n = 0;

async function account(role: RoleName, organizationId: string | null = null) {
  const email = `${role}.${++n}.${Date.now()}@secretariat.test`;
  const user = await createUser({ email, name: `${role} ${n}`, password: PASSWORD, role, organizationId });
  return { ...user, email };
}

/** A session cookie for the user, and what a request carrying it sees. */
async function session(userId: string) {
  const headers = await startUserSession({ userId });
  const cookie = headers.getSetCookie()[0].split(";")[0];
  const read = () => getSessionUser(new Request("http://localhost/", { headers: { Cookie: cookie } }));
  return { read, actor: async () => (await read()).user! };
}

async function refusal(work: Promise<unknown>) {
  try {
    await work;
  } catch (error) {
    if (error instanceof DomainError) return { status: error.status, key: error.key };
    throw error;
  }
  throw new Error("not refused");
}

let organizationId = "";
let secretariat: SessionUser;

beforeAll(async () => {
  await ensureReferenceData();
  organizationId = (await upsertOrganization({ name: "Delegation S", kind: "member_state" })).id;
  const admin = await account("secretariat");
  secretariat = await (await session(admin.id)).actor();
});

describe("permissions written by the bootstrap", () => {
  it("gives the secretariat read:user:any and update:user:any, also on an existing database", async () => {
    expect(ROLE_PERMISSIONS.secretariat.permissions).toEqual(expect.arrayContaining(["update:user:any"]));
    // An existing database: the role without the new permission, then a restart.
    await prisma.role.update({ where: { name: "secretariat" }, data: { permissions: { set: [] } } });
    await ensureReferenceData();
    const role = await prisma.role.findUniqueOrThrow({
      where: { name: "secretariat" },
      select: { permissions: { select: { action: true, entity: true, access: true } } },
    });
    const strings = role.permissions.map((p) => `${p.action}:${p.entity}:${p.access}`);
    expect(strings).toEqual(expect.arrayContaining(["read:user:any", "update:user:any"]));
  });
});

describe("deactivating an account", () => {
  it("ends its open sessions at once and refuses its sign-in", async () => {
    const delegate = await account("delegate", organizationId);
    const open = await session(delegate.id);
    expect((await open.read()).user?.id).toBe(delegate.id);

    const { endedSessions } = await deactivateAccount({ actor: secretariat, userId: delegate.id });
    expect(endedSessions).toBe(1);
    expect((await open.read()).user).toBeNull();
    expect(await prisma.session.count({ where: { userId: delegate.id } })).toBe(0);

    const attempt = await signIn({ email: delegate.email, password: PASSWORD, clientAddress: "10.9.0.1" });
    expect(attempt).toEqual({ ok: false, reason: "invalid" });
    expect(await prisma.session.count({ where: { userId: delegate.id } })).toBe(0);

    await reactivateAccount({ actor: secretariat, userId: delegate.id });
    const again = await signIn({ email: delegate.email, password: PASSWORD, clientAddress: "10.9.0.2" });
    expect(again.ok).toBe(true);
  });

  it("session validation refuses a deactivated account even when its session rows were left behind", async () => {
    const delegate = await account("delegate", organizationId);
    const open = await session(delegate.id);
    // Written by something other than deactivateAccount (a script, a restore): the rows are still there.
    await prisma.user.update({ where: { id: delegate.id }, data: { deactivatedAt: new Date() } });
    expect((await open.read()).user).toBeNull();
  });

  it("refuses others (403, nothing changed), oneself and the last active secretariat (409)", async () => {
    const delegate = await account("delegate", organizationId);
    const focal = await account("focal_point", organizationId);
    const focalActor = await (await session(focal.id)).actor();
    expect(await refusal(deactivateAccount({ actor: focalActor, userId: delegate.id }))).toMatchObject({
      status: 403,
    });
    expect(
      await refusal(updateAccount({ actor: focalActor, userId: delegate.id, roleName: "secretariat", organizationId })),
    ).toMatchObject({ status: 403 });
    expect(await refusal(listAccounts({ actor: focalActor }))).toMatchObject({ status: 403 });
    const row = await prisma.user.findUniqueOrThrow({
      where: { id: delegate.id },
      select: { deactivatedAt: true, role: { select: { name: true } } },
    });
    expect(row).toEqual({ deactivatedAt: null, role: { name: "delegate" } });

    expect(await refusal(deactivateAccount({ actor: secretariat, userId: secretariat.id }))).toMatchObject({
      status: 409,
      key: "people.accounts.notYourself",
    });
    // Only one active secretariat account left besides the actor's: the others are deactivated.
    await prisma.user.updateMany({
      where: { role: { name: "secretariat" }, id: { not: secretariat.id } },
      data: { deactivatedAt: new Date() },
    });
    const other = await account("secretariat");
    await prisma.user.update({ where: { id: secretariat.id }, data: { deactivatedAt: null } });
    // Two active now (actor and other): other can go; then the actor is the last one.
    await deactivateAccount({ actor: secretariat, userId: other.id });
    const otherActor = { ...secretariat, id: other.id };
    expect(await refusal(deactivateAccount({ actor: otherActor, userId: secretariat.id }))).toMatchObject({
      status: 409,
      key: "people.accounts.lastSecretariat",
    });
    expect(
      await refusal(
        updateAccount({ actor: otherActor, userId: secretariat.id, roleName: "observer", organizationId: null }),
      ),
    ).toMatchObject({ status: 409, key: "people.accounts.lastSecretariat" });
    expect(
      await refusal(
        updateAccount({ actor: secretariat, userId: secretariat.id, roleName: "observer", organizationId: null }),
      ),
    ).toMatchObject({ status: 409, key: "people.accounts.notYourOwnRole" });
  });

  it("changes a role and organization, and refuses a delegate without one (400)", async () => {
    const observer = await account("observer");
    expect(
      await refusal(
        updateAccount({ actor: secretariat, userId: observer.id, roleName: "delegate", organizationId: null }),
      ),
    ).toMatchObject({ status: 400 });
    expect(
      await refusal(
        updateAccount({ actor: secretariat, userId: observer.id, roleName: "delegate", organizationId: "nope" }),
      ),
    ).toMatchObject({ status: 400 });
    await updateAccount({ actor: secretariat, userId: observer.id, roleName: "delegate", organizationId });
    const row = await prisma.user.findUniqueOrThrow({
      where: { id: observer.id },
      select: { organizationId: true, role: { select: { name: true } } },
    });
    expect(row).toEqual({ organizationId, role: { name: "delegate" } });
    const audit = await prisma.auditEvent.findFirst({ where: { action: "user.update", entityId: observer.id } });
    expect(audit?.outcome).toBe("ok");
  });
});

describe("editing a consultation and uploading a version", () => {
  const text = (title: string) => parseText(`${title}\n\n1 Scope\n\n1.1 The first paragraph.\n\n1.2 The second.\n`);

  it("only the secretariat edits title, summary and visibility; audited", async () => {
    const slug = `edit-${Date.now()}`;
    await createConsultation({ slug, title: "Before", status: "open" });
    const delegate = await (await session((await account("delegate", organizationId)).id)).actor();
    const input = { title: "After", summary: "New summary", commentsVisibility: "during" as const };
    expect(await refusal(updateConsultation({ actor: delegate, slug, input }))).toMatchObject({ status: 403 });
    expect(await refusal(updateConsultation({ actor: null, slug, input }))).toMatchObject({ status: 403 });
    expect((await prisma.consultation.findUniqueOrThrow({ where: { slug } })).title).toBe("Before");
    await updateConsultation({ actor: secretariat, slug, input });
    const row = await prisma.consultation.findUniqueOrThrow({ where: { slug } });
    expect(row).toMatchObject({ title: "After", summary: "New summary", commentsVisibility: "during" });
    const audit = await prisma.auditEvent.findFirst({ where: { action: "consultation.update", entityId: row.id } });
    expect(audit?.outcome).toBe("ok");
    expect(await refusal(updateConsultation({ actor: secretariat, slug: "no-such", input }))).toMatchObject({
      status: 404,
    });
  });

  it("uploads a published version after the previous one; others are refused and nothing is written", async () => {
    const slug = `upload-${Date.now()}`;
    await createConsultation({ slug, title: "Upload", status: "open" });
    await createVersionFromImport({
      consultationSlug: slug,
      documentSlug: "doc",
      label: "Draft 1",
      status: "open",
      imported: text("One"),
    });
    const delegate = await (await session((await account("delegate", organizationId)).id)).actor();
    const upload = (actor: SessionUser | null) =>
      uploadVersion({
        actor,
        slug,
        label: "Draft 2",
        status: "closed",
        imported: text("Two"),
        sourceFileName: "two.txt",
      });
    expect(await refusal(upload(delegate))).toMatchObject({ status: 403 });
    expect(await prisma.version.count({ where: { consultation: { slug } } })).toBe(1);
    const uploaded = await upload(secretariat);
    expect(uploaded).toEqual({ number: 2, previousNumber: 1, paragraphs: 2 });
    const version = await prisma.version.findFirstOrThrow({ where: { consultation: { slug }, number: 2 } });
    expect(version).toMatchObject({ label: "Draft 2", status: "closed", sourceFileName: "two.txt" });
    expect(version.publishedAt).not.toBeNull();
  });
});
