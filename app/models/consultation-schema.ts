/**
 * The secretariat's consultation forms, shared by the pages and their
 * actions. Client-safe. Messages are i18n keys, shown by <Field>.
 */
import { z } from "zod";

import { isValidTimeZone } from "~/lib/dates";
import { formatReminderDays, parseReminderDays } from "~/lib/mail/reminder-schedule";
import { stripBidiInput } from "~/lib/text/bidi";
import { keyed } from "~/lib/zod-message";

/** A `datetime-local` value ("2026-12-01T17:00"), read in the consultation's time zone. */
const localDateTime = z
  .string(keyed("manage.errors.dateTimeRequired"))
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, keyed("manage.errors.dateTimeRequired"));

/** Opening a consultation on an imported draft (the document itself is checked apart). */
export const OpenConsultationSchema = z
  .object({
    title: z.preprocess(
      stripBidiInput,
      z
        .string(keyed("manage.errors.titleRequired"))
        .trim()
        .min(3, keyed("manage.errors.titleRequired"))
        .max(300, keyed("errors.fieldTooLong")),
    ),
    slug: z
      .string(keyed("manage.errors.slugFormat"))
      .trim()
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, keyed("manage.errors.slugFormat"))
      .max(80, keyed("errors.fieldTooLong")),
    summary: z.string(keyed("errors.badRequest")).trim().max(5_000, keyed("errors.fieldTooLong")).default(""),
    timeZone: z
      .string(keyed("manage.errors.timeZoneUnknown"))
      .refine(isValidTimeZone, keyed("manage.errors.timeZoneUnknown")),
    commentsVisibility: z.enum(["during", "after_close"], {
      errorMap: () => keyed("manage.errors.visibilityRequired"),
    }),
    label: z
      .string(keyed("manage.errors.labelRequired"))
      .trim()
      .min(1, keyed("manage.errors.labelRequired"))
      .max(200, keyed("errors.fieldTooLong")),
    opensAt: localDateTime,
    closesAt: localDateTime,
  })
  .strip();
export type OpenConsultationInput = z.infer<typeof OpenConsultationSchema>;

const versionNumber = z.coerce
  .number(keyed("errors.badRequest"))
  .int(keyed("errors.badRequest"))
  .min(1, keyed("errors.badRequest"));

/** The comment-period form of one version: save the period, or close it now. */
export const CommentPeriodActionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("period"), version: versionNumber, opensAt: localDateTime, closesAt: localDateTime }),
    z.object({ intent: z.literal("close"), version: versionNumber }),
  ],
  { errorMap: () => keyed("errors.badRequest") },
);

/** The secretariat's upload of a new version (the file itself is checked by the importer). */
export const UploadVersionSchema = z
  .object({
    label: z
      .string(keyed("manage.errors.labelRequired"))
      .trim()
      .min(1, keyed("manage.errors.labelRequired"))
      .max(200, keyed("errors.fieldTooLong")),
    status: z.enum(["closed", "final"], { errorMap: () => keyed("errors.badRequest") }).default("closed"),
  })
  .strip();

/** Editing a consultation: its title, summary, who sees the comments and when delegations are reminded. */
export const EditConsultationSchema = z
  .object({
    title: z.preprocess(
      stripBidiInput,
      z
        .string(keyed("manage.errors.titleRequired"))
        .trim()
        .min(3, keyed("manage.errors.titleRequired"))
        .max(300, keyed("errors.fieldTooLong")),
    ),
    summary: z.string(keyed("errors.badRequest")).trim().max(5_000, keyed("errors.fieldTooLong")).default(""),
    commentsVisibility: z.enum(["during", "after_close"], {
      errorMap: () => keyed("manage.errors.visibilityRequired"),
    }),
    /** "7,1": the days before a deadline at which delegations are reminded; absent, unchanged. */
    reminderDays: z
      .string(keyed("notices.errors.reminderDays"))
      .max(100, keyed("notices.errors.reminderDays"))
      .refine((value) => parseReminderDays(value) !== null, keyed("notices.errors.reminderDays"))
      .transform((value) => formatReminderDays(parseReminderDays(value)!))
      .optional(),
  })
  .strip();
export type EditConsultationInput = z.infer<typeof EditConsultationSchema>;
