/**
 * Arabic strings of the notices the platform emails to the people who take
 * part in a consultation: reminders before the deadline
 * (app/models/reminder.server.ts) and publication notices
 * (app/models/notice.server.ts).
 */
export default {
  notices: {
    edit: {
      reminderDays: "التذكيرات قبل الموعد النهائي (بالأيام)",
      reminderDaysHint:
        "تُرسل رسالة بالبريد الإلكتروني إلى الوفود التي لديها مسودات لم تُقدَّم، أو التي لم تعلّق، قبل كل موعد " +
        "نهائي بهذا العدد من الأيام، في الساعة نفسها من اليوم. مثلاً 7,1. اترك الحقل فارغاً إن لم ترد تذكيرات.",
    },
    errors: {
      reminderDays: "أدخل أعداداً صحيحة من الأيام بين 1 و60، تفصل بينها فواصل (5 أعداد على الأكثر)، مثلاً 7,1.",
    },
    greeting: "السيد/السيدة {{name}}،",
    version: "النسخة {{number}} ({{label}})",
    footer: "تصلك هذه الرسالة لأنك تشارك في المشاورات باسم {{organization}}.",
    workspaceAction: "فتح مساحة عمل وفدك",
    versionPublished: {
      subject: "نسخة جديدة من {{consultation}}: {{label}}",
      body: "نشرت الأمانة {{version}} من {{consultation}} في {{date}}.",
      action: "قراءة {{label}}",
    },
    periodOpened: {
      subject: "فتح باب التعليق على {{consultation}}",
      body: "تُفتح فترة التعليق على {{version}} من {{consultation}} في {{opens}} وتُغلق في {{closes}}.",
      howTo: "تُقدَّم التعليقات فقرةً فقرة في القارئ؛ ويتولى منسق الاتصال تقديمها باسم {{organization}}.",
      action: "القراءة والتعليق",
    },
    periodExtended: {
      subject: "تمديد الموعد النهائي: {{consultation}}",
      body: "مُدّد الموعد النهائي للتعليق على {{version}} من {{consultation}} من {{previous}} إلى {{closes}}.",
    },
    periodChanged: {
      subject: "تغيير فترة التعليق: {{consultation}}",
      body: "أصبحت فترة التعليق على {{version}} من {{consultation}} تُفتح في {{opens}} وتُغلق في {{closes}}.",
    },
    periodClosed: {
      subject: "إغلاق باب التعليق على {{consultation}}",
      body: "أُغلقت فترة التعليق على {{version}} من {{consultation}} في {{closes}}.",
      next: "لم يعد بالإمكان إبداء التعليقات أو تقديمها. وستتولى الأمانة الآن جمع التعليقات الواردة.",
      drafts_zero: "لا توجد مسودات تعليقات لـ {{organization}} لم تُقدَّم.",
      drafts_one: "لم تُقدَّم مسودة تعليق واحدة لـ {{organization}}، ولن يُنظر فيها.",
      drafts_two: "لم تُقدَّم مسودتا تعليقين لـ {{organization}}، ولن يُنظر فيهما.",
      drafts_few: "لم تُقدَّم {{count}} مسودات تعليقات لـ {{organization}}، ولن يُنظر فيها.",
      drafts_many: "لم تُقدَّم {{count}} مسودة تعليق لـ {{organization}}، ولن يُنظر فيها.",
      drafts_other: "لم تُقدَّم {{count}} مسودة تعليق لـ {{organization}}، ولن يُنظر فيها.",
    },
    commentsPublished: {
      subject: "نشر التعليقات الواردة: {{consultation}}",
      body: "نشرت الأمانة التعليقات الواردة على {{consultation}}.",
      own_zero: "لم تقدّم {{organization}} أي تعليقات.",
      own_one: "قدّمت {{organization}} تعليقاً واحداً.",
      own_two: "قدّمت {{organization}} تعليقين.",
      own_few: "قدّمت {{organization}} {{count}} تعليقات.",
      own_many: "قدّمت {{organization}} {{count}} تعليقاً.",
      own_other: "قدّمت {{organization}} {{count}} تعليق.",
      action: "عرض تعليقات وفدك",
    },
    dispositionsPublished: {
      subject: "نشر البت في التعليقات: {{consultation}}",
      body: "نشرت الأمانة البت في التعليقات على {{consultation}}: أي قرارها بشأن كل تعليق.",
      own_zero: "لا يتضمن الجدول أي تعليقات لـ {{organization}}.",
      own_one: "يتضمن الجدول تعليقاً واحداً لـ {{organization}}: {{summary}}.",
      own_two: "يتضمن الجدول تعليقين لـ {{organization}}: {{summary}}.",
      own_few: "يتضمن الجدول {{count}} تعليقات لـ {{organization}}: {{summary}}.",
      own_many: "يتضمن الجدول {{count}} تعليقاً لـ {{organization}}: {{summary}}.",
      own_other: "يتضمن الجدول {{count}} تعليق لـ {{organization}}: {{summary}}.",
      undecided: "لم يُبت فيه بعد",
      decision: "{{trackingNumber}} (الفقرة {{paragraph}}): {{decision}}",
      decisionNoParagraph: "{{trackingNumber}}: {{decision}}",
      more_zero: "ولا توجد تعليقات أخرى.",
      more_one: "وتعليق آخر.",
      more_two: "وتعليقان آخران.",
      more_few: "و{{count}} تعليقات أخرى.",
      more_many: "و{{count}} تعليقاً آخر.",
      more_other: "و{{count}} تعليق آخر.",
      table: "الجدول كاملاً: {{url}}",
      action: "عرض تعليقات وفدك",
    },
    reminder: {
      subject: "تذكير: تُغلق فترة التعليق على {{consultation}} في {{date}}",
      closes_zero: "تُغلق فترة التعليق على {{version}} من {{consultation}} في {{date}}، أي اليوم.",
      closes_one: "تُغلق فترة التعليق على {{version}} من {{consultation}} في {{date}}، أي بعد يوم واحد.",
      closes_two: "تُغلق فترة التعليق على {{version}} من {{consultation}} في {{date}}، أي بعد يومين.",
      closes_few: "تُغلق فترة التعليق على {{version}} من {{consultation}} في {{date}}، أي بعد {{count}} أيام.",
      closes_many: "تُغلق فترة التعليق على {{version}} من {{consultation}} في {{date}}، أي بعد {{count}} يوماً.",
      closes_other: "تُغلق فترة التعليق على {{version}} من {{consultation}} في {{date}}، أي بعد {{count}} يوم.",
      ownDrafts_zero:
        "ليس لديك أي مسودة تعليق لم تُقدَّم. ولا تصل المسودات إلى الأمانة إلا بعد أن يقدّمها منسق " +
        "الاتصال في {{organization}}.",
      ownDrafts_one:
        "لديك مسودة تعليق واحدة لم تُقدَّم. ولا تصل المسودة إلى الأمانة إلا بعد أن يقدّمها منسق " +
        "الاتصال في {{organization}}.",
      ownDrafts_two:
        "لديك مسودتا تعليقين لم تُقدَّما. ولا تصل المسودات إلى الأمانة إلا بعد أن يقدّمها منسق " +
        "الاتصال في {{organization}}.",
      ownDrafts_few:
        "لديك {{count}} مسودات تعليقات لم تُقدَّم. ولا تصل المسودات إلى الأمانة إلا بعد أن يقدّمها منسق " +
        "الاتصال في {{organization}}.",
      ownDrafts_many:
        "لديك {{count}} مسودة تعليق لم تُقدَّم. ولا تصل المسودات إلى الأمانة إلا بعد أن يقدّمها منسق " +
        "الاتصال في {{organization}}.",
      ownDrafts_other:
        "لديك {{count}} مسودة تعليق لم تُقدَّم. ولا تصل المسودات إلى الأمانة إلا بعد أن يقدّمها منسق " +
        "الاتصال في {{organization}}.",
      waiting_zero: "لا توجد مسودات تعليقات لـ {{organization}} بانتظار أن تقدّمها.",
      waiting_one: "توجد مسودة تعليق واحدة لـ {{organization}} بانتظار أن تقدّمها.",
      waiting_two: "توجد مسودتا تعليقين لـ {{organization}} بانتظار أن تقدّمهما.",
      waiting_few: "توجد {{count}} مسودات تعليقات لـ {{organization}} بانتظار أن تقدّمها.",
      waiting_many: "توجد {{count}} مسودة تعليق لـ {{organization}} بانتظار أن تقدّمها.",
      waiting_other: "توجد {{count}} مسودة تعليق لـ {{organization}} بانتظار أن تقدّمها.",
      notCommented: "لم تعلّق {{organization}} على هذه النسخة بعد.",
      footer: "يصلك هذا التذكير لأنك تشارك في هذه المشاورة باسم {{organization}}.",
    },
  },
} as const;
