/** Spanish UI strings: editor, comments. */
export default {
  editor: {
    toolbar: "Formato",
    bold: "Negrita",
    italic: "Cursiva",
    bulletList: "Lista con viñetas",
    orderedList: "Lista numerada",
    link: "Enlace",
    removeLink: "Quitar el enlace",
    linkPrompt: "Dirección del enlace (que empiece por https://, http:// o mailto:)",
    linkInvalid: "Los enlaces deben empezar por http://, https:// o mailto:.",
  },
  comments: {
    panelTitle: "Observaciones sobre el párrafo {{number}}",
    close: "Cerrar las observaciones",
    none: "Todavía no hay observaciones sobre este párrafo.",
    add: "Añadir una observación",
    signInToComment: "Inicie sesión para formular observaciones",
    roleCannotComment: "Su función le permite leer y comparar versiones, pero no formular observaciones.",
    // The secretariat: not a refusal without a reason, and where its own work is.
    secretariatCannotComment:
      "Las observaciones proceden de las delegaciones y de otras partes interesadas, cada una en nombre de su " +
      "organización. La Secretaría no formula observaciones: consolida las que recibe, decide el tratamiento " +
      "de cada una y publica el resultado.",
    roleCannotCommentFeedback: "Consolide las observaciones recibidas en el panel de observaciones",
    selectHint: "Seleccione una frase para formular una observación sobre ella.",
    sourceDocument: "Recogida en el documento de origen",
    unknownOrganization: "Organización desconocida",
    commentBy: "Observación de {{who}}",
    onPhrase: "Sobre la frase",
    clearQuote: "Formular la observación sobre todo el párrafo",
    proposedText: "Modificación propuesta",
    proposedTextLabel: "Texto de sustitución propuesto (opcional)",
    proposedTextHint: "El texto que desearía que figurase en el párrafo o en la frase seleccionada.",
    type: "Tipo de observación",
    types: { general: "General", technical: "Técnica", editorial: "Editorial" },
    status: { draft: "Borrador (visible para su organización)", submitted: "Presentada", withdrawn: "Retirada" },
    body: "Observación",
    submitNow: "Presentarla ahora como observación oficial de la organización",
    draftHint: "Su observación se guarda como borrador; el punto focal la presenta en nombre de la organización.",
    save: "Guardar la observación",
    saveChanges: "Guardar los cambios",
    saving: "Guardando…",
    submitOfficial: "Presentar en nombre de la organización",
    edit: "Modificar",
    withdraw: "Retirar",
    history_one: "Historial ({{count}} revisión)",
    history_many: "Historial ({{count}} revisiones)",
    history_other: "Historial ({{count}} revisiones)",
    historyTitle: "Revisiones",
    events: { created: "Creada", edited: "Modificada", submitted: "Presentada", withdrawn: "Retirada" },
    errors: {
      notOpen: "Esta versión no está abierta a observaciones.",
      opensOn: "El período de observaciones se abre el {{date}} ({{timeZone}}).",
      closedOn: "El período de observaciones se cerró el {{date}} ({{timeZone}}).",
      noOrganization:
        "Su cuenta no pertenece a ninguna organización, por lo que no puede formular observaciones. " +
        "Diríjase a la Secretaría.",
      quoteNotFound: "La frase seleccionada no figura en este párrafo.",
      withdrawn: "Esta observación se ha retirado.",
      saveFailed:
        "No se ha podido guardar su observación en este momento. Se conserva en este navegador: vuelva a " +
        "intentarlo dentro de un momento.",
      paragraphRequired: "Elija un párrafo.",
      badKey:
        "Este formulario se refiere a un párrafo o a una observación que no figura en esta página. Vuelva a " +
        "cargar la página e inténtelo de nuevo.",
      typeRequired: "Elija el tipo de observación.",
      // The limits are MAX_PROPOSED_TEXT_CHARS and MAX_QUOTE_CHARS in app/models/comment-schema.ts.
      proposedTextTooLong: "El texto propuesto puede tener como máximo 10.000 caracteres.",
      quoteTooLong: "La frase seleccionada puede tener como máximo 2000 caracteres.",
      richText: {
        tooLarge: "La observación es demasiado extensa para guardarla. Acórtela o elimine parte del formato.",
        tooDeep: "La observación tiene demasiados niveles de listas anidadas. Utilice como máximo seis niveles.",
        unreadable:
          "No se ha podido leer la observación. Copie su texto, vuelva a cargar la página e inténtelo de nuevo.",
        malformed:
          "La observación no está en un formato admitido. Copie su texto, vuelva a cargar la página e " +
          "inténtelo de nuevo.",
        empty: "La observación está vacía.",
        tooLong:
          "La observación es demasiado larga ({{length, number}} caracteres). El límite es de " +
          "{{limit, number}} caracteres.",
        nodeNotAllowed:
          "Las observaciones no pueden contener este tipo de contenido. Utilice solo párrafos, negrita, " +
          "cursiva, listas, saltos de línea y enlaces.",
        nodeNotAllowedNamed:
          "Las observaciones no pueden contener contenido de tipo “{{name}}”. " +
          "Utilice solo párrafos, negrita, cursiva, listas, saltos de línea y enlaces.",
        markNotAllowed:
          "Las observaciones no pueden tener este tipo de formato. Utilice solo negrita, cursiva y enlaces.",
        markNotAllowedNamed:
          "Las observaciones no pueden tener formato de tipo “{{name}}”. Utilice solo negrita, cursiva y enlaces.",
        attributeNotAllowed: "La observación contiene un atributo no permitido.",
        attributeNotAllowedNamed: "Las observaciones no pueden contener el atributo “{{name}}”.",
        link: {
          empty: "Un enlace de la observación no tiene dirección.",
          tooLong:
            "Un enlace de la observación es demasiado largo. Los enlaces pueden tener como máximo " +
            "{{limit, number}} caracteres.",
          controlCharacters:
            "Un enlace de la observación contiene caracteres invisibles o de control. Vuelva a escribir la dirección.",
          scheme: "Los enlaces deben empezar por http://, https:// o mailto:; no se admiten otros tipos de enlaces.",
        },
      },
    },
  },
} as const;
