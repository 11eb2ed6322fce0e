import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useRef } from "react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormError } from "~/components/field";
import { useConfirmation } from "~/components/use-confirmation";
import { WorkspaceComment } from "~/components/workspace-comment";
import { remixI18n } from "~/i18next.server";
import { COMMENT_STATUSES, COMMENT_TYPES } from "~/lib/comment-types";
import { formatInstant } from "~/lib/dates";
import { getDelegationWorkspace, listDraftsForConfirmation, parseWorkspaceFilters } from "~/models/delegation.server";
import { submitDrafts } from "~/models/submission.server";
import { requireUser } from "~/utils/auth.server";
import { actionFailure, orErrorResponse, readFormData } from "~/utils/http.server";

import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? [{ title: data.metaTitle }] : (matches[0]?.meta ?? []);

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, headers } = await requireUser(request);
  const slug = params.slug ?? "";
  const search = new URL(request.url).searchParams;
  const filters = parseWorkspaceFilters(search);
  const workspace = await orErrorResponse(
    getDelegationWorkspace({ actor: user, slug, filters, clientAddress: context.clientAddress }),
    headers,
  );
  // The confirmation step (GET ?review=1&c=…): exactly what would become official.
  const review =
    search.has("review") && workspace.canSubmitDrafts
      ? await listDraftsForConfirmation({ actor: user, slug, commentIds: search.getAll("c"), all: search.has("all") })
      : null;
  const t = await remixI18n.getFixedT(request);
  return data(
    {
      metaTitle: t("workspace.metaTitle", {
        organization: workspace.organization.name,
        title: workspace.consultation.title,
      }),
      workspace,
      filters,
      review,
    },
    { headers },
  );
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, headers } = await requireUser(request);
  const slug = params.slug ?? "";
  const form = await readFormData(request);
  const ids = form.getAll("c").filter((value): value is string => typeof value === "string");
  try {
    const { clientAddress } = context;
    const result = await submitDrafts({ actor: user, slug, commentIds: ids, clientAddress, request });
    const flag = result.duplicate ? "duplicate=1" : `submitted=${result.submitted}`;
    return redirect(`/consultations/${slug}/delegation/receipts/${result.reference}?${flag}`, { headers });
  } catch (error) {
    return actionFailure(error, headers);
  }
}

export default function DelegationWorkspace() {
  const { workspace, filters, review } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const { t, i18n } = useTranslation();
  const { consultation, organization } = workspace;
  const base = `/consultations/${consultation.slug}`;
  const here = `${base}/delegation`;
  return (
    <div className="workspace">
      <p className="breadcrumb">
        <Link to={base}>{consultation.title}</Link>
      </p>
      <h1>{t("workspace.title", { organization: organization.name })}</h1>
      <p>{t("workspace.intro", { title: consultation.title })}</p>
      {workspace.deadline ? (
        <p className="deadline">
          {t("workspace.deadline", { date: formatInstant(workspace.deadline, consultation.timeZone, i18n.language) })}
        </p>
      ) : (
        <p className="deadline">{t("workspace.closed")}</p>
      )}
      <p>{t("workspace.counts", workspace.statusCounts)}</p>
      {workspace.open ? (
        <p>
          <Link to={`${here}/import`}>{t("workspace.importWord")}</Link>
        </p>
      ) : null}
      <FormError message={failure?.formError} />
      {review ? (
        <Confirmation review={review} organization={organization.name} back={here} />
      ) : (
        <>
          <Filters filters={filters} authors={workspace.authors} />
          <CommentList workspace={workspace} here={here} />
        </>
      )}
      <section aria-labelledby="receipts-title" className="workspace-receipts">
        <h2 id="receipts-title">{t("workspace.receipts")}</h2>
        {workspace.receipts.length === 0 ? (
          <p>{t("workspace.noReceipts")}</p>
        ) : (
          <ul>
            {workspace.receipts.map((receipt) => (
              <li key={receipt.reference}>
                <Link to={`${here}/receipts/${receipt.reference}`}>
                  {t("workspace.receiptLine", {
                    reference: receipt.reference,
                    count: receipt._count.comments,
                    date: formatInstant(receipt.createdAt, consultation.timeZone, i18n.language),
                    name: receipt.submittedBy?.name ?? t("receipt.unknown"),
                  })}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

function Filters({
  filters,
  authors,
}: {
  filters: LoaderData["filters"];
  authors: LoaderData["workspace"]["authors"];
}) {
  const { t } = useTranslation();
  return (
    <Form method="get" className="workspace-filters" aria-label={t("workspace.filters")}>
      <div>
        <label htmlFor="ws-status">{t("workspace.filterStatus")}</label>
        <select id="ws-status" name="status" defaultValue={filters.status}>
          <option value="">{t("workspace.all")}</option>
          {COMMENT_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`comments.status.${status}`)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="ws-type">{t("workspace.filterType")}</label>
        <select id="ws-type" name="type" defaultValue={filters.type}>
          <option value="">{t("workspace.all")}</option>
          {COMMENT_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`comments.types.${type}`)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="ws-author">{t("workspace.filterAuthor")}</label>
        <select id="ws-author" name="author" defaultValue={filters.author}>
          <option value="">{t("workspace.all")}</option>
          {authors.map((author) => (
            <option key={author.id} value={author.id}>
              {author.name}
            </option>
          ))}
        </select>
      </div>
      <div className="workspace-filter-actions">
        <button type="submit">{t("workspace.apply")}</button> <Link to=".">{t("workspace.clear")}</Link>
      </div>
    </Form>
  );
}

function CommentList({ workspace, here }: { workspace: LoaderData["workspace"]; here: string }) {
  const { t } = useTranslation();
  const { consultation } = workspace;
  const selectable = workspace.canSubmitDrafts;
  const hasDrafts = workspace.groups.some((group) => group.comments.some((comment) => comment.status === "draft"));
  if (workspace.total === 0) {
    const filtered = Object.values(workspace.statusCounts).some((count) => count > 0);
    return <p>{filtered ? t("workspace.none") : t("workspace.noneYet")}</p>;
  }
  return (
    <>
      {selectable && hasDrafts ? (
        <Form method="get" id="ws-selection" className="workspace-selection">
          <input type="hidden" name="review" value="1" />
          <p className="hint">{t("workspace.reviewHint")}</p>
          <label className="checkbox">
            <input
              type="checkbox"
              name="all"
              value="1"
              onChange={(event) => {
                const checked = event.currentTarget.checked;
                document
                  .querySelectorAll<HTMLInputElement>('input[form="ws-selection"][name="c"]')
                  .forEach((box) => (box.checked = checked));
              }}
            />{" "}
            {t("workspace.selectAll")}
          </label>{" "}
          <button type="submit" className="workspace-review-button">
            {t("workspace.review")}
          </button>
        </Form>
      ) : !selectable && hasDrafts ? (
        <p className="hint">{t("workspace.delegateHint")}</p>
      ) : null}
      {workspace.truncated ? <p className="hint">{t("workspace.truncated", { count: workspace.total })}</p> : null}
      {workspace.groups.map((group) => {
        const number = group.number ?? group.paragraphKey ?? "";
        const reader = group.paragraphKey
          ? readerLink(consultation.slug, group.versionNumber, group.paragraphKey)
          : null;
        return (
          <section key={group.key} className="workspace-paragraph" aria-labelledby={`ws-${group.key}`}>
            <h2 id={`ws-${group.key}`}>
              {group.paragraphKey ? t("workspace.paragraph", { number }) : t("workspace.noParagraph")}
            </h2>
            {reader ? (
              <p>
                <Link to={reader}>{t("workspace.openInReader", { number })}</Link>
              </p>
            ) : null}
            <ol className="comment-list">
              {group.comments.map((comment) => (
                <li key={comment.id}>
                  <WorkspaceComment
                    comment={comment}
                    selectable={selectable && comment.canSubmit}
                    readerPath={reader}
                    returnTo={here}
                    timeZone={consultation.timeZone}
                  />
                </li>
              ))}
            </ol>
          </section>
        );
      })}
    </>
  );
}

function Confirmation({
  review,
  organization,
  back,
}: {
  review: NonNullable<LoaderData["review"]>;
  organization: string;
  back: string;
}) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const heading = useRef<HTMLHeadingElement>(null);
  useConfirmation({ heading, cancelHref: back, returnFocusTo: ".workspace-review-button" });
  if (review.length === 0) {
    return (
      <section className="workspace-confirm" aria-labelledby="confirm-title">
        <h2 id="confirm-title" tabIndex={-1} ref={heading}>
          {t("workspace.confirm.title")}
        </h2>
        <p>{t("workspace.confirm.nothing")}</p>
        <Link to={back}>{t("workspace.confirm.cancel")}</Link>
      </section>
    );
  }
  return (
    <section className="workspace-confirm" aria-labelledby="confirm-title">
      <h2 id="confirm-title" tabIndex={-1} ref={heading}>
        {t("workspace.confirm.title")}
      </h2>
      <p>{t("workspace.confirm.lead", { count: review.length, organization })}</p>
      <ol>
        {review.map((draft) => (
          <li key={draft.id}>
            <strong>
              {t("workspace.paragraph", { number: draft.paragraph?.number ?? draft.paragraph?.key ?? "" })}
            </strong>{" "}
            · {t(`comments.types.${draft.type as "general"}`)} · {draft.author?.name ?? ""}
            <br />
            <span dir="auto">{draft.bodyText.length > 160 ? `${draft.bodyText.slice(0, 160)}…` : draft.bodyText}</span>
          </li>
        ))}
      </ol>
      <p>{t("workspace.confirm.after")}</p>
      <Form method="post">
        {review.map((draft) => (
          <input key={draft.id} type="hidden" name="c" value={draft.id} />
        ))}
        <button type="submit" disabled={navigation.state !== "idle"}>
          {t("workspace.confirm.submit", { count: review.length })}
        </button>{" "}
        <Link to={back}>{t("workspace.confirm.cancel")}</Link>
      </Form>
    </section>
  );
}

/** A paragraph in the reader, its panel open. */
function readerLink(slug: string, versionNumber: number, key: string) {
  return `/consultations/${slug}/versions/${versionNumber}?p=${key}#p-${key}`;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
