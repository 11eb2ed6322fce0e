/** French UI strings: contributions. */
export default {
  contributions: {
    title: "Contributions générales",
    intro:
      "Contribution écrite portant sur l’ensemble du document, présentée au nom de votre organisation, " +
      "accompagnée, le cas échéant, d’une pièce jointe PDF ou Word.",
    link: "Contributions générales",
    fields: { title: "Titre", body: "Contribution", attachment: "Pièce jointe (facultatif)" },
    attachmentHint: "PDF ou Word (.docx), {{max}} Mo au maximum.",
    send: "Envoyer la contribution",
    sending: "Envoi…",
    saved: "Votre contribution a été reçue.",
    cannotContribute:
      "Seul un point focal peut envoyer une contribution au nom d’une organisation, pendant que la " +
      "consultation est ouverte.",
    received: "Contributions reçues",
    yours: "Contributions de votre organisation",
    none: "Aucune contribution pour l’instant.",
    download: "Télécharger {{name}} ({{size}} Ko)",
    metaTitle: "Contributions générales · {{title}}",
    errors: {
      forbidden: "Seul un point focal peut envoyer une contribution au nom d’une organisation.",
      notOpen: "Cette consultation n’est pas ouverte aux contributions.",
      titleRequired: "Donnez un titre à votre contribution.",
      bodyRequired: "Rédigez votre contribution ou résumez le document joint.",
      attachmentEmpty: "Le fichier joint est vide.",
      attachmentTooLarge: "La pièce jointe dépasse {{max}} Mo.",
      attachmentType: "Joignez un document PDF ou Word (.docx).",
      attachmentDamaged: "Le fichier .docx joint est endommagé ou n’est pas un document Word.",
    },
  },
} as const;
