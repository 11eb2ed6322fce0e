import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Fragment } from "react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { remixI18n } from "~/i18next.server";
import { formatInstant } from "~/lib/dates";
import { DomainError } from "~/lib/errors";
import { isOutboxStatus } from "~/lib/mail/statuses";
import { getOutgoingMail, MAIL_PERMISSION } from "~/models/outgoing-mail.server";
import { requirePermission } from "~/utils/auth.server";
import { orErrorResponse } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction<typeof loader> = (args) => [pageTitle(args)];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { clientAddress } = context;
  const { user: actor, headers } = await requirePermission(request, MAIL_PERMISSION, { clientAddress });
  const [t, message] = await Promise.all([
    remixI18n.getFixedT(request),
    orErrorResponse(
      getOutgoingMail({ actor, id: params.id ?? "", clientAddress }).then((row) => {
        if (!row) throw new DomainError(404, "errors.notFound");
        return row;
      }),
      headers,
    ),
  ]);
  const extraHeaders = Object.entries(JSON.parse(message.headers) as Record<string, string>);
  return data({ metaTitle: `${t("mail.message.title")}: ${message.subject}`, message, extraHeaders }, { headers });
}

export default function OutgoingMessagePage() {
  const { message, extraHeaders } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  return (
    <div className="page mail-message-page">
      <p>
        <Link to="..">{t("mail.message.back")}</Link>
      </p>
      <h1>
        <bdi>{message.subject}</bdi>
      </h1>
      <dl className="facts">
        <dt>{t("mail.columns.to")}</dt>
        <dd>
          <bdi>{message.toName ? `${message.toName} <${message.toAddress}>` : message.toAddress}</bdi>
        </dd>
        <dt>{t("mail.columns.queued")}</dt>
        <dd>{formatInstant(message.createdAt, "UTC", i18n.language)}</dd>
        <dt>{t("mail.columns.status")}</dt>
        <dd>
          {isOutboxStatus(message.status) ? t(`mail.status.${message.status}`) : message.status}
          {message.sentAt
            ? ` · ${t("mail.sentAt", { date: formatInstant(message.sentAt, "UTC", i18n.language) })}`
            : null}
        </dd>
        <dt>{t("mail.columns.attempts")}</dt>
        <dd>{message.attempts}</dd>
        <dt>{t("mail.message.kind")}</dt>
        <dd>{message.kind}</dd>
        <dt>{t("mail.message.messageId")}</dt>
        <dd>
          <code>{message.messageId}</code>
        </dd>
        {message.lastError ? (
          <>
            <dt>{t("mail.message.lastError")}</dt>
            <dd>
              <bdi>{message.lastError}</bdi>
            </dd>
          </>
        ) : null}
        {extraHeaders.map(([name, value]) => (
          <Fragment key={name}>
            <dt>{name}</dt>
            <dd>
              <code>{value}</code>
            </dd>
          </Fragment>
        ))}
      </dl>
      <h2>{t("mail.message.text")}</h2>
      {/* The plain-text part, shown as text: the HTML part is never rendered here. */}
      <pre className="mail-text" dir="auto">
        {message.text}
      </pre>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
