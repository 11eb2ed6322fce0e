/** English UI strings: Word tracked changes in an uploaded .docx, reviewed before the upload is made. */
export default {
  trackedChanges: {
    title: "Tracked changes in {{fileName}}",
    summary: "This file has {{changes}} by {{authors}} in {{paragraphs}}.",
    summaryNoAuthor: "This file has {{changes}} in {{paragraphs}}.",
    changes_one: "{{count}} tracked change",
    changes_other: "{{count}} tracked changes",
    paragraphs_one: "{{count}} paragraph",
    paragraphs_other: "{{count}} paragraphs",
    unknownAuthor: "an unnamed reviewer",
    explain:
      "Nothing has been uploaded yet. The file would be imported as it stands: every insertion kept, every " +
      "deletion gone. Check the changes below, then accept them and upload, or refuse the file (and resolve " +
      "the changes in Word first).",
    listLabel: "Paragraphs with tracked changes",
    more_one: "{{count}} more paragraph with tracked changes is not listed here.",
    more_other: "{{count}} more paragraphs with tracked changes are not listed here.",
    inserted: "Inserted",
    deleted: "Deleted",
    movedHere: "Moved here",
    movedAway: "Moved away",
    by: "by {{author}}",
    byOn: "by {{author}}, {{date}}",
    on: "{{date}}",
    paragraphBreak: "paragraph break",
    chooseAgain: "If the file is no longer selected above, choose the same file again before accepting.",
    chooseFileAgain: "Choose the same file again: the page came back without it. Then accept its changes below.",
    accept: "Accept the changes and upload",
    cancel: "Cancel (refuse this file)",
    errors: {
      notAccepted:
        '"{{fileName}}" has tracked changes that were not accepted. Review them on the upload page, then accept ' +
        "them and upload.",
    },
  },
} as const;
