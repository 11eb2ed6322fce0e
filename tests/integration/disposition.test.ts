import { beforeAll, describe, expect, it } from "vitest";

import { DomainError } from "~/lib/errors";
import {
  applyFeedbackAction,
  decideDispositions,
  getDispositionTable,
  setPublication,
} from "~/models/disposition.server";
import { regroupDuplicates } from "~/models/feedback.server";
import { prisma } from "~/utils/db.server";

import { loader as tableLoader } from "../../app/routes/consultations.$slug.dispositions";
import { action as dashboardAction } from "../../app/routes/consultations.$slug.feedback._index";
import { seed } from "../../prisma/seed";
import { actorFor, createFeedbackFixture, renderBody } from "./feedback-fixtures";
import { startUserSession } from "./session-fixtures";

let fixture: Awaited<ReturnType<typeof createFeedbackFixture>>;
let secretariat: Awaited<ReturnType<typeof actorFor>>;
let focalPoint: Awaited<ReturnType<typeof actorFor>>;
const context = { cspNonce: "", requestId: "test", clientAddress: "127.0.0.1" };

beforeAll(async () => {
  await seed({ quiet: true });
  fixture = await createFeedbackFixture("disp");
  // Comments public during the period: the table may be published before it closes (hardening-dispositions).
  await prisma.consultation.update({ where: { slug: fixture.slug }, data: { commentsVisibility: "during" } });
  [secretariat, focalPoint] = await Promise.all([actorFor("secretariat@demo.test"), actorFor("focal.point@demo.test")]);
}, 60_000);

async function snapshot() {
  return {
    dispositions: await prisma.disposition.findMany({
      orderBy: { commentId: "asc" },
      select: { commentId: true, status: true, response: true, decidedById: true },
    }),
    audits: await prisma.auditEvent.count({ where: { action: "disposition.decide", outcome: "ok" } }),
  };
}

async function cookieFor(email: string) {
  const user = await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  return (await startUserSession({ userId: user.id })).get("Set-Cookie")!.split(";")[0];
}

describe("authorization (only consolidate:comment:any writes)", () => {
  it("refuses a focal point with 403 and changes nothing", async () => {
    const before = await snapshot();
    for (const input of [
      { intent: "dispose" as const, commentIds: [fixture.c.c3], status: "accepted" as const, response: "Hijack" },
      {
        intent: "dispose-selected" as const,
        commentIds: [fixture.c.c3, fixture.c.c4],
        status: "not_accepted" as const,
        response: "",
      },
      { intent: "dispose-group" as const, groupId: fixture.c.c3, status: "noted" as const, response: "" },
    ]) {
      const error = await decideDispositions({ actor: focalPoint, slug: fixture.slug, input }).catch(
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).status).toBe(403);
    }
    await expect(
      decideDispositions({
        actor: null,
        slug: fixture.slug,
        input: { intent: "dispose", commentIds: [fixture.c.c3], status: "accepted", response: "" },
      }),
    ).rejects.toMatchObject({ status: 403 });
    expect(await snapshot()).toEqual(before);
    expect(
      await prisma.auditEvent.count({
        where: { action: "disposition.decide", outcome: "denied", actorId: focalPoint.id },
      }),
    ).toBe(3);
  });

  it("answers the focal point's POST to the dashboard with 403 (HTTP), nothing changed", async () => {
    const before = await snapshot();
    const cookie = await cookieFor("focal.point@demo.test");
    const request = new Request(`http://localhost/consultations/${fixture.slug}/feedback`, {
      method: "POST",
      headers: { Cookie: cookie, Origin: "http://localhost", "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ intent: "dispose", commentIds: fixture.c.c3, status: "accepted", response: "x" }),
    });
    const thrown = await dashboardAction({ request, params: { slug: fixture.slug }, context }).catch(
      (caught: unknown) => caught,
    );
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).status).toBe(403);
    expect(await snapshot()).toEqual(before);
  });
});

describe("deciding", () => {
  it("records one comment's decision with who and when, and audits it", async () => {
    const now = new Date("2026-04-01T12:00:00Z");
    const result = await decideDispositions({
      actor: secretariat,
      slug: fixture.slug,
      input: {
        intent: "dispose",
        commentIds: [fixture.c.c3],
        status: "not_accepted",
        response: "Outside the scope of the consultation.",
      },
      now,
    });
    expect(result).toEqual({ decided: 1, changed: 1 });
    const stored = await prisma.disposition.findUniqueOrThrow({
      where: { commentId: fixture.c.c3 },
      select: { status: true, response: true, decidedById: true, decidedAt: true },
    });
    expect(stored).toEqual({
      status: "not_accepted",
      response: "Outside the scope of the consultation.",
      decidedById: secretariat.id,
      decidedAt: now,
    });
    const audit = await prisma.auditEvent.findFirstOrThrow({
      where: { action: "disposition.decide", entityId: fixture.c.c3 },
      select: { actorId: true, outcome: true, details: true },
    });
    expect(audit.actorId).toBe(secretariat.id);
    expect(JSON.parse(audit.details)).toMatchObject({
      status: "not_accepted",
      previousStatus: null,
      intent: "dispose",
    });

    // The same decision again changes nothing and is not audited twice.
    const again = await decideDispositions({
      actor: secretariat,
      slug: fixture.slug,
      input: {
        intent: "dispose",
        commentIds: [fixture.c.c3],
        status: "not_accepted",
        response: "Outside the scope of the consultation.",
      },
    });
    expect(again).toEqual({ decided: 1, changed: 0 });
    expect(await prisma.auditEvent.count({ where: { action: "disposition.decide", entityId: fixture.c.c3 } })).toBe(1);
  });

  it("decides several selected comments at once, updating an earlier decision", async () => {
    const result = await decideDispositions({
      actor: secretariat,
      slug: fixture.slug,
      input: {
        intent: "dispose-selected",
        commentIds: [fixture.c.c1, fixture.c.c5, fixture.c.c6],
        status: "accepted_in_part",
        response: "Partly taken up.",
      },
    });
    expect(result).toEqual({ decided: 3, changed: 3 });
    const rows = await prisma.disposition.findMany({
      where: { commentId: { in: [fixture.c.c1, fixture.c.c5, fixture.c.c6] } },
      select: { status: true },
    });
    expect(rows.map((row) => row.status)).toEqual(["accepted_in_part", "accepted_in_part", "accepted_in_part"]);
    const c1Audit = await prisma.auditEvent.findFirstOrThrow({
      where: { action: "disposition.decide", entityId: fixture.c.c1 },
      select: { details: true },
    });
    expect(JSON.parse(c1Audit.details)).toMatchObject({
      previousStatus: "accepted",
      status: "accepted_in_part",
      comments: 3,
    });
  });

  it("refuses a selection holding a withdrawn or draft comment, deciding none of it (409)", async () => {
    const before = await snapshot();
    for (const other of [fixture.c.withdrawn, fixture.c.draft, "no-such-comment"]) {
      await expect(
        decideDispositions({
          actor: secretariat,
          slug: fixture.slug,
          input: { intent: "dispose-selected", commentIds: [fixture.c.c4, other], status: "noted", response: "" },
        }),
      ).rejects.toMatchObject({ status: 409 });
    }
    expect(await snapshot()).toEqual(before);
  });

  it("decides a whole near-duplicate group in one action", async () => {
    const letter =
      "Please add a reference to human rights law and to the consultation of civil society in this guideline.";
    const ids: string[] = [];
    for (const [index, organizationId] of [
      fixture.org.x,
      fixture.org.y,
      fixture.org.telecom,
      fixture.org.uni,
    ].entries()) {
      const created = await prisma.comment.create({
        data: {
          consultationId: fixture.version.consultationId,
          versionId: fixture.version.id,
          paragraphId: fixture.paragraph["1-1"],
          organizationId,
          type: "general",
          status: "submitted",
          ...renderBody(index === 2 ? letter.replace("Please add", "Please kindly add") : letter),
          submittedAt: new Date(Date.UTC(2026, 2, 10, 8, index)),
        },
        select: { id: true },
      });
      ids.push(created.id);
    }
    await regroupDuplicates({ actor: secretariat, slug: fixture.slug });
    const groupId = ids[0];
    expect(await prisma.comment.count({ where: { duplicateGroupId: groupId } })).toBe(4);

    const result = await applyFeedbackAction({
      actor: secretariat,
      slug: fixture.slug,
      action: { intent: "dispose-group", groupId, status: "noted", response: "Human rights are addressed in 2.2." },
    });
    expect(result).toEqual({ notice: "decided", count: 4 });
    const decided = await prisma.disposition.findMany({
      where: { commentId: { in: ids } },
      select: { status: true, response: true, decidedById: true },
    });
    expect(decided).toHaveLength(4);
    expect(new Set(decided.map((row) => `${row.status}|${row.response}|${row.decidedById}`))).toEqual(
      new Set([`noted|Human rights are addressed in 2.2.|${secretariat.id}`]),
    );
    expect(await prisma.auditEvent.count({ where: { action: "disposition.decide", entityId: { in: ids } } })).toBe(4);
  });

  it("returns field errors for an incomplete form (no decision chosen), for the form that sent it", async () => {
    const before = await snapshot();
    const request = new Request(`http://localhost/consultations/${fixture.slug}/feedback`, {
      method: "POST",
      headers: {
        Cookie: await cookieFor("secretariat@demo.test"),
        Origin: "http://localhost",
        "Content-Type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams({ intent: "dispose-selected", target: "bulk", status: "", response: "x" }),
    });
    const result = (await dashboardAction({ request, params: { slug: fixture.slug }, context })) as unknown as {
      data: { target: string; formError: { key: string }; fieldErrors: Record<string, string[]> };
      init: { status: number };
    };
    expect(result.init.status).toBe(400);
    expect(result.data.target).toBe("bulk");
    expect(result.data.fieldErrors.status).toEqual(["feedback.validation.statusRequired"]);
    expect(result.data.fieldErrors.commentIds).toEqual(["feedback.validation.selectComments"]);
    // The ticked checkboxes have no field of their own: the form says what is missing.
    expect(result.data.formError).toEqual({ key: "feedback.validation.selectComments" });
    expect(await snapshot()).toEqual(before);
  });

  it("refuses an unknown intent (400) and answers a model's refusal for its form (409), nothing changed", async () => {
    const before = await snapshot();
    const post = async (fields: Record<string, string>) => {
      const request = new Request(`http://localhost/consultations/${fixture.slug}/feedback`, {
        method: "POST",
        headers: {
          Cookie: await cookieFor("secretariat@demo.test"),
          Origin: "http://localhost",
          "Content-Type": "application/x-www-form-urlencoded",
        },
        body: new URLSearchParams(fields),
      });
      return (await dashboardAction({ request, params: { slug: fixture.slug }, context })) as unknown as {
        data: { target: string; formError: { key: string } };
        init: { status: number };
      };
    };
    const unknown = await post({ intent: "delete-everything" });
    expect(unknown.init.status).toBe(400);
    expect(unknown.data.formError).toEqual({ key: "feedback.validation.summary" });
    const draft = await post({
      intent: "dispose",
      target: fixture.c.draft,
      commentIds: fixture.c.draft,
      status: "noted",
    });
    expect(draft.init.status).toBe(404);
    expect(draft.data).toMatchObject({ target: fixture.c.draft, formError: { key: "dispositions.errors.noComment" } });
    expect(await snapshot()).toEqual(before);
  });
});

describe("publication of the disposition table", () => {
  it("is a 404 'not published yet' for visitors until published; the secretariat previews it", async () => {
    const slug = fixture.slug;
    await expect(getDispositionTable({ actor: null, slug })).rejects.toMatchObject({
      status: 404,
      details: { notPublished: true },
    });
    await expect(getDispositionTable({ actor: focalPoint, slug })).rejects.toMatchObject({ status: 404 });
    const preview = await getDispositionTable({ actor: secretariat, slug });
    expect(preview.access).toBe("secretariat");

    const response = await tableLoader({
      request: new Request(`http://localhost/consultations/${slug}/dispositions`),
      params: { slug },
      context,
    }).catch((caught: unknown) => caught);
    expect(response).toBeInstanceOf(Response);
    expect((response as Response).status).toBe(404);
    // The body is the message's key, which the error boundary translates.
    expect(await (response as Response).json()).toEqual({
      message: { key: "dispositions.notPublished", values: { title: "Feedback fixture disp" } },
    });
  });

  it("refuses publication by a focal point (403), and publishes for the secretariat with an audit event", async () => {
    await expect(
      setPublication({ actor: focalPoint, slug: fixture.slug, what: "dispositions", publish: true }),
    ).rejects.toMatchObject({ status: 403 });
    const consultation = () =>
      prisma.consultation.findUniqueOrThrow({
        where: { slug: fixture.slug },
        select: { dispositionsPublishedAt: true, commentsPublishedAt: true },
      });
    expect((await consultation()).dispositionsPublishedAt).toBeNull();

    const at = new Date("2026-05-01T10:00:00Z");
    expect(
      await setPublication({ actor: secretariat, slug: fixture.slug, what: "dispositions", publish: true, now: at }),
    ).toEqual({ changed: true, publishedAt: at });
    // Publishing again takes a new snapshot (hardening-dispositions) and keeps the first date.
    expect(
      await setPublication({ actor: secretariat, slug: fixture.slug, what: "dispositions", publish: true }),
    ).toEqual({ changed: true, publishedAt: at });
    expect(await consultation()).toEqual({ dispositionsPublishedAt: at, commentsPublishedAt: null });
    expect(
      await prisma.auditEvent.count({ where: { action: "consultation.publish_dispositions", outcome: "ok" } }),
    ).toBe(2);
    expect(
      await prisma.auditEvent.count({ where: { action: "consultation.publish_dispositions", outcome: "denied" } }),
    ).toBe(1);
  });

  it("then shows everyone the table by section in document order, without drafts or withdrawn comments", async () => {
    const table = await getDispositionTable({ actor: null, slug: fixture.slug });
    expect(table.access).toBe("public");
    expect(
      table.groups.map((group) => [
        group.section?.number ?? group.section?.heading,
        group.rows.map((row) => row.paragraphNumber),
      ]),
    ).toEqual([
      ["1", ["1.1", "1.1", "1.1", "1.1", "1.1", "1.2"]],
      ["Guidelines", ["2.1", "2.1", "2.2", "2.2"]],
      ["3", ["3.1"]],
    ]);
    const c3 = table.groups.flatMap((group) => group.rows).find((row) => row.id === fixture.c.c3)!;
    expect(c3).toMatchObject({
      organization: "State X disp",
      paragraphNumber: "2.2",
      type: "general",
      comment: "Delete this paragraph, it is out of scope.",
      proposedText: null,
      disposition: { status: "not_accepted", response: "Outside the scope of the consultation." },
    });
    const source = table.groups[0].rows.find((row) => row.paragraphNumber === "1.2")!;
    expect(source.organization).toBe("Experts");
    const ids = table.groups.flatMap((group) => group.rows.map((row) => row.id));
    expect(ids).not.toContain(fixture.c.draft);
    expect(ids).not.toContain(fixture.c.withdrawn);

    const response = (await tableLoader({
      request: new Request(`http://localhost/consultations/${fixture.slug}/dispositions`),
      params: { slug: fixture.slug },
      context,
    })) as unknown as {
      data: { total: number };
    };
    expect(response.data.total).toBe(11);
  });

  it("withdraws the publication again on request", async () => {
    await setPublication({ actor: secretariat, slug: fixture.slug, what: "dispositions", publish: false });
    await expect(getDispositionTable({ actor: null, slug: fixture.slug })).rejects.toMatchObject({ status: 404 });
    await setPublication({ actor: secretariat, slug: fixture.slug, what: "dispositions", publish: true });
  });
});
