/** Chinese (Simplified) UI strings: contributions. */
export default {
  contributions: {
    title: "一般性书面材料",
    intro: "代表本组织就整份文件提交的书面材料，可附 PDF 或 Word 附件（可选）。",
    link: "一般性书面材料",
    fields: { title: "标题", body: "书面材料", attachment: "附件（可选）" },
    attachmentHint: "PDF 或 Word（.docx），最大{{max}} MB。",
    send: "发送书面材料",
    sending: "正在发送…",
    saved: "已收到您的书面材料。",
    cannotContribute: "只有联络人才能在磋商开放期间代表组织发送书面材料。",
    received: "收到的书面材料",
    yours: "本组织的书面材料",
    none: "尚无书面材料。",
    download: "下载{{name}}（{{size}} KB）",
    metaTitle: "一般性书面材料 · {{title}}",
    errors: {
      forbidden: "只有联络人才能代表组织发送书面材料。",
      notOpen: "本次磋商未开放接收书面材料。",
      titleRequired: "请为您的书面材料输入标题。",
      bodyRequired: "请撰写您的书面材料，或概述所附文件的内容。",
      attachmentEmpty: "所附文件为空。",
      attachmentTooLarge: "附件大于{{max}} MB。",
      attachmentType: "请附上 PDF 或 Word（.docx）文件。",
      attachmentDamaged: "所附 .docx 文件已损坏或不是 Word 文档。",
    },
  },
} as const;
