/**
 * English strings of the notices the platform emails to the people who take
 * part in a consultation: reminders before the deadline
 * (app/models/reminder.server.ts) and publication notices
 * (app/models/notice.server.ts).
 */
export default {
  notices: {
    edit: {
      reminderDays: "Reminders before the deadline (days)",
      reminderDaysHint:
        "Delegations with unsubmitted drafts, or that have not commented, are emailed this many days before " +
        "each deadline, at the deadline's time of day. E.g. 7,1. Leave empty for no reminders.",
    },
    errors: {
      reminderDays: "Give whole numbers of days from 1 to 60, separated by commas (at most 5), e.g. 7,1.",
    },
    greeting: "Dear {{name}},",
    version: "version {{number}} ({{label}})",
    footer: "You receive this message because you take part in consultations for {{organization}}.",
    workspaceAction: "Open your delegation's workspace",
    versionPublished: {
      subject: "New version of {{consultation}}: {{label}}",
      body: "The secretariat published {{version}} of {{consultation}} on {{date}}.",
      action: "Read {{label}}",
    },
    periodOpened: {
      subject: "Comments open on {{consultation}}",
      body: "The comment period on {{version}} of {{consultation}} opens on {{opens}} and closes on {{closes}}.",
      howTo:
        "Comments are made paragraph by paragraph in the reader; the focal point submits them for {{organization}}.",
      action: "Read and comment",
    },
    periodExtended: {
      subject: "Deadline extended: {{consultation}}",
      body:
        "The deadline for comments on {{version}} of {{consultation}} was extended from {{previous}} to " +
        "{{closes}}.",
    },
    periodChanged: {
      subject: "Comment period changed: {{consultation}}",
      body: "The comment period on {{version}} of {{consultation}} now opens on {{opens}} and closes on {{closes}}.",
    },
    periodClosed: {
      subject: "Comments closed on {{consultation}}",
      body: "The comment period on {{version}} of {{consultation}} closed on {{closes}}.",
      next: "No more comments can be made or submitted. The secretariat will now consolidate the comments received.",
      drafts_one: "{{count}} draft comment of {{organization}} was not submitted and will not be considered.",
      drafts_other: "{{count}} draft comments of {{organization}} were not submitted and will not be considered.",
    },
    commentsPublished: {
      subject: "Comments received published: {{consultation}}",
      body: "The secretariat published the comments received on {{consultation}}.",
      own_zero: "{{organization}} submitted no comments.",
      own_one: "{{organization}} submitted {{count}} comment.",
      own_other: "{{organization}} submitted {{count}} comments.",
      action: "View your delegation's comments",
    },
    dispositionsPublished: {
      subject: "Disposition of comments published: {{consultation}}",
      body: "The secretariat published the disposition of comments on {{consultation}}: its decision on each comment.",
      own_zero: "The table has no comments of {{organization}}.",
      own_one: "The table has {{count}} comment of {{organization}}: {{summary}}.",
      own_other: "The table has {{count}} comments of {{organization}}: {{summary}}.",
      undecided: "not decided yet",
      decision: "{{trackingNumber}} (paragraph {{paragraph}}): {{decision}}",
      decisionNoParagraph: "{{trackingNumber}}: {{decision}}",
      more_one: "and {{count}} more comment.",
      more_other: "and {{count}} more comments.",
      table: "The whole table: {{url}}",
      action: "View your delegation's comments",
    },
    reminder: {
      subject: "Reminder: comments on {{consultation}} close on {{date}}",
      closes_one: "The comment period on {{version}} of {{consultation}} closes on {{date}}, in {{count}} day.",
      closes_other: "The comment period on {{version}} of {{consultation}} closes on {{date}}, in {{count}} days.",
      ownDrafts_one:
        "You have {{count}} unsubmitted draft comment. A draft reaches the secretariat only once the focal " +
        "point of {{organization}} submits it.",
      ownDrafts_other:
        "You have {{count}} unsubmitted draft comments. Drafts reach the secretariat only once the focal " +
        "point of {{organization}} submits them.",
      waiting_one: "{{count}} draft comment of {{organization}} is waiting for you to submit it.",
      waiting_other: "{{count}} draft comments of {{organization}} are waiting for you to submit them.",
      notCommented: "{{organization}} has not commented on this version yet.",
      footer: "You receive this reminder because you take part in this consultation for {{organization}}.",
    },
  },
} as const;
