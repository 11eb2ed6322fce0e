/** UI strings in "es": language editions of a version (upload, reader, comment language, dashboard). */
export default {
  editions: {
    manage: {
      link: "Versiones lingüísticas",
      title: "Versiones lingüísticas de {{label}}",
      intro:
        "Cargue el texto de esta versión en otro idioma. Sus párrafos se hacen corresponder con los del original " +
        "por número y por orden; si un párrafo no corresponde, no se importa nada.",
      partialNote: "Los párrafos sin traducción muestran el texto original, señalado como tal.",
      none: "Esta versión aún no tiene ninguna versión lingüística.",
      tableCaption: "Versiones lingüísticas de esta versión",
      language: "Idioma",
      file: "Archivo",
      updated: "Cargada el",
      coverage: "Párrafos traducidos",
      coverageValue: "{{matched}} de {{total}}",
      comments: "Observaciones formuladas sobre ella",
      actions: "Acciones",
      read: "Leer la versión lingüística en {{language}}",
      delete: "Eliminar la versión lingüística en {{language}}",
      deleted: "Se ha eliminado la versión lingüística en {{language}}.",
      uploadTitle: "Cargar o sustituir una versión lingüística",
      fileLabel: "Texto traducido",
      fileHint: "Word (.docx), Markdown (.md) o texto (.txt), {{max}} MB como máximo, numerado como el original.",
      languageHint: "Cargar un idioma que ya tiene una versión lingüística la sustituye.",
      submit: "Cargar la versión lingüística",
      importing: "Importando…",
      saved: "Se ha guardado la versión lingüística en {{language}}: {{matched}} de {{total}} párrafos traducidos.",
      replaced:
        "Se ha sustituido la versión lingüística en {{language}}: {{matched}} de {{total}} párrafos traducidos.",
    },
    report: {
      refused:
        "No se ha importado la versión lingüística: algunos párrafos no corresponden al original. " +
        "No se ha modificado nada.",
      nothingMatched: "No se ha importado la versión lingüística: ningún párrafo del archivo corresponde al original.",
      problemsTitle: "Párrafos del archivo que no corresponden",
      extra: "Párrafo {{position}} del archivo ({{number}}): el original no tiene ningún párrafo con este número.",
      extraUnnumbered:
        "Párrafo {{position}} del archivo (sin número): no queda ningún párrafo del original con el que " +
        "hacerlo corresponder.",
      outOfOrder:
        "Párrafo {{position}} del archivo ({{number}}): este número aparece antes en el original, " +
        "o dos veces en el archivo.",
      numberMismatch: "Párrafo {{position}} del archivo (sin número): el original tiene aquí el párrafo {{expected}}.",
      excerpt: "Comienza así:",
      missingTitle: "Párrafos del original sin traducción",
      unnumbered: "párrafo sin número (posición {{position}})",
    },
    errors: {
      noSuchEdition: "Esta versión no tiene ninguna versión lingüística en ese idioma.",
      languageRequired: "Elija el idioma de la versión lingüística.",
      fileRequired: "Elija el archivo del texto traducido.",
      refused: "Este archivo no se ha importado.",
    },
    reader: {
      switchLabel: "Idioma del texto",
      original: "{{language}} (original)",
      showing:
        "Está leyendo la versión lingüística en {{language}}. Los números de párrafo y las observaciones " +
        "son los del original.",
      showOriginal: "Mostrar el original",
      notTranslated: "Sin traducir: se muestra el texto original.",
      compareInEdition: "Se comparan las versiones lingüísticas en {{language}} de ambas versiones.",
      compareOriginals:
        "No ambas versiones tienen una versión lingüística en {{language}}: se comparan los textos originales.",
    },
    comment: {
      language: "Idioma de su observación",
      readIn: "Leída en la versión lingüística en {{language}}",
    },
    feedback: {
      language: "Idioma",
      allLanguages: "Todos los idiomas",
      writtenIn: "Redactada en {{language}}",
    },
  },
} as const;
