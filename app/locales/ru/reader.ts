/** Russian UI strings of the reader (beyond core.ts's `reader`): the paragraph jump, honest counts. */
export default {
  jump: {
    label: "Перейти к пункту",
    placeholder: "например, 2.9 e",
    go: "Перейти",
    notFound: "В этом документе нет пункта {{number}}. Проверьте номер или воспользуйтесь содержанием.",
    empty: "Введите номер пункта, например 2.9 e.",
  },
  documentPages: {
    label: "Страницы документа",
    position: "Страница {{current}} из {{count}}",
    previous: "Предыдущая страница",
    next: "Следующая страница",
    all: "Все страницы",
    continued: "{{heading}} (продолжение)",
    item: "Страница {{number}}: {{heading}}",
  },
  readerPage: {
    skipToDocument: "Пропустить содержание и перейти к тексту",
    compareWithPrevious: "Сравнить с предыдущей версией",
    compareWithNext: "Сравнить со следующей версией",
    // While submitted comments are not public (app/models/comment-read.server.ts), a paragraph
    // does not say "No comments": the reader cannot know, and it would be untrue.
    notPublishedYet: "Замечания публикуются после окончания периода",
    // The labels start with the link's visible text (WCAG 2.5.3, label in name), then keep the usual
    // "… comments on paragraph N" shape: people (and tests) look for it.
    notPublishedYetLabel:
      "Замечания публикуются после окончания периода: замечания к пункту {{number}}. Открыть, чтобы оставить замечание",
    yoursOnly_one: "{{count}} от вашей организации; остальные будут опубликованы позже",
    yoursOnly_few: "{{count}} от вашей организации; остальные будут опубликованы позже",
    yoursOnly_many: "{{count}} от вашей организации; остальные будут опубликованы позже",
    yoursOnly_other: "{{count}} от вашей организации; остальные будут опубликованы позже",
    yoursOnlyLabel_one:
      "{{count}} от вашей организации; остальные будут опубликованы позже: {{count}} замечание к пункту {{number}} " +
      "от вашей организации. Открыть",
    yoursOnlyLabel_few:
      "{{count}} от вашей организации; остальные будут опубликованы позже: {{count}} замечания к пункту {{number}} " +
      "от вашей организации. Открыть",
    yoursOnlyLabel_many:
      "{{count}} от вашей организации; остальные будут опубликованы позже: {{count}} замечаний к пункту {{number}} " +
      "от вашей организации. Открыть",
    yoursOnlyLabel_other:
      "{{count}} от вашей организации; остальные будут опубликованы позже: {{count}} замечания к пункту {{number}} " +
      "от вашей организации. Открыть",
    panelNotPublished:
      "Полученные замечания публикуются после окончания периода представления замечаний. До этого их читает " +
      "только секретариат, а каждая организация видит свои замечания.",
    panelNotPublishedOwn:
      "Замечания других организаций публикуются после окончания периода представления замечаний; " +
      "здесь показаны замечания вашей организации.",
    saved: "Ваше замечание сохранено.",
  },
} as const;
