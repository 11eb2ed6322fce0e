/** Spanish UI strings: password reset (the forgot-password and reset pages, the secretariat's button, the mail). */
export default {
  passwordReset: {
    forgot: {
      title: "¿Ha olvidado su contraseña?",
      intro:
        "Introduzca la dirección de correo electrónico de su cuenta. Si tiene una cuenta aquí, se le enviará un " +
        "enlace para elegir una nueva contraseña; el enlace solo puede utilizarse una vez y es válido durante " +
        "una hora.",
      email: "Dirección de correo electrónico",
      submit: "Enviar el enlace de restablecimiento",
      sent:
        "Si {{email}} corresponde a una cuenta, se le ha enviado un enlace para elegir una nueva contraseña. " +
        "Puede tardar unos minutos en llegar; compruebe también la carpeta de correo no deseado.",
      tooMany:
        "Demasiadas solicitudes de restablecimiento desde esta dirección. Vuelva a intentarlo dentro de " +
        "{{seconds}} segundos.",
      back: "Volver al inicio de sesión",
    },
    reset: {
      title: "Elija una nueva contraseña",
      intro:
        "Elija una nueva contraseña para {{email}}. Se cerrará la sesión en todos los navegadores en los que " +
        "se haya iniciado sesión con esta cuenta.",
      twoFactorKept:
        "Su autenticación de dos factores sigue activada: al iniciar sesión se le seguirá pidiendo el código.",
      password: "Nueva contraseña",
      submit: "Establecer la nueva contraseña",
      done: "Se ha cambiado su contraseña y se han cerrado todas las sesiones. Inicie sesión con su nueva contraseña.",
      unknownTitle: "Enlace de restablecimiento no válido",
      unknown:
        "Este enlace para restablecer la contraseña no es válido. Compruebe que ha copiado el enlace completo o " +
        "solicite uno nuevo.",
      expiredTitle: "Enlace de restablecimiento caducado",
      expired:
        "Este enlace para restablecer la contraseña ha caducado (los enlaces son válidos durante una hora). " +
        "Solicite uno nuevo.",
      usedTitle: "Enlace de restablecimiento ya utilizado",
      used:
        "Este enlace para restablecer la contraseña ya se ha utilizado o ha sido sustituido por otro más " +
        "reciente. Solicite uno nuevo.",
      askAgain: "Solicitar un nuevo enlace",
    },
    issue: {
      heading: "Restablecimiento de la contraseña",
      intro:
        "Envíe a esta persona un correo electrónico con un enlace para elegir una nueva contraseña. El enlace " +
        "solo puede utilizarse una vez y es válido durante una hora; si se envía uno nuevo, se anula el anterior. " +
        "Su autenticación de dos factores sigue activada.",
      submit: "Enviar el enlace para restablecer la contraseña",
      sent: "Se ha enviado un enlace para restablecer la contraseña a {{email}} (válido hasta el {{expiresAt}}).",
      deactivated: "Esta cuenta está desactivada: no se puede enviar ningún enlace de restablecimiento.",
    },
    mail: {
      subject: "Elija una nueva contraseña",
      greeting: "Estimado/a {{name}}:",
      requested:
        "Alguien (esperamos que usted) ha solicitado restablecer la contraseña de su cuenta en la plataforma " +
        "de consultas.",
      issued:
        "{{issuer}}, de la Secretaría, le ha enviado un enlace para elegir una nueva contraseña para la " +
        "plataforma de consultas.",
      action: "Elegir una nueva contraseña",
      ignore: "Si no lo ha solicitado, haga caso omiso de este mensaje: su contraseña no cambiará.",
      footer: "Recibe este mensaje porque {{email}} tiene una cuenta en la plataforma de consultas.",
      changedSubject: "Se ha cambiado su contraseña",
      changed:
        "La contraseña de su cuenta en la plataforma de consultas se cambió el {{date}} mediante un enlace de " +
        "restablecimiento, y se cerraron todas las sesiones.",
      changedNotYou: "Si no ha sido usted, póngase en contacto de inmediato con la Secretaría.",
    },
  },
};
