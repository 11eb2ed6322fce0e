/**
 * The kinds of comment a stakeholder can make, in the order forms list them.
 * Client-safe: the comment form, the feedback filters and the models share
 * this one list.
 */
export const COMMENT_TYPES = ["general", "technical", "editorial"] as const;

/** One of {@link COMMENT_TYPES}. */
export type CommentType = (typeof COMMENT_TYPES)[number];

/** Whether a stored value is one of {@link COMMENT_TYPES} (rows read back from the database are plain strings). */
export function isCommentType(value: string): value is CommentType {
  return (COMMENT_TYPES as readonly string[]).includes(value);
}

/** The statuses a comment goes through: a draft, submitted for the organization, withdrawn. */
export const COMMENT_STATUSES = ["draft", "submitted", "withdrawn"] as const;

/** One of {@link COMMENT_STATUSES}. */
export type CommentStatus = (typeof COMMENT_STATUSES)[number];

/** Whether a stored value is one of {@link COMMENT_STATUSES}. */
export function isCommentStatus(value: string): value is CommentStatus {
  return (COMMENT_STATUSES as readonly string[]).includes(value);
}

/** The events a comment's history records. */
export const COMMENT_EVENTS = ["created", "edited", "submitted", "withdrawn"] as const;

/** One of {@link COMMENT_EVENTS}. */
export type CommentEvent = (typeof COMMENT_EVENTS)[number];

/** Whether a stored value is one of {@link COMMENT_EVENTS}. */
export function isCommentEvent(value: string): value is CommentEvent {
  return (COMMENT_EVENTS as readonly string[]).includes(value);
}

/** Longest reason a focal point may give for withdrawing an official comment. */
export const MAX_WITHDRAWAL_REASON = 1000;
