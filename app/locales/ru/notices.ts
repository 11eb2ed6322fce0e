/**
 * Russian strings of the notices the platform emails to the people who take
 * part in a consultation: reminders before the deadline
 * (app/models/reminder.server.ts) and publication notices
 * (app/models/notice.server.ts).
 *
 * `version` is "3 (Draft 2)" without the word "version": the sentences put "версия" in the case they need.
 */
export default {
  notices: {
    edit: {
      reminderDays: "Напоминания до истечения срока (за сколько дней)",
      reminderDaysHint:
        "Делегациям, у которых есть непредставленные проекты замечаний или которые не представили замечаний, " +
        "напоминание направляется по электронной почте за указанное число дней до каждого срока, в то же время " +
        "суток, что и срок. Например: 7,1. Оставьте поле пустым, чтобы не направлять напоминаний.",
    },
    errors: {
      reminderDays: "Укажите целые числа дней от 1 до 60 через запятую (не более 5), например 7,1.",
    },
    greeting: "Уважаемый(-ая) {{name}}!",
    version: "{{number}} ({{label}})",
    footer: "Вы получили это сообщение, поскольку участвуете в консультациях от имени организации {{organization}}.",
    workspaceAction: "Открыть рабочее пространство вашей делегации",
    versionPublished: {
      subject: "Новая версия документа «{{consultation}}»: {{label}}",
      body: "{{date}} секретариат опубликовал версию {{version}} документа «{{consultation}}».",
      action: "Читать: {{label}}",
    },
    periodOpened: {
      subject: "Открыт прием замечаний: «{{consultation}}»",
      body:
        "Период представления замечаний по версии {{version}} документа «{{consultation}}» открывается " +
        "{{opens}} и закрывается {{closes}}.",
      howTo:
        "Замечания вносятся по каждому пункту в режиме чтения; от имени организации {{organization}} " +
        "их представляет координатор.",
      action: "Читать и оставлять замечания",
    },
    periodExtended: {
      subject: "Срок продлен: «{{consultation}}»",
      body:
        "Срок представления замечаний по версии {{version}} документа «{{consultation}}» продлен с {{previous}} " +
        "до {{closes}}.",
    },
    periodChanged: {
      subject: "Изменен период представления замечаний: «{{consultation}}»",
      body:
        "Период представления замечаний по версии {{version}} документа «{{consultation}}» теперь открывается " +
        "{{opens}} и закрывается {{closes}}.",
    },
    periodClosed: {
      subject: "Прием замечаний закрыт: «{{consultation}}»",
      body: "Период представления замечаний по версии {{version}} документа «{{consultation}}» закрылся {{closes}}.",
      next: "Оставлять и представлять замечания больше нельзя. Теперь секретариат сведет полученные замечания.",
      drafts_one:
        "{{count}} проект замечания организации {{organization}} не был представлен и не будет рассматриваться.",
      drafts_few:
        "{{count}} проекта замечаний организации {{organization}} не были представлены и не будут рассматриваться.",
      drafts_many:
        "{{count}} проектов замечаний организации {{organization}} не были представлены и не будут рассматриваться.",
      drafts_other:
        "{{count}} проекта замечания организации {{organization}} не были представлены и не будут рассматриваться.",
    },
    commentsPublished: {
      subject: "Опубликованы полученные замечания: «{{consultation}}»",
      body: "Секретариат опубликовал замечания, полученные в рамках консультации «{{consultation}}».",
      own_zero: "Организация {{organization}} не представила замечаний.",
      own_one: "Организация {{organization}} представила {{count}} замечание.",
      own_few: "Организация {{organization}} представила {{count}} замечания.",
      own_many: "Организация {{organization}} представила {{count}} замечаний.",
      own_other: "Организация {{organization}} представила {{count}} замечания.",
      action: "Просмотреть замечания вашей делегации",
    },
    dispositionsPublished: {
      subject: "Опубликованы решения по замечаниям: «{{consultation}}»",
      body:
        "Секретариат опубликовал решения по замечаниям, полученным в рамках консультации «{{consultation}}»: " +
        "свое решение по каждому замечанию.",
      own_zero: "В таблице нет замечаний организации {{organization}}.",
      own_one: "В таблице {{count}} замечание организации {{organization}}: {{summary}}.",
      own_few: "В таблице {{count}} замечания организации {{organization}}: {{summary}}.",
      own_many: "В таблице {{count}} замечаний организации {{organization}}: {{summary}}.",
      own_other: "В таблице {{count}} замечания организации {{organization}}: {{summary}}.",
      undecided: "решение еще не принято",
      decision: "{{trackingNumber}} (пункт {{paragraph}}): {{decision}}",
      decisionNoParagraph: "{{trackingNumber}}: {{decision}}",
      more_one: "и еще {{count}} замечание.",
      more_few: "и еще {{count}} замечания.",
      more_many: "и еще {{count}} замечаний.",
      more_other: "и еще {{count}} замечания.",
      table: "Вся таблица: {{url}}",
      action: "Просмотреть замечания вашей делегации",
    },
    reminder: {
      subject: "Напоминание: прием замечаний по документу «{{consultation}}» закрывается {{date}}",
      closes_one:
        "Период представления замечаний по версии {{version}} документа «{{consultation}}» закрывается {{date}}, " +
        "через {{count}} день.",
      closes_few:
        "Период представления замечаний по версии {{version}} документа «{{consultation}}» закрывается {{date}}, " +
        "через {{count}} дня.",
      closes_many:
        "Период представления замечаний по версии {{version}} документа «{{consultation}}» закрывается {{date}}, " +
        "через {{count}} дней.",
      closes_other:
        "Период представления замечаний по версии {{version}} документа «{{consultation}}» закрывается {{date}}, " +
        "через {{count}} дня.",
      ownDrafts_one:
        "У вас {{count}} непредставленный проект замечания. Проект поступает в секретариат только после того, " +
        "как его представит координатор организации {{organization}}.",
      ownDrafts_few:
        "У вас {{count}} непредставленных проекта замечаний. Проекты поступают в секретариат только после того, " +
        "как их представит координатор организации {{organization}}.",
      ownDrafts_many:
        "У вас {{count}} непредставленных проектов замечаний. Проекты поступают в секретариат только после того, " +
        "как их представит координатор организации {{organization}}.",
      ownDrafts_other:
        "У вас {{count}} непредставленного проекта замечания. Проекты поступают в секретариат только после того, " +
        "как их представит координатор организации {{organization}}.",
      waiting_one: "{{count}} проект замечания организации {{organization}} ожидает, когда вы его представите.",
      waiting_few: "{{count}} проекта замечаний организации {{organization}} ожидают, когда вы их представите.",
      waiting_many: "{{count}} проектов замечаний организации {{organization}} ожидают, когда вы их представите.",
      waiting_other: "{{count}} проекта замечания организации {{organization}} ожидают, когда вы их представите.",
      notCommented: "Организация {{organization}} пока не представила замечаний по этой версии.",
      footer:
        "Вы получили это напоминание, поскольку участвуете в этой консультации от имени организации {{organization}}.",
    },
  },
} as const;
