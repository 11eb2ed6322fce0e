/** French UI strings: editor, comments. */
export default {
  editor: {
    toolbar: "Mise en forme",
    bold: "Gras",
    italic: "Italique",
    bulletList: "Liste à puces",
    orderedList: "Liste numérotée",
    link: "Lien",
    removeLink: "Supprimer le lien",
    linkPrompt: "Adresse du lien (commençant par https://, http:// ou mailto:)",
    linkInvalid: "Les liens doivent commencer par http://, https:// ou mailto:.",
  },
  comments: {
    panelTitle: "Observations sur le paragraphe {{number}}",
    close: "Fermer les observations",
    none: "Aucune observation sur ce paragraphe pour l’instant.",
    add: "Ajouter une observation",
    signInToComment: "Se connecter pour formuler une observation",
    roleCannotComment: "Votre rôle permet de lire et de comparer les versions, mais pas de formuler des observations.",
    // The secretariat: not a refusal without a reason, and where its own work is.
    secretariatCannotComment:
      "Les observations émanent des délégations et des autres parties prenantes, chacune pour son organisation. " +
      "Le secrétariat ne formule pas d’observations : il compile celles qui lui sont adressées, décide de la " +
      "suite à donner à chacune et publie le résultat.",
    roleCannotCommentFeedback: "Compiler les observations reçues dans le tableau de bord des observations",
    selectHint: "Sélectionnez un passage pour formuler une observation à son sujet.",
    sourceDocument: "Consignée dans le document source",
    unknownOrganization: "Organisation inconnue",
    commentBy: "Observation de {{who}}",
    onPhrase: "Sur le passage",
    clearQuote: "Formuler plutôt une observation sur l’ensemble du paragraphe",
    proposedText: "Modification proposée",
    proposedTextLabel: "Texte de remplacement proposé (facultatif)",
    proposedTextHint: "Le libellé que vous souhaitez pour le paragraphe ou le passage sélectionné.",
    type: "Type d’observation",
    types: { general: "Général", technical: "Technique", editorial: "Rédactionnel" },
    status: { draft: "Brouillon (visible par votre organisation)", submitted: "Soumise", withdrawn: "Retirée" },
    body: "Observation",
    submitNow: "Soumettre dès maintenant comme observation officielle de l’organisation",
    draftHint:
      "Votre observation est enregistrée comme brouillon ; votre point focal la soumet au nom de l’organisation.",
    save: "Enregistrer l’observation",
    saveChanges: "Enregistrer les modifications",
    saving: "Enregistrement…",
    submitOfficial: "Soumettre au nom de l’organisation",
    edit: "Modifier",
    withdraw: "Retirer",
    history_one: "Historique ({{count}} révision)",
    history_many: "Historique ({{count}} révisions)",
    history_other: "Historique ({{count}} révisions)",
    historyTitle: "Révisions",
    events: { created: "Créée", edited: "Modifiée", submitted: "Soumise", withdrawn: "Retirée" },
    errors: {
      notOpen: "Cette version n’est pas ouverte aux observations.",
      opensOn: "La période de consultation s’ouvre le {{date}} ({{timeZone}}).",
      closedOn: "La période de consultation a pris fin le {{date}} ({{timeZone}}).",
      noOrganization:
        "Votre compte n’est rattaché à aucune organisation ; il ne peut donc pas formuler d’observations. " +
        "Adressez-vous au secrétariat.",
      quoteNotFound: "Le passage sélectionné ne figure pas dans ce paragraphe.",
      withdrawn: "Cette observation a été retirée.",
      saveFailed:
        "Votre observation n’a pas pu être enregistrée pour le moment. Elle est conservée dans ce navigateur : " +
        "réessayez dans un instant.",
      paragraphRequired: "Choisissez un paragraphe.",
      badKey:
        "Ce formulaire renvoie à un paragraphe ou à une observation qui ne figure pas sur cette page. Rechargez " +
        "la page et réessayez.",
      typeRequired: "Choisissez le type d’observation.",
      // The limits are MAX_PROPOSED_TEXT_CHARS and MAX_QUOTE_CHARS in app/models/comment-schema.ts.
      proposedTextTooLong: "Le texte proposé ne peut dépasser 10 000 caractères.",
      quoteTooLong: "Le passage sélectionné ne peut dépasser 2 000 caractères.",
      richText: {
        tooLarge:
          "L’observation est trop volumineuse pour être enregistrée. Raccourcissez-la ou supprimez une partie " +
          "de la mise en forme.",
        tooDeep: "L’observation comporte trop de niveaux de listes imbriquées. N’utilisez pas plus de six niveaux.",
        unreadable: "L’observation n’a pas pu être lue. Copiez votre texte, rechargez la page et réessayez.",
        malformed:
          "L’observation n’est pas dans un format accepté. Copiez votre texte, rechargez la page et réessayez.",
        empty: "L’observation est vide.",
        tooLong:
          "L’observation est trop longue ({{length, number}} caractères). La limite est de {{limit, number}} " +
          "caractères.",
        nodeNotAllowed:
          "Les observations ne peuvent pas contenir ce type de contenu. Utilisez uniquement des paragraphes, du " +
          "gras, de l’italique, des listes, des sauts de ligne et des liens.",
        nodeNotAllowedNamed:
          "Les observations ne peuvent pas contenir de contenu de type « {{name}} ». " +
          "Utilisez uniquement des paragraphes, du gras, de l’italique, des listes, des sauts de ligne et des liens.",
        markNotAllowed:
          "Les observations ne peuvent pas utiliser ce type de mise en forme. Utilisez uniquement le gras, " +
          "l’italique et les liens.",
        markNotAllowedNamed:
          "Les observations ne peuvent pas utiliser la mise en forme « {{name}} ». Utilisez uniquement le gras, " +
          "l’italique et les liens.",
        attributeNotAllowed: "L’observation contient un attribut non autorisé.",
        attributeNotAllowedNamed: "Les observations ne peuvent pas contenir l’attribut « {{name}} ».",
        link: {
          empty: "Un lien de l’observation n’a pas d’adresse.",
          tooLong:
            "Un lien de l’observation est trop long. Les liens ne peuvent dépasser {{limit, number}} caractères.",
          controlCharacters:
            "Un lien de l’observation contient des caractères invisibles ou de contrôle. Saisissez de nouveau " +
            "l’adresse.",
          scheme:
            "Les liens doivent commencer par http://, https:// ou mailto:, les autres types de liens n’étant pas " +
            "autorisés.",
        },
      },
    },
  },
} as const;
