/** French UI strings: manage. */
export default {
  manage: {
    newTitle: "Ouvrir une consultation",
    newIntro:
      "Téléversez le projet, fixez la période de consultation dans le fuseau horaire dans lequel vous " +
      "l’annoncez et publiez-le pour recueillir les observations.",
    newLink: "Ouvrir une consultation",
    metaTitle: "Ouvrir une consultation",
    fields: {
      title: "Titre",
      slug: "Adresse web",
      summary: "Résumé",
      document: "Projet de document",
      label: "Nom de la version",
      timeZone: "Fuseau horaire de la date limite",
      opensAt: "Ouverture de la période de consultation",
      closesAt: "Clôture de la période de consultation",
      visibility: "Visibilité des observations",
    },
    hints: {
      slug: "Lettres minuscules, chiffres et traits d’union ; l’adresse devient /consultations/<adresse>.",
      document:
        "Word (.docx), Markdown (.md) ou texte brut (.txt), {{max}} Mo au maximum. Les paragraphes numérotés " +
        "sont reconnus.",
    },
    visibility: {
      after_close: "Publiées par le secrétariat après la date limite",
      during: "Publiques dès leur soumission",
    },
    open: "Importer et ouvrir aux observations",
    importing: "Importation…",
    importingHint:
      "Lecture du document et numérotation de ses paragraphes ; les documents longs prennent quelques secondes.",
    periodTitle: "Gérer la période de consultation",
    periodSave: "Enregistrer la période de consultation",
    closeNow: "Clore la période de consultation maintenant",
    edit: {
      link: "Modifier la consultation",
      title: "Modifier la consultation",
      intro: "Modifiez le titre, le résumé et la visibilité des observations de {{title}}.",
      save: "Enregistrer la consultation",
      saved: "La consultation a été enregistrée.",
      cancel: "Retour à la consultation",
    },
    upload: {
      title: "Téléverser une nouvelle version",
      intro:
        "Importez le texte suivant du document. Il est publié immédiatement et comparé avec la version " +
        "précédente.",
      pageTitle: "Téléverser une nouvelle version",
      file: "Fichier du document",
      hint: "Word (.docx), Markdown (.md) ou texte brut (.txt), {{max}} Mo au maximum.",
      label: "Nom de la version",
      labelHint: "P. ex. Projet 2 ou Texte final.",
      status: "Publier en tant que",
      statusClosed: "Nouveau texte à lire et à comparer (vous pourrez ouvrir une période de consultation par la suite)",
      statusFinal: "Texte final",
      submit: "Téléverser et importer",
      importing: "Importation du document…",
      importingHint:
        "Lecture du fichier, numérotation de ses paragraphes, mise en correspondance avec la version précédente " +
        "et préparation de la comparaison. Les documents longs prennent plusieurs secondes ; laissez cette page " +
        "ouverte.",
      done: "{{label}} a été importé en tant que version {{number}} : {{count}} paragraphes.",
      readIt: "Lire la version {{number}}",
    },
    compareLink: "Comparer les versions",
    compareVersion: "Comparer la version {{from}} avec la version {{to}}",
    timesIn: "Les heures sont indiquées dans le fuseau {{zone}}.",
    errors: {
      fileRequired: "Choisissez le fichier de la nouvelle version (.docx, .md ou .txt).",
      titleRequired: "Donnez un titre à la consultation.",
      slugFormat: "Utilisez des lettres minuscules, des chiffres et des traits d’union, p. ex. gca-guidelines-2026.",
      slugTaken: "L’adresse « {{slug}} » est déjà utilisée par une autre consultation.",
      timeZoneUnknown: "Choisissez un fuseau horaire connu.",
      visibilityRequired: "Indiquez qui peut voir les observations.",
      labelRequired: "Nommez cette version, p. ex. Projet 1.",
      dateTimeRequired: "Indiquez une date et une heure.",
      bothDates: "Indiquez les deux dates, avec une heure.",
      periodOrder: "La période de consultation doit se clore après son ouverture.",
      noPeriod: "Seule une version publiée pour recueillir des observations comporte une période de consultation.",
      documentRequired: "Choisissez le projet de document (.docx, .md ou .txt).",
      documentTooLarge: "Le fichier dépasse {{max}} Mo.",
      documentRefused: "Ce fichier ne peut pas être importé : voir le message au-dessus du formulaire.",
    },
  },
} as const;
