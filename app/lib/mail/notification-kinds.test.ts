import { describe, expect, it } from "vitest";

import { MAIL_KINDS } from "~/lib/mail/compose";
import { NOTIFICATION_KINDS, parseNotificationModes, preferenceOf } from "~/lib/mail/notification-kinds";

const form = (fields: Record<string, string>) => (name: string) => fields[name] ?? null;

describe("notification kinds", () => {
  it("are the five notices, never a security or account message", () => {
    expect(NOTIFICATION_KINDS).toEqual([
      "reminder",
      "version_published",
      "period_changed",
      "comments_published",
      "dispositions_published",
    ]);
    for (const essential of [MAIL_KINDS.invitation, MAIL_KINDS.accountApproved, MAIL_KINDS.receipt]) {
      expect(NOTIFICATION_KINDS as readonly string[]).not.toContain(essential);
    }
  });
});

describe("preferenceOf", () => {
  it("puts every change of a comment period under one choice, and security messages under none", () => {
    for (const kind of [MAIL_KINDS.periodOpened, MAIL_KINDS.periodExtended, MAIL_KINDS.periodClosed]) {
      expect(preferenceOf(kind)).toBe(MAIL_KINDS.periodChanged);
    }
    expect(preferenceOf(MAIL_KINDS.reminder)).toBe(MAIL_KINDS.reminder);
    expect(preferenceOf(MAIL_KINDS.passwordReset)).toBeNull();
    expect(preferenceOf(MAIL_KINDS.invitation)).toBeNull();
  });
});

describe("parseNotificationModes", () => {
  it("keeps the kinds the form names, ignoring other fields", () => {
    expect(parseNotificationModes(form({ reminder: "digest", period_changed: "off", invitation: "off" }))).toEqual({
      ok: true,
      modes: { reminder: "digest", period_changed: "off" },
    });
  });

  it("refuses the whole form when one value is not a mode", () => {
    expect(parseNotificationModes(form({ reminder: "digest", version_published: "weekly" }))).toEqual({
      ok: false,
      formError: "errors.checkFields",
      fieldErrors: { version_published: ["preferences.errors.badMode"] },
    });
  });

  it("refuses a form that names no kind", () => {
    expect(parseNotificationModes(form({ intent: "save" }))).toMatchObject({
      ok: false,
      formError: "preferences.errors.nothingToSave",
    });
  });
});
