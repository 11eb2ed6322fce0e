/**
 * The disposition forms of the dashboard, one Zod schema shared by the form
 * and the action. A decision is a status and a response, applied to one
 * comment, to the comments ticked in the list, or to a whole near-duplicate
 * group.
 */
import { z } from "zod";

import { DISPOSITION_STATUSES } from "./iso-table";

/** Longest response of the secretariat, in characters. */
export const MAX_RESPONSE_CHARS = 10_000;

/** Most comments one bulk decision may name explicitly (a group has no limit). */
export const MAX_BULK_COMMENTS = 1_000;

const commentId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

const decision = {
  status: z.enum(DISPOSITION_STATUSES, { errorMap: () => ({ message: "feedback.validation.statusRequired" }) }),
  response: z
    .string()
    .max(MAX_RESPONSE_CHARS, "feedback.validation.responseTooLong")
    .default("")
    .transform((value) => value.replace(/\r\n?/g, "\n").trim()),
};

export const DispositionFormSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("dispose"), commentIds: z.array(commentId).length(1), ...decision }),
  z.object({
    intent: z.literal("dispose-selected"),
    commentIds: z
      .array(commentId)
      .min(1, "feedback.validation.selectComments")
      .max(MAX_BULK_COMMENTS, "feedback.validation.tooManySelected"),
    ...decision,
  }),
  z.object({ intent: z.literal("dispose-group"), groupId: commentId, ...decision }),
]);
export type DispositionFormInput = z.infer<typeof DispositionFormSchema>;

/** Form fields to the schema's input: `commentIds` may repeat (checkboxes). */
export function dispositionFormValues(form: FormData) {
  return {
    intent: form.get("intent"),
    commentIds: form.getAll("commentIds").filter((value): value is string => typeof value === "string"),
    groupId: form.get("groupId") ?? undefined,
    status: form.get("status") ?? undefined,
    response: form.get("response") ?? undefined,
  };
}
