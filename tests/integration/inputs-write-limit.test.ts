/**
 * A per-user limit on comment writes (issue 12: one delegate created 30 comments in 0.6 s):
 * RATE_LIMITS.commentWritesPerUser, consumed by the reader's comment action (create, edit, submit) and the
 * comment page's submit, before anything is written. Each test owns its consultation and focal point.
 */
import crypto from "node:crypto";

import { describe, expect, it } from "vitest";

import { action as commentAction } from "~/routes/consultations.$slug.comments.$id";
import { action as readerAction } from "~/routes/consultations.$slug.versions.$n";
import { prisma } from "~/utils/db.server";
import { commentWritesKey, RATE_LIMITS } from "~/utils/rate-limit.server";

import { createInputsFixture } from "./inputs-fixtures";

const context = { cspNonce: "", requestId: "test", clientAddress: "127.0.0.1" };
const LIMIT = RATE_LIMITS.commentWritesPerUser.limit;

type Answer = {
  data?: { formError?: { key: string; values?: Record<string, unknown> } };
  init?: { status?: number; headers?: HeadersInit };
};

function post(path: string, cookie: string, fields: Record<string, string>) {
  return new Request(`http://localhost${path}`, {
    method: "POST",
    headers: { Cookie: cookie, Origin: "http://localhost", "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields),
  });
}

async function settle(run: () => Promise<unknown>) {
  try {
    return await run();
  } catch (thrown) {
    return thrown;
  }
}

async function fixture() {
  const { slug, user, cookie } = await createInputsFixture(`limit-${crypto.randomBytes(4).toString("hex")}`);
  const reader = (fields: Record<string, string>) =>
    settle(() =>
      readerAction({
        request: post(`/consultations/${slug}/versions/1`, cookie, fields),
        params: { slug, n: "1" },
        context,
      }),
    );
  const create = (text: string) =>
    reader({
      intent: "create",
      paragraphKey: "1-1",
      type: "general",
      bodyText: text,
      idempotencyKey: crypto.randomBytes(8).toString("hex"),
    });
  /** Uses up the user's window but for `left` writes. */
  const fill = (left: number) =>
    prisma.rateLimitBucket.upsert({
      where: { key: commentWritesKey(user.id) },
      create: { key: commentWritesKey(user.id), count: LIMIT - left, resetAt: new Date(Date.now() + 60_000) },
      update: { count: LIMIT - left, resetAt: new Date(Date.now() + 60_000) },
    });
  return { slug, user, cookie, reader, create, fill };
}

function expectTooManyWrites(answer: unknown) {
  const { data, init } = answer as Answer;
  expect(init?.status).toBe(429);
  expect(data?.formError?.key).toBe("errors.tooManyWrites");
  const seconds = data?.formError?.values?.seconds as number;
  expect(seconds).toBeGreaterThan(0);
  expect(seconds).toBeLessThanOrEqual(60);
  expect(new Headers(init?.headers).get("Retry-After")).toBe(String(seconds));
}

describe("the per-user limit on comment writes (threats: one user floods a consultation with comments)", () => {
  it(`lets a user create ${LIMIT} comments in a minute and refuses the next with 429, saving nothing`, async () => {
    const { user, create } = await fixture();
    for (let i = 1; i <= LIMIT; i++) expect(((await create(`Comment ${i}`)) as Response).status).toBe(302);
    expectTooManyWrites(await create("One too many"));
    expect(await prisma.comment.count({ where: { authorId: user.id } })).toBe(LIMIT);
  }, 30_000);

  it("counts edits and submits too: over the limit, a draft is neither edited nor submitted", async () => {
    const { user, reader, create, fill } = await fixture();
    await create("My draft");
    const draft = await prisma.comment.findFirstOrThrow({ where: { authorId: user.id }, select: { id: true } });
    await fill(0);
    expectTooManyWrites(
      await reader({ intent: "edit", commentId: draft.id, paragraphKey: "1-1", type: "general", bodyText: "Edited" }),
    );
    expectTooManyWrites(await reader({ intent: "submit", commentId: draft.id, paragraphKey: "1-1" }));
    const after = await prisma.comment.findUniqueOrThrow({ where: { id: draft.id } });
    expect(after).toMatchObject({ status: "draft", bodyText: "My draft" });
  });

  it("applies on the comment page's submit as well", async () => {
    const { slug, user, cookie, create, fill } = await fixture();
    await create("Draft for the comment page");
    const draft = await prisma.comment.findFirstOrThrow({ where: { authorId: user.id }, select: { id: true } });
    await fill(0);
    const answer = await settle(() =>
      commentAction({
        request: post(`/consultations/${slug}/comments/${draft.id}`, cookie, { intent: "submit" }),
        params: { slug, id: draft.id },
        context,
      }),
    );
    expectTooManyWrites(answer);
    expect((await prisma.comment.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe("draft");
  });
});
