/** French UI strings: dispositions. */
export default {
  dispositions: {
    pageTitle: "Suite donnée aux observations : {{title}}",
    metaTitle: "Suite donnée aux observations · {{title}}",
    intro:
      "Toutes les observations reçues sur {{label}}, avec les observations du secrétariat, dans l’ordre du " +
      "document.",
    publishedOn: "Publié le {{date}}.",
    preview: "Aperçu : ce tableau n’est pas encore publié. Seul le secrétariat peut le voir.",
    notPublished: "La suite donnée aux observations n’a pas encore été publiée.",
    notPublishedPage: {
      title: "La suite donnée aux observations n’est pas encore publiée",
      what:
        "Le tableau de suite donnée aux observations présente toutes les observations reçues, avec la décision " +
        "du secrétariat sur chacune d’elles (accepté, accepté en partie, non accepté, pris note) et ses " +
        "observations.",
      when:
        "Le secrétariat ne l’a pas encore publié : il le fait généralement une fois les observations " +
        "compilées, à l’issue de la période de consultation. Revenez ultérieurement ; la page de la " +
        "consultation contiendra un lien vers ce tableau.",
      back: "Retour à {{title}}",
      backPlain: "Retour à la consultation",
    },
    caption: "Section {{section}}",
    captionNoSection: "Observations sans paragraphe",
    empty: "Aucune observation n’a été reçue sur cette version.",
    count_one: "{{count}} observation.",
    count_many: "{{count}} observations.",
    count_other: "{{count}} observations.",
    status: {
      accepted: "Accepté",
      accepted_in_part: "Accepté en partie",
      not_accepted: "Non accepté",
      noted: "Pris note",
    },
    downloads: "Télécharger le tableau",
    errors: {
      noComment: "Cette observation n’existe pas ; aucune décision ne peut être prise.",
      notDecidable:
        "Certaines des observations sélectionnées ne peuvent pas faire l’objet d’une décision (observations " +
        "retirées, non soumises ou relevant d’une autre consultation).",
      commentsHidden:
        "Les observations de cette consultation restent masquées jusqu’à la fin de la période de consultation, " +
        "et le tableau de suite donnée aux observations les affiche : publiez-le après la fin de la période (ou " +
        "publiez d’abord les observations).",
    },
  },
} as const;
