import { PassThrough } from "node:stream";

import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { createInstance, type i18n } from "i18next";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";

import { i18nConfig, resources } from "./i18n";
import { remixI18n } from "./i18next.server";
import { logger } from "./utils/logger.server";
import { NonceProvider } from "./utils/nonce-provider";

import type { AppLoadContext, EntryContext } from "@remix-run/node";

const ABORT_DELAY = 5_000;

// One i18next instance per language, made once: the resources are bundled
// and never change, and building an instance (plural rules included) on
// every request cost more than rendering a short page.
const instances = new Map<string, Promise<i18n>>();
function serverI18n(lng: string) {
  let instance = instances.get(lng);
  if (!instance) {
    const created = createInstance();
    instance = created
      .use(initReactI18next)
      .init({ ...i18nConfig, resources, lng, ns: [i18nConfig.defaultNS] })
      .then(() => created);
    instances.set(lng, instance);
  }
  return instance;
}
export const streamTimeout = ABORT_DELAY;

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = typeof loadContext.cspNonce === "string" ? loadContext.cspNonce : "";
  const i18n = await serverI18n(await remixI18n.getLocale(request));

  // Bots and no-JS clients get the whole document at once; browsers stream.
  const readyEvent = isbot(request.headers.get("user-agent") ?? "") ? "onAllReady" : "onShellReady";

  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <I18nextProvider i18n={i18n}>
          <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
        </I18nextProvider>
      </NonceProvider>,
      {
        nonce,
        [readyEvent]() {
          shellRendered = true;
          const body = new PassThrough();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          );
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error instanceof Error ? error : new Error(String(error)));
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // Errors after the shell are logged; before it, onShellError rejects.
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, ABORT_DELAY + 1_000);
  });
}

/** Route errors as one JSON log line (not console text), never shown to the visitor. */
function describeThrown(value: unknown): string {
  try {
    return JSON.stringify(value) ?? typeof value;
  } catch {
    return typeof value;
  }
}

function isClientErrorResponse(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const status = (error as { status?: unknown }).status;
  return typeof status === "number" && status >= 400 && status < 500 && "statusText" in error;
}

export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return;
  // An answer a route gave on purpose (a 404 for an unknown address, a 403)
  // is not a fault: Remix hands it here as an error response with a status.
  if (isClientErrorResponse(error)) return;
  logger.error("route error", {
    method: request.method,
    path: new URL(request.url).pathname,
    error: error instanceof Error ? error.message : describeThrown(error),
    stack: error instanceof Error ? error.stack : undefined,
  });
}
