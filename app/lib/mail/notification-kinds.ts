/**
 * The notifications a person may choose how to receive, and the choices
 * (docs/decisions/0020-notification-preferences-digest-and-unsubscribe.md).
 * Security and account messages (invitation, password reset, account
 * approved or rejected, submission receipts) are not in this list: they are
 * always sent at once and carry no unsubscribe link.
 */
import { MAIL_KINDS } from "~/lib/mail/compose";
import type { MessageKey } from "~/lib/translate";

/** The kinds with a preference, in the order the preferences page lists them. */
export const NOTIFICATION_KINDS = [
  MAIL_KINDS.reminder,
  MAIL_KINDS.versionPublished,
  MAIL_KINDS.periodChanged,
  MAIL_KINDS.commentsPublished,
  MAIL_KINDS.dispositionsPublished,
] as const;

export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Each message on its own, gathered in one message a day, or none. */
export const NOTIFICATION_MODES = ["immediate", "digest", "off"] as const;

export type NotificationMode = (typeof NOTIFICATION_MODES)[number];

/** What a person gets until they choose: every notification, as it happens. */
export const DEFAULT_NOTIFICATION_MODE: NotificationMode = "immediate";

/**
 * The message kinds each preference covers: "comment period changes" is one
 * choice for the opening, extension, other change and closing of a period.
 */
export const KINDS_OF_PREFERENCE: Record<NotificationKind, readonly string[]> = {
  [MAIL_KINDS.reminder]: [MAIL_KINDS.reminder],
  [MAIL_KINDS.versionPublished]: [MAIL_KINDS.versionPublished],
  [MAIL_KINDS.periodChanged]: [
    MAIL_KINDS.periodOpened,
    MAIL_KINDS.periodExtended,
    MAIL_KINDS.periodChanged,
    MAIL_KINDS.periodClosed,
  ],
  [MAIL_KINDS.commentsPublished]: [MAIL_KINDS.commentsPublished],
  [MAIL_KINDS.dispositionsPublished]: [MAIL_KINDS.dispositionsPublished],
};

/** The preference that decides how a message of `kind` is sent, or null for a kind that takes none. */
export function preferenceOf(kind: string): NotificationKind | null {
  for (const preference of NOTIFICATION_KINDS) {
    if (KINDS_OF_PREFERENCE[preference].includes(kind)) return preference;
  }
  return null;
}

export function isNotificationKind(value: unknown): value is NotificationKind {
  return typeof value === "string" && (NOTIFICATION_KINDS as readonly string[]).includes(value);
}

export function isNotificationMode(value: unknown): value is NotificationMode {
  return typeof value === "string" && (NOTIFICATION_MODES as readonly string[]).includes(value);
}

/** The choices a preferences form makes, or why it is refused. */
export type NotificationModesForm =
  | { ok: true; modes: Partial<Record<NotificationKind, NotificationMode>> }
  | { ok: false; formError: MessageKey; fieldErrors: Partial<Record<NotificationKind, MessageKey[]>> };

/**
 * The preferences form (one field per kind, named after it, valued with a
 * mode): the kinds it names, each with a valid mode. A kind left out keeps
 * its mode; a value that is not a mode refuses the whole form (nothing is
 * saved), and so does a form naming no kind at all. Other fields are ignored.
 */
export function parseNotificationModes(read: (name: string) => unknown): NotificationModesForm {
  const modes: Partial<Record<NotificationKind, NotificationMode>> = {};
  const fieldErrors: Partial<Record<NotificationKind, MessageKey[]>> = {};
  for (const kind of NOTIFICATION_KINDS) {
    const value = read(kind);
    if (value === null || value === undefined) continue;
    if (isNotificationMode(value)) modes[kind] = value;
    else fieldErrors[kind] = ["preferences.errors.badMode"];
  }
  if (Object.keys(fieldErrors).length > 0) return { ok: false, formError: "errors.checkFields", fieldErrors };
  if (Object.keys(modes).length === 0) return { ok: false, formError: "preferences.errors.nothingToSave", fieldErrors };
  return { ok: true, modes };
}
