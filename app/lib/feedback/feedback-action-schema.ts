/**
 * The consolidation forms of the dashboard and of a paragraph's page, one
 * Zod schema per `intent`, joined in one discriminated union that the route
 * parses and the model dispatches on: decide on one comment, on the ticked
 * comments, or on a whole near-duplicate group; regroup near-duplicates;
 * publish or withdraw the comments received and the disposition table.
 * Messages are i18n keys, shown by the forms' <Field>s.
 */
import { z } from "zod";

import { DISPOSITION_STATUSES } from "./iso-table";

/** Longest response of the secretariat, in characters. */
export const MAX_RESPONSE_CHARS = 10_000;

/** Most comments one bulk decision may name explicitly (a group has no limit). */
export const MAX_BULK_COMMENTS = 1_000;

const commentId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "feedback.validation.commentInvalid");

const decision = {
  status: z.enum(DISPOSITION_STATUSES, { errorMap: () => ({ message: "feedback.validation.statusRequired" }) }),
  response: z
    .string()
    .max(MAX_RESPONSE_CHARS, "feedback.validation.responseTooLong")
    .default("")
    .transform((value) => value.replace(/\r\n?/g, "\n").trim()),
};

export const DisposeSchema = z.object({
  intent: z.literal("dispose"),
  commentIds: z.array(commentId).length(1, "feedback.validation.selectComments"),
  ...decision,
});

export const DisposeSelectedSchema = z.object({
  intent: z.literal("dispose-selected"),
  commentIds: z
    .array(commentId)
    .min(1, "feedback.validation.selectComments")
    .max(MAX_BULK_COMMENTS, "feedback.validation.tooManySelected"),
  ...decision,
});

export const DisposeGroupSchema = z.object({ intent: z.literal("dispose-group"), groupId: commentId, ...decision });

export const RegroupSchema = z.object({ intent: z.literal("regroup") });

/** What a publication form publishes or withdraws. */
export const PUBLICATION_TARGETS = ["comments", "dispositions"] as const;
export type PublicationTarget = (typeof PUBLICATION_TARGETS)[number];

/** Publishing is public at once: the form must come from the confirmation page (…/feedback/publish). */
const confirmed = {
  confirm: z.literal("yes", { errorMap: () => ({ message: "feedback.publication.confirmRequired" }) }),
};

export const PublishCommentsSchema = z.object({ intent: z.literal("publish-comments"), ...confirmed });
export const UnpublishCommentsSchema = z.object({ intent: z.literal("unpublish-comments") });
export const PublishDispositionsSchema = z.object({ intent: z.literal("publish-dispositions"), ...confirmed });
export const UnpublishDispositionsSchema = z.object({ intent: z.literal("unpublish-dispositions") });

/** A decision on comments: the three disposition intents. */
export const DispositionFormSchema = z.discriminatedUnion("intent", [
  DisposeSchema,
  DisposeSelectedSchema,
  DisposeGroupSchema,
]);
export type DispositionFormInput = z.infer<typeof DispositionFormSchema>;

/** Every consolidation form, by intent. */
export const FeedbackActionSchema = z.discriminatedUnion(
  "intent",
  [
    DisposeSchema,
    DisposeSelectedSchema,
    DisposeGroupSchema,
    RegroupSchema,
    PublishCommentsSchema,
    UnpublishCommentsSchema,
    PublishDispositionsSchema,
    UnpublishDispositionsSchema,
  ],
  { errorMap: () => ({ message: "feedback.validation.summary" }) },
);
export type FeedbackAction = z.infer<typeof FeedbackActionSchema>;
export type FeedbackIntent = FeedbackAction["intent"];

/** The notices a consolidation form ends with (`feedback.notice.*`), carried in the URL it redirects to. */
export const FEEDBACK_NOTICES = [
  "decided",
  "unchanged",
  "regrouped",
  "published_comments",
  "unpublished_comments",
  "published_dispositions",
  "unpublished_dispositions",
] as const;
export type FeedbackNotice = (typeof FEEDBACK_NOTICES)[number];

/** A notice from the URL, or null for anything else. */
export function parseFeedbackNotice(value: string | null): FeedbackNotice | null {
  return FEEDBACK_NOTICES.find((notice) => notice === value) ?? null;
}

/** What a consolidation form did: the notice to show and its count. */
export interface FeedbackActionResult {
  notice: FeedbackNotice;
  count: number;
}

const text = (value: FormDataEntryValue | null) => (typeof value === "string" ? value : undefined);

/** Form fields to the schema's input: `commentIds` may repeat (checkboxes); files are ignored. */
export function feedbackActionValues(form: FormData) {
  return {
    intent: text(form.get("intent")),
    commentIds: form.getAll("commentIds").filter((value): value is string => typeof value === "string"),
    groupId: text(form.get("groupId")),
    status: text(form.get("status")),
    response: text(form.get("response")),
    confirm: text(form.get("confirm")),
  };
}

/** Which form on the page sent the request (a comment id, "bulk", "group-<id>"…), to show its errors there. */
export function feedbackFormTarget(form: FormData): string {
  return (text(form.get("target")) ?? text(form.get("intent")) ?? "").slice(0, 80);
}
