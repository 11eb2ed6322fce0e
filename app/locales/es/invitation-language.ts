/** The language of an invitation (People page, organization page). */
export default {
  invitationLanguage: {
    label: "Idioma de la invitación",
    hint: "El correo se redacta en este idioma, y la nueva cuenta se abre en él.",
  },
};
