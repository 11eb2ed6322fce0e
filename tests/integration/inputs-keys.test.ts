/**
 * Keys and ids read from the comment forms are checked before anything is written (issue 12: a CRLF in
 * `paragraphKey` submitted the comment, then the redirect threw and the person read "could not be saved").
 * The test owns its consultation and its focal point (inputs-fixtures.ts).
 */
import crypto from "node:crypto";

import { beforeAll, describe, expect, it } from "vitest";

import { action } from "~/routes/consultations.$slug.versions.$n";
import { prisma } from "~/utils/db.server";

import { createInputsFixture } from "./inputs-fixtures";

const suffix = `keys-${crypto.randomBytes(4).toString("hex")}`;
const slug = `inputs-${suffix}`;
const context = { cspNonce: "", requestId: "test", clientAddress: "127.0.0.1" };
let cookie = "";

type Failure = {
  data?: { formError?: { key: string }; fieldErrors?: Record<string, string[]> };
  init?: { status?: number };
};

async function run(fields: Record<string, string>) {
  const request = new Request(`http://localhost/consultations/${slug}/versions/1`, {
    method: "POST",
    headers: { Cookie: cookie, Origin: "http://localhost", "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields),
  });
  try {
    return (await action({ request, params: { slug, n: "1" }, context })) as unknown;
  } catch (thrown) {
    return thrown;
  }
}

async function draft(text: string) {
  const result = await run({
    intent: "create",
    paragraphKey: "1-1",
    type: "general",
    bodyText: text,
    idempotencyKey: crypto.randomBytes(8).toString("hex"),
  });
  expect((result as Response).status).toBe(302);
  return prisma.comment.findFirstOrThrow({ where: { bodyText: text }, select: { id: true } });
}

beforeAll(async () => {
  ({ cookie } = await createInputsFixture(suffix));
}, 60_000);

describe("keys and ids in the comment forms (threats: control characters in form keys)", () => {
  it("refuses a CRLF in paragraphKey on submit with 400 and a clear message, and submits nothing", async () => {
    const { id } = await draft(`Draft to submit ${suffix}`);
    const result = (await run({ intent: "submit", commentId: id, paragraphKey: "1-1\r\nSet-Cookie: x=1" })) as Failure;
    expect(result.init?.status).toBe(400);
    expect(result.data?.fieldErrors?.paragraphKey).toEqual(["comments.errors.badKey"]);
    const comment = await prisma.comment.findUniqueOrThrow({ where: { id }, select: { status: true } });
    expect(comment.status).toBe("draft");
  });

  it("refuses a control character in paragraphKey on edit and withdraw, and changes nothing", async () => {
    const { id } = await draft(`Draft to edit ${suffix}`);
    const edit = (await run({
      intent: "edit",
      commentId: id,
      paragraphKey: "1-1\u0000",
      type: "general",
      bodyText: `Edited ${suffix}`,
    })) as Failure;
    expect(edit.init?.status).toBe(400);
    const withdraw = (await run({ intent: "withdraw", commentId: id, paragraphKey: "1-1\u001b[2J" })) as Failure;
    expect(withdraw.init?.status).toBe(400);
    const comment = await prisma.comment.findUniqueOrThrow({ where: { id }, select: { status: true, bodyText: true } });
    expect(comment).toEqual({ status: "draft", bodyText: `Draft to edit ${suffix}` });
  });

  it("refuses a CRLF in commentId and in paragraphKey on create with 400, and saves nothing", async () => {
    const before = await prisma.comment.count();
    const submit = (await run({ intent: "submit", commentId: "abc\r\ndef", paragraphKey: "1-1" })) as Failure;
    expect(submit.init?.status).toBe(400);
    expect(submit.data?.fieldErrors?.commentId).toEqual(["comments.errors.badKey"]);
    const create = (await run({
      intent: "create",
      paragraphKey: "1-1\r\n",
      type: "general",
      bodyText: `Never saved ${suffix}`,
      idempotencyKey: crypto.randomBytes(8).toString("hex"),
    })) as Failure;
    expect(create.init?.status).toBe(400);
    expect(await prisma.comment.count()).toBe(before);
  });

  it("still submits with a well-formed key and redirects back to that paragraph", async () => {
    const { id } = await draft(`Draft submitted ${suffix}`);
    const result = (await run({ intent: "submit", commentId: id, paragraphKey: "1-1" })) as Response;
    expect(result.status).toBe(302);
    expect(result.headers.get("Location")).toBe(`/consultations/${slug}/versions/1?p=1-1#p-1-1`);
    const comment = await prisma.comment.findUniqueOrThrow({ where: { id }, select: { status: true } });
    expect(comment.status).toBe("submitted");
  });
});
