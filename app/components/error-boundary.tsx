import { isRouteErrorResponse, Link, useRouteError, type ErrorResponse } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import type { Message } from "~/lib/errors";
import { translateMessage } from "~/lib/translate-message";

import type { ReactNode } from "react";

/** A route's own view of one status (say, 404 with a link back to the consultation). */
export type StatusHandler = (error: ErrorResponse) => ReactNode;

/** The message an error response carries (app/utils/http.server.ts), if any. */
export function errorMessage(error: unknown): Message | null {
  if (!isRouteErrorResponse(error)) return null;
  const body: unknown = error.data;
  if (typeof body !== "object" || body === null || !("message" in body)) return null;
  const message = body.message;
  if (typeof message !== "object" || message === null || typeof (message as Message).key !== "string") return null;
  return message as Message;
}

/**
 * The one error view every route uses. Known HTTP errors (404, 403, 409…)
 * show their translated message (the body's i18n key, from a DomainError);
 * anything else a generic text, never a stack or a raw response body.
 * `statusHandlers` lets a route show its own view for a status.
 */
export function GeneralErrorBoundary({ statusHandlers = {} }: { statusHandlers?: Record<number, StatusHandler> }) {
  const error = useRouteError();
  const { t } = useTranslation();
  if (isRouteErrorResponse(error) && statusHandlers[error.status]) {
    return <section className="error-page">{statusHandlers[error.status](error)}</section>;
  }
  let title: string = t("errors.genericTitle");
  let text: string = t("errors.generic");
  if (isRouteErrorResponse(error)) {
    const message = errorMessage(error);
    if (error.status === 404) {
      title = t("errors.notFoundTitle");
      text = t("errors.notFound");
    } else if (error.status === 403) {
      title = t("errors.forbiddenTitle");
      text = t("errors.forbidden");
    }
    if (message) text = translateMessage(t, message);
  } else if (typeof document === "undefined") {
    console.error(error);
  }
  return (
    <section className="error-page" aria-labelledby="error-title">
      <h1 id="error-title">{title}</h1>
      <p>{text}</p>
      <p>
        <Link to="/consultations">{t("errors.backHome")}</Link>
      </p>
    </section>
  );
}
