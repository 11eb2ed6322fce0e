import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { remixI18n } from "~/i18next.server";
import { formatInstant } from "~/lib/dates";
import { isOutboxStatus, OUTBOX_STATUSES } from "~/lib/mail/statuses";
import { listOutgoingMail, MAIL_PERMISSION } from "~/models/outgoing-mail.server";
import { requirePermission } from "~/utils/auth.server";
import { orErrorResponse } from "~/utils/http.server";
import { configuredTransportKind, mailDirectory } from "~/utils/mailer.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction<typeof loader> = (args) => [pageTitle(args)];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { clientAddress } = context;
  const { user: actor, headers } = await requirePermission(request, MAIL_PERMISSION, { clientAddress });
  const url = new URL(request.url);
  const statusParam = url.searchParams.get("status") ?? "";
  const status = isOutboxStatus(statusParam) ? statusParam : undefined;
  const pageParam = Number(url.searchParams.get("page") ?? "1");
  const page = Number.isInteger(pageParam) && pageParam >= 1 && pageParam <= 10_000 ? pageParam : 1;
  const [t, list] = await Promise.all([
    remixI18n.getFixedT(request),
    orErrorResponse(listOutgoingMail({ actor, status, page, clientAddress }), headers),
  ]);
  return data(
    {
      metaTitle: t("mail.title"),
      ...list,
      status: status ?? null,
      page,
      transport: configuredTransportKind(),
      directory: mailDirectory(),
    },
    { headers },
  );
}

export default function OutgoingMailPage() {
  const { messages, counts, hasMore, status, page, transport, directory } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const total = Object.values(counts).reduce((sum = 0, n = 0) => sum + n, 0) ?? 0;
  const href = (next: { status?: string | null; page?: number }) => {
    const query = new URLSearchParams();
    if (next.status) query.set("status", next.status);
    if (next.page && next.page > 1) query.set("page", String(next.page));
    const text = query.toString();
    return text ? `?${text}` : ".";
  };
  return (
    <div className="page mail-page">
      <h1>{t("mail.title")}</h1>
      <p className="lead">{t("mail.intro")}</p>
      <p>{transport === "smtp" ? t("mail.transport.smtp") : t("mail.transport.files", { directory })}</p>
      <nav aria-label={t("mail.filter")}>
        <ul className="filter-links">
          <li>
            <Link to={href({})} aria-current={status === null ? "page" : undefined}>
              {t("mail.all", { count: total })}
            </Link>
          </li>
          {OUTBOX_STATUSES.map((value) => (
            <li key={value}>
              <Link to={href({ status: value })} aria-current={status === value ? "page" : undefined}>
                {t("mail.statusWithCount", { status: t(`mail.status.${value}`), count: counts[value] ?? 0 })}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {messages.length === 0 ? (
        <p>{t("mail.empty")}</p>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby="mail-table-caption" tabIndex={0}>
          <table>
            <caption id="mail-table-caption" className="visually-hidden">
              {t("mail.title")}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t("mail.columns.queued")}</th>
                <th scope="col">{t("mail.columns.to")}</th>
                <th scope="col">{t("mail.columns.subject")}</th>
                <th scope="col">{t("mail.columns.status")}</th>
                <th scope="col">{t("mail.columns.attempts")}</th>
              </tr>
            </thead>
            <tbody>
              {messages.map((message) => (
                <tr key={message.id}>
                  <td>{formatInstant(message.createdAt, "UTC", i18n.language)}</td>
                  <td>
                    <bdi>{message.toName ? `${message.toName} <${message.toAddress}>` : message.toAddress}</bdi>
                  </td>
                  <td>
                    <Link to={message.id}>
                      <bdi>{message.subject}</bdi>
                    </Link>
                  </td>
                  <td>
                    <span className={`badge badge-mail-${message.status}`}>
                      {isOutboxStatus(message.status) ? t(`mail.status.${message.status}`) : message.status}
                    </span>{" "}
                    {message.status === "pending" && message.attempts > 0
                      ? t("mail.nextAttempt", { date: formatInstant(message.nextAttemptAt, "UTC", i18n.language) })
                      : null}
                    {message.sentAt
                      ? t("mail.sentAt", { date: formatInstant(message.sentAt, "UTC", i18n.language) })
                      : null}
                    {message.lastError && message.status !== "sent" ? (
                      <span className="field-error">
                        {" "}
                        <bdi>{message.lastError}</bdi>
                      </span>
                    ) : null}
                  </td>
                  <td>{message.attempts}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav className="pager" aria-label={t("mail.title")}>
        {page > 1 ? <Link to={href({ status, page: page - 1 })}>{t("mail.newer")}</Link> : null}
        {hasMore ? <Link to={href({ status, page: page + 1 })}>{t("mail.more")}</Link> : null}
      </nav>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
