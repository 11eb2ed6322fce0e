/**
 * Bidi controls (U+202A–U+202E, U+2066–U+2069) are removed from names and titles at input (issue 12: U+202E in a
 * name visibly reordered it). Through /request-account and /invitations/:token with real Requests; the test owns
 * its secretariat, invitation and addresses.
 */
import crypto from "node:crypto";

import { beforeAll, describe, expect, it } from "vitest";

import { ensureReferenceData } from "~/models/bootstrap.server";
import { EditConsultationSchema, OpenConsultationSchema } from "~/models/consultation-schema";
import { createInvitation } from "~/models/invitation.server";
import { createUser, upsertOrganization } from "~/models/user.server";
import { action as peopleAction } from "~/routes/admin.people";
import { action as acceptAction } from "~/routes/invitations.$token";
import { action as requestAccountAction } from "~/routes/request-account";
import { prisma } from "~/utils/db.server";
import { findSessionUser, type SessionUser } from "~/utils/session-user.server";

import { startUserSession } from "./session-fixtures";

const ORIGIN = "http://localhost";
const suffix = crypto.randomBytes(4).toString("hex");
let secretariatActor: SessionUser;
let secretariatCookie = "";

function post(path: string, fields: Record<string, string>, cookie = "") {
  return new Request(`${ORIGIN}${path}`, {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: { Origin: ORIGIN, "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie },
  });
}

async function settle(run: () => unknown) {
  try {
    return await run();
  } catch (thrown) {
    return thrown;
  }
}

beforeAll(async () => {
  await ensureReferenceData();
  const organization = await upsertOrganization({ name: `Secretariat ${suffix}`, kind: "secretariat" });
  const secretariat = await createUser({
    email: `secretariat-${suffix}@example.test`,
    name: "Sam",
    password: crypto.randomBytes(18).toString("base64url"),
    role: "secretariat",
    organizationId: organization.id,
  });
  secretariatActor = (await findSessionUser({ userId: secretariat.id }))!;
  secretariatCookie = (await startUserSession({ userId: secretariat.id })).get("Set-Cookie")!.split(";")[0];
});

describe("bidi controls in names and titles (threats: bidi controls reorder names)", () => {
  it("stores an account request's name and organization without them", async () => {
    const email = `bidi-${suffix}@example.test`;
    await settle(() =>
      requestAccountAction({
        request: post("/request-account", {
          name: "\u202Eevil",
          email,
          organizationName: `\u2067Network\u2069 ${suffix}\u202C`,
          organizationKind: "civil_society",
        }),
        params: {},
        context: { cspNonce: "", requestId: "t", clientAddress: "192.0.2.150" },
      }),
    );
    const row = await prisma.accountRequest.findFirstOrThrow({
      where: { email },
      select: { name: true, organizationName: true },
    });
    expect(row).toEqual({ name: "evil", organizationName: `Network ${suffix}` });
  });

  it("stores the name typed when accepting an invitation without them", async () => {
    const email = `invitee-${suffix}@example.test`;
    const { token } = await createInvitation({
      email,
      roleName: "observer",
      organization: null,
      actor: secretariatActor,
    });
    await settle(() =>
      acceptAction({
        request: post(`/invitations/${token}`, {
          name: " \u202Eevil\u202D ",
          password: crypto.randomBytes(18).toString("base64url"),
        }),
        params: { token },
        context: { cspNonce: "", requestId: "t", clientAddress: "192.0.2.151" },
      }),
    );
    const user = await prisma.user.findUniqueOrThrow({ where: { email }, select: { name: true } });
    expect(user.name).toBe("evil");
  });

  it("creates an organization named in an invitation without them", async () => {
    await settle(() =>
      peopleAction({
        request: post(
          "/admin/people",
          {
            intent: "invite",
            email: `org-invitee-${suffix}@example.test`,
            roleName: "delegate",
            organization: "new",
            newOrganizationName: `\u202EDelegation ${suffix}`,
            newOrganizationKind: "member_state",
          },
          secretariatCookie,
        ),
        params: {},
        context: { cspNonce: "", requestId: "t", clientAddress: "192.0.2.152" },
      }),
    );
    const { organizationId } = await prisma.invitation.findFirstOrThrow({
      where: { email: `org-invitee-${suffix}@example.test` },
      select: { organizationId: true },
    });
    const organization = await prisma.organization.findUniqueOrThrow({ where: { id: organizationId! } });
    expect(organization.name).toBe(`Delegation ${suffix}`);
  });

  it("reads consultation titles without them, and a title of controls only as empty", () => {
    const edit = EditConsultationSchema.parse({ title: "\u202EGCA guidelines", commentsVisibility: "during" });
    expect(edit.title).toBe("GCA guidelines");
    const open = OpenConsultationSchema.safeParse({ title: "\u202E\u202E\u202E\u202E" });
    expect(open.success).toBe(false);
    expect(open.error?.flatten().fieldErrors.title).toEqual(["manage.errors.titleRequired"]);
  });
});
