/** UI strings in "fr": language editions of a version (upload, reader, comment language, dashboard). */
export default {
  editions: {
    manage: {
      link: "Versions linguistiques",
      title: "Versions linguistiques de {{label}}",
      intro:
        "Téléversez le texte de cette version dans une autre langue. Ses paragraphes sont mis en correspondance " +
        "avec ceux de l'original par numéro et par ordre ; si un paragraphe ne correspond pas, rien n'est importé.",
      partialNote: "Les paragraphes sans traduction affichent le texte original, signalé comme tel.",
      none: "Cette version n'a pas encore de version linguistique.",
      tableCaption: "Versions linguistiques de cette version",
      language: "Langue",
      file: "Fichier",
      updated: "Téléversée le",
      coverage: "Paragraphes traduits",
      coverageValue: "{{matched}} sur {{total}}",
      comments: "Observations formulées sur celle-ci",
      actions: "Actions",
      read: "Lire la version linguistique en {{language}}",
      delete: "Supprimer la version linguistique en {{language}}",
      deleted: "La version linguistique en {{language}} a été supprimée.",
      uploadTitle: "Téléverser ou remplacer une version linguistique",
      fileLabel: "Texte traduit",
      fileHint: "Word (.docx), Markdown (.md) ou texte (.txt), {{max}} Mo au maximum, numéroté comme l'original.",
      languageHint: "Téléverser une langue qui a déjà une version linguistique la remplace.",
      submit: "Téléverser la version linguistique",
      importing: "Importation…",
      saved:
        "La version linguistique en {{language}} a été enregistrée (paragraphes traduits : {{matched}} sur {{total}}).",
      replaced:
        "La version linguistique en {{language}} a été remplacée (paragraphes traduits : {{matched}} sur {{total}}).",
    },
    report: {
      refused:
        "La version linguistique n'a pas été importée : certains paragraphes ne correspondent pas à l'original. " +
        "Rien n'a été modifié.",
      nothingMatched:
        "La version linguistique n'a pas été importée : aucun paragraphe du fichier ne correspond à l'original.",
      problemsTitle: "Paragraphes du fichier qui ne correspondent pas",
      extra: "Paragraphe {{position}} du fichier ({{number}}) : l'original n'a aucun paragraphe portant ce numéro.",
      extraUnnumbered:
        "Paragraphe {{position}} du fichier (non numéroté) : il ne reste aucun paragraphe de l'original auquel " +
        "le faire correspondre.",
      outOfOrder:
        "Paragraphe {{position}} du fichier ({{number}}) : ce numéro vient plus tôt dans l'original, " +
        "ou figure deux fois dans le fichier.",
      numberMismatch:
        "Paragraphe {{position}} du fichier (non numéroté) : l'original a ici le paragraphe {{expected}}.",
      excerpt: "Début :",
      missingTitle: "Paragraphes de l'original sans traduction",
      unnumbered: "paragraphe non numéroté (position {{position}})",
    },
    errors: {
      noSuchEdition: "Cette version n'a pas de version linguistique dans cette langue.",
      languageRequired: "Choisissez la langue de la version linguistique.",
      fileRequired: "Choisissez le fichier du texte traduit.",
      refused: "Ce fichier n'a pas été importé.",
    },
    reader: {
      switchLabel: "Langue du texte",
      original: "{{language}} (original)",
      showing:
        "Vous lisez la version linguistique en {{language}}. Les numéros de paragraphe et les observations " +
        "sont ceux de l'original.",
      showOriginal: "Afficher l'original",
      notTranslated: "Non traduit : le texte original est affiché.",
      compareInEdition: "Les versions linguistiques en {{language}} des deux versions sont comparées.",
      compareOriginals:
        "Les deux versions n'ont pas toutes deux une version linguistique en {{language}} : " +
        "les textes originaux sont comparés.",
    },
    comment: {
      language: "Langue de votre observation",
      readIn: "Lue dans la version linguistique en {{language}}",
    },
    feedback: {
      language: "Langue",
      allLanguages: "Toutes les langues",
      writtenIn: "Rédigée en {{language}}",
    },
  },
} as const;
