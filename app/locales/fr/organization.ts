/** French UI strings: a focal point's organization page (/organization). */
export default {
  organization: {
    title: "Votre organisation",
    intro:
      "Les membres de {{name}} inscrits sur la plateforme. Invitez des délégués qui rédigeront des observations " +
      "que vous examinerez.",
    accountLink: "Votre organisation : membres et invitations",
    members: {
      title: "Membres",
      name: "Nom",
      email: "Adresse électronique",
      role: "Rôle",
      status: "Statut",
      active: "Actif",
      deactivated: "Désactivé",
    },
    invite: {
      title: "Inviter un délégué",
      email: "Adresse électronique",
      role: "Rôle",
      roleHint: "Les points focaux sont désignés par le secrétariat.",
      submit: "Envoyer l’invitation",
      sent: "Invitation envoyée par courriel à {{email}}. Le lien ne fonctionne qu’une fois et expire le {{date}}.",
      unavailable:
        "Cette adresse ne peut pas être invitée : elle est déjà associée à un compte ou à une invitation en " +
        "attente sur la plateforme. Adressez-vous au secrétariat si la personne doit rejoindre votre organisation.",
      tooMany: "Trop d’invitations en peu de temps. Réessayez dans {{seconds}} secondes.",
    },
    invitations: {
      title: "Invitations en attente",
      empty: "Aucune invitation en attente.",
      email: "Adresse électronique",
      role: "Rôle",
      status: "Statut",
      delivery: "Envoi du courriel",
      actions: "Actions",
      pending: "En attente jusqu’au {{date}}",
      expired: "Expirée le {{date}}",
      withdraw: "Retirer",
      withdrawLabel: "Retirer l’invitation adressée à {{email}}",
      withdrawn: "L’invitation adressée à {{email}} a été retirée ; son lien ne fonctionne plus.",
      notFound: "Cette invitation n’existe plus.",
      alreadyAccepted: "Cette invitation a déjà été acceptée.",
    },
  },
} as const;
