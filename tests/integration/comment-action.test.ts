import { beforeAll, describe, expect, it, vi } from "vitest";

import { prisma } from "~/utils/db.server";

import { action } from "../../app/routes/consultations.$slug.versions.$n";
import { seed } from "../../prisma/seed";
import { startUserSession } from "./session-fixtures";

let cookie = "";
const context = { cspNonce: "", requestId: "test", clientAddress: "127.0.0.1" };
const params = { slug: "gca-guidelines", n: "1" };

function post(fields: Record<string, string>, headers: Record<string, string> = {}) {
  return new Request("http://localhost/consultations/gca-guidelines/versions/1?p=2-9-a", {
    method: "POST",
    headers: {
      Cookie: cookie,
      Origin: "http://localhost",
      "Content-Type": "application/x-www-form-urlencoded",
      ...headers,
    },
    body: new URLSearchParams(fields),
  });
}

async function run(request: Request) {
  try {
    return (await action({ request, params, context })) as unknown;
  } catch (thrown) {
    return thrown;
  }
}

beforeAll(async () => {
  await seed({ quiet: true });
  const user = await prisma.user.findUniqueOrThrow({ where: { email: "focal.point@demo.test" }, select: { id: true } });
  const headers = await startUserSession({ userId: user.id });
  cookie = headers.get("Set-Cookie")!.split(";")[0]!;
}, 60_000);

describe("the comment action", () => {
  it("stores a comment and redirects back to the paragraph", async () => {
    const result = await run(
      post({
        intent: "create",
        paragraphKey: "2-9-a",
        type: "editorial",
        bodyText: "Typo in line 2.",
        idempotencyKey: "action-ok-0001",
      }),
    );
    expect(result).toBeInstanceOf(Response);
    expect((result as Response).status).toBe(302);
    expect((result as Response).headers.get("Location")).toBe(
      "/consultations/gca-guidelines/versions/1?p=2-9-a&saved=1#p-2-9-a",
    );
    expect(await prisma.comment.count({ where: { bodyText: "Typo in line 2." } })).toBe(1);
  });

  it(
    "answers 503 with a clear message when the database fails, and writes nothing " +
      "(threats: database unavailable during submit)",
    async () => {
      const before = await prisma.comment.count();
      // The connection drops inside the comment's transaction, after its row is inserted: the insert is rolled back.
      const transaction = prisma.$transaction.bind(prisma) as (...args: unknown[]) => Promise<unknown>;
      const spy = vi.spyOn(prisma, "$transaction").mockImplementationOnce(((
        work: (tx: object) => Promise<unknown>,
        options?: unknown,
      ) =>
        transaction(
          (tx: object) =>
            work(
              new Proxy(tx, {
                get(target, property, receiver) {
                  if (property === "commentRevision") throw new Error("Can't reach database server");
                  return Reflect.get(target, property, receiver) as unknown;
                },
              }),
            ),
          options,
        )) as never);
      const result = (await run(
        post({
          intent: "create",
          paragraphKey: "2-9-a",
          type: "general",
          bodyText: "Kept in the browser.",
          idempotencyKey: "action-db-down-1",
        }),
      )) as { type?: string; data?: { formError?: { key: string } }; init?: { status?: number } };
      expect(spy).toHaveBeenCalled();
      spy.mockRestore();
      expect(result.init?.status).toBe(503);
      // "Your comment could not be saved just now. It is kept in this browser: try again in a moment."
      expect(result.data?.formError).toEqual({ key: "comments.errors.saveFailed" });
      expect(await prisma.comment.count()).toBe(before);
      expect(await prisma.commentRevision.count({ where: { comment: { bodyText: "Kept in the browser." } } })).toBe(0);
    },
  );

  it("returns field errors (400) for an unknown comment type, and never trusts extra fields", async () => {
    const result = (await run(
      post({
        intent: "create",
        paragraphKey: "2-9-a",
        type: "opinion",
        bodyText: "x",
        idempotencyKey: "action-bad-type1",
      }),
    )) as { data?: { fieldErrors?: Record<string, string[]> }; init?: { status?: number } };
    expect(result.init?.status).toBe(400);
    expect(result.data?.fieldErrors?.type?.[0]).toBe("comments.errors.typeRequired");
  });

  it("refuses an unknown intent with 400 and writes nothing", async () => {
    const before = await prisma.comment.count();
    const result = (await run(post({ intent: "publish", commentId: "x", paragraphKey: "2-9-a" }))) as {
      data?: { formError?: { key: string }; fieldErrors?: Record<string, string[]> };
      init?: { status?: number };
    };
    expect(result.init?.status).toBe(400);
    expect(result.data?.formError).toEqual({ key: "errors.checkFields" });
    expect(result.data?.fieldErrors?.intent).toEqual(["errors.badRequest"]);
    expect(await prisma.comment.count()).toBe(before);
  });

  it("refuses a signed-out post with 403", async () => {
    const request = new Request("http://localhost/consultations/gca-guidelines/versions/1", {
      method: "POST",
      headers: { Origin: "http://localhost", "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        intent: "create",
        paragraphKey: "2-9-a",
        type: "general",
        bodyText: "x",
        idempotencyKey: "action-anon-001",
      }),
    });
    const result = (await run(request)) as { init?: { status?: number } };
    expect(result.init?.status).toBe(403);
  });
});
