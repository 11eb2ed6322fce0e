/**
 * Issue 12's defences that live in server/index.ts, in front of Remix, tested
 * against the production build over HTTP: request bodies bounded before they
 * are read (413, 411), bodies that are not a form refused (415), signed-in
 * answers kept out of caches, the Permissions-Policy header, and the client
 * address a rate limit is keyed on (TRUST_PROXY). One server for most of the
 * file; the TRUST_PROXY=1 tests start a second one after the first stops (two
 * processes on one SQLite file get SQLITE_BUSY).
 */
import http from "node:http";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { ensureReferenceData } from "~/models/bootstrap.server";
import { createConsultation } from "~/models/consultation.server";
import { createUser, upsertOrganization } from "~/models/user.server";
import { createVersionFromImport } from "~/models/version.server";
import { prisma } from "~/utils/db.server";

import { postForm, signIn, startServer, type RunningServer } from "./harness";

const SLUG = "edges";
const READER = `/consultations/${SLUG}/versions/1`;
const EMAIL = "edges.focal@example.test";
const PASSWORD = "edges-system-test-password";
const DAY_MS = 24 * 60 * 60 * 1000;
const MiB = 1024 * 1024;
/** server/index.ts: MAX_FORM_BODY_BYTES and MAX_UPLOAD_BODY_BYTES. */
const FORM_LIMIT = 1 * MiB;
const UPLOAD_LIMIT = 24 * MiB;
const PERMISSIONS_POLICY =
  "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), display-capture=(), browsing-topics=()";

let server: RunningServer;
let cookie: string;

beforeAll(async () => {
  await ensureReferenceData();
  const now = Date.now();
  await createConsultation({ slug: SLUG, title: "Edges", status: "open", timeZone: "UTC" });
  await createVersionFromImport({
    consultationSlug: SLUG,
    documentSlug: "doc",
    documentTitle: "Edges document",
    label: "Draft 1",
    status: "open",
    publishedAt: new Date(now - 10 * DAY_MS),
    commentsOpenAt: new Date(now - DAY_MS),
    commentsCloseAt: new Date(now + 30 * DAY_MS),
    imported: {
      title: "Edges document",
      sections: [
        {
          number: "1",
          heading: "Introduction",
          level: 1,
          paragraphs: [{ key: "1-1", number: "1.1", text: "Member States are encouraged to cooperate." }],
        },
      ],
    },
  });
  const organization = await upsertOrganization({ name: "State of Edges", kind: "member_state" });
  // A focal point: no second factor, so a password is enough to sign in.
  await createUser({
    email: EMAIL,
    name: "Edna Edges",
    password: PASSWORD,
    role: "focal_point",
    organizationId: organization.id,
  });
  server = await startServer({ databaseUrl: process.env.DATABASE_URL! });
  // Before anything fails a sign-in from this address (the rate-limit tests below).
  cookie = await signIn(server.url, EMAIL, PASSWORD);
});

afterAll(async () => {
  await server?.stop();
});

interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * A POST whose headers go out at once and whose body is never sent (or, with
 * `chunk`, one chunk of a chunked body and never the end): an answer can only
 * come from a server that decided without reading the body.
 */
function postWithoutBody(
  url: string,
  pathname: string,
  headers: Record<string, string>,
  { chunk }: { chunk?: string } = {},
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const request = http.request(url + pathname, {
      method: "POST",
      headers: { Origin: url, "Content-Type": "application/x-www-form-urlencoded", ...headers },
    });
    const timer = setTimeout(() => {
      request.destroy();
      reject(new Error(`no answer to POST ${pathname} within 3 s: the server is waiting for the body`));
    }, 3_000);
    request.on("response", (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (text: string) => (body += text));
      response.on("end", () => {
        clearTimeout(timer);
        request.destroy();
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body });
      });
    });
    request.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    if (chunk !== undefined) request.write(chunk);
    else request.flushHeaders();
  });
}

describe("oversized request bodies", () => {
  it("answers 413 to a form POST declaring more than 1 MiB, without waiting for the body", async () => {
    const answer = await postWithoutBody(server.url, "/login", { "Content-Length": String(FORM_LIMIT + 1) });
    expect(answer.status).toBe(413);
    expect(answer.body).toBe("Request too large: the limit is 1024 KiB.");
    const reader = await postWithoutBody(server.url, READER, { "Content-Length": String(5 * MiB) });
    expect(reader.status).toBe(413);
  });

  it("allows an upload route 24 MiB and answers 413 above that, without waiting for the body", async () => {
    const path = `/consultations/${SLUG}/contributions`;
    const over = await postWithoutBody(server.url, path, {
      "Content-Length": String(UPLOAD_LIMIT + 1),
      "Content-Type": "multipart/form-data; boundary=x",
      Cookie: cookie,
    });
    expect(over.status).toBe(413);
    expect(over.body).toBe(`Request too large: the limit is ${24 * 1024} KiB.`);
    // Over the form limit but under the upload limit: not refused by size. The
    // signed-out visitor is sent to sign in before the body is read.
    const under = await postWithoutBody(server.url, path, {
      "Content-Length": String(2 * MiB),
      "Content-Type": "multipart/form-data; boundary=x",
    });
    expect(under.status).toBe(302);
    expect(under.headers.location).toMatch(/^\/login\?redirectTo=/);
  });

  it("lets a form of exactly 1 MiB through to the route", async () => {
    const start = "intent=no-such-intent&pad=";
    const body = start + "a".repeat(FORM_LIMIT - start.length);
    expect(Buffer.byteLength(body)).toBe(FORM_LIMIT);
    const response = await fetch(server.url + READER, {
      method: "POST",
      headers: { Origin: server.url, "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie },
      body,
      redirect: "manual",
    });
    // Read by the route, which refuses the form (400), not by the size check (413).
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
  });

  it("answers 411 to a chunked body without Content-Length, on form and upload routes alike", async () => {
    for (const path of ["/login", `/consultations/${SLUG}/contributions`]) {
      // Node sends Transfer-Encoding: chunked for a body written without a Content-Length.
      const answer = await postWithoutBody(server.url, path, { Cookie: cookie }, { chunk: "email=a%40b.test&" });
      expect(answer.status, path).toBe(411);
      expect(answer.body).toBe("Content-Length required.");
    }
  });
});

describe("bodies that are not a form", () => {
  const json = (path: string, body: string) =>
    fetch(server.url + path, {
      method: "POST",
      redirect: "manual",
      // The last case in the list: a form body with no Content-Type at all.
      headers: {
        Origin: server.url,
        Cookie: cookie,
        ...(body.startsWith("intent=") ? {} : { "Content-Type": "application/json" }),
      },
      body: new TextEncoder().encode(body),
    });

  it("answers 415 to JSON (valid or not) or an untyped body at sign-in and at the comment form", async () => {
    const before = await prisma.comment.count();
    const comment = JSON.stringify({
      intent: "create",
      paragraphKey: "1-1",
      type: "general",
      bodyText: "Posted as JSON.",
      idempotencyKey: "edges-json-0001",
    });
    for (const [path, body] of [
      ["/login", JSON.stringify({ email: EMAIL, password: PASSWORD })],
      ["/login", '{"email":'],
      [READER, comment],
      [`${READER}.data`, comment],
      [READER, "{not json"],
      [READER, "intent=create&paragraphKey=1-1"],
    ] as const) {
      const response = await json(path, body);
      expect(response.status, `${path} ${body}`).toBe(415);
      expect(response.headers.get("set-cookie"), path).toBeNull();
      await response.arrayBuffer();
    }
    expect(await prisma.comment.count()).toBe(before);
  });

  it("still takes the same comment as a form", async () => {
    const response = await postForm(
      server.url,
      READER,
      {
        intent: "create",
        paragraphKey: "1-1",
        type: "general",
        bodyText: "Posted as a form.",
        idempotencyKey: "edges-form-0001",
      },
      cookie,
    );
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toContain("saved=1");
  });
});

describe("Cache-Control", () => {
  const get = (path: string, withCookie: boolean) =>
    fetch(server.url + path, { headers: withCookie ? { Cookie: cookie } : {}, redirect: "manual" });

  it("keeps a signed-in page and its .data out of every cache", async () => {
    for (const path of [READER, `${READER}.data`, "/consultations", "/consultations.data"]) {
      const response = await get(path, true);
      await response.arrayBuffer();
      expect(response.status, path).toBe(200);
      expect(response.headers.get("cache-control"), path).toBe("private, no-store");
    }
    // The reader page as the signed-in person sees it, not the anonymous one.
    expect(await (await get(READER, true)).text()).toMatch(/Edna Edges/);
  });

  it("keeps anonymous public pages as they are: no private, no-store, and the page cache serves them", async () => {
    const first = await get(READER, false);
    await first.arrayBuffer();
    const second = await get(READER, false);
    await second.arrayBuffer();
    expect(first.status).toBe(200);
    for (const response of [first, second]) expect(response.headers.get("cache-control")).toBeNull();
    expect(second.headers.get("x-page-cache")).toBe("hit");
    const data = await get(`${READER}.data`, false);
    await data.arrayBuffer();
    expect(data.status).toBe(200);
    expect(data.headers.get("cache-control")).toBeNull();
  });
});

describe("Permissions-Policy", () => {
  it("denies camera, microphone, geolocation, payment, USB, serial, screen capture and Topics on HTML", async () => {
    for (const [path, withCookie] of [
      [READER, false], // rendered, or from the page cache
      [READER, false],
      [READER, true],
      ["/login", false],
      ["/no-such-page", false],
    ] as const) {
      const response = await fetch(server.url + path, { headers: withCookie ? { Cookie: cookie } : {} });
      await response.arrayBuffer();
      expect(response.headers.get("content-type"), path).toMatch(/^text\/html/);
      expect(response.headers.get("permissions-policy"), path).toBe(PERMISSIONS_POLICY);
    }
  });
});

/** A failed sign-in (an unknown account each time: only the per-address limit is in play). */
async function failedSignIn(url: string, n: string, forwardedFor: string) {
  const response = await fetch(`${url}/login`, {
    method: "POST",
    redirect: "manual",
    headers: {
      Origin: url,
      "Content-Type": "application/x-www-form-urlencoded",
      "X-Forwarded-For": forwardedFor,
    },
    body: new URLSearchParams({ email: `guess-${n}@example.test`, password: "wrong" }).toString(),
  });
  await response.arrayBuffer();
  return response.status;
}

describe("the sign-in rate limit's client address", () => {
  it("TRUST_PROXY unset: a rotating X-Forwarded-For does not escape the limit", async () => {
    const statuses: number[] = [];
    for (let i = 1; i <= 11; i++) statuses.push(await failedSignIn(server.url, `unset-${i}`, `198.51.100.${i}`));
    expect(statuses).toEqual([...Array<number>(10).fill(400), 429]);
  });

  describe("TRUST_PROXY=1 (one proxy in front)", () => {
    let proxied: RunningServer;
    beforeAll(async () => {
      await server.stop();
      proxied = await startServer({ databaseUrl: process.env.DATABASE_URL!, env: { TRUST_PROXY: "1" } });
    });
    afterAll(async () => {
      await proxied?.stop();
    });

    it("keys on the address the proxy appended: rotating the entries left of it escapes nothing", async () => {
      const statuses: number[] = [];
      for (let i = 1; i <= 11; i++) {
        statuses.push(await failedSignIn(proxied.url, `hop-${i}`, `198.51.100.${i}, 10.9.9.${i}, 203.0.113.50`));
      }
      expect(statuses).toEqual([...Array<number>(10).fill(400), 429]);
    });

    it("limits distinct client addresses appended by the proxy separately", async () => {
      // 203.0.113.50 is limited now; others, with the same forged prefix, are not.
      expect(await failedSignIn(proxied.url, "hop-a", "198.51.100.1, 203.0.113.50")).toBe(429);
      for (let i = 1; i <= 10; i++) {
        expect(await failedSignIn(proxied.url, `hop-other-${i}`, `198.51.100.1, 203.0.113.${60 + i}`)).toBe(400);
      }
      const statuses: number[] = [];
      for (let i = 1; i <= 11; i++) statuses.push(await failedSignIn(proxied.url, `hop-b-${i}`, "203.0.113.99"));
      expect(statuses).toEqual([...Array<number>(10).fill(400), 429]);
    });
  });
});
