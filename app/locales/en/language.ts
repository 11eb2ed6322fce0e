/** English UI strings: the language switch and the /language route (app/lib/language.ts). */
export default {
  language: {
    switchLabel: "Language",
    errors: {
      unknown: "This language is not offered. Choose Arabic, Chinese, English, French, Russian or Spanish.",
      returnAddress: "The page to return to is not on this site.",
    },
  },
};
