/**
 * Issue 12: approving an account request never silently joins an existing
 * organization; the secretariat chooses a distinct organization or joining
 * it (same kind only).
 */
import { beforeAll, describe, expect, it } from "vitest";

import { DomainError } from "~/lib/errors";
import { normalizeOrganizationName } from "~/lib/organization-name";
import {
  approveAccountRequest,
  createAccountRequest,
  listPendingAccountRequests,
} from "~/models/account-request.server";
import { upsertOrganization } from "~/models/user.server";
import { action as peopleAction } from "~/routes/admin.people";
import { prisma } from "~/utils/db.server";

import { seed } from "../../prisma/seed";
import { actorFor } from "./feedback-fixtures";
import { startUserSession } from "./session-fixtures";

let secretariat: Awaited<ReturnType<typeof actorFor>>;

beforeAll(async () => {
  await seed({ quiet: true });
  secretariat = await actorFor("secretariat@demo.test");
}, 60_000);

let counter = 0;
async function setup(kind: "member_state" | "civil_society") {
  const suffix = `${Date.now().toString(36)}${counter++}`;
  const existing = await upsertOrganization({ name: `Délégation of Member State ${suffix}`, kind: "member_state" });
  const request = await createAccountRequest({
    name: "Requester",
    email: `req-${suffix}@example.test`,
    // Same organization once case, whitespace and diacritics are set aside.
    organizationName: `  delegation   OF member state ${suffix.toUpperCase()} `,
    organizationKind: kind,
    message: "",
  });
  return { suffix, existing, request };
}

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

async function invitationOrganization(email: string) {
  const invitation = await prisma.invitation.findFirst({ where: { email }, select: { organizationId: true } });
  return invitation?.organizationId ?? null;
}

describe("hardening: account approval and existing organizations", () => {
  it("normalizes names: case, whitespace, diacritics", () => {
    expect(normalizeOrganizationName("  Délégation  de l'ÉTAT ")).toBe(
      normalizeOrganizationName("delegation de l'etat"),
    );
  });

  it("flags the request on the approval screen and refuses approval without an explicit choice", async () => {
    const { existing, request } = await setup("civil_society");
    const pending = await listPendingAccountRequests({ actor: secretariat });
    expect(pending.find((row) => row.id === request.id)?.existingOrganization?.id).toBe(existing.id);
    const error = await refusal(
      approveAccountRequest({ actor: secretariat, requestId: request.id, roleName: "delegate" }),
    );
    expect(error.status).toBe(409);
    expect(error.key).toBe("people.requests.choiceRequired");
    const after = await prisma.accountRequest.findUniqueOrThrow({
      where: { id: request.id },
      select: { status: true },
    });
    expect(after.status).toBe("pending");
    expect(await prisma.invitation.count({ where: { organizationId: existing.id } })).toBe(0);
  });

  it("refuses joining an organization of another kind than claimed", async () => {
    const { existing, request } = await setup("civil_society");
    const error = await refusal(
      approveAccountRequest({
        actor: secretariat,
        requestId: request.id,
        roleName: "delegate",
        organization: { mode: "join" },
      }),
    );
    expect(error.key).toBe("people.requests.kindMismatch");
    expect(await prisma.invitation.count({ where: { organizationId: existing.id } })).toBe(0);
  });

  it("creates a distinct organization under a confirmed distinct name, never the existing one", async () => {
    const { suffix, existing, request } = await setup("civil_society");
    const sameName = await refusal(
      approveAccountRequest({
        actor: secretariat,
        requestId: request.id,
        roleName: "delegate",
        organization: { mode: "distinct", name: `DELEGATION of Member State ${suffix}` },
      }),
    );
    expect(sameName.key).toBe("people.requests.distinctNameTaken");
    const created = await approveAccountRequest({
      actor: secretariat,
      requestId: request.id,
      roleName: "delegate",
      organization: { mode: "distinct", name: `Civil society group ${suffix}` },
    });
    const organizationId = await invitationOrganization(created.invitation.email);
    expect(organizationId).not.toBe(existing.id);
    const organization = await prisma.organization.findUniqueOrThrow({
      where: { id: organizationId ?? "" },
      select: { name: true, kind: true },
    });
    expect(organization).toEqual({ name: `Civil society group ${suffix}`, kind: "civil_society" });
  });

  it("joins the existing organization only when the secretariat chooses it and the kind matches", async () => {
    const { existing, request } = await setup("member_state");
    const created = await approveAccountRequest({
      actor: secretariat,
      requestId: request.id,
      roleName: "delegate",
      organization: { mode: "join" },
    });
    expect(await invitationOrganization(created.invitation.email)).toBe(existing.id);
  });

  it("the approval form passes the choice: without it 409, with 'distinct' a new organization", async () => {
    const { suffix, existing, request } = await setup("civil_society");
    const cookie = (await startUserSession({ userId: secretariat.id })).getSetCookie()[0].split(";")[0];
    const send = (fields: Record<string, string>) =>
      peopleAction({
        request: new Request("http://localhost/admin/people", {
          method: "POST",
          body: new URLSearchParams({ intent: "approve", requestId: request.id, roleName: "delegate", ...fields }),
          headers: {
            Origin: "http://localhost",
            "Content-Type": "application/x-www-form-urlencoded",
            Cookie: cookie,
          },
        }),
        params: {},
        context: { cspNonce: "", requestId: "t", clientAddress: "10.9.8.7" },
      }).then(
        (value) => value as unknown as { init?: { status?: number } | null },
        (error: unknown) => error as { init?: { status?: number } | null },
      );
    expect((await send({})).init?.status).toBe(409);
    expect(await prisma.invitation.count({ where: { organizationId: existing.id } })).toBe(0);
    await send({ organizationChoice: "distinct", distinctName: `Civil society ${suffix} (distinct)` });
    const organizationId = await invitationOrganization(`req-${suffix}@example.test`);
    const organization = await prisma.organization.findUniqueOrThrow({ where: { id: organizationId ?? "" } });
    expect(organization.name).toBe(`Civil society ${suffix} (distinct)`);
  });
});
