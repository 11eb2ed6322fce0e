/** French UI strings: the account pages (password, sessions) and the password policy. */
export default {
  account: {
    title: "Votre compte",
    intro: "Connecté(e) en tant que {{name}} ({{email}}).",
    links: {
      password: "Changer votre mot de passe",
      sessions: "Vos sessions (navigateurs connectés)",
      twoFactor: "Authentification à deux facteurs",
    },
    passwordPolicy: {
      hint:
        "Au moins 12 caractères, sans autre règle : une phrase composée de plusieurs mots sans rapport entre " +
        "eux est facile à retenir et difficile à deviner. Vous pouvez coller un mot de passe depuis un " +
        "gestionnaire de mots de passe.",
      weak: "Ce mot de passe est trop facile à deviner.",
      common: "Il s’agit de l’un des mots de passe les plus courants.",
      published:
        "Ce mot de passe est public (par exemple, c’est le mot de passe de démonstration) ou est formé du nom " +
        "de ce site.",
      personal: "Le mot de passe ne doit contenir ni votre nom ni la première partie de votre adresse électronique.",
      suggestion: "Ajoutez d’autres mots, moins courants, ou laissez un gestionnaire de mots de passe en choisir un.",
      warnings: {
        keyboard: "Les suites et combinaisons de touches du clavier sont faciles à deviner.",
        repeat: "Les caractères ou motifs répétés sont faciles à deviner.",
        sequence: "Les suites telles que « abc » ou « 1234 » sont faciles à deviner.",
        dates: "Les dates et les années sont faciles à deviner.",
        common: "Ce mot de passe est couramment utilisé.",
        similarToCommon: "Ce mot de passe ressemble à un mot de passe couramment utilisé.",
        words: "Les mots isolés sont faciles à deviner.",
        names: "Les prénoms et les noms de famille sont faciles à deviner.",
        personal: "Il contient un élément vous concernant ou concernant ce site.",
      },
    },
    password: {
      title: "Changer votre mot de passe",
      intro:
        "Lorsque vous changez votre mot de passe, tous les autres navigateurs connectés à votre compte sont " +
        "déconnectés.",
      current: "Mot de passe actuel",
      new: "Nouveau mot de passe",
      submit: "Changer le mot de passe",
      currentWrong: "Votre mot de passe actuel est incorrect.",
      changed: "Votre mot de passe a été changé. Il a été mis fin à vos autres sessions.",
    },
    sessions: {
      title: "Vos sessions",
      intro: "Tous les navigateurs dans lesquels vous êtes connecté(e). Révoquez ceux que vous ne reconnaissez pas.",
      started: "Début de la session",
      lastActive: "Dernière activité (approximative)",
      expires: "Fin en cas d’inactivité",
      current: "Ce navigateur",
      revoke: "Révoquer",
      revokeEverywhereElse: "Se déconnecter partout ailleurs",
      revoked: "Il a été mis fin à la session.",
      revokedOthers: "Il a été mis fin à toutes vos autres sessions ({{count}}).",
      notFound: "Cette session n’existe pas ou ne vous appartient pas.",
      none: "Aucune autre session.",
      caption: "Sessions connectées",
      session: "Session",
    },
  },
};
