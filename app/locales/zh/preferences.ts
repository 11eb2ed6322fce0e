/**
 * Chinese (Simplified) UI strings: notification preferences (app/routes/account.notifications.tsx),
 * one-click unsubscribe (app/routes/unsubscribe.$token.tsx), and the lines the
 * platform adds to notifications and digests (app/models/notification.server.ts,
 * app/models/digest.server.ts).
 */
export default {
  preferences: {
    title: "电子邮件通知",
    accountLink: "电子邮件通知",
    intro: "请为每类通知选择：逐条即时接收、每天合并为一封电子邮件接收，或不接收。",
    alwaysSent:
      "有关您的账户及其安全的消息（邀请、密码重置、对账户申请的决定）以及您提交内容的回执始终即时发送，" +
      "因此未列于此处。",
    kinds: {
      reminder: {
        label: "截止日期前的提醒",
        hint: "在意见征询期截止之前，如您的代表团仍有草稿或尚未提出意见。",
      },
      version_published: {
        label: "新版本发布",
        hint: "秘书处发布文件的新版本时。",
      },
      period_changed: {
        label: "意见征询期开始、延长或截止",
        hint: "意见征询期开始、截止日期变更或征询期截止时。",
      },
      comments_published: {
        label: "收到的意见已公布",
        hint: "秘书处公布就某一磋商收到的意见时。",
      },
      dispositions_published: {
        label: "意见处理表已公布",
        hint: "秘书处公布其对意见（包括您代表团的意见）的决定时。",
      },
    },
    modes: {
      immediate: "逐条即时接收",
      digest: "合并为每日摘要，于{{hour}}（UTC）发送",
      off: "不接收",
    },
    submit: "保存偏好设置",
    saved: "您的偏好设置已保存。",
    errors: {
      badMode: "请选择其中一个选项。",
      nothingToSave: "该表单未指明任何通知类别。",
    },
    unsubscribe: {
      title: "退订",
      question: "是否停止接收这些电子邮件：{{scope}}？",
      explanation: "您将不再收到这些电子邮件。您账户的其他设置均不变，您可以在通知设置中重新启用这些邮件。",
      submit: "退订",
      done: "您已退订：{{scope}}。您将不再收到这些电子邮件。",
      alreadyOff: "您已不再接收这些电子邮件：{{scope}}。",
      settings: "通知设置（需要登录）",
      invalidTitle: "此退订链接无效",
      invalid: "该链接不完整或已被更改。请使用电子邮件中的完整链接，或登录后更改通知设置。",
      digestScope: "每日摘要",
    },
    mail: {
      why: "您收到此邮件，是因为“{{kind}}”通知设置为即时发送给您。",
      unsubscribe: "如需停止接收这些电子邮件，请退订：{{url}}",
      settings: "选择接收通知的方式：{{url}}",
      digest: {
        subject_other: "您的每日摘要：{{count}}条通知",
        greeting: "尊敬的{{name}}：",
        intro_other: "以下是自上一封摘要以来为您的每日摘要保留的{{count}}条通知。",
        why: "您收到此摘要，是因为您选择了每天接收一次部分通知。",
        unsubscribe: "如需停止接收每日摘要，请退订：{{url}}",
      },
    },
  },
} as const;
