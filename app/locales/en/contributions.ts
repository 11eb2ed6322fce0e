/** English UI strings: contributions. */
export default {
  contributions: {
    title: "General contributions",
    intro:
      "A written submission on the whole document, on behalf of your organization, with an optional PDF or Word attachment.",
    link: "General contributions",
    fields: { title: "Title", body: "Contribution", attachment: "Attachment (optional)" },
    attachmentHint: "PDF or Word (.docx), up to {{max}} MB.",
    send: "Send the contribution",
    sending: "Sending…",
    saved: "Your contribution was received.",
    cannotContribute:
      "Only a focal point can send a contribution on behalf of an organization, while the consultation is open.",
    received: "Contributions received",
    yours: "Your organization's contributions",
    none: "No contribution yet.",
    download: "Download {{name}} ({{size}} KB)",
  },
} as const;
