/**
 * The one way from a DomainError to HTTP. Routes never translate or build
 * error bodies themselves:
 *
 * ```ts
 * export async function loader({ request, params }: LoaderFunctionArgs) {
 *   const { user, headers } = await getSessionUser(request);
 *   const feedback = await orErrorResponse(getFeedback({ actor: user, slug: params.slug }), headers);
 *   return data(feedback, { headers });
 * }
 * export async function action({ request }: ActionFunctionArgs) {
 *   try { … } catch (error) { return actionFailure(error, headers); }
 * }
 * ```
 *
 * Bodies carry the message's i18n key and values, never English: the form
 * (action data) or the error boundary (thrown) translates them in the
 * reader's language.
 */
import {
  data,
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from "@remix-run/node";

import { DomainError, type Message } from "~/lib/errors";
import type { MessageKey } from "~/lib/translate";

import type { ZodError } from "zod";

/** What a thrown error response carries: the error boundary translates `message`. */
export interface ErrorBody {
  message: Message;
}

/** What an action answers when it refuses a form: shown next to the form and its fields. */
export interface FormFailure {
  formError: Message;
  fieldErrors: Record<string, MessageKey[] | undefined>;
  /**
   * What the person typed, echoed back so that a page rendered without
   * JavaScript keeps it (say, the email of a refused sign-in). Never a password.
   */
  typed?: Record<string, string>;
}

/**
 * A response for the error boundary (thrown from loaders and actions) or for
 * a resource route's client: JSON `{ message: { key, values } }`.
 */
export function errorResponse(status: number, message: Message, headers?: HeadersInit) {
  const responseHeaders = new Headers(headers);
  responseHeaders.set("Content-Type", "application/json; charset=utf-8");
  return new Response(JSON.stringify({ message } satisfies ErrorBody), { status, headers: responseHeaders });
}

/** Rethrows a DomainError as its response; anything else as it is. */
export function rethrowAsResponse(error: unknown, headers?: HeadersInit): never {
  if (error instanceof DomainError) throw errorResponse(error.status, error.userMessage, headers);
  throw error;
}

/** Awaits a model call, turning its DomainError into the response the error boundary shows. */
export async function orErrorResponse<T>(work: Promise<T>, headers?: HeadersInit): Promise<T> {
  try {
    return await work;
  } catch (error) {
    rethrowAsResponse(error, headers);
  }
}

/** An action's answer to a DomainError (status, message, field errors); anything else is rethrown. */
export function actionFailure(error: unknown, headers?: HeadersInit) {
  if (!(error instanceof DomainError)) throw error;
  return data<FormFailure>(
    { formError: error.userMessage, fieldErrors: error.fieldErrors },
    { status: error.status, headers },
  );
}

/** A form refused before any model call: unparseable or invalid fields (Zod messages are i18n keys). */
/**
 * A form refused without a DomainError: unparseable or invalid fields, a
 * rate limit (429, with a Retry-After header), or a model's answer that is
 * not an error (an invitation link that is gone: 404/410).
 */
export function formFailure(
  status: 400 | 404 | 409 | 410 | 413 | 422 | 429 | 503,
  formError: Message,
  fieldErrors: FormFailure["fieldErrors"] = {},
  headers?: HeadersInit,
  typed?: FormFailure["typed"],
) {
  return data<FormFailure>({ formError, fieldErrors, ...(typed ? { typed } : {}) }, { status, headers });
}

/** A rate limit's refusal as a form failure: 429, the message with its {{seconds}}, and Retry-After. */
export function rateLimitFailure(key: MessageKey, retryAfterSeconds: number, headers?: HeadersInit) {
  const merged = new Headers(headers);
  merged.set("Retry-After", String(retryAfterSeconds));
  return formFailure(429, { key, values: { seconds: retryAfterSeconds } }, {}, merged);
}

/** A Zod validation failure as a form failure: "check the highlighted fields" and each field's keys. */
export function validationFailure(error: ZodError, headers?: HeadersInit, typed?: FormFailure["typed"]) {
  const fieldErrors = error.flatten().fieldErrors as FormFailure["fieldErrors"];
  return formFailure(400, { key: "errors.checkFields" }, fieldErrors, headers, typed);
}

/** The thrown answer to a body that is not a form at all: 400, and nothing was done. */
function malformedBody(headers?: HeadersInit) {
  return errorResponse(400, { key: "errors.malformedBody" }, headers);
}

/**
 * The request's form, or a thrown 400 when the body cannot be parsed (a
 * truncated multipart body, JSON sent to a form action, a broken boundary):
 * a parser's exception would otherwise answer 500.
 */
export async function readFormData(request: Request, headers?: HeadersInit): Promise<FormData> {
  try {
    return await request.formData();
  } catch {
    throw malformedBody(headers);
  }
}

/**
 * A multipart form held in memory, each part at most `maxPartSize` bytes:
 * MaxPartSizeExceededError (for the route's own 413) or a thrown 400 when
 * the body is malformed (a `=` inside a file name, a truncated body, a
 * boundary other than the declared one).
 */
export async function readMultipartForm(
  request: Request,
  { maxPartSize, headers }: { maxPartSize: number; headers?: HeadersInit },
): Promise<FormData> {
  if (!(request.headers.get("Content-Type") ?? "").toLowerCase().startsWith("multipart/form-data")) {
    throw malformedBody(headers);
  }
  let form: FormData;
  try {
    form = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize }));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) throw error;
    throw malformedBody(headers);
  }
  if (isEmptyForm(form)) throw malformedBody(headers);
  return form;
}

/**
 * No part at all: the parser found no delimiter of the declared boundary
 * (the body uses another one) and, unlike for a truncated body, does not
 * throw. No form of the app is ever sent empty.
 */
export function isEmptyForm(form: FormData): boolean {
  return form.keys().next().done === true;
}
