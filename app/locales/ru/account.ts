/** English UI strings: the account pages (password, sessions) and the password policy. */
export default {
  account: {
    title: "Your account",
    intro: "Signed in as {{name}} ({{email}}).",
    links: {
      password: "Change your password",
      sessions: "Your sessions (signed-in browsers)",
      twoFactor: "Two-factor authentication",
    },
    passwordPolicy: {
      hint:
        "At least 12 characters, no other rules: a phrase of several unrelated words is easy to remember and " +
        "hard to guess. Pasting from a password manager works.",
      weak: "This password is too easy to guess.",
      common: "This is one of the most common passwords.",
      published: "This password is published (for example as the demo password) or made of this site's name.",
      personal: "The password must not contain your name or the first part of your email address.",
      suggestion: "Add more words that are less common, or let a password manager choose one.",
      warnings: {
        keyboard: "Rows and patterns of keys on a keyboard are easy to guess.",
        repeat: "Repeated characters or patterns are easy to guess.",
        sequence: "Sequences like “abc” or “1234” are easy to guess.",
        dates: "Dates and years are easy to guess.",
        common: "This is a commonly used password.",
        similarToCommon: "This is similar to a commonly used password.",
        words: "Single words are easy to guess.",
        names: "Names and surnames are easy to guess.",
        personal: "It contains something about you or this site.",
      },
    },
    password: {
      title: "Change your password",
      intro: "When you change your password, every other browser signed in to your account is signed out.",
      current: "Current password",
      new: "New password",
      submit: "Change password",
      currentWrong: "Your current password is not correct.",
      changed: "Your password has been changed. Your other sessions have been ended.",
    },
    sessions: {
      title: "Your sessions",
      intro: "Every browser in which you are signed in. Revoke any you do not recognize.",
      started: "Signed in",
      lastActive: "Last active (about)",
      expires: "Ends if unused",
      current: "This browser",
      revoke: "Revoke",
      revokeEverywhereElse: "Sign out everywhere else",
      revoked: "The session has been ended.",
      revokedOthers: "All your other sessions have been ended ({{count}}).",
      notFound: "This session does not exist or is not yours.",
      none: "No other sessions.",
      caption: "Signed-in sessions",
      session: "Session",
    },
  },
};
