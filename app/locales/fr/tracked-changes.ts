/** UI strings in "fr": Word tracked changes in an uploaded .docx, reviewed before the upload is made. */
export default {
  trackedChanges: {
    title: "Modifications suivies dans {{fileName}}",
    summary: "Ce fichier contient {{changes}} de {{authors}} dans {{paragraphs}}.",
    summaryNoAuthor: "Ce fichier contient {{changes}} dans {{paragraphs}}.",
    changes_one: "{{count}} modification suivie",
    changes_many: "{{count}} modifications suivies",
    changes_other: "{{count}} modifications suivies",
    paragraphs_one: "{{count}} paragraphe",
    paragraphs_many: "{{count}} paragraphes",
    paragraphs_other: "{{count}} paragraphes",
    unknownAuthor: "un réviseur non nommé",
    explain:
      "Rien n’a encore été téléversé. Le fichier serait importé tel quel : toutes les insertions conservées, " +
      "toutes les suppressions effacées. Vérifiez les modifications ci-dessous, puis acceptez-les et téléversez, " +
      "ou refusez le fichier (et traitez d’abord les modifications dans Word).",
    listLabel: "Paragraphes comportant des modifications suivies",
    more_one: "{{count}} autre paragraphe comportant des modifications suivies n’est pas affiché ici.",
    more_many: "{{count}} autres paragraphes comportant des modifications suivies ne sont pas affichés ici.",
    more_other: "{{count}} autres paragraphes comportant des modifications suivies ne sont pas affichés ici.",
    inserted: "Inséré",
    deleted: "Supprimé",
    movedHere: "Déplacé ici",
    movedAway: "Déplacé ailleurs",
    by: "par {{author}}",
    byOn: "par {{author}}, {{date}}",
    on: "{{date}}",
    paragraphBreak: "saut de paragraphe",
    chooseAgain:
      "Si le fichier n’est plus sélectionné ci-dessus, choisissez de nouveau le même fichier avant d’accepter.",
    chooseFileAgain:
      "Choisissez de nouveau le même fichier : la page est revenue sans lui. " +
      "Acceptez ensuite ses modifications ci-dessous.",
    accept: "Accepter les modifications et téléverser",
    cancel: "Annuler (refuser ce fichier)",
    errors: {
      notAccepted:
        "« {{fileName}} » contient des modifications suivies qui n’ont pas été acceptées. Examinez-les sur la page " +
        "de téléversement, puis acceptez-les et téléversez.",
    },
  },
} as const;
