/** Spanish UI strings: contributions. */
export default {
  contributions: {
    title: "Contribuciones generales",
    intro:
      "Una comunicación escrita sobre el conjunto del documento, en nombre de su organización, con un archivo " +
      "adjunto opcional en PDF o Word.",
    link: "Contribuciones generales",
    fields: { title: "Título", body: "Contribución", attachment: "Archivo adjunto (opcional)" },
    attachmentHint: "PDF o Word (.docx), hasta {{max}} MB.",
    send: "Enviar la contribución",
    sending: "Enviando…",
    saved: "Se ha recibido su contribución.",
    cannotContribute:
      "Solo un punto focal puede enviar una contribución en nombre de una organización, mientras la consulta " +
      "esté abierta.",
    received: "Contribuciones recibidas",
    yours: "Contribuciones de su organización",
    none: "Todavía no hay contribuciones.",
    download: "Descargar {{name}} ({{size}} KB)",
    metaTitle: "Contribuciones generales · {{title}}",
    errors: {
      forbidden: "Solo un punto focal puede enviar una contribución en nombre de una organización.",
      notOpen: "Esta consulta no está abierta a contribuciones.",
      titleRequired: "Dé un título a su contribución.",
      bodyRequired: "Redacte su contribución o resuma el documento adjunto.",
      attachmentEmpty: "El archivo adjunto está vacío.",
      attachmentTooLarge: "El archivo adjunto supera {{max}} MB.",
      attachmentType: "Adjunte un documento PDF o Word (.docx).",
      attachmentDamaged: "El archivo .docx adjunto está dañado o no es un documento de Word.",
    },
  },
} as const;
