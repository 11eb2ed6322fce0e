/**
 * The test data service: the end-to-end fixtures create their rows through
 * this, and it runs inside the e2e server's own process
 * (tests/setup/e2e-server.mjs loads it before the app), on the app's own
 * Prisma client (app/utils/db.server keeps one per process on globalThis;
 * the server bundle then reuses it).
 *
 * Why not a Prisma client in each test worker: on SQLite, the app is built
 * for one process, one connection. Its transactions start with BEGIN
 * (deferred), and several of them read before they write (an invitation
 * checks the email first, an import upserts its document first). When
 * another connection commits in between — a test worker creating its
 * consultation while another test invites someone — SQLite refuses the
 * upgrade at once with SQLITE_BUSY_SNAPSHOT ("database is locked"; the busy
 * timeout does not apply), and the app answers 500. Writing through the
 * server's connection keeps the database single-writer, as in production;
 * on PostgreSQL it is simply the same path.
 *
 * Transport: HTTP over a Unix socket in the OS temp folder, named after
 * the run's port (E2E_DATA_SOCKET, decided by playwright.config.ts): only
 * local processes of this user reach it, and the app's own port serves
 * nothing new.
 */
import fs from "node:fs";
import http from "node:http";

import { prisma } from "~/utils/db.server";

import {
  addSubmittedComments,
  createGcaConsultation,
  createOrganization,
  createRealPairConsultation,
  createSessionCookie,
  createUser,
  removeRows,
  warmUp,
} from "./data";
import { openVersionForComments } from "./editions-data";

/** The operations the fixtures call (tests/e2e/support/data-client.ts): JSON in, JSON out. */
export const operations = {
  createOrganization: (input: Parameters<typeof createOrganization>[1]) => createOrganization(prisma, input),
  createUser: (input: Parameters<typeof createUser>[1]) => createUser(prisma, input),
  createSessionCookie: (input: Parameters<typeof createSessionCookie>[0]) => createSessionCookie(input),
  createGcaConsultation: (input: Parameters<typeof createGcaConsultation>[0]) => createGcaConsultation(input),
  createRealPairConsultation: (input: Parameters<typeof createRealPairConsultation>[0]) =>
    createRealPairConsultation(input),
  addSubmittedComments: (input: Parameters<typeof addSubmittedComments>[1]) => addSubmittedComments(prisma, input),
  removeRows: (input: Parameters<typeof removeRows>[1]) => removeRows(prisma, input),
  openVersionForComments: (input: Parameters<typeof openVersionForComments>[1]) =>
    openVersionForComments(prisma, input),
};
export type Operations = typeof operations;

function isOperation(name: string): name is keyof Operations {
  return Object.prototype.hasOwnProperty.call(operations, name);
}

async function readBody(request: http.IncomingMessage) {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** Listens on `socketPath` (replacing a stale socket file); parses the GCA texts first. */
export async function startDataService(socketPath: string) {
  await warmUp();
  fs.rmSync(socketPath, { force: true });
  const server = http.createServer((request, response) => {
    const name = (request.url ?? "").slice(1);
    const reply = (status: number, body: unknown) => {
      response.writeHead(status, { "Content-Type": "application/json" });
      response.end(JSON.stringify(body ?? null));
    };
    if (request.method !== "POST" || !isOperation(name)) {
      reply(404, { error: `No operation ${request.method} /${name}` });
      return;
    }
    readBody(request)
      .then((body) => (operations[name] as (input: unknown) => Promise<unknown>)(JSON.parse(body)))
      .then(
        (result) => reply(200, result),
        (error: unknown) =>
          reply(500, { error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
      );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(socketPath, resolve);
  });
  fs.chmodSync(socketPath, 0o600);
  // Never the reason the process stays up: the app's server is.
  server.unref();
  return server;
}
