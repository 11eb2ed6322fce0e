/** English UI strings: import (why an uploaded document could not be imported; app/lib/import). */
export default {
  import: {
    errors: {
      unreadableText: '"{{fileName}}" is not a readable text file.',
      binaryText: '"{{fileName}}" is not a text file (it contains binary data). Upload a .docx, .txt or .md file.',
      notUtf8: '"{{fileName}}" is not UTF-8 text. Save it as UTF-8 and upload it again.',
      tooLarge: '"{{fileName}}" is too large ({{size}} MB); the limit is {{limit}} MB.',
      empty: '"{{fileName}}" is empty.',
      unzipsTooLarge:
        '"{{fileName}}" cannot be imported: once unpacked it would be larger than {{limit}} MB ' +
        "(a Word document's text is far smaller; it may be damaged or hostile).",
      renamedWord97:
        '"{{fileName}}" is an old Word 97–2003 document renamed to .docx. Open it in Word and save it as .docx.',
      notZip: '"{{fileName}}" is not a Word document: a .docx file is a zip archive and this one is not.',
      binaryNamedText: '"{{fileName}}" is named like a text file but contains a binary (Word or zip) file.',
      noText: '"{{fileName}}" contains no text.',
      word97: '"{{fileName}}" is an old Word 97–2003 document. Open it in Word and save it as .docx.',
      unsupportedFormat:
        '"{{fileName}}" cannot be imported: only Word (.docx), text (.txt) and Markdown (.md) files are supported.',
      noParagraphs: 'No paragraphs were found in "{{fileName}}". Check that it contains the document\'s text.',
      unreadableDocx:
        "This Word document could not be read. It may be damaged, or it is not a .docx file (Word 97–2003 " +
        ".doc files must be saved as .docx first).",
    },
  },
} as const;
