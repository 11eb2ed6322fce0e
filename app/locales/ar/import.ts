/** Arabic UI strings: import (why an uploaded document could not be imported; app/lib/import). */
export default {
  import: {
    errors: {
      unreadableText: "«{{fileName}}» ليس ملفاً نصياً قابلاً للقراءة.",
      binaryText: "«{{fileName}}» ليس ملفاً نصياً (إذ يحتوي على بيانات ثنائية). حمّل ملفاً بصيغة docx أو txt أو md.",
      notUtf8: "«{{fileName}}» ليس نصاً بترميز UTF-8. احفظه بترميز UTF-8 ثم حمّله مرة أخرى.",
      tooLarge: "«{{fileName}}» كبير جداً ({{size}} ميغابايت)؛ والحد الأقصى {{limit}} ميغابايت.",
      empty: "«{{fileName}}» فارغ.",
      unzipsTooLarge:
        "لا يمكن استيراد «{{fileName}}»: إذ سيتجاوز حجمه بعد فك الضغط {{limit}} ميغابايت " +
        "(ونص وثيقة Word أصغر من ذلك بكثير؛ وقد يكون الملف تالفاً أو ضاراً).",
      renamedWord97:
        "«{{fileName}}» وثيقة Word قديمة (97–2003) غُيّر امتدادها إلى docx. افتحها في Word واحفظها بصيغة docx.",
      notZip: "«{{fileName}}» ليس وثيقة Word: فملف \u200E.docx أرشيف zip، وهذا الملف ليس كذلك.",
      binaryNamedText: "«{{fileName}}» يحمل اسم ملف نصي ولكنه يحتوي على ملف ثنائي (Word أو zip).",
      noText: "«{{fileName}}» لا يحتوي على أي نص.",
      word97: "«{{fileName}}» وثيقة Word قديمة (97–2003). افتحها في Word واحفظها بصيغة \u200E.docx.",
      unsupportedFormat:
        "لا يمكن استيراد «{{fileName}}»: لا تُقبل إلا ملفات Word (.docx) والملفات النصية (.txt) وملفات Markdown (.md).",
      noParagraphs: "لم يُعثر على أي فقرات في «{{fileName}}». تحقق من أنه يحتوي على نص الوثيقة.",
      unreadableDocx:
        "تعذّرت قراءة وثيقة Word هذه. فقد تكون تالفة، أو ليست ملفاً بصيغة \u200E.docx (يجب أولاً حفظ ملفات " +
        "\u200E.doc من إصدارات Word 97–2003 بصيغة \u200E.docx).",
    },
  },
} as const;
