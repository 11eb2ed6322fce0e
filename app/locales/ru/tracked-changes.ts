/** UI strings in "ru": Word tracked changes in an uploaded .docx, reviewed before the upload is made. */
export default {
  trackedChanges: {
    title: "Записанные исправления в файле {{fileName}}",
    summary: "В этом файле {{changes}} ({{authors}}) в {{paragraphs}}.",
    summaryNoAuthor: "В этом файле {{changes}} в {{paragraphs}}.",
    changes_one: "{{count}} записанное исправление",
    changes_few: "{{count}} записанных исправления",
    changes_many: "{{count}} записанных исправлений",
    changes_other: "{{count}} записанного исправления",
    paragraphs_one: "{{count}} абзаце",
    paragraphs_few: "{{count}} абзацах",
    paragraphs_many: "{{count}} абзацах",
    paragraphs_other: "{{count}} абзаца",
    unknownAuthor: "рецензент без имени",
    explain:
      "Пока ничего не загружено. Файл будет импортирован как есть: все вставки сохранятся, весь удалённый текст " +
      "исчезнет. Проверьте исправления ниже, затем примите их и загрузите файл или откажитесь от него (и сначала " +
      "разберите исправления в Word).",
    listLabel: "Абзацы с записанными исправлениями",
    more_one: "Ещё {{count}} абзац с записанными исправлениями здесь не показан.",
    more_few: "Ещё {{count}} абзаца с записанными исправлениями здесь не показаны.",
    more_many: "Ещё {{count}} абзацев с записанными исправлениями здесь не показаны.",
    more_other: "Ещё {{count}} абзаца с записанными исправлениями здесь не показаны.",
    inserted: "Вставлено",
    deleted: "Удалено",
    movedHere: "Перемещено сюда",
    movedAway: "Перемещено отсюда",
    by: "автор: {{author}}",
    byOn: "автор: {{author}}, {{date}}",
    on: "{{date}}",
    paragraphBreak: "конец абзаца",
    chooseAgain: "Если файл выше больше не выбран, выберите тот же файл снова, прежде чем принять исправления.",
    chooseFileAgain: "Выберите тот же файл снова: страница вернулась без него. Затем примите его исправления ниже.",
    accept: "Принять исправления и загрузить",
    cancel: "Отмена (отказаться от этого файла)",
    errors: {
      notAccepted:
        "В файле «{{fileName}}» есть записанные исправления, которые не были приняты. Проверьте их на странице " +
        "загрузки, затем примите их и загрузите файл.",
    },
  },
} as const;
