/** French UI strings: password reset (the forgot-password and reset pages, the secretariat's button, the mail). */
export default {
  passwordReset: {
    forgot: {
      title: "Mot de passe oublié ?",
      intro:
        "Saisissez l’adresse électronique de votre compte. Si un compte y est associé ici, un lien permettant " +
        "de choisir un nouveau mot de passe lui est envoyé ; ce lien ne fonctionne qu’une fois, pendant une heure.",
      email: "Adresse électronique",
      submit: "Envoyer le lien de réinitialisation",
      sent:
        "Si l’adresse {{email}} est associée à un compte, un lien permettant de choisir un nouveau mot de passe " +
        "y a été envoyé. Il peut mettre quelques minutes à arriver ; vérifiez aussi votre dossier de courrier " +
        "indésirable.",
      tooMany: "Trop de demandes de réinitialisation depuis cette adresse. Réessayez dans {{seconds}} secondes.",
      back: "Retour à la connexion",
    },
    reset: {
      title: "Choisissez un nouveau mot de passe",
      intro:
        "Choisissez un nouveau mot de passe pour {{email}}. Tous les navigateurs connectés à ce compte seront " +
        "déconnectés.",
      twoFactorKept:
        "Votre authentification à deux facteurs reste activée : votre code vous sera toujours demandé à la " +
        "connexion.",
      password: "Nouveau mot de passe",
      submit: "Définir le nouveau mot de passe",
      done:
        "Votre mot de passe a été changé et toutes les sessions ont été déconnectées. Connectez-vous avec votre " +
        "nouveau mot de passe.",
      unknownTitle: "Lien de réinitialisation non valide",
      unknown:
        "Ce lien de réinitialisation du mot de passe n’est pas valide. Vérifiez que vous avez copié le lien en " +
        "entier, ou demandez-en un nouveau.",
      expiredTitle: "Lien de réinitialisation expiré",
      expired:
        "Ce lien de réinitialisation du mot de passe a expiré (les liens sont valables une heure). " +
        "Demandez-en un nouveau.",
      usedTitle: "Lien de réinitialisation déjà utilisé",
      used:
        "Ce lien de réinitialisation du mot de passe a déjà été utilisé ou a été remplacé par un lien plus " +
        "récent. Demandez-en un nouveau.",
      askAgain: "Demander un nouveau lien",
    },
    issue: {
      heading: "Réinitialisation du mot de passe",
      intro:
        "Envoyez à cette personne un courriel contenant un lien permettant de choisir un nouveau mot de passe. " +
        "Le lien ne fonctionne qu’une fois, pendant une heure ; l’envoi d’un nouveau lien annule le précédent. " +
        "Son authentification à deux facteurs reste activée.",
      submit: "Envoyer le lien de réinitialisation du mot de passe",
      sent: "Un lien de réinitialisation du mot de passe a été envoyé à {{email}} (valable jusqu’au {{expiresAt}}).",
      deactivated: "Ce compte est désactivé : aucun lien de réinitialisation ne peut être envoyé.",
    },
    mail: {
      subject: "Choisissez un nouveau mot de passe",
      greeting: "Bonjour {{name}},",
      requested:
        "Quelqu’un (vous, nous l’espérons) a demandé la réinitialisation du mot de passe de votre compte sur la " +
        "plateforme de consultation.",
      issued:
        "{{issuer}}, du secrétariat, vous a envoyé un lien permettant de choisir un nouveau mot de passe pour la " +
        "plateforme de consultation.",
      action: "Choisir un nouveau mot de passe",
      ignore:
        "Si vous n’êtes pas à l’origine de cette demande, ne tenez pas compte de ce message : votre mot de passe " +
        "reste inchangé.",
      footer:
        "Vous recevez ce message parce que l’adresse {{email}} est associée à un compte sur la plateforme de " +
        "consultation.",
      changedSubject: "Votre mot de passe a été changé",
      changed:
        "Le mot de passe de votre compte sur la plateforme de consultation a été changé le {{date}} au moyen " +
        "d’un lien de réinitialisation, et toutes les sessions ont été déconnectées.",
      changedNotYou: "Si vous n’êtes pas à l’origine de ce changement, contactez immédiatement le secrétariat.",
    },
  },
};
