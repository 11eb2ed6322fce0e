/**
 * A one-paragraph open consultation and a focal point with a session, for the inputs tests
 * (inputs-keys, inputs-write-limit). Everything is named after `suffix`: no seed needed.
 */
import crypto from "node:crypto";

import { ensureReferenceData } from "~/models/bootstrap.server";
import { createConsultation } from "~/models/consultation.server";
import { createUser, upsertOrganization } from "~/models/user.server";
import { createVersionFromImport } from "~/models/version.server";

import { startUserSession } from "./session-fixtures";

const DAY_MS = 24 * 60 * 60 * 1000;

export async function createInputsFixture(suffix: string) {
  await ensureReferenceData();
  const slug = `inputs-${suffix}`;
  const now = Date.now();
  await createConsultation({ slug, title: `Inputs fixture ${suffix}`, status: "open", timeZone: "UTC" });
  await createVersionFromImport({
    consultationSlug: slug,
    documentSlug: "doc",
    documentTitle: "Inputs document",
    label: "Draft 1",
    status: "open",
    publishedAt: new Date(now - 10 * DAY_MS),
    commentsOpenAt: new Date(now - DAY_MS),
    commentsCloseAt: new Date(now + 30 * DAY_MS),
    imported: {
      title: "Inputs document",
      sections: [
        {
          number: "1",
          heading: "Introduction",
          level: 1,
          paragraphs: [{ key: "1-1", number: "1.1", text: "Member States are encouraged to cooperate." }],
        },
      ],
    },
  });
  const organization = await upsertOrganization({ name: `State ${suffix}`, kind: "member_state" });
  const user = await createUser({
    email: `focal-${suffix}@example.test`,
    name: "Inputs Focal Point",
    password: crypto.randomBytes(18).toString("base64url"),
    role: "focal_point",
    organizationId: organization.id,
  });
  const cookie = (await startUserSession({ userId: user.id })).get("Set-Cookie")!.split(";")[0];
  return { slug, user, cookie };
}
