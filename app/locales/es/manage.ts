/** Spanish UI strings: manage. */
export default {
  manage: {
    newTitle: "Abrir una consulta",
    newIntro:
      "Cargue el proyecto, fije el período de observaciones en el huso horario en que lo anuncie y publíquelo " +
      "para recabar observaciones.",
    newLink: "Abrir una consulta",
    metaTitle: "Abrir una consulta",
    fields: {
      title: "Título",
      slug: "Dirección web",
      summary: "Resumen",
      document: "Proyecto de documento",
      label: "Nombre de la versión",
      timeZone: "Huso horario del plazo",
      opensAt: "Apertura del período de observaciones",
      closesAt: "Cierre del período de observaciones",
      visibility: "Quién puede ver las observaciones",
    },
    hints: {
      slug: "Letras minúsculas, cifras y guiones; se convierte en /consultations/<dirección>.",
      document:
        "Word (.docx), Markdown (.md) o texto sin formato (.txt), hasta {{max}} MB. Se reconocen los párrafos " +
        "numerados.",
    },
    visibility: {
      after_close: "Publicadas por la Secretaría una vez vencido el plazo",
      during: "Públicas en cuanto se presentan",
    },
    open: "Importar y abrir a observaciones",
    importing: "Importando…",
    importingHint:
      "Se está leyendo el documento y numerando sus párrafos; los documentos extensos tardan unos segundos.",
    periodTitle: "Gestionar el período de observaciones",
    periodSave: "Guardar el período de observaciones",
    closeNow: "Cerrar ahora el período de observaciones",
    edit: {
      link: "Modificar la consulta",
      title: "Modificar la consulta",
      intro: "Cambie el título, el resumen y quién puede ver las observaciones de {{title}}.",
      save: "Guardar la consulta",
      saved: "Se ha guardado la consulta.",
      cancel: "Volver a la consulta",
    },
    upload: {
      title: "Cargar una nueva versión",
      intro: "Importe el siguiente texto del documento. Se publica de inmediato y se compara con la versión anterior.",
      pageTitle: "Cargar una nueva versión",
      file: "Archivo del documento",
      hint: "Word (.docx), Markdown (.md) o texto sin formato (.txt), hasta {{max}} MB.",
      label: "Nombre de la versión",
      labelHint: "P. ej., Proyecto 2 o Texto final.",
      status: "Publicar como",
      statusClosed: "Un nuevo texto para leer y comparar (podrá abrir un período de observaciones más adelante)",
      statusFinal: "El texto final",
      submit: "Cargar e importar",
      importing: "Importando el documento…",
      importingHint:
        "Se está leyendo el archivo, numerando sus párrafos, vinculándolos con la versión anterior y preparando " +
        "la comparación. Los documentos extensos tardan varios segundos; no cierre esta página.",
      done: "{{label}} se ha importado como versión {{number}}: {{count}} párrafos.",
      readIt: "Leer la versión {{number}}",
    },
    compareLink: "Comparar versiones",
    compareVersion: "Comparar la versión {{from}} con la versión {{to}}",
    timesIn: "Las horas se indican en {{zone}}.",
    errors: {
      fileRequired: "Elija el archivo de la nueva versión (.docx, .md o .txt).",
      titleRequired: "Dé un título a la consulta.",
      slugFormat: "Utilice letras minúsculas, cifras y guiones; p. ej., gca-guidelines-2026.",
      slugTaken: "Otra consulta ya utiliza la dirección “{{slug}}”.",
      timeZoneUnknown: "Elija un huso horario conocido.",
      visibilityRequired: "Elija quién puede ver las observaciones.",
      labelRequired: "Dé un nombre a esta versión; p. ej., Proyecto 1.",
      dateTimeRequired: "Indique una fecha y una hora.",
      bothDates: "Indique ambas fechas, con la hora.",
      periodOrder: "El período de observaciones debe cerrarse después de abrirse.",
      noPeriod: "Solo una versión publicada para recabar observaciones tiene período de observaciones.",
      documentRequired: "Elija el proyecto de documento (.docx, .md o .txt).",
      documentTooLarge: "El archivo supera {{max}} MB.",
      documentRefused: "No se puede importar este archivo: véase el mensaje que figura encima del formulario.",
    },
  },
} as const;
