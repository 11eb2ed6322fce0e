/** The language of an invitation (People page, organization page). */
export default {
  invitationLanguage: {
    label: "邀请使用的语言",
    hint: "邀请邮件以此语言撰写，新账户也将默认使用此语言。",
  },
};
