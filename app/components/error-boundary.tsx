import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/**
 * The one error view every route uses. Known HTTP errors (404, 403, 409…)
 * show their message; anything else shows a generic text, never a stack.
 */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  let title = t("errors.genericTitle");
  let message = t("errors.generic");
  if (isRouteErrorResponse(error)) {
    if (error.status === 404) {
      title = t("errors.notFoundTitle");
      message = typeof error.data === "string" && error.data ? error.data : t("errors.notFound");
    } else if (error.status === 403) {
      title = t("errors.forbiddenTitle");
      message = typeof error.data === "string" && error.data ? error.data : t("errors.forbidden");
    } else if (typeof error.data === "string" && error.data) {
      message = error.data;
    }
  } else if (typeof document === "undefined") {
    console.error(error);
  }
  return (
    <section className="error-page" aria-labelledby="error-title">
      <h1 id="error-title">{title}</h1>
      <p>{message}</p>
      <p>
        <Link to="/consultations">{t("errors.backHome")}</Link>
      </p>
    </section>
  );
}
