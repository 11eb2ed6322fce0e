/** Spanish UI strings: auth. */
export default {
  auth: {
    twoFactor: {
      loginTitle: "Introduzca su código de verificación",
      loginIntro:
        "Abra su aplicación de autenticación e introduzca el código de 6 dígitos, o bien uno de sus códigos " +
        "de recuperación.",
      code: "Código de verificación o código de recuperación",
      verify: "Verificar",
      invalid: "Ese código no es válido. Cada código solo puede utilizarse una vez.",
      tooMany: "Demasiados intentos. Vuelva a intentarlo dentro de {{seconds}} segundos.",
      title: "Autenticación de dos factores",
      required:
        "Las cuentas de la Secretaría deben configurar la autenticación de dos factores antes de poder continuar.",
      enrolIntro:
        "Escanee este código QR con una aplicación de autenticación, o introduzca en ella la clave secreta, y " +
        "luego escriba el código que muestre.",
      qrAlt: "Código QR para configurar una aplicación de autenticación",
      secret: "Clave secreta para introducirla manualmente",
      confirm: "Activar la autenticación de dos factores",
      enabled: "La autenticación de dos factores está activada.",
      recoveryTitle: "Sus códigos de recuperación",
      recoveryIntro:
        "Guárdelos en un lugar seguro. Cada código le permite iniciar sesión una vez si pierde su aplicación " +
        "de autenticación. Solo se muestran ahora.",
      otherSessionsEnded: "Se han cerrado todas sus demás sesiones; a partir de ahora necesitarán el código.",
      recoveryLeft: "Códigos de recuperación sin utilizar: {{count}}",
      regenerate: "Generar nuevos códigos de recuperación",
      disable: "Desactivar la autenticación de dos factores",
      disableCode: "Código actual de su aplicación de autenticación",
      disableRefused: "Las cuentas de la Secretaría no pueden desactivar la autenticación de dos factores.",
      disabled: "La autenticación de dos factores está desactivada.",
      continue: "Continuar",
    },
    signIn: "Iniciar sesión",
    signOut: "Cerrar sesión",
    signedInAs: "Sesión iniciada como {{name}} ({{role}}, {{organization}})",
    signedInAsNoOrganization: "Sesión iniciada como {{name}} ({{role}})",
    roles: {
      secretariat: "Secretaría",
      focal_point: "Punto focal",
      delegate: "Delegado",
      observer: "Observador",
    },
    organizationKinds: {
      member_state: "Delegación de un Estado Miembro",
      sector_member: "Miembro de Sector",
      academia: "Institución académica",
      civil_society: "Sociedad civil",
      international_organization: "Organización internacional",
      secretariat: "Secretaría",
    },
    fields: {
      email: "Dirección de correo electrónico",
      password: "Contraseña",
      name: "Su nombre",
      newPassword: "Elija una contraseña",
      organizationName: "Organización",
      organizationKind: "Tipo de organización",
      message: "Mensaje para la Secretaría (opcional)",
    },
    validation: {
      emailInvalid: "Introduzca una dirección de correo electrónico válida.",
      passwordRequired: "Introduzca su contraseña.",
      passwordTooShort: "Utilice al menos 12 caracteres.",
      passwordTooLong: "Utilice como máximo 256 caracteres.",
      nameRequired: "Introduzca su nombre.",
      nameTooLong: "Utilice como máximo 200 caracteres.",
      organizationNameRequired: "Introduzca el nombre de su organización.",
      organizationKindRequired: "Elija el tipo de organización.",
      messageTooLong: "Utilice como máximo 2000 caracteres.",
    },
    login: {
      title: "Iniciar sesión",
      intro: "Inicie sesión con la dirección de correo electrónico a la que se envió su invitación.",
      submit: "Iniciar sesión",
      invalid: "La dirección de correo electrónico o la contraseña no son correctas.",
      tooMany: "Demasiados intentos de inicio de sesión. Vuelva a intentarlo dentro de {{seconds}} segundos.",
      noAccount: "¿Todavía no tiene cuenta?",
      requestAccount: "Solicitar una cuenta",
    },
    invitation: {
      title: "Cree su cuenta",
      intro: "Se le ha invitado a participar en calidad de {{role}}.",
      introWithOrganization: "Se le ha invitado a participar en calidad de {{role}} en nombre de {{organization}}.",
      email: "Su cuenta utilizará la dirección de correo electrónico {{email}}.",
      submit: "Crear mi cuenta",
      unknownTitle: "No se ha encontrado la invitación",
      unknown:
        "Este enlace de invitación no es válido. Compruebe que ha copiado el enlace completo o pida uno nuevo " +
        "a la Secretaría.",
      expiredTitle: "La invitación ha caducado",
      expired: "Esta invitación ha caducado. Pida una nueva a la Secretaría.",
      usedTitle: "La invitación ya se ha utilizado",
      used: "Esta invitación ya se ha utilizado. Si fue usted, inicie sesión.",
      emailTaken: "Ya existe una cuenta con esta dirección de correo electrónico. Inicie sesión.",
    },
    requestAccount: {
      title: "Solicitar una cuenta",
      intro:
        "Indique a la Secretaría quién es usted y qué organización representa. La Secretaría examinará su " +
        "solicitud y le enviará un enlace para crear su cuenta.",
      submit: "Enviar la solicitud",
      sentTitle: "Solicitud enviada",
      sent: "Gracias. La Secretaría examinará su solicitud y se pondrá en contacto con usted en {{email}}.",
      tooMany: "Demasiadas solicitudes desde su conexión. Vuelva a intentarlo dentro de {{seconds}} segundos.",
    },
  },
} as const;
