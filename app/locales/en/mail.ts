/**
 * English UI strings: the Outgoing mail page (app/routes/admin.mail.*), the
 * messages the platform queues (app/lib/mail/compose.ts composes them) and the
 * delivery state the People page shows.
 */
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
    sentAt: "on {{date}}",
    empty: "No messages.",
    more: "Older messages",
    newer: "Newer messages",
    message: {
      title: "Message",
      back: "All outgoing mail",
      text: "Text",
      kind: "Kind",
      messageId: "Message-ID",
      lastError: "Last error",
    },
    common: {
      linkHint: "If the button does not work, copy this address into your browser:",
      expires: "The link works once and expires on {{date}}.",
    },
    invitation: {
      subject: "Invitation to the consultation platform",
      greeting: "Hello,",
      invitedBy: "{{inviter}} has invited you to the consultation platform.",
      invitedByOf: "{{inviter}} ({{inviterOrganization}}) has invited you to the consultation platform.",
      role: "You will take part as {{role}}.",
      roleOf: "You will take part as {{role}} for {{organization}}.",
      next: "Choose your name and password with the link below to create your account.",
      action: "Accept the invitation",
      footer:
        "You receive this message because an invitation was made for {{email}}. If you did not expect it, " +
        "ignore it: no account is created unless the link is used.",
    },
    accountApproved: {
      subject: "Your account request was approved",
      greeting: "Dear {{name}},",
      approved: "Your request for an account for {{organization}} was approved: you will take part as {{role}}.",
      next: "Choose your password with the link below to finish creating your account.",
      action: "Create your account",
      footer: "You receive this message because an account was requested for {{email}}.",
    },
    accountRejected: {
      subject: "Your account request was not approved",
      greeting: "Dear {{name}},",
      rejected: "Your request for an account for {{organization}} was not approved by the secretariat.",
      contact: "If you think this is a mistake, write to the secretariat of the consultation.",
      footer: "You receive this message because an account was requested for {{email}}.",
    },
    receipt: {
      subject: "Receipt {{reference}}: comments submitted on {{consultation}}",
      greeting: "Dear {{name}},",
      submittedByYou_one:
        "You submitted {{count}} comment of {{organization}} on {{consultation}} on {{date}}. It is now official.",
      submittedByYou_other:
        "You submitted {{count}} comments of {{organization}} on {{consultation}} on {{date}}. They are now official.",
      submittedYours_one:
        "{{submitter}} submitted {{count}} comment you drafted for {{organization}} on {{consultation}} on {{date}}. " +
        "It is now official.",
      submittedYours_other:
        "{{submitter}} submitted {{count}} comments you drafted for {{organization}} on {{consultation}} on " +
        "{{date}}. They are now official.",
      reference: "Receipt reference: {{reference}}",
      trackingNumbers: "Tracking numbers: {{numbers}}",
      action: "View the receipt",
      footerFocalPoint: "You receive this message because you submitted these comments for {{organization}}.",
      footerDelegate: "You receive this message because you drafted comments that were submitted.",
    },
    people: {
      sendLink:
        "The invitation is also emailed to the person (its delivery is shown under Recent invitations). If it " +
        "does not arrive, copy this link and send it yourself. It works once and expires on {{date}}.",
      delivery: "Email",
      queued: "Queued",
      sent: "Sent {{date}}",
      failed: "Not delivered: {{error}}",
      none: "No email",
    },
  },
} as const;
