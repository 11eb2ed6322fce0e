/**
 * The comment forms, shared by the comment panel and the reader's action.
 * Client-safe (no server imports). Messages are i18n keys, shown by <Field>.
 */
import { z } from "zod";

import { COMMENT_TYPES } from "~/lib/comment-types";
import type { MessageKey } from "~/lib/translate";
import { keyed as message } from "~/lib/zod-message";

export { COMMENT_TYPES, type CommentType } from "~/lib/comment-types";

/** Longest proposed replacement text, in characters (comments.errors.proposedTextTooLong says it). */
export const MAX_PROPOSED_TEXT_CHARS = 10_000;
/** Longest quoted phrase, in characters (comments.errors.quoteTooLong says it). */
export const MAX_QUOTE_CHARS = 2_000;
/** Longest body a form may post, before the rich-text gate measures it (app/lib/richtext). */
const MAX_POSTED_BODY_CHARS = 6_000_000;

// Fields the person does not fill in themselves: a wrong value is a tampered or outdated form.
const badRequest = message("errors.badRequest");

const optionalText = (max: number, tooLong: MessageKey) =>
  z
    .string(badRequest)
    .max(max, message(tooLong))
    .transform((value) => value.trim())
    .optional()
    .transform((value) => (value ? value : undefined));

const offset = z.coerce.number(badRequest).int(badRequest).min(0, badRequest).max(1_000_000, badRequest).optional();
const postedBody = z
  .string(badRequest)
  .max(MAX_POSTED_BODY_CHARS, message("comments.errors.richText.tooLarge"))
  .optional();
const commentType = z.enum(COMMENT_TYPES, { errorMap: () => message("comments.errors.typeRequired") });
const commentId = z.string(badRequest).min(1, badRequest).max(64, badRequest);

/**
 * The comment form. Only these fields are read: anything else a client sends
 * (role, authorId, organizationId…) is dropped by `strip()`, so there is no
 * mass assignment.
 */
export const CommentFormSchema = z
  .object({
    paragraphKey: z
      .string(message("comments.errors.paragraphRequired"))
      .regex(/^[a-z0-9-]{1,80}$/, message("comments.errors.paragraphRequired")),
    type: commentType,
    /** Tiptap JSON from the editor. */
    body: postedBody,
    /** Plain text from the no-JavaScript fallback textarea. */
    bodyText: postedBody,
    proposedText: optionalText(MAX_PROPOSED_TEXT_CHARS, "comments.errors.proposedTextTooLong"),
    quote: optionalText(MAX_QUOTE_CHARS, "comments.errors.quoteTooLong"),
    quoteStart: offset,
    quoteEnd: offset,
    idempotencyKey: z.string(message("errors.staleForm")).regex(/^[A-Za-z0-9_-]{8,64}$/, message("errors.staleForm")),
    submit: z.enum(["on", "true", "1"], { errorMap: () => badRequest }).optional(),
  })
  .strip();
export type CommentFormInput = z.infer<typeof CommentFormSchema>;

/** Editing keeps the paragraph and quote; only these change. */
export const CommentEditSchema = z
  .object({
    commentId,
    type: commentType,
    body: postedBody,
    bodyText: postedBody,
    proposedText: optionalText(MAX_PROPOSED_TEXT_CHARS, "comments.errors.proposedTextTooLong"),
  })
  .strip();
export type CommentEditInput = z.infer<typeof CommentEditSchema>;

/**
 * Everything the reader's comment action accepts, told apart by `intent`
 * (the panel's forms send it; a form without one creates a comment).
 */
export const CommentActionSchema = z.preprocess(
  (form) => (typeof form === "object" && form !== null && !("intent" in form) ? { ...form, intent: "create" } : form),
  z.discriminatedUnion(
    "intent",
    [
      CommentFormSchema.extend({ intent: z.literal("create") }),
      CommentEditSchema.extend({ intent: z.literal("edit") }),
      z.object({ intent: z.literal("submit"), commentId }).strip(),
      z.object({ intent: z.literal("withdraw"), commentId }).strip(),
    ],
    { errorMap: () => badRequest },
  ),
);
export type CommentActionInput = z.infer<typeof CommentActionSchema>;
