/** UI strings in French: the language switch and the /language route (app/lib/language.ts). */
export default {
  language: {
    switchLabel: "Langue",
    errors: {
      unknown:
        "Cette langue n’est pas proposée. " +
        "Choisissez l’anglais, l’arabe, le chinois, l’espagnol, le français ou le russe.",
      returnAddress: "La page de retour n’est pas sur ce site.",
    },
  },
};
