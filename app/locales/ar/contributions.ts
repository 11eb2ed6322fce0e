/** Arabic UI strings: contributions. */
export default {
  contributions: {
    title: "المساهمات العامة",
    intro: "مساهمة مكتوبة بشأن الوثيقة بأكملها، باسم منظمتك، مع مرفق اختياري بصيغة PDF أو Word.",
    link: "المساهمات العامة",
    fields: { title: "العنوان", body: "المساهمة", attachment: "المرفق (اختياري)" },
    attachmentHint: "PDF أو Word (.docx)، حتى {{max}} ميغابايت.",
    send: "إرسال المساهمة",
    sending: "جارٍ الإرسال…",
    saved: "وردت مساهمتك.",
    cannotContribute: "لا يمكن إلا لمنسق الاتصال إرسال مساهمة باسم منظمة، وذلك ما دامت المشاورة مفتوحة.",
    received: "المساهمات الواردة",
    yours: "مساهمات منظمتك",
    none: "لا توجد مساهمات بعد.",
    download: "تنزيل {{name}} ({{size}} كيلوبايت)",
    metaTitle: "المساهمات العامة · {{title}}",
    errors: {
      forbidden: "لا يمكن إلا لمنسق الاتصال إرسال مساهمة باسم منظمة.",
      notOpen: "هذه المشاورة غير مفتوحة لتلقي المساهمات.",
      titleRequired: "أعطِ مساهمتك عنواناً.",
      bodyRequired: "اكتب مساهمتك، أو لخّص الوثيقة المرفقة.",
      attachmentEmpty: "الملف المرفق فارغ.",
      attachmentTooLarge: "حجم المرفق يتجاوز {{max}} ميغابايت.",
      attachmentType: "أرفق وثيقة بصيغة PDF أو Word (.docx).",
      attachmentDamaged: "ملف \u200E.docx المرفق تالف أو ليس وثيقة Word.",
    },
  },
} as const;
