/** UI strings in Chinese: the language switch and the /language route (app/lib/language.ts). */
export default {
  language: {
    switchLabel: "语言",
    errors: {
      unknown: "不提供此语言。请选择阿拉伯文、中文、英文、法文、俄文或西班牙文。",
      returnAddress: "要返回的页面不在本网站上。",
    },
  },
};
