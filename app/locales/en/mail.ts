/** English UI strings: the Outgoing mail page (app/routes/admin.mail.*). */
export default {
  mail: {
    title: "Outgoing mail",
    intro:
      "Every email the platform sends is queued here first, in the same step as what causes it, then " +
      "delivered. Messages that fail for a passing reason are retried; the others are shown as failed.",
    transport: {
      smtp: "Messages are delivered through the mail server set in SMTP_URL.",
      files:
        "No mail server is configured (SMTP_URL), so messages are written as .eml files under {{directory}} " +
        "instead of being sent. Open one below to read it.",
    },
    filter: "Show",
    all: "All ({{count}})",
    status: {
      pending: "Waiting",
      sending: "Sending",
      sent: "Sent",
      failed: "Failed",
    },
    statusWithCount: "{{status}} ({{count}})",
    columns: {
      queued: "Queued",
      to: "To",
      subject: "Subject",
      status: "Status",
      attempts: "Attempts",
    },
    nextAttempt: "next attempt {{date}}",
    sentAt: "sent {{date}}",
    empty: "No messages.",
    more: "Older messages",
    newer: "Newer messages",
    message: {
      title: "Message",
      back: "All outgoing mail",
      headers: "Headers",
      text: "Text",
      kind: "Kind",
      messageId: "Message-ID",
      lastError: "Last error",
    },
  },
} as const;
