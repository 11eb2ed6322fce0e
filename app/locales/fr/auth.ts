/** French UI strings: auth. */
export default {
  auth: {
    twoFactor: {
      loginTitle: "Saisissez votre code de vérification",
      loginIntro:
        "Ouvrez votre application d’authentification et saisissez le code à 6 chiffres, ou saisissez l’un de " +
        "vos codes de récupération.",
      code: "Code de vérification ou code de récupération",
      verify: "Vérifier",
      invalid: "Ce code n’est pas valide. Chaque code ne peut être utilisé qu’une seule fois.",
      tooMany: "Trop de tentatives. Réessayez dans {{seconds}} secondes.",
      title: "Authentification à deux facteurs",
      required:
        "Les comptes du secrétariat doivent configurer l’authentification à deux facteurs avant de pouvoir " +
        "continuer.",
      enrolIntro:
        "Scannez ce code QR avec une application d’authentification, ou saisissez-y la clé secrète, puis " +
        "saisissez le code qu’elle affiche.",
      qrAlt: "Code QR permettant de configurer une application d’authentification",
      secret: "Clé secrète pour la saisie manuelle",
      confirm: "Activer l’authentification à deux facteurs",
      enabled: "L’authentification à deux facteurs est activée.",
      recoveryTitle: "Vos codes de récupération",
      recoveryIntro:
        "Conservez-les en lieu sûr. Chaque code vous permet de vous connecter une fois si vous perdez votre " +
        "application d’authentification. Ils ne sont affichés qu’une seule fois, maintenant.",
      otherSessionsEnded: "Toutes vos autres sessions ont été déconnectées ; elles devront désormais fournir le code.",
      recoveryLeft: "Codes de récupération inutilisés : {{count}}",
      regenerate: "Générer de nouveaux codes de récupération",
      disable: "Désactiver l’authentification à deux facteurs",
      disableCode: "Code actuel de votre application d’authentification",
      disableRefused: "Les comptes du secrétariat ne peuvent pas désactiver l’authentification à deux facteurs.",
      disabled: "L’authentification à deux facteurs est désactivée.",
      continue: "Continuer",
    },
    signIn: "Se connecter",
    signOut: "Se déconnecter",
    signedInAs: "Connecté(e) en tant que {{name}} ({{role}}, {{organization}})",
    signedInAsNoOrganization: "Connecté(e) en tant que {{name}} ({{role}})",
    roles: {
      secretariat: "Secrétariat",
      focal_point: "Point focal",
      delegate: "Délégué(e)",
      observer: "Observateur",
    },
    organizationKinds: {
      member_state: "Délégation d’un État Membre",
      sector_member: "Membre de Secteur",
      academia: "Établissement universitaire",
      civil_society: "Société civile",
      international_organization: "Organisation internationale",
      secretariat: "Secrétariat",
    },
    fields: {
      email: "Adresse électronique",
      password: "Mot de passe",
      name: "Votre nom",
      newPassword: "Choisissez un mot de passe",
      organizationName: "Organisation",
      organizationKind: "Type d’organisation",
      message: "Message au secrétariat (facultatif)",
    },
    validation: {
      emailInvalid: "Saisissez une adresse électronique valide.",
      passwordRequired: "Saisissez votre mot de passe.",
      passwordTooShort: "Utilisez au moins 12 caractères.",
      passwordTooLong: "Utilisez au plus 256 caractères.",
      nameRequired: "Saisissez votre nom.",
      nameTooLong: "Utilisez au plus 200 caractères.",
      organizationNameRequired: "Saisissez le nom de votre organisation.",
      organizationKindRequired: "Choisissez le type d’organisation.",
      messageTooLong: "Utilisez au plus 2 000 caractères.",
    },
    login: {
      title: "Connexion",
      intro: "Connectez-vous avec l’adresse électronique à laquelle votre invitation a été envoyée.",
      submit: "Se connecter",
      invalid: "L’adresse électronique ou le mot de passe est incorrect.",
      tooMany: "Trop de tentatives de connexion. Réessayez dans {{seconds}} secondes.",
      noAccount: "Vous n’avez pas encore de compte ?",
      requestAccount: "Demander un compte",
    },
    invitation: {
      title: "Créez votre compte",
      intro: "Vous avez été invité(e) à participer avec le rôle « {{role}} ».",
      introWithOrganization:
        "Vous avez été invité(e) à participer avec le rôle « {{role}} » au nom de {{organization}}.",
      email: "Votre compte utilisera l’adresse électronique {{email}}.",
      submit: "Créer mon compte",
      unknownTitle: "Invitation introuvable",
      unknown:
        "Ce lien d’invitation n’est pas valide. Vérifiez que vous avez copié le lien en entier, ou demandez-en " +
        "un nouveau au secrétariat.",
      expiredTitle: "Invitation expirée",
      expired: "Cette invitation a expiré. Demandez-en une nouvelle au secrétariat.",
      usedTitle: "Invitation déjà utilisée",
      used: "Cette invitation a déjà été utilisée. Si c’est vous qui l’avez utilisée, connectez-vous.",
      emailTaken: "Un compte associé à cette adresse électronique existe déjà. Connectez-vous plutôt.",
    },
    requestAccount: {
      title: "Demander un compte",
      intro:
        "Indiquez au secrétariat qui vous êtes et quelle organisation vous représentez. Le secrétariat " +
        "examinera votre demande et vous enverra un lien pour créer votre compte.",
      submit: "Envoyer la demande",
      sentTitle: "Demande envoyée",
      sent: "Merci. Le secrétariat examinera votre demande et vous contactera à l’adresse {{email}}.",
      tooMany: "Trop de demandes depuis votre connexion. Réessayez dans {{seconds}} secondes.",
    },
  },
} as const;
