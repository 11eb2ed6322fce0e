/** Chinese (Simplified) UI strings: import (why an uploaded document could not be imported; app/lib/import). */
export default {
  import: {
    errors: {
      unreadableText: "“{{fileName}}”不是可读的文本文件。",
      binaryText: "“{{fileName}}”不是文本文件（其中包含二进制数据）。请上传 .docx、.txt 或 .md 文件。",
      notUtf8: "“{{fileName}}”不是 UTF-8 文本。请将其另存为 UTF-8 格式后重新上传。",
      tooLarge: "“{{fileName}}”过大（{{size}} MB）；上限为{{limit}} MB。",
      empty: "“{{fileName}}”为空。",
      unzipsTooLarge:
        "无法导入“{{fileName}}”：解压后将大于{{limit}} MB（Word 文档的文本远小于此；该文件可能已损坏或含有恶意内容）。",
      renamedWord97: "“{{fileName}}”是被重命名为 .docx 的旧版 Word 97–2003 文档。请在 Word 中打开并另存为 .docx。",
      notZip: "“{{fileName}}”不是 Word 文档：.docx 文件是 zip 压缩包，而此文件不是。",
      binaryNamedText: "“{{fileName}}”的文件名像文本文件，但其中包含二进制文件（Word 或 zip）。",
      noText: "“{{fileName}}”不含任何文本。",
      word97: "“{{fileName}}”是旧版 Word 97–2003 文档。请在 Word 中打开并另存为 .docx。",
      unsupportedFormat: "无法导入“{{fileName}}”：仅支持 Word（.docx）、文本（.txt）和 Markdown（.md）文件。",
      noParagraphs: "在“{{fileName}}”中未找到任何段落。请检查其中是否包含文件的文本。",
      unreadableDocx:
        "无法读取此 Word 文档。该文档可能已损坏，或不是 .docx 文件（Word 97–2003 的 .doc 文件须先另存为 .docx）。",
    },
  },
} as const;
