/**
 * Spanish UI strings: the Outgoing mail page (app/routes/admin.mail.*), the
 * messages the platform queues (app/lib/mail/compose.ts composes them) and the
 * delivery state the People page shows.
 */
export default {
  mail: {
    title: "Correo saliente",
    intro:
      "Todos los correos electrónicos que envía la plataforma se ponen primero en cola aquí, en el mismo paso " +
      "que la acción que los origina, y luego se entregan. Los mensajes que fallan por un motivo pasajero se " +
      "reintentan; los demás se muestran como fallidos.",
    transport: {
      smtp: "Los mensajes se entregan a través del servidor de correo definido en SMTP_URL.",
      files:
        "No se ha configurado ningún servidor de correo (SMTP_URL), por lo que los mensajes se escriben como " +
        "archivos .eml en {{directory}} en lugar de enviarse. Abra uno a continuación para leerlo.",
    },
    filter: "Mostrar",
    all: "Todos ({{count}})",
    status: {
      pending: "En espera",
      sending: "Enviándose",
      sent: "Enviado",
      failed: "Fallido",
    },
    statusWithCount: "{{status}} ({{count}})",
    columns: {
      queued: "Puesto en cola",
      to: "Destinatario",
      subject: "Asunto",
      status: "Estado",
      attempts: "Intentos",
    },
    nextAttempt: "próximo intento: {{date}}",
    sentAt: "el {{date}}",
    empty: "No hay mensajes.",
    more: "Mensajes anteriores",
    newer: "Mensajes más recientes",
    message: {
      title: "Mensaje",
      back: "Todo el correo saliente",
      text: "Texto",
      kind: "Tipo",
      messageId: "Message-ID",
      lastError: "Último error",
    },
    common: {
      linkHint: "Si el botón no funciona, copie esta dirección en su navegador:",
      expires: "El enlace solo puede utilizarse una vez y caduca el {{date}}.",
    },
    invitation: {
      subject: "Invitación a la plataforma de consultas",
      greeting: "Estimado/a señor/a:",
      invitedBy: "{{inviter}} le ha invitado a la plataforma de consultas.",
      invitedByOf: "{{inviter}} ({{inviterOrganization}}) le ha invitado a la plataforma de consultas.",
      role: "Participará en calidad de {{role}}.",
      roleOf: "Participará en calidad de {{role}} en nombre de {{organization}}.",
      next: "Para crear su cuenta, elija su nombre y su contraseña mediante el enlace que figura a continuación.",
      action: "Aceptar la invitación",
      footer:
        "Recibe este mensaje porque se ha cursado una invitación para {{email}}. Si no la esperaba, haga caso " +
        "omiso de ella: no se creará ninguna cuenta a menos que se utilice el enlace.",
    },
    accountApproved: {
      subject: "Se ha aprobado su solicitud de cuenta",
      greeting: "Estimado/a {{name}}:",
      approved: "Se ha aprobado su solicitud de cuenta para {{organization}}: participará en calidad de {{role}}.",
      next: "Para terminar de crear su cuenta, elija su contraseña mediante el enlace que figura a continuación.",
      action: "Crear su cuenta",
      footer: "Recibe este mensaje porque se solicitó una cuenta para {{email}}.",
    },
    accountRejected: {
      subject: "No se ha aprobado su solicitud de cuenta",
      greeting: "Estimado/a {{name}}:",
      rejected: "La Secretaría no ha aprobado su solicitud de cuenta para {{organization}}.",
      contact: "Si considera que se trata de un error, escriba a la Secretaría de la consulta.",
      footer: "Recibe este mensaje porque se solicitó una cuenta para {{email}}.",
    },
    receipt: {
      subject: "Acuse de recibo {{reference}}: observaciones presentadas sobre {{consultation}}",
      greeting: "Estimado/a {{name}}:",
      submittedByYou_one:
        "El {{date}} presentó {{count}} observación de {{organization}} sobre {{consultation}}. Ya es oficial.",
      submittedByYou_many:
        "El {{date}} presentó {{count}} observaciones de {{organization}} sobre {{consultation}}. Ya son " +
        "oficiales.",
      submittedByYou_other:
        "El {{date}} presentó {{count}} observaciones de {{organization}} sobre {{consultation}}. Ya son " +
        "oficiales.",
      submittedYours_one:
        "El {{date}}, {{submitter}} presentó {{count}} observación que usted había redactado en nombre de " +
        "{{organization}} sobre {{consultation}}. Ya es oficial.",
      submittedYours_many:
        "El {{date}}, {{submitter}} presentó {{count}} observaciones que usted había redactado en nombre de " +
        "{{organization}} sobre {{consultation}}. Ya son oficiales.",
      submittedYours_other:
        "El {{date}}, {{submitter}} presentó {{count}} observaciones que usted había redactado en nombre de " +
        "{{organization}} sobre {{consultation}}. Ya son oficiales.",
      reference: "Referencia del acuse de recibo: {{reference}}",
      trackingNumbers: "Números de seguimiento: {{numbers}}",
      action: "Ver el acuse de recibo",
      footerFocalPoint: "Recibe este mensaje porque presentó estas observaciones en nombre de {{organization}}.",
      footerDelegate: "Recibe este mensaje porque redactó observaciones que se han presentado.",
    },
    people: {
      sendLink:
        "La invitación también se envía por correo electrónico a la persona (su entrega se indica en " +
        "Invitaciones recientes). Si no le llega, copie este enlace y envíeselo usted mismo. Solo puede " +
        "utilizarse una vez y caduca el {{date}}.",
      delivery: "Correo electrónico",
      queued: "En cola",
      sent: "Enviado el {{date}}",
      failed: "No entregado: {{error}}",
      none: "Sin correo electrónico",
    },
  },
} as const;
