/** French UI strings of the reader (beyond core.ts's `reader`): the paragraph jump, honest counts. */
export default {
  jump: {
    label: "Aller au paragraphe",
    placeholder: "p. ex. 2.9 e",
    go: "Aller",
    notFound:
      "Ce document ne comporte pas de paragraphe {{number}}. Vérifiez le numéro ou utilisez la table des matières.",
    empty: "Saisissez un numéro de paragraphe, par exemple 2.9 e.",
  },
  documentPages: {
    label: "Pages du document",
    position: "Page {{current}} sur {{count}}",
    previous: "Page précédente",
    next: "Page suivante",
    all: "Toutes les pages",
    continued: "{{heading}} (suite)",
    item: "Page {{number}} : {{heading}}",
  },
  readerPage: {
    skipToDocument: "Passer la table des matières et aller au texte",
    compareWithPrevious: "Comparer avec la version précédente",
    compareWithNext: "Comparer avec la version suivante",
    // While submitted comments are not public (app/models/comment-read.server.ts), a paragraph
    // does not say "No comments": the reader cannot know, and it would be untrue.
    notPublishedYet: "Observations publiées après la période de consultation",
    // The labels start with the link's visible text (WCAG 2.5.3, label in name), then keep the usual
    // "… comments on paragraph N" shape: people (and tests) look for it.
    notPublishedYetLabel:
      "Observations publiées après la période de consultation : observations sur le paragraphe {{number}}. " +
      "Ouvrir pour formuler une observation",
    yoursOnly_one: "{{count}} de votre organisation ; les autres seront publiées ultérieurement",
    yoursOnly_many: "{{count}} de votre organisation ; les autres seront publiées ultérieurement",
    yoursOnly_other: "{{count}} de votre organisation ; les autres seront publiées ultérieurement",
    yoursOnlyLabel_one:
      "{{count}} de votre organisation ; les autres seront publiées ultérieurement : {{count}} observation " +
      "de votre organisation sur le paragraphe {{number}}. Ouvrir",
    yoursOnlyLabel_many:
      "{{count}} de votre organisation ; les autres seront publiées ultérieurement : {{count}} observations " +
      "de votre organisation sur le paragraphe {{number}}. Ouvrir",
    yoursOnlyLabel_other:
      "{{count}} de votre organisation ; les autres seront publiées ultérieurement : {{count}} observations " +
      "de votre organisation sur le paragraphe {{number}}. Ouvrir",
    panelNotPublished:
      "Les observations reçues sont publiées à l’issue de la période de consultation. D’ici là, seul le " +
      "secrétariat les lit, et chaque organisation lit les siennes.",
    panelNotPublishedOwn:
      "Les observations des autres organisations sont publiées à l’issue de la période de consultation ; " +
      "vous voyez ici celles de votre organisation.",
    saved: "Votre observation a été enregistrée.",
  },
} as const;
