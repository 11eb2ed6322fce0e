/**
 * Chinese (Simplified) UI strings: the Outgoing mail page (app/routes/admin.mail.*), the
 * messages the platform queues (app/lib/mail/compose.ts composes them) and the
 * delivery state the People page shows.
 */
export default {
  mail: {
    title: "外发邮件",
    intro:
      "平台发送的每封电子邮件都先在触发操作的同一步骤中进入此处的队列，然后再投递。" +
      "因暂时性原因发送失败的邮件会重试；其他邮件则显示为失败。",
    transport: {
      smtp: "邮件通过 SMTP_URL 中设置的邮件服务器投递。",
      files:
        "未配置邮件服务器（SMTP_URL），因此邮件不会发送，而是以 .eml 文件形式写入{{directory}}。请在下方打开一封邮件进行阅读。",
    },
    filter: "显示",
    all: "全部（{{count}}）",
    status: {
      pending: "等待中",
      sending: "正在发送",
      sent: "已发送",
      failed: "失败",
    },
    statusWithCount: "{{status}}（{{count}}）",
    columns: {
      queued: "加入队列时间",
      to: "收件人",
      subject: "主题",
      status: "状态",
      attempts: "尝试次数",
    },
    nextAttempt: "下次尝试时间：{{date}}",
    sentAt: "发送于{{date}}",
    empty: "没有邮件。",
    more: "较早的邮件",
    newer: "较新的邮件",
    message: {
      title: "邮件",
      back: "所有外发邮件",
      text: "正文",
      kind: "类别",
      messageId: "Message-ID",
      lastError: "最近一次错误",
    },
    common: {
      linkHint: "如果按钮无效，请将此地址复制到浏览器中：",
      expires: "此链接仅可使用一次，将于{{date}}过期。",
    },
    invitation: {
      subject: "磋商平台邀请",
      greeting: "您好：",
      invitedBy: "{{inviter}}邀请您加入磋商平台。",
      invitedByOf: "{{inviter}}（{{inviterOrganization}}）邀请您加入磋商平台。",
      role: "您将以{{role}}身份参与。",
      roleOf: "您将代表{{organization}}以{{role}}身份参与。",
      next: "请通过下方链接设置您的姓名和密码，以创建账户。",
      action: "接受邀请",
      footer:
        "您收到此消息，是因为有人向{{email}}发出了邀请。如果您并未预期收到此邀请，请忽略：除非使用该链接，否则不会创建任何账户。",
    },
    accountApproved: {
      subject: "您的账户申请已获批准",
      greeting: "尊敬的{{name}}：",
      approved: "您代表{{organization}}提出的账户申请已获批准：您将以{{role}}身份参与。",
      next: "请通过下方链接设置密码，完成账户创建。",
      action: "创建账户",
      footer: "您收到此消息，是因为有人为{{email}}申请了账户。",
    },
    accountRejected: {
      subject: "您的账户申请未获批准",
      greeting: "尊敬的{{name}}：",
      rejected: "秘书处未批准您代表{{organization}}提出的账户申请。",
      contact: "如果您认为有误，请致函本次磋商的秘书处。",
      footer: "您收到此消息，是因为有人为{{email}}申请了账户。",
    },
    receipt: {
      subject: "回执{{reference}}：就{{consultation}}提交的意见",
      greeting: "尊敬的{{name}}：",
      submittedByYou_other:
        "您已于{{date}}代表{{organization}}就{{consultation}}提交了{{count}}条意见。这些意见现已成为正式意见。",
      submittedYours_other:
        "{{submitter}}已于{{date}}提交了您代表{{organization}}就{{consultation}}起草的{{count}}条意见。" +
        "这些意见现已成为正式意见。",
      reference: "回执编号：{{reference}}",
      trackingNumbers: "追踪编号：{{numbers}}",
      action: "查看回执",
      footerFocalPoint: "您收到此消息，是因为您代表{{organization}}提交了这些意见。",
      footerDelegate: "您收到此消息，是因为您起草的意见已被提交。",
    },
    people: {
      sendLink:
        "邀请也已通过电子邮件发送给该人员（投递情况显示在“近期邀请”下）。如果未能送达，请复制此链接并亲自发送。" +
        "此链接仅可使用一次，将于{{date}}过期。",
      delivery: "电子邮件",
      queued: "已加入队列",
      sent: "已于{{date}}发送",
      failed: "未送达：{{error}}",
      none: "无电子邮件",
    },
  },
} as const;
