import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";

import { MAX_ATTACHMENT_BYTES } from "~/lib/attachments";
import { DomainError } from "~/lib/errors";
import type { Actor } from "~/lib/permissions";
import { createContribution, getContributionAttachment, listContributions } from "~/models/contribution.server";
import { createUser, upsertOrganization } from "~/models/user.server";
import { prisma } from "~/utils/db.server";
import { sessionUserSelect, toSessionUser } from "~/utils/session-user.server";

import { GCA_SLUG, seed } from "../../prisma/seed";

let focalPoint: Actor;
let delegate: Actor;
let observer: Actor;
let secretariat: Actor;
let otherFocal: Actor;
let counter = 0;
const input = () => ({
  title: "Position on the guidelines",
  bodyText: "We support the draft with changes.",
  idempotencyKey: `contrib-${++counter}-${Date.now()}`,
});
const pdf = () => ({ name: "position.pdf", bytes: new TextEncoder().encode("%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF") });

async function actor(email: string) {
  return toSessionUser(await prisma.user.findUniqueOrThrow({ where: { email }, select: sessionUserSelect }));
}
async function refused(promise: Promise<unknown>, status: number) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).status).toBe(status);
}

beforeAll(async () => {
  await seed({ quiet: true });
  const other = await upsertOrganization({ name: "Delegation of Member State B", kind: "member_state" });
  await createUser({
    email: "focal.b@demo.test",
    name: "Focal B",
    password: "irrelevant-password",
    role: "focal_point",
    organizationId: other.id,
  });
  [focalPoint, delegate, observer, secretariat, otherFocal] = await Promise.all(
    [
      "focal.point@demo.test",
      "delegate@demo.test",
      "observer@demo.test",
      "secretariat@demo.test",
      "focal.b@demo.test",
    ].map(actor),
  );
}, 60_000);

describe("general contributions with an attachment", () => {
  it("stores a focal point's contribution with a PDF, readable by the secretariat and the organization", async () => {
    const { id } = await createContribution({ actor: focalPoint, slug: GCA_SLUG, input: input(), attachment: pdf() });
    const file = await getContributionAttachment({ actor: secretariat, slug: GCA_SLUG, id });
    expect(file).toMatchObject({ name: "position.pdf", type: "application/pdf" });
    expect(Buffer.from(file.bytes).toString("latin1")).toMatch(/^%PDF-1\.7/);
    await refused(getContributionAttachment({ actor: otherFocal, slug: GCA_SLUG, id }), 404);
    expect((await listContributions({ actor: otherFocal, slug: GCA_SLUG })).map((c) => c.id)).not.toContain(id);
    expect((await listContributions({ actor: secretariat, slug: GCA_SLUG })).map((c) => c.id)).toContain(id);
  });

  it("refuses an HTML page named .pdf, a zip that is not a Word document, an empty and an oversized file", async () => {
    const before = await prisma.contribution.count();
    const html = { name: "position.pdf", bytes: new TextEncoder().encode("<html><script>alert(1)</script></html>") };
    await refused(createContribution({ actor: focalPoint, slug: GCA_SLUG, input: input(), attachment: html }), 400);
    const zip = new JSZip();
    zip.file("hello.txt", "not a docx");
    const notDocx = { name: "position.docx", bytes: await zip.generateAsync({ type: "uint8array" }) };
    await refused(createContribution({ actor: focalPoint, slug: GCA_SLUG, input: input(), attachment: notDocx }), 400);
    await refused(
      createContribution({
        actor: focalPoint,
        slug: GCA_SLUG,
        input: input(),
        attachment: { name: "e.pdf", bytes: new Uint8Array() },
      }),
      400,
    );
    const huge = new Uint8Array(MAX_ATTACHMENT_BYTES + 1);
    huge.set(new TextEncoder().encode("%PDF-"));
    await refused(
      createContribution({
        actor: focalPoint,
        slug: GCA_SLUG,
        input: input(),
        attachment: { name: "big.pdf", bytes: huge },
      }),
      413,
    );
    expect(await prisma.contribution.count()).toBe(before);
  });

  it("accepts a real .docx", async () => {
    const zip = new JSZip();
    zip.file("word/document.xml", "<w:document/>");
    const { id } = await createContribution({
      actor: focalPoint,
      slug: GCA_SLUG,
      input: input(),
      attachment: { name: "p.docx", bytes: await zip.generateAsync({ type: "uint8array" }) },
    });
    expect((await getContributionAttachment({ actor: focalPoint, slug: GCA_SLUG, id })).name).toBe("p.docx");
  });

  it("refuses observers and delegates (403), and everyone after the deadline (409)", async () => {
    await refused(createContribution({ actor: observer, slug: GCA_SLUG, input: input(), attachment: null }), 403);
    await refused(createContribution({ actor: delegate, slug: GCA_SLUG, input: input(), attachment: null }), 403);
    const version = await prisma.version.findFirstOrThrow({
      where: { number: 1, consultation: { slug: GCA_SLUG } },
      select: { commentsCloseAt: true },
    });
    await refused(
      createContribution({
        actor: focalPoint,
        slug: GCA_SLUG,
        input: input(),
        attachment: null,
        now: version.commentsCloseAt!,
      }),
      409,
    );
  });

  it("a double submit is one contribution", async () => {
    const same = input();
    const before = await prisma.contribution.count();
    const [a, b] = await Promise.all([
      createContribution({ actor: focalPoint, slug: GCA_SLUG, input: same, attachment: null }),
      createContribution({ actor: focalPoint, slug: GCA_SLUG, input: same, attachment: null }),
    ]);
    expect(a.id).toBe(b.id);
    expect(await prisma.contribution.count()).toBe(before + 1);
  });
});
