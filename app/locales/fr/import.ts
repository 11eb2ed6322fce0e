/** French UI strings: import (why an uploaded document could not be imported; app/lib/import). */
export default {
  import: {
    errors: {
      unreadableText: "« {{fileName}} » n’est pas un fichier texte lisible.",
      binaryText:
        "« {{fileName}} » n’est pas un fichier texte (il contient des données binaires). Téléversez un fichier " +
        ".docx, .txt ou .md.",
      notUtf8:
        "« {{fileName}} » n’est pas un texte encodé en UTF-8. Enregistrez-le en UTF-8 et téléversez-le de nouveau.",
      tooLarge: "« {{fileName}} » est trop volumineux ({{size}} Mo) ; la limite est de {{limit}} Mo.",
      empty: "« {{fileName}} » est vide.",
      unzipsTooLarge:
        "« {{fileName}} » ne peut pas être importé : une fois décompressé, il dépasserait {{limit}} Mo " +
        "(le texte d’un document Word est bien plus léger ; le fichier est peut-être endommagé ou malveillant).",
      renamedWord97:
        "« {{fileName}} » est un ancien document Word 97–2003 renommé en .docx. Ouvrez-le dans Word et " +
        "enregistrez-le au format .docx.",
      notZip:
        "« {{fileName}} » n’est pas un document Word : un fichier .docx est une archive zip, ce qui n’est pas " +
        "le cas de celui-ci.",
      binaryNamedText:
        "« {{fileName}} » porte le nom d’un fichier texte, mais contient un fichier binaire (Word ou zip).",
      noText: "« {{fileName}} » ne contient pas de texte.",
      word97:
        "« {{fileName}} » est un ancien document Word 97–2003. Ouvrez-le dans Word et enregistrez-le au format .docx.",
      unsupportedFormat:
        "« {{fileName}} » ne peut pas être importé : seuls les fichiers Word (.docx), texte (.txt) et Markdown " +
        "(.md) sont pris en charge.",
      noParagraphs:
        "Aucun paragraphe n’a été trouvé dans « {{fileName}} ». Vérifiez qu’il contient bien le texte du document.",
      unreadableDocx:
        "Ce document Word n’a pas pu être lu. Il est peut-être endommagé, ou il ne s’agit pas d’un fichier .docx " +
        "(les fichiers .doc Word 97–2003 doivent d’abord être enregistrés au format .docx).",
    },
  },
} as const;
