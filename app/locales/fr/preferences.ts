/**
 * French UI strings: notification preferences (app/routes/account.notifications.tsx),
 * one-click unsubscribe (app/routes/unsubscribe.$token.tsx), and the lines the
 * platform adds to notifications and digests (app/models/notification.server.ts,
 * app/models/digest.server.ts).
 */
export default {
  preferences: {
    title: "Notifications par courriel",
    accountLink: "Notifications par courriel",
    intro:
      "Choisissez, pour chaque type de notification, si vous souhaitez recevoir chacune d’elles au fur et à " +
      "mesure, toutes ensemble dans un courriel quotidien, ou aucune.",
    alwaysSent:
      "Les messages concernant votre compte et sa sécurité (invitations, réinitialisations de mot de passe, " +
      "décisions sur les demandes de compte) et les accusés de réception de vos soumissions sont toujours " +
      "envoyés immédiatement : ils ne figurent pas dans cette liste.",
    kinds: {
      reminder: {
        label: "Rappels avant une date limite",
        hint:
          "Avant la fin d’une période de consultation, lorsque votre délégation a encore des brouillons ou n’a " +
          "pas formulé d’observations.",
      },
      version_published: {
        label: "Publication de nouvelles versions",
        hint: "Lorsque le secrétariat publie une nouvelle version d’un document.",
      },
      period_changed: {
        label: "Ouverture, prorogation ou clôture des périodes de consultation",
        hint: "Lorsqu’une période de consultation s’ouvre, que sa date limite change ou qu’elle prend fin.",
      },
      comments_published: {
        label: "Publication des observations reçues",
        hint: "Lorsque le secrétariat publie les observations reçues sur une consultation.",
      },
      dispositions_published: {
        label: "Publication des tableaux de suite donnée aux observations",
        hint: "Lorsque le secrétariat publie ses décisions sur les observations, y compris celles de votre délégation.",
      },
    },
    modes: {
      immediate: "Chacune au fur et à mesure",
      digest: "Dans un récapitulatif quotidien, envoyé à {{hour}} UTC",
      off: "Aucune",
    },
    submit: "Enregistrer les préférences",
    saved: "Vos préférences ont été enregistrées.",
    errors: {
      badMode: "Choisissez l’une des options.",
      nothingToSave: "Le formulaire ne mentionnait aucun type de notification.",
    },
    unsubscribe: {
      title: "Se désabonner",
      question: "Ne plus recevoir ces courriels : {{scope}} ?",
      explanation:
        "Vous ne recevrez plus ces courriels. Rien d’autre ne change dans votre compte, et vous pourrez les " +
        "réactiver dans vos paramètres de notification.",
      submit: "Se désabonner",
      done: "Vous êtes désabonné(e) : {{scope}}. Vous ne recevrez plus ces courriels.",
      alreadyOff: "Vous ne recevez plus ces courriels : {{scope}}.",
      settings: "Paramètres de notification (connexion requise)",
      invalidTitle: "Ce lien de désabonnement ne fonctionne pas",
      invalid:
        "Le lien est incomplet ou a été modifié. Utilisez le lien complet figurant dans le courriel, ou " +
        "connectez-vous et modifiez vos paramètres de notification.",
      digestScope: "le récapitulatif quotidien",
    },
    mail: {
      why: "Vous recevez ce message parce que les notifications « {{kind}} » vous sont envoyées au fur et à mesure.",
      unsubscribe: "Pour ne plus recevoir ces courriels, désabonnez-vous : {{url}}",
      settings: "Choisissez la façon dont vous recevez les notifications : {{url}}",
      digest: {
        subject_one: "Votre récapitulatif quotidien : {{count}} notification",
        subject_many: "Votre récapitulatif quotidien : {{count}} notifications",
        subject_other: "Votre récapitulatif quotidien : {{count}} notifications",
        greeting: "Bonjour {{name}},",
        intro_one: "Voici la notification réservée pour votre récapitulatif quotidien depuis le précédent.",
        intro_many:
          "Voici les {{count}} notifications réservées pour votre récapitulatif quotidien depuis le précédent.",
        intro_other:
          "Voici les {{count}} notifications réservées pour votre récapitulatif quotidien depuis le précédent.",
        why:
          "Vous recevez ce récapitulatif parce que vous avez choisi de recevoir certaines notifications une fois " +
          "par jour.",
        unsubscribe: "Pour ne plus recevoir le récapitulatif quotidien, désabonnez-vous : {{url}}",
      },
    },
  },
} as const;
