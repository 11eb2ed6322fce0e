/**
 * Issue 12: the published disposition table is a snapshot, respects the
 * comment visibility, and never discloses draft versions to the public.
 */
import { beforeAll, describe, expect, it } from "vitest";

import { DomainError } from "~/lib/errors";
import { decideDispositions, getDispositionTable, setPublication } from "~/models/disposition.server";
import { prisma } from "~/utils/db.server";

import { loader as tableLoader } from "../../app/routes/consultations.$slug.dispositions";
import { seed } from "../../prisma/seed";
import { actorFor, createFeedbackFixture, DAY_MS } from "./feedback-fixtures";

let secretariat: Awaited<ReturnType<typeof actorFor>>;
const context = { cspNonce: "", requestId: "test", clientAddress: "127.0.0.1" };

beforeAll(async () => {
  await seed({ quiet: true });
  secretariat = await actorFor("secretariat@demo.test");
}, 60_000);

/** A fixture whose comments are public (visibility "during"), so that its table may be published. */
async function publicFixture(suffix: string) {
  const fixture = await createFeedbackFixture(suffix);
  await prisma.consultation.update({ where: { slug: fixture.slug }, data: { commentsVisibility: "during" } });
  return fixture;
}

async function publicRows(slug: string) {
  const table = await getDispositionTable({ actor: null, slug });
  return new Map(table.groups.flatMap((group) => group.rows).map((row) => [row.id, row]));
}

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe("hardening: the published disposition table is a snapshot", () => {
  it("a decision made after publication is public only once published again", async () => {
    const fixture = await publicFixture("snap");
    await setPublication({ actor: secretariat, slug: fixture.slug, what: "dispositions", publish: true });
    expect((await publicRows(fixture.slug)).get(fixture.c.c3)?.disposition).toBeNull();

    await decideDispositions({
      actor: secretariat,
      slug: fixture.slug,
      input: { intent: "dispose", commentIds: [fixture.c.c3], status: "not_accepted", response: "Draft answer" },
      now: new Date(Date.now() + 1000),
    });
    // The public still reads the publication; the secretariat's preview is live.
    expect((await publicRows(fixture.slug)).get(fixture.c.c3)?.disposition).toBeNull();
    const preview = await getDispositionTable({ actor: secretariat, slug: fixture.slug });
    const live = preview.groups.flatMap((group) => group.rows).find((row) => row.id === fixture.c.c3);
    expect(live?.disposition).toEqual({ status: "not_accepted", response: "Draft answer" });

    await setPublication({
      actor: secretariat,
      slug: fixture.slug,
      what: "dispositions",
      publish: true,
      now: new Date(Date.now() + 2000),
    });
    expect((await publicRows(fixture.slug)).get(fixture.c.c3)?.disposition).toEqual({
      status: "not_accepted",
      response: "Draft answer",
    });
  });

  it("a comment edited after publication keeps its published text in the public table", async () => {
    const fixture = await publicFixture("snaptext");
    await setPublication({ actor: secretariat, slug: fixture.slug, what: "dispositions", publish: true });
    await prisma.comment.update({ where: { id: fixture.c.c5 }, data: { bodyText: "Changed later" } });
    expect((await publicRows(fixture.slug)).get(fixture.c.c5)?.comment).toBe("Typo: woman should read women.");
  });
});

describe("hardening: comment visibility applies to the disposition table", () => {
  it("refuses to publish the table while comments stay hidden until the period closes", async () => {
    const fixture = await createFeedbackFixture("hidden");
    const error = await refusal(
      setPublication({ actor: secretariat, slug: fixture.slug, what: "dispositions", publish: true }),
    );
    expect(error.status).toBe(409);
    expect(error.key).toBe("dispositions.errors.commentsHidden");
    const consultation = await prisma.consultation.findUniqueOrThrow({
      where: { slug: fixture.slug },
      select: { dispositionsPublishedAt: true, dispositionPublications: { select: { id: true } } },
    });
    expect(consultation).toEqual({ dispositionsPublishedAt: null, dispositionPublications: [] });
    expect((await refusal(getDispositionTable({ actor: null, slug: fixture.slug }))).status).toBe(404);
  });

  it("publishes once the period has closed", async () => {
    const fixture = await createFeedbackFixture("closed");
    await prisma.version.updateMany({
      where: { consultation: { slug: fixture.slug } },
      data: { status: "closed", commentsCloseAt: new Date(Date.now() - DAY_MS) },
    });
    await setPublication({ actor: secretariat, slug: fixture.slug, what: "dispositions", publish: true });
    expect((await publicRows(fixture.slug)).size).toBeGreaterThan(0);
  });
});

describe("hardening: draft versions are not disclosed by the disposition table", () => {
  it("answers 404 for a draft version and lists no draft version to the public", async () => {
    const fixture = await publicFixture("draftv");
    await setPublication({ actor: secretariat, slug: fixture.slug, what: "dispositions", publish: true });
    const v1 = await prisma.version.findFirstOrThrow({
      where: { consultation: { slug: fixture.slug }, number: 1 },
      select: { consultationId: true, documentId: true },
    });
    await prisma.version.create({
      data: { ...v1, number: 2, label: "Secret draft 2", status: "draft" },
    });
    const response = await tableLoader({
      request: new Request(`http://localhost/consultations/${fixture.slug}/dispositions?v=2`),
      params: { slug: fixture.slug },
      context,
    }).catch((caught: unknown) => caught);
    expect(response).toBeInstanceOf(Response);
    expect((response as Response).status).toBe(404);
    expect(await (response as Response).text()).not.toContain("Secret draft 2");

    const page = (await tableLoader({
      request: new Request(`http://localhost/consultations/${fixture.slug}/dispositions`),
      params: { slug: fixture.slug },
      context,
    })) as unknown as { data: unknown };
    const serialized = JSON.stringify(page.data);
    expect(serialized).not.toContain("Secret draft 2");
    expect(serialized).not.toContain('"draft"');

    // The secretariat still sees its drafts.
    const preview = await getDispositionTable({ actor: secretariat, slug: fixture.slug, versionNumber: 2 });
    expect(preview.version.label).toBe("Secret draft 2");
  });
});
