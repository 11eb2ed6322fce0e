/**
 * French UI strings: the Outgoing mail page (app/routes/admin.mail.*), the
 * messages the platform queues (app/lib/mail/compose.ts composes them) and the
 * delivery state the People page shows.
 */
export default {
  mail: {
    title: "Courrier sortant",
    intro:
      "Chaque courriel envoyé par la plateforme est d’abord placé ici en file d’attente, au cours de la même " +
      "opération que l’événement qui le déclenche, puis remis. Les messages dont l’envoi échoue pour une raison " +
      "passagère sont renvoyés ; les autres sont signalés comme ayant échoué.",
    transport: {
      smtp: "Les messages sont remis par l’intermédiaire du serveur de messagerie défini dans SMTP_URL.",
      files:
        "Aucun serveur de messagerie n’est configuré (SMTP_URL) : les messages sont enregistrés sous forme de " +
        "fichiers .eml dans {{directory}} au lieu d’être envoyés. Ouvrez-en un ci-dessous pour le lire.",
    },
    filter: "Afficher",
    all: "Tous ({{count}})",
    status: {
      pending: "En attente",
      sending: "En cours d’envoi",
      sent: "Envoyé",
      failed: "Échec",
    },
    statusWithCount: "{{status}} ({{count}})",
    columns: {
      queued: "Mis en file d’attente",
      to: "Destinataire",
      subject: "Objet",
      status: "Statut",
      attempts: "Tentatives",
    },
    nextAttempt: "prochaine tentative le {{date}}",
    sentAt: "le {{date}}",
    empty: "Aucun message.",
    more: "Messages plus anciens",
    newer: "Messages plus récents",
    message: {
      title: "Message",
      back: "Tout le courrier sortant",
      text: "Texte",
      kind: "Type",
      messageId: "Message-ID",
      lastError: "Dernière erreur",
    },
    common: {
      linkHint: "Si le bouton ne fonctionne pas, copiez cette adresse dans votre navigateur :",
      expires: "Le lien ne fonctionne qu’une fois et expire le {{date}}.",
    },
    invitation: {
      subject: "Invitation à la plateforme de consultation",
      greeting: "Bonjour,",
      invitedBy: "{{inviter}} vous a invité(e) à rejoindre la plateforme de consultation.",
      invitedByOf: "{{inviter}} ({{inviterOrganization}}) vous a invité(e) à rejoindre la plateforme de consultation.",
      role: "Vous participerez avec le rôle « {{role}} ».",
      roleOf: "Vous participerez avec le rôle « {{role}} » au nom de {{organization}}.",
      next: "Choisissez votre nom et votre mot de passe au moyen du lien ci-dessous pour créer votre compte.",
      action: "Accepter l’invitation",
      footer:
        "Vous recevez ce message parce qu’une invitation a été adressée à {{email}}. Si vous ne l’attendiez pas, " +
        "ne tenez pas compte de ce message : aucun compte n’est créé tant que le lien n’est pas utilisé.",
    },
    accountApproved: {
      subject: "Votre demande de compte a été approuvée",
      greeting: "Bonjour {{name}},",
      approved:
        "Votre demande de compte pour {{organization}} a été approuvée : vous participerez avec le rôle " +
        "« {{role}} ».",
      next: "Choisissez votre mot de passe au moyen du lien ci-dessous pour achever la création de votre compte.",
      action: "Créer votre compte",
      footer: "Vous recevez ce message parce qu’un compte a été demandé pour {{email}}.",
    },
    accountRejected: {
      subject: "Votre demande de compte n’a pas été approuvée",
      greeting: "Bonjour {{name}},",
      rejected: "Votre demande de compte pour {{organization}} n’a pas été approuvée par le secrétariat.",
      contact: "Si vous pensez qu’il s’agit d’une erreur, écrivez au secrétariat de la consultation.",
      footer: "Vous recevez ce message parce qu’un compte a été demandé pour {{email}}.",
    },
    receipt: {
      subject: "Accusé de réception {{reference}} : observations soumises sur {{consultation}}",
      greeting: "Bonjour {{name}},",
      submittedByYou_one:
        "Vous avez soumis {{count}} observation de {{organization}} sur {{consultation}} le {{date}}. Elle est " +
        "désormais officielle.",
      submittedByYou_many:
        "Vous avez soumis {{count}} observations de {{organization}} sur {{consultation}} le {{date}}. Elles " +
        "sont désormais officielles.",
      submittedByYou_other:
        "Vous avez soumis {{count}} observations de {{organization}} sur {{consultation}} le {{date}}. Elles " +
        "sont désormais officielles.",
      submittedYours_one:
        "{{submitter}} a soumis {{count}} observation que vous aviez rédigée au nom de {{organization}} sur " +
        "{{consultation}} le {{date}}. Elle est désormais officielle.",
      submittedYours_many:
        "{{submitter}} a soumis {{count}} observations que vous aviez rédigées au nom de {{organization}} sur " +
        "{{consultation}} le {{date}}. Elles sont désormais officielles.",
      submittedYours_other:
        "{{submitter}} a soumis {{count}} observations que vous aviez rédigées au nom de {{organization}} sur " +
        "{{consultation}} le {{date}}. Elles sont désormais officielles.",
      reference: "Référence de l’accusé de réception : {{reference}}",
      trackingNumbers: "Numéros de suivi : {{numbers}}",
      action: "Consulter l’accusé de réception",
      footerFocalPoint:
        "Vous recevez ce message parce que vous avez soumis ces observations au nom de {{organization}}.",
      footerDelegate: "Vous recevez ce message parce que vous avez rédigé des observations qui ont été soumises.",
    },
    people: {
      sendLink:
        "L’invitation est également envoyée par courriel à la personne (son envoi est indiqué sous Invitations " +
        "récentes). Si elle n’arrive pas, copiez ce lien et envoyez-le vous-même. Il ne fonctionne qu’une fois " +
        "et expire le {{date}}.",
      delivery: "Courriel",
      queued: "En file d’attente",
      sent: "Envoyé le {{date}}",
      failed: "Non remis : {{error}}",
      none: "Aucun courriel",
    },
  },
} as const;
