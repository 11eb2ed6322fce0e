/**
 * Arabic UI strings: the Outgoing mail page (app/routes/admin.mail.*), the
 * messages the platform queues (app/lib/mail/compose.ts composes them) and the
 * delivery state the People page shows.
 */
export default {
  mail: {
    title: "البريد الصادر",
    intro:
      "توضع كل رسالة بريد إلكتروني ترسلها المنصة في قائمة الانتظار هنا أولاً، في الخطوة نفسها التي تسببت فيها، ثم " +
      "تُسلَّم. وتُعاد محاولة إرسال الرسائل التي تعذّر إرسالها لسبب عارض؛ وتُعرض الرسائل الأخرى بوصفها رسائل فاشلة.",
    transport: {
      smtp: "تُسلَّم الرسائل عبر خادم البريد المحدد في SMTP_URL.",
      files:
        "لم يُضبط أي خادم بريد (SMTP_URL)، ولذلك تُكتب الرسائل في ملفات \u200E.eml في {{directory}} " +
        "بدلاً من إرسالها. افتح أحدها أدناه لقراءته.",
    },
    filter: "عرض",
    all: "الكل ({{count}})",
    status: {
      pending: "في الانتظار",
      sending: "جارٍ الإرسال",
      sent: "مُرسلة",
      failed: "فاشلة",
    },
    statusWithCount: "{{status}} ({{count}})",
    columns: {
      queued: "تاريخ الإدراج في قائمة الانتظار",
      to: "إلى",
      subject: "الموضوع",
      status: "الحالة",
      attempts: "المحاولات",
    },
    nextAttempt: "المحاولة التالية {{date}}",
    sentAt: "في {{date}}",
    empty: "لا توجد رسائل.",
    more: "الرسائل الأقدم",
    newer: "الرسائل الأحدث",
    message: {
      title: "الرسالة",
      back: "كل البريد الصادر",
      text: "النص",
      kind: "النوع",
      messageId: "Message-ID",
      lastError: "آخر خطأ",
    },
    common: {
      linkHint: "إذا لم يعمل الزر، فانسخ هذا العنوان في متصفحك:",
      expires: "لا يعمل الرابط إلا مرة واحدة، وتنتهي صلاحيته في {{date}}.",
    },
    invitation: {
      subject: "دعوة إلى منصة المشاورات",
      greeting: "تحية طيبة،",
      invitedBy: "دعاك {{inviter}} إلى منصة المشاورات.",
      invitedByOf: "دعاك {{inviter}} ({{inviterOrganization}}) إلى منصة المشاورات.",
      role: "ستشارك بصفة {{role}}.",
      roleOf: "ستشارك بصفة {{role}} عن {{organization}}.",
      next: "اختر اسمك وكلمة المرور باستخدام الرابط أدناه لإنشاء حسابك.",
      action: "قبول الدعوة",
      footer:
        "تصلك هذه الرسالة لأن دعوة وُجّهت إلى {{email}}. وإذا لم تكن تتوقعها، " +
        "فتجاهلها: لن يُنشأ أي حساب ما لم يُستخدم الرابط.",
    },
    accountApproved: {
      subject: "تمت الموافقة على طلب حسابك",
      greeting: "السيد/السيدة {{name}}،",
      approved: "تمت الموافقة على طلبك فتح حساب باسم {{organization}}: وستشارك بصفة {{role}}.",
      next: "اختر كلمة المرور باستخدام الرابط أدناه لإتمام إنشاء حسابك.",
      action: "إنشاء حسابك",
      footer: "تصلك هذه الرسالة لأن حساباً طُلب لـ {{email}}.",
    },
    accountRejected: {
      subject: "لم تتم الموافقة على طلب حسابك",
      greeting: "السيد/السيدة {{name}}،",
      rejected: "لم توافق الأمانة على طلبك فتح حساب باسم {{organization}}.",
      contact: "إذا كنت تعتقد أن في ذلك خطأً، فاكتب إلى أمانة المشاورة.",
      footer: "تصلك هذه الرسالة لأن حساباً طُلب لـ {{email}}.",
    },
    receipt: {
      subject: "إشعار الاستلام {{reference}}: التعليقات المقدَّمة على {{consultation}}",
      greeting: "السيد/السيدة {{name}}،",
      submittedByYou_zero: "لم تقدّم أي تعليق لـ {{organization}} على {{consultation}} في {{date}}.",
      submittedByYou_one:
        "قدّمت تعليقاً واحداً لـ {{organization}} على {{consultation}} في {{date}}. وقد أصبح الآن رسمياً.",
      submittedByYou_two: "قدّمت تعليقين لـ {{organization}} على {{consultation}} في {{date}}. وقد أصبحا الآن رسميين.",
      submittedByYou_few:
        "قدّمت {{count}} تعليقات لـ {{organization}} على {{consultation}} في {{date}}. وقد أصبحت الآن رسمية.",
      submittedByYou_many:
        "قدّمت {{count}} تعليقاً لـ {{organization}} على {{consultation}} في {{date}}. وقد أصبحت الآن رسمية.",
      submittedByYou_other:
        "قدّمت {{count}} تعليق لـ {{organization}} على {{consultation}} في {{date}}. وقد أصبحت الآن رسمية.",
      submittedYours_zero:
        "لم يقدّم {{submitter}} أي تعليق من التعليقات التي صغتها لـ {{organization}} على {{consultation}} " +
        "في {{date}}.",
      submittedYours_one:
        "قدّم {{submitter}} تعليقاً واحداً صغته لـ {{organization}} على {{consultation}} في {{date}}. " +
        "وقد أصبح الآن رسمياً.",
      submittedYours_two:
        "قدّم {{submitter}} تعليقين صغتهما لـ {{organization}} على {{consultation}} في {{date}}. " +
        "وقد أصبحا الآن رسميين.",
      submittedYours_few:
        "قدّم {{submitter}} {{count}} تعليقات صغتها لـ {{organization}} على {{consultation}} في {{date}}. " +
        "وقد أصبحت الآن رسمية.",
      submittedYours_many:
        "قدّم {{submitter}} {{count}} تعليقاً صغته لـ {{organization}} على {{consultation}} في {{date}}. " +
        "وقد أصبحت الآن رسمية.",
      submittedYours_other:
        "قدّم {{submitter}} {{count}} تعليق صغته لـ {{organization}} على {{consultation}} في {{date}}. " +
        "وقد أصبحت الآن رسمية.",
      reference: "مرجع إشعار الاستلام: {{reference}}",
      trackingNumbers: "أرقام التتبع: {{numbers}}",
      action: "عرض إشعار الاستلام",
      footerFocalPoint: "تصلك هذه الرسالة لأنك قدّمت هذه التعليقات باسم {{organization}}.",
      footerDelegate: "تصلك هذه الرسالة لأنك صغت تعليقات قُدّمت.",
    },
    people: {
      sendLink:
        "تُرسل الدعوة أيضاً إلى الشخص بالبريد الإلكتروني (وتظهر حالة تسليمها تحت «الدعوات الأخيرة»). وإذا لم " +
        "تصل، فانسخ هذا الرابط وأرسله بنفسك. ولا يعمل إلا مرة واحدة، وتنتهي صلاحيته في {{date}}.",
      delivery: "البريد الإلكتروني",
      queued: "في قائمة الانتظار",
      sent: "أُرسلت في {{date}}",
      failed: "لم تُسلَّم: {{error}}",
      none: "لا يوجد بريد إلكتروني",
    },
  },
} as const;
