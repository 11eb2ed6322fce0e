/**
 * Request bodies the routes cannot read (issue 12), through the route modules:
 * malformed multipart on every upload route answers 400 `errors.malformedBody`
 * and stores nothing; JSON posted to a form action is refused with a 4xx; and
 * an upload from someone who may not upload is refused before its body is
 * read. Each test makes its own consultation and accounts (inputs-fixtures).
 */
import crypto from "node:crypto";

import { describe, expect, it } from "vitest";

import { createUser } from "~/models/user.server";
import { action as importAction } from "~/routes/consultations.$slug.comments.import";
import { action as contributionAction } from "~/routes/consultations.$slug.contributions";
import { action as uploadAction } from "~/routes/consultations.$slug.upload";
import { action as readerAction } from "~/routes/consultations.$slug.versions.$n";
import { action as newConsultationAction } from "~/routes/consultations.new";
import { action as loginAction } from "~/routes/login";
import { prisma } from "~/utils/db.server";
import { readFormData } from "~/utils/http.server";

import { createInputsFixture } from "./inputs-fixtures";
import { startUserSession } from "./session-fixtures";

const context = { cspNonce: "", requestId: "bodies", clientAddress: "127.0.0.1" };
const BOUNDARY = "----edgesBoundary7MA4YWxkTrZu0gW";

async function settle(work: () => unknown): Promise<unknown> {
  try {
    return await work();
  } catch (thrown) {
    return thrown;
  }
}

/** Status and message key of an action's answer: a thrown or returned Response, or `data(...)`. */
async function answerOf(result: unknown): Promise<{ status: number; key?: string; location?: string | null }> {
  if (result instanceof Response) {
    const text = await result.text();
    let key: string | undefined;
    try {
      key = (JSON.parse(text) as { message?: { key?: string } }).message?.key;
    } catch {
      key = undefined;
    }
    return { status: result.status, key, location: result.headers.get("Location") };
  }
  if (result instanceof Error) throw result;
  const answer = result as { data?: { formError?: { key?: string } }; init?: { status?: number } | null };
  return { status: answer.init?.status ?? 200, key: answer.data?.formError?.key };
}

async function cookieFor(userId: string) {
  return (await startUserSession({ userId })).get("Set-Cookie")!.split(";")[0];
}

async function accounts(suffix: string) {
  const fixture = await createInputsFixture(suffix);
  const password = crypto.randomBytes(18).toString("base64url");
  const secretariat = await createUser({
    email: `secretariat-${suffix}@example.test`,
    name: "Bodies Secretariat",
    password,
    role: "secretariat",
    organizationId: null,
  });
  const observer = await createUser({
    email: `observer-${suffix}@example.test`,
    name: "Bodies Observer",
    password,
    role: "observer",
    organizationId: null,
  });
  return {
    ...fixture,
    focal: fixture.cookie,
    secretariat: await cookieFor(secretariat.id),
    observer: await cookieFor(observer.id),
  };
}

/** A multipart body written by hand, so that it can be wrong. */
function multipartText(fields: Record<string, string>, file: { field: string; filename: string }, boundary = BOUNDARY) {
  let text = "";
  for (const [name, value] of Object.entries(fields)) {
    text += `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  }
  text +=
    `--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.filename}"\r\n` +
    `Content-Type: application/pdf\r\n\r\n%PDF-1.4 not really\r\n--${boundary}--\r\n`;
  return text;
}

const MALFORMED: Array<{
  name: string;
  body: (fields: Record<string, string>, field: string) => string;
}> = [
  {
    name: "a `=` inside a file name",
    body: (fields, field) => multipartText(fields, { field, filename: "position=final.pdf" }),
  },
  {
    name: "a body cut off before its closing boundary",
    body: (fields, field) => {
      const text = multipartText(fields, { field, filename: "position.pdf" });
      return text.slice(0, text.length - 40);
    },
  },
  {
    name: "a boundary other than the one declared",
    body: (fields, field) => multipartText(fields, { field, filename: "position.pdf" }, "someOtherBoundary"),
  },
];

function post(path: string, cookie: string | undefined, body: BodyInit, contentType: string) {
  return new Request(`http://localhost${path}`, {
    method: "POST",
    headers: { Origin: "http://localhost", "Content-Type": contentType, ...(cookie ? { Cookie: cookie } : {}) },
    body,
    ...(body instanceof ReadableStream ? { duplex: "half" } : {}),
  });
}

type Fixture = Awaited<ReturnType<typeof accounts>>;

const ROUTES: Array<{
  name: string;
  who: "focal" | "secretariat";
  field: string;
  path: (f: Fixture) => string;
  fields: (f: Fixture) => Record<string, string>;
  run: (f: Fixture, request: Request) => Promise<unknown>;
  stored: (f: Fixture) => Promise<number>;
}> = [
  {
    name: "a contribution (/consultations/$slug/contributions)",
    who: "focal",
    field: "attachment",
    path: (f) => `/consultations/${f.slug}/contributions`,
    fields: () => ({ title: "Malformed", bodyText: "See the attachment.", idempotencyKey: "bodies-contribution-1" }),
    run: (f, request) => contributionAction({ request, params: { slug: f.slug }, context }),
    stored: (f) => prisma.contribution.count({ where: { consultation: { slug: f.slug } } }),
  },
  {
    name: "a new consultation's draft (/consultations/new)",
    who: "secretariat",
    field: "document",
    path: () => "/consultations/new",
    fields: (f) => ({
      title: "Malformed consultation",
      slug: `${f.slug}-new`,
      timeZone: "UTC",
      commentsVisibility: "during",
      label: "Draft 1",
      opensAt: "2026-01-01T09:00",
      closesAt: "2030-01-01T09:00",
    }),
    run: (_f, request) => newConsultationAction({ request, params: {}, context }),
    stored: (f) => prisma.consultation.count({ where: { slug: `${f.slug}-new` } }),
  },
  {
    name: "a new version (/consultations/$slug/upload)",
    who: "secretariat",
    field: "document",
    path: (f) => `/consultations/${f.slug}/upload`,
    fields: () => ({ label: "Malformed version", status: "closed" }),
    run: (f, request) => uploadAction({ request, params: { slug: f.slug }, context }),
    stored: (f) => prisma.version.count({ where: { consultation: { slug: f.slug } } }).then((n) => n - 1),
  },
  {
    name: "a commenting template (/consultations/$slug/comments/import)",
    who: "focal",
    field: "file",
    path: (f) => `/consultations/${f.slug}/comments/import`,
    fields: () => ({ version: "1" }),
    run: (f, request) => importAction({ request, params: { slug: f.slug }, context }),
    stored: (f) => prisma.comment.count({ where: { version: { consultation: { slug: f.slug } } } }),
  },
];

describe("malformed multipart bodies on every upload route", () => {
  for (const route of ROUTES) {
    it(`${route.name}: 400 errors.malformedBody, nothing stored`, async () => {
      const f = await accounts(`mp-${crypto.randomBytes(4).toString("hex")}`);
      for (const malformed of MALFORMED) {
        const request = post(
          route.path(f),
          f[route.who],
          malformed.body(route.fields(f), route.field),
          `multipart/form-data; boundary=${BOUNDARY}`,
        );
        const answer = await answerOf(await settle(() => route.run(f, request)));
        expect(answer, malformed.name).toMatchObject({ status: 400, key: "errors.malformedBody" });
        expect(await route.stored(f), malformed.name).toBe(0);
      }
    });
  }

  it("the same contribution, well formed, is stored (the cases above fail for their fault alone)", async () => {
    const f = await accounts(`ok-${crypto.randomBytes(4).toString("hex")}`);
    const route = ROUTES[0];
    const body = multipartText(route.fields(f), { field: "attachment", filename: "" }).replace(
      "%PDF-1.4 not really",
      "",
    );
    const request = post(route.path(f), f.focal, body, `multipart/form-data; boundary=${BOUNDARY}`);
    const answer = await answerOf(await settle(() => route.run(f, request)));
    expect(answer.status).toBe(302);
    expect(await route.stored(f)).toBe(1);
  });
});

describe("JSON posted to a form action", () => {
  const JSON_BODIES = [
    ["valid JSON", JSON.stringify({ intent: "create", email: "a@example.test", password: "x" })],
    ["invalid JSON", '{"intent": "create", '],
  ] as const;

  it("readFormData, which actions read their form with, answers 400 errors.malformedBody", async () => {
    for (const [name, body] of JSON_BODIES) {
      const answer = await answerOf(
        await settle(() => readFormData(post("/login", undefined, body, "application/json"))),
      );
      expect(answer, name).toMatchObject({ status: 400, key: "errors.malformedBody" });
    }
  });

  // Over HTTP such a request never gets this far (server/index.ts answers 415, tests/system/edges.test.ts);
  // the routes refuse it themselves too, reading their form through readFormData.
  it("sign-in answers 4xx and signs no one in", async () => {
    for (const [name, body] of JSON_BODIES) {
      const answer = await answerOf(
        await settle(() =>
          loginAction({ request: post("/login", undefined, body, "application/json"), params: {}, context }),
        ),
      );
      expect(answer.status, name).toBeGreaterThanOrEqual(400);
      expect(answer.status, name).toBeLessThan(500);
    }
  });

  it("the comment form answers 4xx and stores nothing", async () => {
    const f = await createInputsFixture(`json-${crypto.randomBytes(4).toString("hex")}`);
    const comment = JSON.stringify({
      intent: "create",
      paragraphKey: "1-1",
      type: "general",
      bodyText: "Posted as JSON.",
      idempotencyKey: "bodies-json-0001",
    });
    for (const body of [comment, comment.slice(0, 30)]) {
      const request = post(`/consultations/${f.slug}/versions/1`, f.cookie, body, "application/json");
      const answer = await answerOf(
        await settle(() => readerAction({ request, params: { slug: f.slug, n: "1" }, context })),
      );
      expect(answer.status).toBeGreaterThanOrEqual(400);
      expect(answer.status).toBeLessThan(500);
    }
    expect(await prisma.comment.count({ where: { authorId: f.user.id } })).toBe(0);
  });
});

/**
 * A 10 MiB multipart body that counts how much of it was read. Its first
 * part is malformed too (a `=` in the file name): parsed, it would answer
 * 400, not the refusal expected.
 */
function watchedUpload(field: string) {
  const CHUNK = 64 * 1024;
  const head = new TextEncoder().encode(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${field}"; filename="a=b.pdf"\r\n\r\n`,
  );
  let chunks = 0;
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        chunks++;
        if (chunks === 1) controller.enqueue(head);
        else if (chunks <= 160) controller.enqueue(new Uint8Array(CHUNK).fill(0x41));
        else controller.close();
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, pulled: () => chunks };
}

describe("an upload from someone who may not upload is refused before its body is read", () => {
  for (const route of ROUTES) {
    it(`${route.name}: 403 to an observer, sign-in to a signed-out visitor; at most one chunk read`, async () => {
      const f = await accounts(`role-${crypto.randomBytes(4).toString("hex")}`);
      for (const who of ["observer", "signed out"] as const) {
        const upload = watchedUpload(route.field);
        const cookie = who === "observer" ? f.observer : undefined;
        const request = post(route.path(f), cookie, upload.stream, `multipart/form-data; boundary=${BOUNDARY}`);
        const answer = await answerOf(await settle(() => route.run(f, request)));
        if (who === "observer") expect(answer.status, who).toBe(403);
        else {
          expect(answer.status, who).toBe(302);
          expect(answer.location, who).toMatch(/^\/login\?redirectTo=/);
        }
        expect(upload.pulled(), `${who}: chunks of the body read`).toBeLessThanOrEqual(1);
        expect(await route.stored(f)).toBe(0);
      }
    });
  }
});
