/**
 * A route-level helper of the consolidation pages: their refusals through
 * app/utils/http.server.ts, each with the form it answers. A page has one
 * decision form per comment and per group, so the answer names its form
 * (`target`) for the errors to show there and nowhere else.
 */
import { data } from "@remix-run/node";

import { actionFailure, formFailure, type FormFailure } from "~/utils/http.server";

import type { ZodError } from "zod";

/** A consolidation form's refusal, for the form named `target`. */
export interface FeedbackFormFailure extends FormFailure {
  target: string;
}

function forTarget(failure: ReturnType<typeof formFailure>, target: string) {
  return data<FeedbackFormFailure>({ ...failure.data, target }, failure.init ?? undefined);
}

/**
 * Invalid fields (400). The form's own error is the selection's error when
 * there is one — the ticked checkboxes have no field to show it beside —
 * else "the decision was not saved".
 */
export function feedbackValidationFailure(error: ZodError, target: string, headers?: HeadersInit) {
  const fieldErrors = error.flatten().fieldErrors as FormFailure["fieldErrors"];
  const formError = {
    key: fieldErrors.commentIds?.[0] ?? fieldErrors.confirm?.[0] ?? ("feedback.validation.summary" as const),
  };
  return forTarget(formFailure(400, formError, fieldErrors, headers), target);
}

/** A model's refusal (403, 404, 409) for the form that sent it; anything else is rethrown. */
export function feedbackActionFailure(error: unknown, target: string, headers?: HeadersInit) {
  return forTarget(actionFailure(error, headers), target);
}
