/** Textos de la interfaz en español: acceso por teclado y lector de pantalla (citar un pasaje sin ratón). */
export default {
  a11y: {
    quote: {
      textLabel: "Texto del párrafo {{number}}",
      hint:
        "Seleccione un pasaje con el ratón, o sitúese en el texto y seleccione con Mayús y las flechas, " +
        "y luego elija «Formular una observación sobre la selección».",
      commentOnSelection: "Formular una observación sobre la selección",
      nothingSelected: "No hay nada seleccionado. Seleccione primero un pasaje en el texto del párrafo.",
      selected: "Su observación citará: «{{quote}}».",
    },
  },
} as const;
