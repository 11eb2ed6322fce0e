/** The language of an invitation (People page, organization page). */
export default {
  invitationLanguage: {
    label: "لغة الدعوة",
    hint: "تُكتب الرسالة بهذه اللغة، ويبدأ الحساب الجديد بها.",
  },
};
