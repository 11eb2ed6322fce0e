/**
 * Publishing the comments or the disposition table asks first: the
 * confirmation page's counts (getPublicationImpact) and the action that
 * refuses a publication without its confirmation field.
 */
import { beforeAll, describe, expect, it } from "vitest";

import { getPublicationImpact } from "~/models/feedback/publication.server";
import { prisma } from "~/utils/db.server";

import { loader as tableLoader } from "../../app/routes/consultations.$slug.dispositions";
import { action as dashboardAction } from "../../app/routes/consultations.$slug.feedback._index";
import { seed } from "../../prisma/seed";
import { actorFor, createFeedbackFixture, DAY_MS } from "./feedback-fixtures";
import { startUserSession } from "./session-fixtures";

let fixture: Awaited<ReturnType<typeof createFeedbackFixture>>;
const now = new Date();
const context = { cspNonce: "", requestId: "test", clientAddress: "127.0.0.1" };

beforeAll(async () => {
  await seed({ quiet: true });
  fixture = await createFeedbackFixture(`pub${Date.now().toString(36)}`, now);
  // Comments public during the period: the table may be published before it closes (hardening-dispositions).
  await prisma.consultation.update({ where: { slug: fixture.slug }, data: { commentsVisibility: "during" } });
}, 60_000);

async function cookieFor(email: string) {
  const user = await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  return (await startUserSession({ userId: user.id })).get("Set-Cookie")!.split(";")[0];
}

async function post(fields: Record<string, string>) {
  const request = new Request(`http://localhost/consultations/${fixture.slug}/feedback`, {
    method: "POST",
    headers: {
      Cookie: await cookieFor("secretariat@demo.test"),
      Origin: "http://localhost",
      "Content-Type": "application/x-www-form-urlencoded",
    },
    body: new URLSearchParams(fields),
  });
  return (await dashboardAction({ request, params: { slug: fixture.slug }, context })) as unknown as Response & {
    data?: { formError: { key: string } };
    init?: { status: number };
  };
}

const published = () =>
  prisma.consultation.findUniqueOrThrow({
    where: { slug: fixture.slug },
    select: { commentsPublishedAt: true, dispositionsPublishedAt: true },
  });

describe("publishing asks first, with the counts it affects", () => {
  it("counts the comments that become public, those without a decision and the days left", async () => {
    const secretariat = await actorFor("secretariat@demo.test");
    const consultationId = (await prisma.consultation.findUniqueOrThrow({ where: { slug: fixture.slug } })).id;
    const submitted = { consultationId, status: "submitted" };
    const impact = await getPublicationImpact({ actor: secretariat, slug: fixture.slug, what: "dispositions", now });
    expect(impact.comments).toBe(await prisma.comment.count({ where: submitted }));
    expect(impact.undecided).toBe(await prisma.comment.count({ where: { ...submitted, disposition: null } }));
    expect(impact.comments).toBeGreaterThan(impact.undecided);
    expect(impact.undecided).toBeGreaterThan(0);
    // The period closes 30 days after `now` (feedback-fixtures).
    expect(impact.period?.daysLeft).toBe(30);
    expect(impact.publishedAt).toBeNull();
    const later = new Date(now.getTime() + 31 * DAY_MS);
    expect(
      (await getPublicationImpact({ actor: secretariat, slug: fixture.slug, what: "comments", now: later })).period,
    ).toBeNull();
  });

  it("is the secretariat's: a focal point is refused", async () => {
    const focalPoint = await actorFor("focal.point@demo.test");
    await expect(
      getPublicationImpact({ actor: focalPoint, slug: fixture.slug, what: "dispositions" }),
    ).rejects.toMatchObject({ status: 403 });
  });

  it("before publication, the table is a 404 that says it is not published yet, naming the consultation", async () => {
    const thrown = await tableLoader({
      request: new Request(`http://localhost/consultations/${fixture.slug}/dispositions`),
      params: { slug: fixture.slug },
      context,
    }).catch((error: unknown) => error);
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).status).toBe(404);
    expect(await (thrown as Response).json()).toEqual({
      message: { key: "dispositions.notPublished", values: { title: `Feedback fixture ${fixture.slug.slice(3)}` } },
    });
  });

  it("refuses a publication without the confirmation field and changes nothing; publishes with it", async () => {
    for (const intent of ["publish-dispositions", "publish-comments"]) {
      for (const confirm of [undefined, "no"]) {
        const refused = await post({ intent, returnTo: "?v=1", ...(confirm ? { confirm } : {}) });
        expect(refused.init?.status).toBe(400);
        expect(refused.data?.formError.key).toBe("feedback.publication.confirmRequired");
      }
    }
    expect(await published()).toEqual({ commentsPublishedAt: null, dispositionsPublishedAt: null });
    const accepted = await post({ intent: "publish-dispositions", confirm: "yes", returnTo: "?v=1" });
    expect(accepted.status).toBe(302);
    expect((await published()).dispositionsPublishedAt).not.toBeNull();
    expect((await published()).commentsPublishedAt).toBeNull();
  });
});
