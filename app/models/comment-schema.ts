import { z } from "zod";

/** The kinds of comment a stakeholder can make. */
export const COMMENT_TYPES = ["general", "technical", "editorial"] as const;
export type CommentType = (typeof COMMENT_TYPES)[number];

/** Longest proposed replacement text, in characters. */
export const MAX_PROPOSED_TEXT_CHARS = 10_000;

const optionalText = (max: number) =>
  z
    .string()
    .max(max, { message: `At most ${max.toLocaleString("en")} characters.` })
    .transform((value) => value.trim())
    .optional()
    .transform((value) => (value ? value : undefined));

const offset = z.coerce.number().int().min(0).max(1_000_000).optional();

/**
 * The comment form, shared by the form and the action. Only these fields are
 * read: anything else a client sends (role, authorId, organizationId…) is
 * dropped by `strip()`, so there is no mass assignment.
 */
export const CommentFormSchema = z
  .object({
    paragraphKey: z.string().regex(/^[a-z0-9-]{1,80}$/, { message: "Choose a paragraph." }),
    type: z.enum(COMMENT_TYPES, { errorMap: () => ({ message: "Choose the type of comment." }) }),
    /** Tiptap JSON from the editor. */
    body: z.string().max(6_000_000).optional(),
    /** Plain text from the no-JavaScript fallback textarea. */
    bodyText: z.string().max(6_000_000).optional(),
    proposedText: optionalText(MAX_PROPOSED_TEXT_CHARS),
    quote: optionalText(2_000),
    quoteStart: offset,
    quoteEnd: offset,
    idempotencyKey: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, { message: "The form is out of date: reload the page." }),
    submit: z.enum(["on", "true", "1"]).optional(),
  })
  .strip();
export type CommentFormInput = z.infer<typeof CommentFormSchema>;

/** Editing keeps the paragraph and quote; only these change. */
export const CommentEditSchema = z
  .object({
    commentId: z.string().min(1).max(64),
    type: z.enum(COMMENT_TYPES),
    body: z.string().max(6_000_000).optional(),
    bodyText: z.string().max(6_000_000).optional(),
    proposedText: optionalText(MAX_PROPOSED_TEXT_CHARS),
  })
  .strip();
export type CommentEditInput = z.infer<typeof CommentEditSchema>;
