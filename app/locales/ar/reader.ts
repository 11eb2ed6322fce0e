/** Arabic UI strings of the reader (beyond core.ts's `reader`): the paragraph jump, honest counts. */
export default {
  jump: {
    label: "الانتقال إلى فقرة",
    placeholder: "مثلاً 2.9 e",
    go: "انتقال",
    notFound: "لا توجد فقرة {{number}} في هذه الوثيقة. تحقق من الرقم، أو استعن بالمحتويات.",
    empty: "اكتب رقم فقرة، مثلاً 2.9 e.",
  },
  documentPages: {
    label: "صفحات الوثيقة",
    position: "الصفحة {{current}} من {{count}}",
    previous: "الصفحة السابقة",
    next: "الصفحة التالية",
    all: "جميع الصفحات",
    continued: "{{heading}} (تابع)",
    item: "الصفحة {{number}}: {{heading}}",
  },
  readerPage: {
    skipToDocument: "تخطي المحتويات والانتقال إلى النص",
    compareWithPrevious: "المقارنة مع النسخة السابقة",
    compareWithNext: "المقارنة مع النسخة التالية",
    // While submitted comments are not public (app/models/comment-read.server.ts), a paragraph
    // does not say "No comments": the reader cannot know, and it would be untrue.
    notPublishedYet: "تُنشر التعليقات بعد انتهاء الفترة",
    // The labels start with the link's visible text (WCAG 2.5.3, label in name), then keep the usual
    // "… comments on paragraph N" shape: people (and tests) look for it.
    notPublishedYetLabel: "تُنشر التعليقات بعد انتهاء الفترة: التعليقات على الفقرة {{number}}. فتح للتعليق",
    yoursOnly_zero: "لا شيء من منظمتك؛ وتُنشر التعليقات الأخرى لاحقاً",
    yoursOnly_one: "تعليق واحد من منظمتك؛ وتُنشر التعليقات الأخرى لاحقاً",
    yoursOnly_two: "تعليقان من منظمتك؛ وتُنشر التعليقات الأخرى لاحقاً",
    yoursOnly_few: "{{count}} تعليقات من منظمتك؛ وتُنشر التعليقات الأخرى لاحقاً",
    yoursOnly_many: "{{count}} تعليقاً من منظمتك؛ وتُنشر التعليقات الأخرى لاحقاً",
    yoursOnly_other: "{{count}} تعليق من منظمتك؛ وتُنشر التعليقات الأخرى لاحقاً",
    yoursOnlyLabel_zero:
      "لا شيء من منظمتك؛ وتُنشر التعليقات الأخرى لاحقاً: لا توجد تعليقات على الفقرة {{number}} " + "من منظمتك. فتح",
    yoursOnlyLabel_one:
      "تعليق واحد من منظمتك؛ وتُنشر التعليقات الأخرى لاحقاً: تعليق واحد على الفقرة {{number}} " + "من منظمتك. فتح",
    yoursOnlyLabel_two:
      "تعليقان من منظمتك؛ وتُنشر التعليقات الأخرى لاحقاً: تعليقان على الفقرة {{number}} " + "من منظمتك. فتح",
    yoursOnlyLabel_few:
      "{{count}} تعليقات من منظمتك؛ وتُنشر التعليقات الأخرى لاحقاً: {{count}} تعليقات على الفقرة {{number}} " +
      "من منظمتك. فتح",
    yoursOnlyLabel_many:
      "{{count}} تعليقاً من منظمتك؛ وتُنشر التعليقات الأخرى لاحقاً: {{count}} تعليقاً على الفقرة {{number}} " +
      "من منظمتك. فتح",
    yoursOnlyLabel_other:
      "{{count}} تعليق من منظمتك؛ وتُنشر التعليقات الأخرى لاحقاً: {{count}} تعليق على الفقرة {{number}} " +
      "من منظمتك. فتح",
    panelNotPublished:
      "تُنشر التعليقات الواردة بعد انتهاء فترة التعليق. وحتى ذلك الحين لا تطّلع عليها إلا الأمانة، " +
      "وتطّلع كل منظمة على تعليقاتها.",
    panelNotPublishedOwn: "تُنشر تعليقات المنظمات الأخرى بعد انتهاء فترة التعليق؛ وتُعرض هنا تعليقات منظمتك.",
    saved: "حُفظ تعليقك.",
  },
} as const;
