/** English UI strings: language editions of a version (upload, reader, comment language, dashboard). */
export default {
  editions: {
    manage: {
      link: "Language editions",
      title: "Language editions of {{label}}",
      intro:
        "Upload the text of this version in another language. Its paragraphs are matched to the original's " +
        "by number and order; when a paragraph does not match, nothing is imported.",
      partialNote: "Paragraphs without a translation show the original text, marked as such.",
      none: "This version has no language edition yet.",
      tableCaption: "Language editions of this version",
      language: "Language",
      file: "File",
      updated: "Uploaded",
      coverage: "Translated paragraphs",
      coverageValue: "{{matched}} of {{total}}",
      comments: "Comments made on it",
      actions: "Actions",
      read: "Read the {{language}} edition",
      delete: "Delete the {{language}} edition",
      deleted: "The {{language}} edition was deleted.",
      uploadTitle: "Upload or replace an edition",
      fileLabel: "Translated text",
      fileHint: "Word (.docx), Markdown (.md) or text (.txt), at most {{max}} MB, numbered as the original.",
      languageHint: "Uploading a language that already has an edition replaces it.",
      submit: "Upload the edition",
      importing: "Importing…",
      saved: "The {{language}} edition was saved: {{matched}} of {{total}} paragraphs translated.",
      replaced: "The {{language}} edition was replaced: {{matched}} of {{total}} paragraphs translated.",
    },
    report: {
      refused: "The edition was not imported: some paragraphs do not match the original. Nothing was changed.",
      nothingMatched: "The edition was not imported: no paragraph of the file matches the original.",
      problemsTitle: "Paragraphs of the file that do not match",
      extra: "Paragraph {{position}} of the file ({{number}}): the original has no paragraph with this number.",
      extraUnnumbered:
        "Paragraph {{position}} of the file (unnumbered): the original has no paragraph left to match it.",
      outOfOrder:
        "Paragraph {{position}} of the file ({{number}}): this number comes earlier in the original, " +
        "or twice in the file.",
      numberMismatch: "Paragraph {{position}} of the file (unnumbered): the original has paragraph {{expected}} here.",
      excerpt: "It begins:",
      missingTitle: "Paragraphs of the original without a translation",
      unnumbered: "unnumbered paragraph (position {{position}})",
    },
    errors: {
      noSuchEdition: "This version has no edition in that language.",
      languageRequired: "Choose the language of the edition.",
      fileRequired: "Choose the file of the translated text.",
      refused: "This file was not imported.",
    },
    reader: {
      switchLabel: "Language of the text",
      original: "{{language}} (original)",
      showing: "You are reading the {{language}} edition. Paragraph numbers and comments are those of the original.",
      showOriginal: "Show the original",
      notTranslated: "Not translated: the original text is shown.",
      compareInEdition: "The {{language}} editions of both versions are compared.",
      compareOriginals: "Not both versions have a {{language}} edition: the original texts are compared.",
    },
    comment: {
      language: "Language of your comment",
      readIn: "Read in the {{language}} edition",
    },
    feedback: {
      language: "Language",
      allLanguages: "All languages",
      writtenIn: "Written in {{language}}",
    },
  },
} as const;
