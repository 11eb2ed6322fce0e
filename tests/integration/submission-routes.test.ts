import { beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "~/lib/permissions";
import { CommentFormSchema } from "~/models/comment-schema";
import { createComment, submitComment } from "~/models/comment.server";
import { createUser, upsertOrganization } from "~/models/user.server";
import { prisma } from "~/utils/db.server";
import { sessionUserSelect, toSessionUser } from "~/utils/session-user.server";

import { action as commentAction } from "../../app/routes/consultations.$slug.comments.$id";
import {
  action as workspaceAction,
  loader as workspaceLoader,
} from "../../app/routes/consultations.$slug.delegation._index";
import { loader as receiptLoader } from "../../app/routes/consultations.$slug.delegation.receipts.$reference";
import { loader as docxLoader } from "../../app/routes/consultations.$slug.delegation.receipts.$reference_.docx";
import { loader as pdfLoader } from "../../app/routes/consultations.$slug.delegation.receipts.$reference_.pdf";
import { action as readerAction } from "../../app/routes/consultations.$slug.versions.$n";
import { GCA_SLUG, seed } from "../../prisma/seed";
import { startUserSession } from "./session-fixtures";

const context = { cspNonce: "", requestId: "test", clientAddress: "127.0.0.1" };
const cookies: Record<string, string> = {};
let delegate: Actor;
let focalPoint: Actor;

async function cookieFor(email: string) {
  const user = await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  const headers = await startUserSession({ userId: user.id });
  return headers.get("Set-Cookie")!.split(";")[0];
}

function request(path: string, who: string | null, fields?: Record<string, string | string[]>) {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields ?? {})) {
    for (const one of Array.isArray(value) ? value : [value]) body.append(name, one);
  }
  return new Request(`http://localhost${path}`, {
    method: fields ? "POST" : "GET",
    headers: {
      ...(who ? { Cookie: cookies[who] } : {}),
      Origin: "http://localhost",
      ...(fields ? { "Content-Type": "application/x-www-form-urlencoded" } : {}),
    },
    body: fields ? body : undefined,
  });
}

async function settle(work: () => unknown) {
  try {
    return await work();
  } catch (thrown) {
    return thrown;
  }
}

function statusOf(result: unknown) {
  if (result instanceof Response) return result.status;
  const init = (result as { init?: { status?: number } | null }).init;
  return init?.status ?? 200;
}

let keys = 0;
async function draft(text = "Route test draft.") {
  const input = CommentFormSchema.parse({
    paragraphKey: "2-9-a",
    type: "general",
    bodyText: text,
    idempotencyKey: `route-test-${++keys}-${Date.now()}`,
  });
  return (await createComment({ actor: delegate, slug: GCA_SLUG, versionNumber: 1, input })).id;
}

beforeAll(async () => {
  await seed({ quiet: true });
  const other = await upsertOrganization({ name: "Delegation of Member State R", kind: "member_state" });
  await createUser({
    email: "r.delegate@demo.test",
    name: "R",
    password: "irrelevant-pw",
    role: "delegate",
    organizationId: other.id,
  });
  for (const email of [
    "delegate@demo.test",
    "focal.point@demo.test",
    "secretariat@demo.test",
    "r.delegate@demo.test",
    "observer@demo.test",
  ]) {
    cookies[email] = await cookieFor(email);
  }
  const load = async (email: string) =>
    toSessionUser(await prisma.user.findUniqueOrThrow({ where: { email }, select: sessionUserSelect }));
  delegate = await load("delegate@demo.test");
  focalPoint = await load("focal.point@demo.test");
}, 60_000);

describe("forced POSTs by a delegate on an official comment (threats: delegate edits after submission)", () => {
  it("withdraw through the per-comment route: 403, nothing changes", async () => {
    const id = await draft();
    await submitComment({ actor: focalPoint, commentId: id });
    const before = await prisma.comment.findUniqueOrThrow({ where: { id } });
    const path = `/consultations/${GCA_SLUG}/comments/${id}`;
    const result = await settle(() =>
      commentAction({
        request: request(path, "delegate@demo.test", { intent: "withdraw", reason: "forced", returnTo: "/" }),
        params: { slug: GCA_SLUG, id },
        context,
      }),
    );
    expect(statusOf(result)).toBe(403);
    expect(await prisma.comment.findUniqueOrThrow({ where: { id } })).toEqual(before);
  });

  it("edit through the reader's action: 403, nothing changes", async () => {
    const id = await draft();
    await submitComment({ actor: focalPoint, commentId: id });
    const before = await prisma.comment.findUniqueOrThrow({ where: { id } });
    const result = await settle(() =>
      readerAction({
        request: request(`/consultations/${GCA_SLUG}/versions/1?p=2-9-a`, "delegate@demo.test", {
          intent: "edit",
          commentId: id,
          paragraphKey: "2-9-a",
          type: "editorial",
          bodyText: "Forced edit.",
        }),
        params: { slug: GCA_SLUG, n: "1" },
        context,
      }),
    );
    expect(statusOf(result)).toBe(403);
    expect(await prisma.comment.findUniqueOrThrow({ where: { id } })).toEqual(before);
  });
});

describe("the per-comment route", () => {
  it("goes back to a same-site returnTo only", async () => {
    const id = await draft();
    const path = `/consultations/${GCA_SLUG}/comments/${id}`;
    const result = (await settle(() =>
      commentAction({
        request: request(path, "delegate@demo.test", { intent: "withdraw", returnTo: "//evil.example/x" }),
        params: { slug: GCA_SLUG, id },
        context,
      }),
    )) as Response;
    expect(result.status).toBe(302);
    expect(result.headers.get("Location")).toBe(`/consultations/${GCA_SLUG}/delegation`);
    const restored = (await settle(() =>
      commentAction({
        request: request(path, "delegate@demo.test", { intent: "restore", returnTo: "/consultations/x?p=1#p-1" }),
        params: { slug: GCA_SLUG, id },
        context,
      }),
    )) as Response;
    expect(restored.headers.get("Location")).toBe("/consultations/x?p=1#p-1");
    expect((await prisma.comment.findUniqueOrThrow({ where: { id } })).status).toBe("draft");
  });

  it("answers 400 for an unknown intent and 404 for a comment of another consultation", async () => {
    const id = await draft();
    const bad = await settle(() =>
      commentAction({
        request: request(`/consultations/${GCA_SLUG}/comments/${id}`, "focal.point@demo.test", { intent: "publish" }),
        params: { slug: GCA_SLUG, id },
        context,
      }),
    );
    expect(statusOf(bad)).toBe(400);
    const elsewhere = await settle(() =>
      commentAction({
        request: request(`/consultations/other/comments/${id}`, "focal.point@demo.test", { intent: "submit" }),
        params: { slug: "other", id },
        context,
      }),
    );
    expect(statusOf(elsewhere)).toBe(404);
    expect((await prisma.comment.findUniqueOrThrow({ where: { id } })).status).toBe("draft");
  });
});

describe("the workspace and its receipts", () => {
  it("the focal point submits selected drafts and is sent to the receipt; PDF and DOCX download", async () => {
    const ids = [await draft("Selected one."), await draft("Selected two.")];
    const path = `/consultations/${GCA_SLUG}/delegation`;
    const result = (await settle(() =>
      workspaceAction({
        request: request(path, "focal.point@demo.test", { c: ids }),
        params: { slug: GCA_SLUG },
        context,
      }),
    )) as Response;
    expect(result.status).toBe(302);
    const location = result.headers.get("Location")!;
    expect(location).toMatch(/\/delegation\/receipts\/GCA-GUIDELINES-R\d{4}\?submitted=2$/);
    const reference = location.split("/receipts/")[1].split("?")[0];
    const params = { slug: GCA_SLUG, reference };
    const receiptPath = `${path}/receipts/${reference}`;
    const page = (await receiptLoader({ request: request(receiptPath, "delegate@demo.test"), params, context })) as {
      data: { receipt: { comments: Array<{ trackingNumber: string }>; submittedAtText: string } };
    };
    expect(page.data.receipt.comments).toHaveLength(2);
    expect(page.data.receipt.submittedAtText).toMatch(/\d{4}/);
    const pdf = await pdfLoader({
      request: request(`${receiptPath}/pdf`, "secretariat@demo.test"),
      params,
      context,
    });
    expect(pdf.headers.get("Content-Type")).toBe("application/pdf");
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
    const docx = await docxLoader({
      request: request(`${receiptPath}/docx`, "delegate@demo.test"),
      params,
      context,
    });
    expect(
      Buffer.from(await docx.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe("PK");
    for (const who of ["r.delegate@demo.test", "observer@demo.test"]) {
      expect(statusOf(await settle(() => receiptLoader({ request: request(receiptPath, who), params, context })))).toBe(
        404,
      );
      expect(
        statusOf(await settle(() => pdfLoader({ request: request(`${receiptPath}/pdf`, who), params, context }))),
      ).toBe(404);
    }
    const anonymous = await settle(() => receiptLoader({ request: request(receiptPath, null), params, context }));
    expect(statusOf(anonymous)).toBe(302);
  });

  it("is refused to an observer (403) and sends the signed-out to sign in", async () => {
    const path = `/consultations/${GCA_SLUG}/delegation`;
    const params = { slug: GCA_SLUG };
    expect(
      statusOf(await settle(() => workspaceLoader({ request: request(path, "observer@demo.test"), params, context }))),
    ).toBe(403);
    const anonymous = (await settle(() =>
      workspaceLoader({ request: request(path, null), params, context }),
    )) as Response;
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toContain("/login?redirectTo=");
  });
});
