/** English UI strings: manage. */
export default {
  manage: {
    newTitle: "Open a consultation",
    newIntro:
      "Upload the draft, set the comment period in the time zone you announce it in, and publish it for comments.",
    newLink: "Open a consultation",
    metaTitle: "Open a consultation",
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
    errors: {
      titleRequired: "Give the consultation a title.",
      slugFormat: "Use lowercase letters, digits and hyphens, e.g. gca-guidelines-2026.",
      slugTaken: 'The address "{{slug}}" is already used by another consultation.',
      timeZoneUnknown: "Choose a known time zone.",
      visibilityRequired: "Choose who sees the comments.",
      labelRequired: "Name this version, e.g. Draft 1.",
      dateTimeRequired: "Give a date and time.",
      bothDates: "Give both dates with a time.",
      periodOrder: "The comment period must close after it opens.",
      noPeriod: "Only a version published for comments has a comment period.",
      documentRequired: "Choose the draft document (.docx, .md or .txt).",
      documentTooLarge: "The file is larger than {{max}} MB.",
      documentRefused: "This file cannot be imported: see the message above the form.",
    },
  },
} as const;
