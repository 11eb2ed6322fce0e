/** UI strings in "es": Word tracked changes in an uploaded .docx, reviewed before the upload is made. */
export default {
  trackedChanges: {
    title: "Control de cambios en {{fileName}}",
    summary: "Este archivo tiene {{changes}} de {{authors}} en {{paragraphs}}.",
    summaryNoAuthor: "Este archivo tiene {{changes}} en {{paragraphs}}.",
    changes_one: "{{count}} cambio con seguimiento",
    changes_many: "{{count}} cambios con seguimiento",
    changes_other: "{{count}} cambios con seguimiento",
    paragraphs_one: "{{count}} párrafo",
    paragraphs_many: "{{count}} párrafos",
    paragraphs_other: "{{count}} párrafos",
    unknownAuthor: "un revisor sin nombre",
    explain:
      "Todavía no se ha cargado nada. El archivo se importaría tal como está: con todas las inserciones y sin " +
      "el texto eliminado. Revise los cambios a continuación y, después, acéptelos y cargue el archivo, o " +
      "rechácelo (y resuelva antes los cambios en Word).",
    listLabel: "Párrafos con cambios con seguimiento",
    more_one: "{{count}} párrafo más con cambios con seguimiento no se muestra aquí.",
    more_many: "{{count}} párrafos más con cambios con seguimiento no se muestran aquí.",
    more_other: "{{count}} párrafos más con cambios con seguimiento no se muestran aquí.",
    inserted: "Insertado",
    deleted: "Eliminado",
    movedHere: "Movido aquí",
    movedAway: "Movido a otro lugar",
    by: "por {{author}}",
    byOn: "por {{author}}, {{date}}",
    on: "{{date}}",
    paragraphBreak: "salto de párrafo",
    chooseAgain: "Si el archivo ya no está seleccionado arriba, elija de nuevo el mismo archivo antes de aceptar.",
    chooseFileAgain:
      "Elija de nuevo el mismo archivo: la página ha vuelto sin él. Después, acepte sus cambios más abajo.",
    accept: "Aceptar los cambios y cargar",
    cancel: "Cancelar (rechazar este archivo)",
    errors: {
      notAccepted:
        "«{{fileName}}» tiene cambios con seguimiento que no se han aceptado. Revíselos en la página de carga y, " +
        "después, acéptelos y cargue el archivo.",
    },
  },
} as const;
