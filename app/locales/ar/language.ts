/** UI strings in Arabic: the language switch and the /language route (app/lib/language.ts). */
export default {
  language: {
    switchLabel: "اللغة",
    errors: {
      unknown:
        "هذه اللغة غير متاحة. " + "يُرجى اختيار الإسبانية أو الإنكليزية أو الروسية أو الصينية أو العربية أو الفرنسية.",
      returnAddress: "الصفحة المطلوب الرجوع إليها ليست على هذا الموقع.",
    },
  },
};
