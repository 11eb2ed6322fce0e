/** Spanish UI strings: import (why an uploaded document could not be imported; app/lib/import). */
export default {
  import: {
    errors: {
      unreadableText: "“{{fileName}}” no es un archivo de texto legible.",
      binaryText:
        "“{{fileName}}” no es un archivo de texto (contiene datos binarios). Cargue un archivo .docx, .txt o .md.",
      notUtf8: "“{{fileName}}” no es un texto en UTF-8. Guárdelo en UTF-8 y vuelva a cargarlo.",
      tooLarge: "“{{fileName}}” es demasiado grande ({{size}} MB); el límite es de {{limit}} MB.",
      empty: "“{{fileName}}” está vacío.",
      unzipsTooLarge:
        "No se puede importar “{{fileName}}”: una vez descomprimido superaría {{limit}} MB " +
        "(el texto de un documento de Word es mucho menor; puede estar dañado o ser malicioso).",
      renamedWord97:
        "“{{fileName}}” es un documento antiguo de Word 97–2003 al que se ha cambiado la extensión por .docx. " +
        "Ábralo en Word y guárdelo como .docx.",
      notZip: "“{{fileName}}” no es un documento de Word: un archivo .docx es un archivo zip, y este no lo es.",
      binaryNamedText:
        "“{{fileName}}” tiene nombre de archivo de texto, pero contiene un archivo binario (Word o zip).",
      noText: "“{{fileName}}” no contiene texto.",
      word97: "“{{fileName}}” es un documento antiguo de Word 97–2003. Ábralo en Word y guárdelo como .docx.",
      unsupportedFormat:
        "No se puede importar “{{fileName}}”: solo se admiten archivos de Word (.docx), de texto (.txt) y " +
        "Markdown (.md).",
      noParagraphs: "No se han encontrado párrafos en “{{fileName}}”. Compruebe que contiene el texto del documento.",
      unreadableDocx:
        "No se ha podido leer este documento de Word. Puede estar dañado o no ser un archivo .docx (los archivos " +
        ".doc de Word 97–2003 deben guardarse primero como .docx).",
    },
  },
} as const;
