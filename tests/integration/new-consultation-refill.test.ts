/**
 * /consultations/new posted without JavaScript: every answer that is not a
 * redirect is a new page, so it carries what was typed (`typed`) and the
 * page refills the form from it. Above all the tracked-changes review
 * (docs/decisions/0030-word-tracked-changes.md), after which the secretariat
 * only chooses the file again; also a refused field, a missing or unreadable
 * file, a web address already taken. Only the form's own fields are echoed,
 * cut at the longest any of them accepts. Everything is named after the
 * test's own suffix: no seed.
 */
import crypto from "node:crypto";

import { beforeAll, describe, expect, it } from "vitest";

import { reviewedDraft } from "~/lib/import/__fixtures__/tracked-changes";
import { fileDigest } from "~/lib/import/tracked-changes-review";
import { ensureReferenceData } from "~/models/bootstrap.server";
import { createConsultation } from "~/models/consultation.server";
import { createUser } from "~/models/user.server";
import { prisma } from "~/utils/db.server";

import { action } from "../../app/routes/consultations.new";
import { startUserSession } from "./session-fixtures";

const context = { cspNonce: "", requestId: "new-consultation-refill", clientAddress: "127.0.0.1" };
const suffix = `${Date.now()}-${crypto.randomBytes(3).toString("hex")}`;
let cookie: string;

beforeAll(async () => {
  await ensureReferenceData();
  const user = await createUser({
    email: `secretariat-${suffix}@refill.test`,
    name: "Refill Secretariat",
    password: crypto.randomBytes(18).toString("base64url"),
    role: "secretariat",
    organizationId: null,
  });
  cookie = (await startUserSession({ userId: user.id })).get("Set-Cookie")!.split(";")[0];
});

let n = 0;
/** What a secretariat types in the form (every field, none left at its default). */
function typedForm() {
  n += 1;
  return {
    title: `Refilled consultation ${n} — “quoted”`,
    slug: `refill-${suffix}-${n}`,
    summary: "Line one.\r\nLine two, typed before the review.", // as browsers post a textarea
    label: "Draft 1 (refilled)",
    timeZone: "Asia/Tokyo",
    commentsVisibility: "during",
    opensAt: "2026-03-01T09:00",
    closesAt: "2026-04-01T17:30",
  };
}

async function post(fields: Record<string, string>, file: { bytes: Uint8Array; name: string } | null) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append(
    "document",
    file
      ? new File([file.bytes as Uint8Array<ArrayBuffer>], file.name, { type: "application/octet-stream" })
      : new File([], "", { type: "application/octet-stream" }),
  );
  const request = new Request("http://localhost/consultations/new", {
    method: "POST",
    headers: { Cookie: cookie, Origin: "http://localhost" },
    body: form,
  });
  let result: unknown;
  try {
    result = await action({ request, params: {}, context });
  } catch (thrown) {
    result = thrown;
  }
  if (result instanceof Response)
    return { status: result.status, body: null, location: result.headers.get("Location") };
  const value = result as { data?: Record<string, unknown>; init?: { status?: number } | null };
  return { status: value.init?.status ?? 200, body: value.data ?? null, location: null };
}

const exists = (slug: string) => prisma.consultation.count({ where: { slug } });

describe("the new-consultation form comes back with what was typed", () => {
  it("with the tracked-changes review: every field as typed, no acceptance echoed, nothing created", async () => {
    const typed = typedForm();
    const bytes = await reviewedDraft();
    // A forged acceptance is no acceptance: the review again, and the acceptance is not typed back.
    const answer = await post({ ...typed, acceptTrackedChanges: "yes" }, { bytes, name: "draft-1.docx" });
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({ trackedChanges: { fileName: "draft-1.docx", changes: 4 } });
    expect(answer.body?.typed).toEqual(typed);
    expect(await exists(typed.slug)).toBe(0);

    // The file chosen again and accepted: opened with what was typed.
    const accepted = await post(
      { ...typed, acceptTrackedChanges: await fileDigest(bytes) },
      { bytes, name: "draft-1.docx" },
    );
    expect(accepted).toMatchObject({ status: 302, location: `/consultations/${typed.slug}` });
    expect(
      await prisma.consultation.findUniqueOrThrow({
        where: { slug: typed.slug },
        select: { title: true, summary: true, timeZone: true, commentsVisibility: true },
      }),
    ).toEqual({ title: typed.title, summary: typed.summary, timeZone: "Asia/Tokyo", commentsVisibility: "during" });
  });

  it("with a refused field (400), a missing file (400) and an unreadable one (400)", async () => {
    const badSlug = { ...typedForm(), slug: "Not A Slug" };
    const refused = await post(badSlug, { bytes: await reviewedDraft(), name: "draft-1.docx" });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ fieldErrors: { slug: ["manage.errors.slugFormat"] } });
    expect(refused.body?.typed).toEqual(badSlug);

    const noFile = typedForm();
    const missing = await post(noFile, null);
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ fieldErrors: { document: ["manage.errors.documentRequired"] } });
    expect(missing.body?.typed).toEqual(noFile);

    const broken = typedForm();
    const unreadable = await post(broken, { bytes: new Uint8Array([1, 2, 3]), name: "broken.docx" });
    expect(unreadable.status).toBe(400);
    expect(unreadable.body).toMatchObject({ fieldErrors: { document: ["manage.errors.documentRefused"] } });
    expect(unreadable.body?.typed).toEqual(broken);
  });

  it("with a web address already taken (409): the model's refusal as before, and what was typed", async () => {
    const typed = typedForm();
    await createConsultation({ slug: typed.slug, title: "Already there", status: "open", timeZone: "UTC" });
    const bytes = new TextEncoder().encode("1. Scope\n\n1.1 Member States should cooperate.\n");
    const answer = await post(typed, { bytes, name: "draft.txt" });
    expect(answer.status).toBe(409);
    expect(answer.body).toEqual({
      formError: { key: "manage.errors.slugTaken", values: { slug: typed.slug } },
      fieldErrors: { slug: ["manage.errors.slugTaken"] },
      typed,
    });
  });

  it("echoes only the form's fields, each cut at 5,000 characters", async () => {
    const long = { ...typedForm(), title: "T".repeat(20_000), summary: "S".repeat(6_000) };
    const answer = await post({ ...long, intent: "open", password: "secret" }, null);
    expect(answer.status).toBe(400);
    const typed = answer.body?.typed as Record<string, string>;
    expect(Object.keys(typed).sort()).toEqual(Object.keys(long).sort());
    expect(typed.title).toBe("T".repeat(5_000));
    expect(typed.summary).toBe("S".repeat(5_000));
  });
});
