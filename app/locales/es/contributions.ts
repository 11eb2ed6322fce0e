/** English UI strings: contributions. */
export default {
  contributions: {
    title: "General contributions",
    intro:
      "A written submission on the whole document, on behalf of your organization, with an optional PDF or " +
      "Word attachment.",
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
    metaTitle: "General contributions · {{title}}",
    errors: {
      forbidden: "Only a focal point can send a contribution on behalf of an organization.",
      notOpen: "This consultation is not open for contributions.",
      titleRequired: "Give your contribution a title.",
      bodyRequired: "Write your contribution, or summarize the attached document.",
      attachmentEmpty: "The attached file is empty.",
      attachmentTooLarge: "The attachment is larger than {{max}} MB.",
      attachmentType: "Attach a PDF or a Word (.docx) document.",
      attachmentDamaged: "The attached .docx file is damaged or is not a Word document.",
    },
  },
} as const;
