/** Chinese (Simplified) UI strings of the reader (beyond core.ts's `reader`): the paragraph jump, honest counts. */
export default {
  jump: {
    label: "转至段落",
    placeholder: "例如 2.9 e",
    go: "转到",
    notFound: "本文件中没有第{{number}}段。请核对段落编号，或使用目录。",
    empty: "请输入段落编号，例如 2.9 e。",
  },
  documentPages: {
    label: "文件页面",
    position: "第{{current}}页，共{{count}}页",
    previous: "上一页",
    next: "下一页",
    all: "所有页面",
    continued: "{{heading}}（续）",
    item: "第{{number}}页：{{heading}}",
  },
  readerPage: {
    skipToDocument: "跳过目录，转至正文",
    compareWithPrevious: "与上一版本比较",
    compareWithNext: "与下一版本比较",
    // While submitted comments are not public (app/models/comment-read.server.ts), a paragraph
    // does not say "No comments": the reader cannot know, and it would be untrue.
    notPublishedYet: "意见在征询期结束后公布",
    // The labels start with the link's visible text (WCAG 2.5.3, label in name), then keep the usual
    // "… comments on paragraph N" shape: people (and tests) look for it.
    notPublishedYetLabel: "意见在征询期结束后公布：第{{number}}段的意见。打开以提出意见",
    yoursOnly_other: "本组织意见{{count}}条；其他意见稍后公布",
    yoursOnlyLabel_other: "本组织意见{{count}}条；其他意见稍后公布：本组织对第{{number}}段的{{count}}条意见。打开",
    panelNotPublished: "收到的意见在意见征询期结束后公布。在此之前，仅秘书处可阅读这些意见，各组织可阅读本组织的意见。",
    panelNotPublishedOwn: "其他组织的意见在意见征询期结束后公布；此处显示的是本组织的意见。",
    saved: "您的意见已保存。",
  },
} as const;
