/** Spanish UI strings of the reader (beyond core.ts's `reader`): the paragraph jump, honest counts. */
export default {
  jump: {
    label: "Ir al párrafo",
    placeholder: "p. ej., 2.9 e",
    go: "Ir",
    notFound: "Este documento no contiene el párrafo {{number}}. Compruebe el número o utilice el índice.",
    empty: "Escriba un número de párrafo, por ejemplo, 2.9 e.",
  },
  documentPages: {
    label: "Páginas del documento",
    position: "Página {{current}} de {{count}}",
    previous: "Página anterior",
    next: "Página siguiente",
    all: "Todas las páginas",
    continued: "{{heading}} (continuación)",
    item: "Página {{number}}: {{heading}}",
  },
  readerPage: {
    skipToDocument: "Saltar el índice e ir al texto",
    compareWithPrevious: "Comparar con la versión anterior",
    compareWithNext: "Comparar con la versión siguiente",
    // While submitted comments are not public (app/models/comment-read.server.ts), a paragraph
    // does not say "No comments": the reader cannot know, and it would be untrue.
    notPublishedYet: "Observaciones publicadas al cierre del período",
    // The labels start with the link's visible text (WCAG 2.5.3, label in name), then keep the usual
    // "… comments on paragraph N" shape: people (and tests) look for it.
    notPublishedYetLabel:
      "Observaciones publicadas al cierre del período: observaciones sobre el párrafo {{number}}. " +
      "Abrir para formular una observación",
    yoursOnly_one: "{{count}} de su organización; las demás se publicarán más adelante",
    yoursOnly_many: "{{count}} de su organización; las demás se publicarán más adelante",
    yoursOnly_other: "{{count}} de su organización; las demás se publicarán más adelante",
    yoursOnlyLabel_one:
      "{{count}} de su organización; las demás se publicarán más adelante: {{count}} observación sobre el " +
      "párrafo {{number}} de su organización. Abrir",
    yoursOnlyLabel_many:
      "{{count}} de su organización; las demás se publicarán más adelante: {{count}} observaciones sobre el " +
      "párrafo {{number}} de su organización. Abrir",
    yoursOnlyLabel_other:
      "{{count}} de su organización; las demás se publicarán más adelante: {{count}} observaciones sobre el " +
      "párrafo {{number}} de su organización. Abrir",
    panelNotPublished:
      "Las observaciones recibidas se publican al término del período de observaciones. Hasta entonces, solo " +
      "la Secretaría puede leerlas, y cada organización lee las suyas.",
    panelNotPublishedOwn:
      "Las observaciones de otras organizaciones se publican al término del período de observaciones; aquí " +
      "figuran las de su organización.",
    saved: "Su observación se ha guardado.",
  },
} as const;
