/** Spanish UI strings: dispositions. */
export default {
  dispositions: {
    pageTitle: "Tratamiento de las observaciones: {{title}}",
    metaTitle: "Tratamiento de las observaciones · {{title}}",
    intro:
      "Todas las observaciones recibidas sobre {{label}}, con las observaciones de la Secretaría, en el orden " +
      "del documento.",
    publishedOn: "Publicado el {{date}}.",
    preview: "Vista previa: este cuadro todavía no se ha publicado. Solo la Secretaría puede verlo.",
    notPublished: "El tratamiento de las observaciones todavía no se ha publicado.",
    notPublishedPage: {
      title: "El tratamiento de las observaciones todavía no se ha publicado",
      what:
        "El tratamiento de las observaciones es el cuadro de todas las observaciones recibidas, con la decisión " +
        "de la Secretaría sobre cada una (aceptada, aceptada en parte, no aceptada, se toma nota) y sus " +
        "observaciones.",
      when:
        "La Secretaría todavía no lo ha publicado: suele hacerlo una vez consolidadas las observaciones, tras " +
        "el período de observaciones. Vuelva más adelante; la página de la consulta incluirá un enlace.",
      back: "Volver a {{title}}",
      backPlain: "Volver a la consulta",
    },
    caption: "Sección {{section}}",
    captionNoSection: "Observaciones sin párrafo",
    empty: "No se han recibido observaciones sobre esta versión.",
    count_one: "{{count}} observación.",
    count_many: "{{count}} observaciones.",
    count_other: "{{count}} observaciones.",
    status: {
      accepted: "Aceptada",
      accepted_in_part: "Aceptada en parte",
      not_accepted: "No aceptada",
      noted: "Se toma nota",
    },
    downloads: "Descargar el cuadro",
    errors: {
      noComment: "No existe esa observación sobre la que decidir.",
      notDecidable:
        "No se puede decidir sobre algunas de las observaciones seleccionadas (retiradas, no presentadas o " +
        "de otra consulta).",
      commentsHidden:
        "Las observaciones de esta consulta permanecen ocultas hasta que se cierra el período de observaciones, " +
        "y el cuadro de tratamiento las muestra: publíquelo después del cierre del período (o publique antes " +
        "las observaciones).",
    },
  },
} as const;
