/** English UI strings: dispositions. */
export default {
  dispositions: {
    pageTitle: "Disposition of comments: {{title}}",
    metaTitle: "Disposition of comments · {{title}}",
    intro: "Every comment received on {{label}}, with the secretariat's observations, in document order.",
    publishedOn: "Published on {{date}}.",
    preview: "Preview: this table is not published yet. Only the secretariat can see it.",
    notPublished: "The disposition of comments has not been published yet.",
    notPublishedPage: {
      title: "The disposition of comments is not published yet",
      what:
        "The disposition of comments is the table of every comment received, with the secretariat's decision " +
        "on each (accepted, accepted in part, not accepted, noted) and its observations.",
      when:
        "The secretariat has not published it yet: it usually does so once the comments are consolidated, " +
        "after the comment period. Come back later; the consultation's page will link to it.",
      back: "Back to {{title}}",
      backPlain: "Back to the consultation",
    },
    caption: "Section {{section}}",
    captionNoSection: "Comments without a paragraph",
    empty: "No comments were received on this version.",
    count_one: "{{count}} comment.",
    count_other: "{{count}} comments.",
    status: {
      accepted: "Accepted",
      accepted_in_part: "Accepted in part",
      not_accepted: "Not accepted",
      noted: "Noted",
    },
    downloads: "Download the table",
    errors: {
      noComment: "No such comment to decide on.",
      notDecidable:
        "Some of the selected comments cannot be decided on (withdrawn, not submitted, or of another consultation).",
      commentsHidden:
        "The comments of this consultation stay hidden until the comment period closes, and the disposition table " +
        "shows them: publish it after the period closes (or publish the comments first).",
    },
  },
} as const;
