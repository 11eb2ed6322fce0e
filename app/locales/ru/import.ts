/** Russian UI strings: import (why an uploaded document could not be imported; app/lib/import). */
export default {
  import: {
    errors: {
      unreadableText: "«{{fileName}}» не является читаемым текстовым файлом.",
      binaryText:
        "«{{fileName}}» не является текстовым файлом (он содержит двоичные данные). " +
        "Загрузите файл .docx, .txt или .md.",
      notUtf8: "Текст в файле «{{fileName}}» не в кодировке UTF-8. Сохраните его в кодировке UTF-8 и загрузите снова.",
      tooLarge: "Файл «{{fileName}}» слишком велик ({{size}} МБ); допускается не более {{limit}} МБ.",
      empty: "Файл «{{fileName}}» пуст.",
      unzipsTooLarge:
        "Файл «{{fileName}}» невозможно импортировать: после распаковки его размер превысил бы {{limit}} МБ " +
        "(текст документа Word намного меньше; возможно, файл поврежден или вредоносен).",
      renamedWord97:
        "«{{fileName}}» — это старый документ Word 97–2003, переименованный в .docx. Откройте его в Word " +
        "и сохраните в формате .docx.",
      notZip: "«{{fileName}}» не является документом Word: файл .docx представляет собой zip-архив, а этот файл — нет.",
      binaryNamedText: "Файл «{{fileName}}» назван как текстовый, но содержит двоичный файл (Word или zip).",
      noText: "Файл «{{fileName}}» не содержит текста.",
      word97: "«{{fileName}}» — это старый документ Word 97–2003. Откройте его в Word и сохраните в формате .docx.",
      unsupportedFormat:
        "Файл «{{fileName}}» невозможно импортировать: поддерживаются только файлы Word (.docx), текстовые " +
        "файлы (.txt) и файлы Markdown (.md).",
      noParagraphs: "В файле «{{fileName}}» не найдено ни одного пункта. Убедитесь, что он содержит текст документа.",
      unreadableDocx:
        "Не удалось прочитать этот документ Word. Возможно, он поврежден или не является файлом .docx " +
        "(файлы Word 97–2003 в формате .doc необходимо сначала сохранить в формате .docx).",
    },
  },
} as const;
