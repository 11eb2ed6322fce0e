/** UI strings in "zh": Word tracked changes in an uploaded .docx, reviewed before the upload is made. */
export default {
  trackedChanges: {
    title: "{{fileName}} 中的修订",
    summary: "此文件在 {{paragraphs}}中有 {{authors}} 所作的 {{changes}}。",
    summaryNoAuthor: "此文件在 {{paragraphs}}中有 {{changes}}。",
    changes_other: "{{count}} 处修订",
    paragraphs_other: "{{count}} 个段落",
    unknownAuthor: "一位未署名的审阅者",
    explain:
      "尚未上传任何内容。此文件将按现状导入：保留所有插入内容，删除的文字将不复存在。" +
      "请检查下列修订，然后接受修订并上传，或拒绝此文件（并先在 Word 中处理这些修订）。",
    listLabel: "含有修订的段落",
    more_other: "另有 {{count}} 个含有修订的段落未在此列出。",
    inserted: "插入",
    deleted: "删除",
    movedHere: "移至此处",
    movedAway: "已移走",
    by: "作者：{{author}}",
    byOn: "作者：{{author}}，{{date}}",
    on: "{{date}}",
    paragraphBreak: "段落标记",
    chooseAgain: "如果上方已不再选中该文件，请在接受前重新选择同一文件。",
    chooseFileAgain: "请重新选择同一文件：页面返回时未保留该文件。然后在下方接受其修订。",
    accept: "接受修订并上传",
    cancel: "取消（拒绝此文件）",
    errors: {
      notAccepted: "“{{fileName}}”含有尚未接受的修订。请在上传页面查看这些修订，然后接受并上传。",
    },
  },
} as const;
