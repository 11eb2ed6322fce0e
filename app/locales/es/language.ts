/** UI strings in Spanish: the language switch and the /language route (app/lib/language.ts). */
export default {
  language: {
    switchLabel: "Idioma",
    errors: {
      unknown: "Este idioma no está disponible. Elija árabe, chino, español, francés, inglés o ruso.",
      returnAddress: "La página de regreso no pertenece a este sitio.",
    },
  },
};
