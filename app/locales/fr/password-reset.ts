/** English UI strings: password reset (the forgot-password and reset pages, the secretariat's button, the mail). */
export default {
  passwordReset: {
    forgot: {
      title: "Forgot your password?",
      intro:
        "Enter the email address of your account. If it has an account here, a link to choose a new password " +
        "is sent to it; the link works once, for one hour.",
      email: "Email address",
      submit: "Send reset link",
      sent:
        "If {{email}} belongs to an account, a link to choose a new password has been sent to it. " +
        "It can take a few minutes to arrive; check your spam folder too.",
      tooMany: "Too many reset requests from this address. Try again in {{seconds}} seconds.",
      back: "Back to sign-in",
    },
    reset: {
      title: "Choose a new password",
      intro: "Choose a new password for {{email}}. Every browser signed in to this account will be signed out.",
      twoFactorKept: "Your two-factor authentication stays on: signing in still asks for your code.",
      password: "New password",
      submit: "Set new password",
      done: "Your password has been changed and every session was signed out. Sign in with your new password.",
      unknownTitle: "Reset link not valid",
      unknown: "This password reset link is not valid. Check that you copied the whole link, or ask for a new one.",
      expiredTitle: "Reset link expired",
      expired: "This password reset link has expired (links are valid for one hour). Ask for a new one.",
      usedTitle: "Reset link already used",
      used: "This password reset link has already been used or was replaced by a newer one. Ask for a new one.",
      askAgain: "Ask for a new link",
    },
    issue: {
      heading: "Password reset",
      intro:
        "Send this person an email with a link to choose a new password. The link works once, for one hour; " +
        "sending a new one cancels the previous link. Their two-factor authentication stays on.",
      submit: "Send password reset link",
      sent: "A password reset link has been sent to {{email}} (valid until {{expiresAt}}).",
      deactivated: "This account is deactivated: no reset link can be sent.",
    },
    mail: {
      subject: "Choose a new password",
      greeting: "Hello {{name}},",
      requested: "Someone (hopefully you) asked to reset the password of your account on the consultation platform.",
      issued: "{{issuer}} of the secretariat sent you a link to choose a new password for the consultation platform.",
      action: "Choose a new password",
      ignore: "If you did not ask for this, ignore this message: your password stays as it is.",
      footer: "You receive this message because {{email}} has an account on the consultation platform.",
      changedSubject: "Your password was changed",
      changed:
        "The password of your account on the consultation platform was changed on {{date}} with a reset link, " +
        "and every session was signed out.",
      changedNotYou: "If this was not you, contact the secretariat at once.",
    },
  },
};
