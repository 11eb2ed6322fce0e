/** Spanish UI strings: a focal point's organization page (/organization). */
export default {
  organization: {
    title: "Su organización",
    intro:
      "Las personas de {{name}} en la plataforma. Invite a delegados que redacten observaciones para que usted " +
      "las revise.",
    accountLink: "Su organización: miembros e invitaciones",
    members: {
      title: "Miembros",
      name: "Nombre",
      email: "Correo electrónico",
      role: "Función",
      status: "Estado",
      active: "Activa",
      deactivated: "Desactivada",
    },
    invite: {
      title: "Invitar a un delegado",
      email: "Dirección de correo electrónico",
      role: "Función",
      roleHint: "Los puntos focales los designa la Secretaría.",
      submit: "Enviar la invitación",
      sent:
        "Se ha enviado la invitación por correo electrónico a {{email}}. El enlace solo puede utilizarse una vez " +
        "y caduca el {{date}}.",
      unavailable:
        "No se puede invitar a esta dirección: ya tiene una cuenta o una invitación pendiente en la plataforma. " +
        "Consulte a la Secretaría si la persona debe incorporarse a su organización.",
      tooMany: "Demasiadas invitaciones en poco tiempo. Vuelva a intentarlo dentro de {{seconds}} segundos.",
    },
    invitations: {
      title: "Invitaciones pendientes",
      empty: "No hay invitaciones pendientes.",
      email: "Correo electrónico",
      role: "Función",
      status: "Estado",
      delivery: "Entrega del correo electrónico",
      actions: "Acciones",
      pending: "Pendiente hasta el {{date}}",
      expired: "Caducada el {{date}}",
      withdraw: "Retirar",
      withdrawLabel: "Retirar la invitación enviada a {{email}}",
      withdrawn: "Se ha retirado la invitación enviada a {{email}}; su enlace ya no funciona.",
      notFound: "Esta invitación ya no existe.",
      alreadyAccepted: "Esta invitación ya se ha aceptado.",
    },
  },
} as const;
