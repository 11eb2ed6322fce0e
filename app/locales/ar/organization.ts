/** Arabic UI strings: a focal point's organization page (/organization). */
export default {
  organization: {
    title: "منظمتك",
    intro: "أعضاء {{name}} في المنصة. ادعُ المندوبين الذين يصوغون التعليقات لتراجعها.",
    accountLink: "منظمتك: الأعضاء والدعوات",
    members: {
      title: "الأعضاء",
      name: "الاسم",
      email: "البريد الإلكتروني",
      role: "الدور",
      status: "الحالة",
      active: "نشط",
      deactivated: "معطّل",
    },
    invite: {
      title: "دعوة مندوب",
      email: "عنوان البريد الإلكتروني",
      role: "الدور",
      roleHint: "تتولى الأمانة تسمية منسقي الاتصال.",
      submit: "إرسال الدعوة",
      sent:
        "أُرسلت الدعوة بالبريد الإلكتروني إلى {{email}}. " +
        "ولا يعمل الرابط إلا مرة واحدة، وتنتهي صلاحيته في {{date}}.",
      unavailable:
        "لا يمكن توجيه دعوة إلى هذا العنوان: فلديه بالفعل حساب أو دعوة معلّقة في المنصة. " +
        "اسأل الأمانة إن كان ينبغي أن ينضم هذا الشخص إلى منظمتك.",
      tooMany: "عدد الدعوات كبير جداً في وقت قصير. حاول مرة أخرى بعد {{seconds}} ثانية.",
    },
    invitations: {
      title: "الدعوات المعلّقة",
      empty: "لا توجد دعوات معلّقة.",
      email: "البريد الإلكتروني",
      role: "الدور",
      status: "الحالة",
      delivery: "إرسال البريد الإلكتروني",
      actions: "الإجراءات",
      pending: "معلّقة حتى {{date}}",
      expired: "انتهت صلاحيتها في {{date}}",
      withdraw: "سحب",
      withdrawLabel: "سحب الدعوة الموجهة إلى {{email}}",
      withdrawn: "سُحبت الدعوة الموجهة إلى {{email}}؛ ولم يعد رابطها يعمل.",
      notFound: "لم تعد هذه الدعوة موجودة.",
      alreadyAccepted: "سبق قبول هذه الدعوة.",
    },
  },
} as const;
