/** The language of an invitation (People page, organization page). */
export default {
  invitationLanguage: {
    label: "Language of the invitation",
    hint: "The email is written in this language, and the new account starts with it.",
  },
};
