/**
 * Chinese (Simplified) UI strings: password reset (the forgot-password and reset pages, the secretariat's
 * button, the mail).
 */
export default {
  passwordReset: {
    forgot: {
      title: "忘记密码？",
      intro:
        "请输入您账户的电子邮件地址。如果该地址在本平台有账户，我们将向其发送设置新密码的链接；该链接仅可使用一次，有效期为一小时。",
      email: "电子邮件地址",
      submit: "发送重置链接",
      sent: "如果{{email}}属于某个账户，设置新密码的链接已发送至该地址。邮件可能需要几分钟才能送达；请同时检查您的垃圾邮件文件夹。",
      tooMany: "来自此地址的重置请求过多。请在{{seconds}}秒后重试。",
      back: "返回登录",
    },
    reset: {
      title: "设置新密码",
      intro: "请为{{email}}设置新密码。登录此账户的所有浏览器都将退出登录。",
      twoFactorKept: "您的双重身份验证仍保持启用：登录时仍需输入验证码。",
      password: "新密码",
      submit: "设置新密码",
      done: "您的密码已更改，所有会话均已退出登录。请使用新密码登录。",
      unknownTitle: "重置链接无效",
      unknown: "此密码重置链接无效。请检查是否复制了完整的链接，或重新申请链接。",
      expiredTitle: "重置链接已过期",
      expired: "此密码重置链接已过期（链接有效期为一小时）。请重新申请链接。",
      usedTitle: "重置链接已被使用",
      used: "此密码重置链接已被使用，或已被更新的链接取代。请重新申请链接。",
      askAgain: "重新申请链接",
    },
    issue: {
      heading: "密码重置",
      intro:
        "向此人发送一封电子邮件，附上设置新密码的链接。该链接仅可使用一次，有效期为一小时；发送新链接将使之前的链接失效。此人的双重身份验证仍保持启用。",
      submit: "发送密码重置链接",
      sent: "密码重置链接已发送至{{email}}（有效期至{{expiresAt}}）。",
      deactivated: "此账户已停用：无法发送重置链接。",
    },
    mail: {
      subject: "设置新密码",
      greeting: "{{name}}，您好：",
      requested: "有人（希望是您本人）申请重置您在磋商平台上的账户密码。",
      issued: "秘书处的{{issuer}}已向您发送了为磋商平台设置新密码的链接。",
      action: "设置新密码",
      ignore: "如果您并未提出此申请，请忽略此消息：您的密码将保持不变。",
      footer: "您收到此消息，是因为{{email}}在磋商平台上有账户。",
      changedSubject: "您的密码已更改",
      changed: "您在磋商平台上的账户密码已于{{date}}通过重置链接更改，所有会话均已退出登录。",
      changedNotYou: "如果这不是您本人所为，请立即联系秘书处。",
    },
  },
};
