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
      import: {
        unreadableText: '"{{fileName}}" is not a readable text file.',
        binaryText: '"{{fileName}}" is not a text file (it contains binary data). Upload a .docx, .txt or .md file.',
        notUtf8: '"{{fileName}}" is not UTF-8 text. Save it as UTF-8 and upload it again.',
        tooLarge: '"{{fileName}}" is too large ({{size}}); the limit is {{limit}}.',
        empty: '"{{fileName}}" is empty.',
        oldWordRenamed:
          '"{{fileName}}" is an old Word 97–2003 document renamed to .docx. Open it in Word and save it as .docx.',
        notZip: '"{{fileName}}" is not a Word document: a .docx file is a zip archive and this one is not.',
        binaryNamedText: '"{{fileName}}" is named like a text file but contains a binary (Word or zip) file.',
        noText: '"{{fileName}}" contains no text.',
        oldWord: '"{{fileName}}" is an old Word 97–2003 document. Open it in Word and save it as .docx.',
        unsupported:
          '"{{fileName}}" cannot be imported: only Word (.docx), text (.txt) and Markdown (.md) files are supported.',
        noParagraphs: 'No paragraphs were found in "{{fileName}}". Check that it contains the document\'s text.',
        unreadableDocx:
          "This Word document could not be read. It may be damaged, or it is not a .docx file (Word 97–2003 .doc files must be saved as .docx first).",
      },
    },
  },
} as const;
