/** Chinese (Simplified) UI strings: dispositions. */
export default {
  dispositions: {
    pageTitle: "意见处理情况：{{title}}",
    metaTitle: "意见处理情况 · {{title}}",
    intro: "对{{label}}收到的每条意见及秘书处的说明，按文件顺序排列。",
    publishedOn: "公布于{{date}}。",
    preview: "预览：此表尚未公布。只有秘书处可以查看。",
    notPublished: "意见处理情况尚未公布。",
    notPublishedPage: {
      title: "意见处理情况尚未公布",
      what: "意见处理情况是一份表格，列有收到的每条意见、秘书处对每条意见的决定（接受、部分接受、不接受、注意到）及其说明。",
      when: "秘书处尚未公布此表：通常在意见征询期结束、意见汇总完成后公布。请稍后再来查看；磋商页面将提供其链接。",
      back: "返回{{title}}",
      backPlain: "返回磋商",
    },
    caption: "节：{{section}}",
    captionNoSection: "未涉及具体段落的意见",
    empty: "该版本未收到任何意见。",
    count_other: "{{count}}条意见。",
    status: {
      accepted: "接受",
      accepted_in_part: "部分接受",
      not_accepted: "不接受",
      noted: "注意到",
    },
    downloads: "下载表格",
    errors: {
      noComment: "不存在可作出决定的该意见。",
      notDecidable: "所选意见中有些无法作出决定（已撤回、未提交，或属于其他磋商）。",
      commentsHidden:
        "在意见征询期结束之前，本次磋商的意见不予公开，而意见处理表会显示这些意见：" +
        "请在意见征询期结束后公布此表（或先公布意见）。",
    },
  },
} as const;
