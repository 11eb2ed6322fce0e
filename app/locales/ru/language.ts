/** UI strings in Russian: the language switch and the /language route (app/lib/language.ts). */
export default {
  language: {
    switchLabel: "Язык",
    errors: {
      unknown:
        "Этот язык не предлагается. " + "Выберите английский, арабский, испанский, китайский, русский или французский.",
      returnAddress: "Страница для возврата находится не на этом сайте.",
    },
  },
};
