/**
 * English UI strings: notification preferences (app/routes/account.notifications.tsx),
 * one-click unsubscribe (app/routes/unsubscribe.$token.tsx), and the lines the
 * platform adds to notifications and digests (app/models/notification.server.ts,
 * app/models/digest.server.ts).
 */
export default {
  preferences: {
    title: "Email notifications",
    accountLink: "Email notifications",
    intro:
      "Choose, for each kind of notification, whether you receive each one as it happens, all of them " +
      "together in one email a day, or none.",
    alwaysSent:
      "Messages about your account and its security (invitations, password resets, decisions on account " +
      "requests) and receipts for your submissions are always sent at once: they are not listed here.",
    kinds: {
      reminder: {
        label: "Reminders before a deadline",
        hint: "Before a comment period closes, when your delegation still has drafts or has not commented.",
      },
      version_published: {
        label: "New versions published",
        hint: "When the secretariat publishes a new version of a document.",
      },
      period_changed: {
        label: "Comment periods opened, extended or closed",
        hint: "When a comment period opens, its deadline moves, or it closes.",
      },
      comments_published: {
        label: "Comments received published",
        hint: "When the secretariat publishes the comments received on a consultation.",
      },
      dispositions_published: {
        label: "Disposition tables published",
        hint: "When the secretariat publishes its decisions on the comments, including your delegation's.",
      },
    },
    modes: {
      immediate: "Each one as it happens",
      digest: "In one daily digest, sent at {{hour}} UTC",
      off: "Not at all",
    },
    submit: "Save preferences",
    saved: "Your preferences have been saved.",
    errors: {
      badMode: "Choose one of the options.",
      nothingToSave: "The form did not name any kind of notification.",
    },
    unsubscribe: {
      title: "Unsubscribe",
      question: "Stop these emails: {{scope}}?",
      explanation:
        "You will no longer receive these emails. Nothing else about your account changes, and you can " +
        "turn them on again in your notification settings.",
      submit: "Unsubscribe",
      done: "You are unsubscribed: {{scope}}. You will not receive these emails any more.",
      alreadyOff: "You no longer receive these emails: {{scope}}.",
      settings: "Notification settings (sign-in needed)",
      invalidTitle: "This unsubscribe link does not work",
      invalid:
        "The link is incomplete or was changed. Use the whole link from the email, or sign in and " +
        "change your notification settings.",
      digestScope: "the daily digest",
    },
    mail: {
      why: "You receive this because “{{kind}}” notifications are sent to you as they happen.",
      unsubscribe: "To stop these emails, unsubscribe: {{url}}",
      settings: "Choose how you receive notifications: {{url}}",
      digest: {
        subject_one: "Your daily digest: {{count}} notification",
        subject_other: "Your daily digest: {{count}} notifications",
        greeting: "Dear {{name}},",
        intro_one: "Here is the notification held for your daily digest since the last one.",
        intro_other: "Here are the {{count}} notifications held for your daily digest since the last one.",
        why: "You receive this digest because you chose to get some notifications once a day.",
        unsubscribe: "To stop the daily digest, unsubscribe: {{url}}",
      },
    },
  },
} as const;
