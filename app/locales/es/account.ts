/** Spanish UI strings: the account pages (password, sessions) and the password policy. */
export default {
  account: {
    title: "Su cuenta",
    intro: "Sesión iniciada como {{name}} ({{email}}).",
    links: {
      password: "Cambiar su contraseña",
      sessions: "Sus sesiones (navegadores con sesión iniciada)",
      twoFactor: "Autenticación de dos factores",
    },
    passwordPolicy: {
      hint:
        "Al menos 12 caracteres, sin otras reglas: una frase de varias palabras sin relación entre sí es fácil " +
        "de recordar y difícil de adivinar. Puede pegarla desde un gestor de contraseñas.",
      weak: "Esta contraseña es demasiado fácil de adivinar.",
      common: "Esta es una de las contraseñas más comunes.",
      published:
        "Esta contraseña se ha publicado (por ejemplo, como contraseña de demostración) o está formada por el " +
        "nombre de este sitio.",
      personal: "La contraseña no debe contener su nombre ni la primera parte de su dirección de correo electrónico.",
      suggestion: "Añada más palabras menos comunes o deje que un gestor de contraseñas elija una.",
      warnings: {
        keyboard: "Las filas y los patrones de teclas de un teclado son fáciles de adivinar.",
        repeat: "Los caracteres o patrones repetidos son fáciles de adivinar.",
        sequence: "Las secuencias como “abc” o “1234” son fáciles de adivinar.",
        dates: "Las fechas y los años son fáciles de adivinar.",
        common: "Esta es una contraseña de uso común.",
        similarToCommon: "Esta contraseña se parece a una contraseña de uso común.",
        words: "Las palabras sueltas son fáciles de adivinar.",
        names: "Los nombres y apellidos son fáciles de adivinar.",
        personal: "Contiene algún dato sobre usted o sobre este sitio.",
      },
    },
    password: {
      title: "Cambiar su contraseña",
      intro:
        "Cuando cambie su contraseña, se cerrará la sesión en todos los demás navegadores en los que haya " +
        "iniciado sesión con su cuenta.",
      current: "Contraseña actual",
      new: "Nueva contraseña",
      submit: "Cambiar la contraseña",
      currentWrong: "Su contraseña actual no es correcta.",
      changed: "Se ha cambiado su contraseña. Se han cerrado sus demás sesiones.",
    },
    sessions: {
      title: "Sus sesiones",
      intro: "Todos los navegadores en los que ha iniciado sesión. Revoque las sesiones que no reconozca.",
      started: "Inicio de sesión",
      lastActive: "Última actividad (aprox.)",
      expires: "Finaliza si no se utiliza",
      current: "Este navegador",
      revoke: "Revocar",
      revokeEverywhereElse: "Cerrar sesión en todos los demás lugares",
      revoked: "Se ha cerrado la sesión.",
      revokedOthers: "Se han cerrado todas sus demás sesiones ({{count}}).",
      notFound: "Esta sesión no existe o no le pertenece.",
      none: "No hay otras sesiones.",
      caption: "Sesiones iniciadas",
      session: "Sesión",
    },
  },
};
