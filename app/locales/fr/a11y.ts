/** Textes de l'interface en français : accès au clavier et au lecteur d'écran (citer un passage sans souris). */
export default {
  a11y: {
    quote: {
      textLabel: "Texte du paragraphe {{number}}",
      hint:
        "Sélectionnez un passage à la souris, ou placez-vous dans le texte et sélectionnez avec Maj et les " +
        "flèches, puis choisissez « Faire une observation sur la sélection ».",
      commentOnSelection: "Faire une observation sur la sélection",
      nothingSelected: "Rien n'est sélectionné. Sélectionnez d'abord un passage dans le texte du paragraphe.",
      selected: "Votre observation citera : « {{quote}} ».",
    },
  },
} as const;
