/** English UI strings of the reader (beyond core.ts's `reader`): the paragraph jump, honest counts. */
export default {
  jump: {
    label: "Go to paragraph",
    placeholder: "e.g. 2.9 e",
    go: "Go",
    notFound: "There is no paragraph {{number}} in this document. Check the number, or use the contents.",
    empty: "Type a paragraph number, for example 2.9 e.",
  },
  documentPages: {
    label: "Pages of the document",
    position: "Page {{current}} of {{count}}",
    previous: "Previous page",
    next: "Next page",
    all: "All pages",
    continued: "{{heading}} (continued)",
    item: "Page {{number}}: {{heading}}",
  },
  readerPage: {
    skipToDocument: "Skip the contents to the text",
    compareWithPrevious: "Compare with the previous version",
    compareWithNext: "Compare with the next version",
    // While submitted comments are not public (app/models/comment-read.server.ts), a paragraph
    // does not say "No comments": the reader cannot know, and it would be untrue.
    notPublishedYet: "Comments published after the period",
    // The labels start with the link's visible text (WCAG 2.5.3, label in name), then keep the usual
    // "… comments on paragraph N" shape: people (and tests) look for it.
    notPublishedYetLabel: "Comments published after the period: comments on paragraph {{number}}. Open to comment",
    yoursOnly_one: "{{count}} of your organization's; others published later",
    yoursOnly_other: "{{count}} of your organization's; others published later",
    yoursOnlyLabel_one:
      "{{count}} of your organization's; others published later: {{count}} comment on paragraph {{number}} " +
      "from your organization. Open",
    yoursOnlyLabel_other:
      "{{count}} of your organization's; others published later: {{count}} comments on paragraph {{number}} " +
      "from your organization. Open",
    panelNotPublished:
      "The comments received are published after the comment period. Until then only the secretariat reads " +
      "them, and each organization reads its own.",
    panelNotPublishedOwn:
      "Other organizations' comments are published after the comment period; here you see your organization's.",
    saved: "Your comment was saved.",
  },
} as const;
