/**
 * French strings of the notices the platform emails to the people who take
 * part in a consultation: reminders before the deadline
 * (app/models/reminder.server.ts) and publication notices
 * (app/models/notice.server.ts).
 */
export default {
  notices: {
    edit: {
      reminderDays: "Rappels avant la date limite (jours)",
      reminderDaysHint:
        "Les délégations qui ont des brouillons non soumis, ou qui n’ont pas formulé d’observations, reçoivent " +
        "un courriel ce nombre de jours avant chaque date limite, à l’heure de la date limite. P. ex. 7,1. " +
        "Laissez vide pour ne pas envoyer de rappels.",
    },
    errors: {
      reminderDays:
        "Indiquez des nombres entiers de jours compris entre 1 et 60, séparés par des virgules (5 au maximum), " +
        "p. ex. 7,1.",
    },
    greeting: "Bonjour {{name}},",
    version: "version {{number}} ({{label}})",
    footer: "Vous recevez ce message parce que vous participez à des consultations au nom de {{organization}}.",
    workspaceAction: "Ouvrir l’espace de travail de votre délégation",
    versionPublished: {
      subject: "Nouvelle version de {{consultation}} : {{label}}",
      body: "Le secrétariat a publié la {{version}} de {{consultation}} le {{date}}.",
      action: "Lire {{label}}",
    },
    periodOpened: {
      subject: "Ouverture de la période de consultation sur {{consultation}}",
      body:
        "La période de consultation sur la {{version}} de {{consultation}} s’ouvre le {{opens}} et prend fin " +
        "le {{closes}}.",
      howTo:
        "Les observations sont formulées paragraphe par paragraphe dans le lecteur ; le point focal les soumet " +
        "au nom de {{organization}}.",
      action: "Lire et formuler des observations",
    },
    periodExtended: {
      subject: "Prorogation de la date limite : {{consultation}}",
      body:
        "La date limite de présentation des observations sur la {{version}} de {{consultation}} a été reportée " +
        "du {{previous}} au {{closes}}.",
    },
    periodChanged: {
      subject: "Modification de la période de consultation : {{consultation}}",
      body:
        "La période de consultation sur la {{version}} de {{consultation}} s’ouvre désormais le {{opens}} et " +
        "prend fin le {{closes}}.",
    },
    periodClosed: {
      subject: "Clôture de la période de consultation sur {{consultation}}",
      body: "La période de consultation sur la {{version}} de {{consultation}} a pris fin le {{closes}}.",
      next:
        "Il n’est plus possible de formuler ni de soumettre des observations. Le secrétariat va maintenant " +
        "compiler les observations reçues.",
      drafts_one:
        "{{count}} brouillon d’observation de {{organization}} n’a pas été soumis et ne sera pas pris en compte.",
      drafts_many:
        "{{count}} brouillons d’observation de {{organization}} n’ont pas été soumis et ne seront pas pris en " +
        "compte.",
      drafts_other:
        "{{count}} brouillons d’observation de {{organization}} n’ont pas été soumis et ne seront pas pris en " +
        "compte.",
    },
    commentsPublished: {
      subject: "Publication des observations reçues : {{consultation}}",
      body: "Le secrétariat a publié les observations reçues sur {{consultation}}.",
      own_zero: "{{organization}} n’a soumis aucune observation.",
      own_one: "{{organization}} a soumis {{count}} observation.",
      own_many: "{{organization}} a soumis {{count}} observations.",
      own_other: "{{organization}} a soumis {{count}} observations.",
      action: "Consulter les observations de votre délégation",
    },
    dispositionsPublished: {
      subject: "Publication de la suite donnée aux observations : {{consultation}}",
      body:
        "Le secrétariat a publié la suite donnée aux observations sur {{consultation}} : sa décision sur " +
        "chaque observation.",
      own_zero: "Le tableau ne comporte aucune observation de {{organization}}.",
      own_one: "Le tableau comporte {{count}} observation de {{organization}} : {{summary}}.",
      own_many: "Le tableau comporte {{count}} observations de {{organization}} : {{summary}}.",
      own_other: "Le tableau comporte {{count}} observations de {{organization}} : {{summary}}.",
      undecided: "pas encore de décision",
      decision: "{{trackingNumber}} (paragraphe {{paragraph}}) : {{decision}}",
      decisionNoParagraph: "{{trackingNumber}} : {{decision}}",
      more_one: "et {{count}} autre observation.",
      more_many: "et {{count}} autres observations.",
      more_other: "et {{count}} autres observations.",
      table: "Le tableau complet : {{url}}",
      action: "Consulter les observations de votre délégation",
    },
    reminder: {
      subject: "Rappel : la période de consultation sur {{consultation}} prend fin le {{date}}",
      closes_one:
        "La période de consultation sur la {{version}} de {{consultation}} prend fin le {{date}}, dans " +
        "{{count}} jour.",
      closes_many:
        "La période de consultation sur la {{version}} de {{consultation}} prend fin le {{date}}, dans " +
        "{{count}} jours.",
      closes_other:
        "La période de consultation sur la {{version}} de {{consultation}} prend fin le {{date}}, dans " +
        "{{count}} jours.",
      ownDrafts_one:
        "Vous avez {{count}} brouillon d’observation non soumis. Un brouillon ne parvient au secrétariat " +
        "qu’une fois soumis par le point focal de {{organization}}.",
      ownDrafts_many:
        "Vous avez {{count}} brouillons d’observation non soumis. Les brouillons ne parviennent au secrétariat " +
        "qu’une fois soumis par le point focal de {{organization}}.",
      ownDrafts_other:
        "Vous avez {{count}} brouillons d’observation non soumis. Les brouillons ne parviennent au secrétariat " +
        "qu’une fois soumis par le point focal de {{organization}}.",
      waiting_one: "{{count}} brouillon d’observation de {{organization}} attend que vous le soumettiez.",
      waiting_many: "{{count}} brouillons d’observation de {{organization}} attendent que vous les soumettiez.",
      waiting_other: "{{count}} brouillons d’observation de {{organization}} attendent que vous les soumettiez.",
      notCommented: "{{organization}} n’a pas encore formulé d’observations sur cette version.",
      footer: "Vous recevez ce rappel parce que vous participez à cette consultation au nom de {{organization}}.",
    },
  },
} as const;
