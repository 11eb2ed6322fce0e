/** 中文界面文字：键盘和读屏软件的无障碍访问（不用鼠标引用一段文字）。 */
export default {
  a11y: {
    quote: {
      textLabel: "第{{number}}段的文本",
      hint: "用鼠标选择一段文字，或进入文本后按住 Shift 键并使用方向键进行选择，然后选择“就所选文字提出意见”。",
      commentOnSelection: "就所选文字提出意见",
      nothingSelected: "尚未选择任何内容。请先在该段文本中选择一段文字。",
      selected: "您的意见将引用：“{{quote}}”。",
    },
  },
} as const;
