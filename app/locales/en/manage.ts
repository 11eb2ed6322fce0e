/** English UI strings: manage. */
export default {
  manage: {
    newTitle: "Open a consultation",
    newIntro:
      "Upload the draft, set the comment period in the time zone you announce it in, and publish it for comments.",
    newLink: "Open a consultation",
    fields: {
      title: "Title",
      slug: "Web address",
      summary: "Summary",
      document: "Draft document",
      label: "Version name",
      timeZone: "Time zone of the deadline",
      opensAt: "Comments open",
      closesAt: "Comments close",
      visibility: "Who sees the comments",
    },
    hints: {
      slug: "Lowercase letters, digits and hyphens; it becomes /consultations/<address>.",
      document:
        "Word (.docx), Markdown (.md) or plain text (.txt), up to {{max}} MB. Numbered paragraphs are recognized.",
    },
    visibility: {
      after_close: "Published by the secretariat after the deadline",
      during: "Public as soon as they are submitted",
    },
    open: "Import and open for comments",
    importing: "Importing…",
    importingHint: "Reading the document and numbering its paragraphs; long documents take a few seconds.",
    periodTitle: "Manage the comment period",
    periodSave: "Save the comment period",
    closeNow: "Close comments now",
    periodSaved: "The comment period was updated.",
  },
} as const;
