/** The language of an invitation (People page, organization page). */
export default {
  invitationLanguage: {
    label: "Язык приглашения",
    hint: "Письмо будет написано на этом языке, и новая учётная запись откроется на нём.",
  },
};
