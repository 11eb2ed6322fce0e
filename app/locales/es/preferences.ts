/**
 * Spanish UI strings: notification preferences (app/routes/account.notifications.tsx),
 * one-click unsubscribe (app/routes/unsubscribe.$token.tsx), and the lines the
 * platform adds to notifications and digests (app/models/notification.server.ts,
 * app/models/digest.server.ts).
 */
export default {
  preferences: {
    title: "Notificaciones por correo electrónico",
    accountLink: "Notificaciones por correo electrónico",
    intro:
      "Elija, para cada tipo de notificación, si desea recibirlas una a una a medida que se producen, todas " +
      "juntas en un único correo electrónico diario, o ninguna.",
    alwaysSent:
      "Los mensajes relativos a su cuenta y a su seguridad (invitaciones, restablecimiento de contraseñas, " +
      "decisiones sobre solicitudes de cuenta) y los acuses de recibo de sus presentaciones se envían siempre " +
      "de inmediato: no figuran en esta lista.",
    kinds: {
      reminder: {
        label: "Recordatorios antes de que venza un plazo",
        hint:
          "Antes del cierre de un período de observaciones, si su delegación aún tiene borradores o no ha " +
          "formulado observaciones.",
      },
      version_published: {
        label: "Publicación de nuevas versiones",
        hint: "Cuando la Secretaría publica una nueva versión de un documento.",
      },
      period_changed: {
        label: "Apertura, prórroga o cierre de períodos de observaciones",
        hint: "Cuando se abre un período de observaciones, se modifica su plazo o se cierra.",
      },
      comments_published: {
        label: "Publicación de las observaciones recibidas",
        hint: "Cuando la Secretaría publica las observaciones recibidas sobre una consulta.",
      },
      dispositions_published: {
        label: "Publicación de cuadros de tratamiento de las observaciones",
        hint: "Cuando la Secretaría publica sus decisiones sobre las observaciones, incluidas las de su delegación.",
      },
    },
    modes: {
      immediate: "Una a una, a medida que se producen",
      digest: "En un resumen diario, enviado a las {{hour}} UTC",
      off: "No recibirlas",
    },
    submit: "Guardar las preferencias",
    saved: "Se han guardado sus preferencias.",
    errors: {
      badMode: "Elija una de las opciones.",
      nothingToSave: "El formulario no indicaba ningún tipo de notificación.",
    },
    unsubscribe: {
      title: "Cancelar la suscripción",
      question: "¿Desea dejar de recibir estos correos electrónicos ({{scope}})?",
      explanation:
        "Dejará de recibir estos correos electrónicos. No cambiará nada más en su cuenta, y podrá volver a " +
        "activarlos en la configuración de sus notificaciones.",
      submit: "Cancelar la suscripción",
      done: "Se ha cancelado su suscripción: {{scope}}. Ya no recibirá estos correos electrónicos.",
      alreadyOff: "Ya no recibe estos correos electrónicos: {{scope}}.",
      settings: "Configuración de las notificaciones (requiere iniciar sesión)",
      invalidTitle: "Este enlace para cancelar la suscripción no funciona",
      invalid:
        "El enlace está incompleto o ha sido modificado. Utilice el enlace completo del correo electrónico, o " +
        "inicie sesión y cambie la configuración de sus notificaciones.",
      digestScope: "el resumen diario",
    },
    mail: {
      why: "Recibe este mensaje porque las notificaciones del tipo “{{kind}}” se le envían a medida que se producen.",
      unsubscribe: "Para dejar de recibir estos correos electrónicos, cancele la suscripción: {{url}}",
      settings: "Elija cómo desea recibir las notificaciones: {{url}}",
      digest: {
        subject_one: "Su resumen diario: {{count}} notificación",
        subject_many: "Su resumen diario: {{count}} notificaciones",
        subject_other: "Su resumen diario: {{count}} notificaciones",
        greeting: "Estimado/a {{name}}:",
        intro_one: "Esta es la notificación reservada para su resumen diario desde el último envío.",
        intro_many: "Estas son las {{count}} notificaciones reservadas para su resumen diario desde el último envío.",
        intro_other: "Estas son las {{count}} notificaciones reservadas para su resumen diario desde el último envío.",
        why: "Recibe este resumen porque eligió recibir algunas notificaciones una vez al día.",
        unsubscribe: "Para dejar de recibir el resumen diario, cancele la suscripción: {{url}}",
      },
    },
  },
} as const;
