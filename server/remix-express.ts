/**
 * Express ⇄ Fetch for the Remix handler: what `@remix-run/express` does
 * inside its `createRequestHandler`, which does not export these two
 * steps. The server needs them apart to put the page cache
 * (app/lib/page-cache.ts) between them.
 */
import { createReadableStreamFromReadable, writeReadableStreamToWritable } from "@remix-run/node";

import type express from "express";

/** The Fetch request for an Express request; aborted if the client goes away before the answer is written. */
export function toFetchRequest(req: express.Request, res: express.Response): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else headers.set(name, value);
  }
  // req.hostname honours "trust proxy"; the port comes from the forwarded or the real Host header.
  const port = [req.get("X-Forwarded-Host"), req.get("host")]
    .map((host) => Number.parseInt(host?.split(":")[1] ?? "", 10))
    .find((candidate) => Number.isSafeInteger(candidate));
  const url = new URL(`${req.protocol}://${req.hostname}${port ? `:${port}` : ""}${req.originalUrl}`);

  let controller: AbortController | null = new AbortController();
  res.on("finish", () => (controller = null));
  res.on("close", () => controller?.abort());
  const init: RequestInit & { duplex?: "half" } = { method: req.method, headers, signal: controller.signal };
  if (req.method !== "GET" && req.method !== "HEAD") {
    init.body = createReadableStreamFromReadable(req);
    init.duplex = "half";
  }
  return new Request(url.href, init);
}

/** Writes a Fetch response to Express's response, streaming the body. */
export async function sendFetchResponse(res: express.Response, response: Response) {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [name, value] of response.headers.entries()) res.append(name, value);
  if (/text\/event-stream/i.test(response.headers.get("Content-Type") ?? "")) res.flushHeaders();
  if (response.body) await writeReadableStreamToWritable(response.body, res);
  else res.end();
}
