/** The language of an invitation (People page, organization page). */
export default {
  invitationLanguage: {
    label: "Langue de l’invitation",
    hint: "Le courriel est rédigé dans cette langue, et le nouveau compte s’ouvre dans celle-ci.",
  },
};
