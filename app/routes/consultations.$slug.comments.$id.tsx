import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FormError } from "~/components/field";
import { MAX_WITHDRAWAL_REASON } from "~/lib/comment-types";
import { getCommentForAction } from "~/models/comment-read.server";
import { restoreComment, submitComment, withdrawComment } from "~/models/comment.server";
import { getSessionUser, requireUser, safeRedirectPath } from "~/utils/auth.server";
import { actionFailure, orErrorResponse, rateLimitFailure, readFormData, validationFailure } from "~/utils/http.server";
import { consumeCommentWrite } from "~/utils/rate-limit.server";

import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";

/**
 * One comment's actions: submit (as the organization's official comment),
 * withdraw (with a reason once official) and restore (undo a withdrawal).
 * POST answers a redirect to `returnTo` (a same-site path) for plain forms,
 * or JSON when there is none (fetchers). GET `?intent=withdraw` is the
 * withdrawal's confirmation page, which works without JavaScript.
 */
const ActionSchema = z.object({
  intent: z.enum(["submit", "withdraw", "restore"], { message: "errors.badRequest" }),
  reason: z.string().max(MAX_WITHDRAWAL_REASON, { message: "workspace.errors.reasonTooLong" }).optional(),
  returnTo: z.string().max(2000).optional(),
});

export const meta: MetaFunction = ({ matches }) => matches[0]?.meta ?? [];

/** Where the reader of this comment came from: a path on this site, or the comment's paragraph. */
function backTo(returnTo: string | null | undefined, fallback: string) {
  return safeRedirectPath(returnTo ?? null, fallback);
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, headers } = await requireUser(request);
  const url = new URL(request.url);
  const comment = await orErrorResponse(
    getCommentForAction({ actor: user, slug: params.slug ?? "", commentId: params.id ?? "" }),
    headers,
  );
  const fallback = comment.paragraph
    ? `/consultations/${comment.consultation.slug}/versions/${comment.version.number}` +
      `?p=${comment.paragraph.key}#p-${comment.paragraph.key}`
    : `/consultations/${comment.consultation.slug}/delegation`;
  return data(
    {
      comment: {
        id: comment.id,
        status: comment.status,
        bodyHtml: comment.bodyHtml,
        trackingNumber: comment.trackingNumber,
        paragraphNumber: comment.paragraph?.number ?? comment.paragraph?.key ?? null,
        canWithdraw: comment.canWithdraw,
      },
      returnTo: backTo(url.searchParams.get("returnTo"), fallback),
    },
    { headers },
  );
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const auth = await getSessionUser(request);
  const headers = auth.headers;
  const form = Object.fromEntries(await readFormData(request));
  const parsed = ActionSchema.safeParse(form);
  if (!parsed.success) return validationFailure(parsed.error, headers);
  const { intent, reason, returnTo } = parsed.data;
  const actor = auth.user;
  const commentId = params.id ?? "";
  const clientAddress = context.clientAddress;
  try {
    // The comment must be of this consultation (and readable): a 404 otherwise.
    await getCommentForAction({ actor, slug: params.slug ?? "", commentId });
    if (actor && intent === "submit") {
      // Before the write: a signed-in user's comment writes are limited (RATE_LIMITS.commentWritesPerUser).
      const limit = await consumeCommentWrite(actor.id);
      if (!limit.ok) return rateLimitFailure("errors.tooManyWrites", limit.retryAfterSeconds, headers);
    }
    let result: Record<string, unknown> = {};
    if (intent === "submit") result = await submitComment({ actor, commentId, clientAddress });
    if (intent === "withdraw") await withdrawComment({ actor, commentId, reason, clientAddress });
    if (intent === "restore") result = await restoreComment({ actor, commentId, clientAddress });
    if (returnTo) throw redirect(backTo(returnTo, `/consultations/${params.slug ?? ""}/delegation`), { headers });
    return data({ ok: true as const, intent, ...result }, { headers });
  } catch (error) {
    if (error instanceof Response) throw error;
    return actionFailure(error, headers);
  }
}

/** The withdrawal's confirmation (and where a refused action without JavaScript shows why). */
export default function CommentActionPage() {
  const { comment, returnTo } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const { t } = useTranslation();
  const navigation = useNavigation();
  const official = comment.status === "submitted";
  const formError = failure && "formError" in failure ? failure.formError : null;
  const fieldErrors = failure && "fieldErrors" in failure ? failure.fieldErrors : {};
  return (
    <div className="comment-action-page">
      <h1>{t("commentActions.withdrawConfirm")}</h1>
      <FormError message={formError} />
      <p>
        {official
          ? t("commentActions.withdrawConfirmOfficial", { number: comment.trackingNumber ?? "" })
          : t("commentActions.withdrawConfirmDraft")}
      </p>
      {/* Rendered from validated JSON and sanitized on the server (app/lib/richtext). */}
      <div className="comment-body" dir="auto" dangerouslySetInnerHTML={{ __html: comment.bodyHtml }} />
      {comment.canWithdraw ? (
        <Form method="post">
          <input type="hidden" name="intent" value="withdraw" />
          <input type="hidden" name="returnTo" value={returnTo} />
          {official ? (
            <Field id="withdraw-reason" label={t("commentActions.reason")} errors={fieldErrors?.reason}>
              {(control) => <textarea {...control} name="reason" required maxLength={MAX_WITHDRAWAL_REASON} rows={3} />}
            </Field>
          ) : null}
          <p className="actions">
            <button type="submit" disabled={navigation.state !== "idle"}>
              {t("commentActions.confirmWithdraw")}
            </button>{" "}
            <Link to={returnTo}>{t("commentActions.cancel")}</Link>
          </p>
        </Form>
      ) : (
        <p>
          <Link to={returnTo}>{t("commentActions.cancel")}</Link>
        </p>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
