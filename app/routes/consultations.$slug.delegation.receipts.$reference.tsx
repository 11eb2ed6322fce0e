import { data } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PrintButton } from "~/components/print-button";
import { remixI18n } from "~/i18next.server";
import { isCommentType } from "~/lib/comment-types";
import { formatInstant } from "~/lib/dates";
import { getReceipt } from "~/models/submission.server";
import { requireUser } from "~/utils/auth.server";
import { orErrorResponse } from "~/utils/http.server";

import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? [{ title: data.metaTitle }] : (matches[0]?.meta ?? []);

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, headers } = await requireUser(request);
  const receipt = await orErrorResponse(
    getReceipt({
      actor: user,
      slug: params.slug ?? "",
      reference: params.reference ?? "",
      clientAddress: context.clientAddress,
    }),
    headers,
  );
  const t = await remixI18n.getFixedT(request);
  return data(
    {
      metaTitle: t("receipt.metaTitle", { reference: receipt.reference }),
      receipt: {
        ...receipt,
        submittedAtText: formatInstant(receipt.createdAt, receipt.consultation.timeZone),
      },
      isMember: user.organization?.id === receipt.organizationId,
    },
    { headers, status: 200 },
  );
}

/** A submission's receipt: printable, and downloadable as PDF and Word. */
export default function ReceiptPage() {
  const { receipt, isMember } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const [search] = useSearchParams();
  const submitted = Number(search.get("submitted") ?? "0");
  const base = `/consultations/${receipt.consultation.slug}/delegation`;
  const files = `${base}/receipts/${receipt.reference}`;
  const reader = `/consultations/${receipt.consultation.slug}/versions`;
  return (
    <div className="receipt">
      {submitted > 0 ? (
        <p className="notice" role="status">
          {t("workspace.submitted", { count: submitted, reference: receipt.reference })}
        </p>
      ) : null}
      {search.has("duplicate") ? (
        <p className="notice" role="status">
          {t("workspace.duplicate", { reference: receipt.reference })}
        </p>
      ) : null}
      <h1>{t("receipt.title", { reference: receipt.reference })}</h1>
      <dl className="receipt-facts">
        <dt>{t("receipt.consultation")}</dt>
        <dd>{receipt.consultation.title}</dd>
        <dt>{t("receipt.organization")}</dt>
        <dd>{receipt.organization?.name ?? t("receipt.unknown")}</dd>
        <dt>{t("receipt.submittedBy")}</dt>
        <dd>{receipt.submittedBy?.name ?? t("receipt.unknown")}</dd>
        <dt>{t("receipt.submittedAt")}</dt>
        <dd>
          <time dateTime={new Date(receipt.createdAt).toISOString()}>{receipt.submittedAtText}</time>
        </dd>
      </dl>
      <p className="receipt-actions no-print">
        <PrintButton /> <a href={`${files}/pdf`}>{t("receipt.pdf")}</a>{" "}
        <a href={`${files}/docx`}>{t("receipt.docx")}</a>
        {isMember ? (
          <>
            {" "}
            <Link to={base}>{t("receipt.back")}</Link>
          </>
        ) : null}
      </p>
      <h2>{t("receipt.count", { count: receipt.comments.length })}</h2>
      <div className="table-scroll">
        <table className="receipt-table">
          <thead>
            <tr>
              <th scope="col">{t("receipt.tracking")}</th>
              <th scope="col">{t("receipt.paragraph")}</th>
              <th scope="col">{t("receipt.type")}</th>
              <th scope="col">{t("receipt.text")}</th>
            </tr>
          </thead>
          <tbody>
            {receipt.comments.map((comment) => (
              <tr key={comment.id}>
                <td className="nowrap">{comment.trackingNumber}</td>
                <td>
                  {comment.paragraph ? (
                    <Link
                      to={`${reader}/${comment.version.number}?p=${comment.paragraph.key}#p-${comment.paragraph.key}`}
                    >
                      {comment.paragraph.number ?? comment.paragraph.key}
                    </Link>
                  ) : null}
                </td>
                <td>{isCommentType(comment.type) ? t(`comments.types.${comment.type}`) : comment.type}</td>
                <td>
                  {/* Rendered from validated JSON and sanitized on the server (app/lib/richtext). */}
                  <div className="comment-body" dir="auto" dangerouslySetInnerHTML={{ __html: comment.bodyHtml }} />
                  {comment.proposedText ? <p>{t("receipt.proposed", { text: comment.proposedText })}</p> : null}
                  {comment.status === "withdrawn" && comment.withdrawalReason ? (
                    <p className="comment-withdrawal">
                      {t("receipt.withdrawnNote", { reason: comment.withdrawalReason })}
                    </p>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
