/**
 * Chinese (Simplified) strings of the notices the platform emails to the people who take
 * part in a consultation: reminders before the deadline
 * (app/models/reminder.server.ts) and publication notices
 * (app/models/notice.server.ts).
 */
export default {
  notices: {
    edit: {
      reminderDays: "截止日期前的提醒（天数）",
      reminderDaysHint:
        "对于有未提交草稿或尚未提出意见的代表团，系统将在每个截止日期前的指定天数、于截止时间的同一时刻发送电子邮件提醒。" +
        "例如：7,1。留空则不发送提醒。",
    },
    errors: {
      reminderDays: "请输入1至60之间的整数天数，以逗号分隔（最多5个），例如：7,1。",
    },
    greeting: "尊敬的{{name}}：",
    version: "第{{number}}版（{{label}}）",
    footer: "您收到此消息，是因为您代表{{organization}}参与磋商。",
    workspaceAction: "打开本代表团的工作区",
    versionPublished: {
      subject: "{{consultation}}的新版本：{{label}}",
      body: "秘书处已于{{date}}发布{{consultation}}的{{version}}。",
      action: "阅读{{label}}",
    },
    periodOpened: {
      subject: "{{consultation}}开始征求意见",
      body: "对{{consultation}}{{version}}的意见征询期自{{opens}}开始，至{{closes}}截止。",
      howTo: "意见在阅读器中逐段提出；由联络人代表{{organization}}提交。",
      action: "阅读并提出意见",
    },
    periodExtended: {
      subject: "截止日期已延长：{{consultation}}",
      body: "对{{consultation}}{{version}}提出意见的截止日期已从{{previous}}延长至{{closes}}。",
    },
    periodChanged: {
      subject: "意见征询期已变更：{{consultation}}",
      body: "对{{consultation}}{{version}}的意见征询期现改为自{{opens}}开始，至{{closes}}截止。",
    },
    periodClosed: {
      subject: "{{consultation}}的意见征询已截止",
      body: "对{{consultation}}{{version}}的意见征询期已于{{closes}}截止。",
      next: "不能再提出或提交意见。秘书处现将汇总收到的意见。",
      drafts_other: "{{organization}}有{{count}}条意见草稿未提交，将不予审议。",
    },
    commentsPublished: {
      subject: "收到的意见已公布：{{consultation}}",
      body: "秘书处已公布就{{consultation}}收到的意见。",
      own_zero: "{{organization}}未提交任何意见。",
      own_other: "{{organization}}提交了{{count}}条意见。",
      action: "查看本代表团的意见",
    },
    dispositionsPublished: {
      subject: "意见处理情况已公布：{{consultation}}",
      body: "秘书处已公布对{{consultation}}的意见处理情况：即秘书处对每条意见的决定。",
      own_zero: "该表中没有{{organization}}的意见。",
      own_other: "该表中有{{organization}}的{{count}}条意见：{{summary}}。",
      undecided: "尚未决定",
      decision: "{{trackingNumber}}（第{{paragraph}}段）：{{decision}}",
      decisionNoParagraph: "{{trackingNumber}}：{{decision}}",
      more_other: "另有{{count}}条意见。",
      table: "完整表格：{{url}}",
      action: "查看本代表团的意见",
    },
    reminder: {
      subject: "提醒：对{{consultation}}的意见征询将于{{date}}截止",
      closes_other: "对{{consultation}}{{version}}的意见征询期将于{{date}}截止，还剩{{count}}天。",
      ownDrafts_other: "您有{{count}}条未提交的意见草稿。草稿只有经{{organization}}的联络人提交后才会送达秘书处。",
      waiting_other: "{{organization}}有{{count}}条意见草稿等待您提交。",
      notCommented: "{{organization}}尚未对此版本提出意见。",
      footer: "您收到此提醒，是因为您代表{{organization}}参与本次磋商。",
    },
  },
} as const;
