/**
 * Spanish strings of the notices the platform emails to the people who take
 * part in a consultation: reminders before the deadline
 * (app/models/reminder.server.ts) and publication notices
 * (app/models/notice.server.ts).
 */
export default {
  notices: {
    edit: {
      reminderDays: "Recordatorios antes de que venza el plazo (días)",
      reminderDaysHint:
        "Se envía un correo electrónico a las delegaciones que tienen borradores sin presentar, o que no han " +
        "formulado observaciones, ese número de días antes de cada plazo, a la misma hora del vencimiento. " +
        "P. ej., 7,1. Déjelo vacío si no desea recordatorios.",
    },
    errors: {
      reminderDays: "Indique números enteros de días entre 1 y 60, separados por comas (5 como máximo); p. ej., 7,1.",
    },
    greeting: "Estimado/a {{name}}:",
    version: "la versión {{number}} ({{label}})",
    footer: "Recibe este mensaje porque participa en consultas en nombre de {{organization}}.",
    workspaceAction: "Abrir el espacio de trabajo de su delegación",
    versionPublished: {
      subject: "Nueva versión de {{consultation}}: {{label}}",
      body: "La Secretaría publicó {{version}} de {{consultation}} el {{date}}.",
      action: "Leer {{label}}",
    },
    periodOpened: {
      subject: "Apertura del período de observaciones sobre {{consultation}}",
      body:
        "El período de observaciones sobre {{version}} de {{consultation}} se abre el {{opens}} y se cierra " +
        "el {{closes}}.",
      howTo:
        "Las observaciones se formulan párrafo por párrafo en el lector; el punto focal las presenta en nombre " +
        "de {{organization}}.",
      action: "Leer y formular observaciones",
    },
    periodExtended: {
      subject: "Prórroga del plazo: {{consultation}}",
      body:
        "El plazo para presentar observaciones sobre {{version}} de {{consultation}} se ha prorrogado del " +
        "{{previous}} al {{closes}}.",
    },
    periodChanged: {
      subject: "Modificación del período de observaciones: {{consultation}}",
      body:
        "El período de observaciones sobre {{version}} de {{consultation}} se abre ahora el {{opens}} y se " +
        "cierra el {{closes}}.",
    },
    periodClosed: {
      subject: "Cierre del período de observaciones sobre {{consultation}}",
      body: "El período de observaciones sobre {{version}} de {{consultation}} se cerró el {{closes}}.",
      next:
        "Ya no se pueden formular ni presentar observaciones. La Secretaría procederá ahora a consolidar las " +
        "observaciones recibidas.",
      drafts_one: "{{count}} borrador de observación de {{organization}} no se presentó y no se tendrá en cuenta.",
      drafts_many:
        "{{count}} borradores de observaciones de {{organization}} no se presentaron y no se tendrán en cuenta.",
      drafts_other:
        "{{count}} borradores de observaciones de {{organization}} no se presentaron y no se tendrán en cuenta.",
    },
    commentsPublished: {
      subject: "Publicación de las observaciones recibidas: {{consultation}}",
      body: "La Secretaría ha publicado las observaciones recibidas sobre {{consultation}}.",
      own_zero: "{{organization}} no presentó ninguna observación.",
      own_one: "{{organization}} presentó {{count}} observación.",
      own_many: "{{organization}} presentó {{count}} observaciones.",
      own_other: "{{organization}} presentó {{count}} observaciones.",
      action: "Ver las observaciones de su delegación",
    },
    dispositionsPublished: {
      subject: "Publicación del tratamiento de las observaciones: {{consultation}}",
      body:
        "La Secretaría ha publicado el tratamiento de las observaciones sobre {{consultation}}: su decisión " +
        "sobre cada observación.",
      own_zero: "El cuadro no contiene ninguna observación de {{organization}}.",
      own_one: "El cuadro contiene {{count}} observación de {{organization}}: {{summary}}.",
      own_many: "El cuadro contiene {{count}} observaciones de {{organization}}: {{summary}}.",
      own_other: "El cuadro contiene {{count}} observaciones de {{organization}}: {{summary}}.",
      undecided: "sin decisión todavía",
      decision: "{{trackingNumber}} (párrafo {{paragraph}}): {{decision}}",
      decisionNoParagraph: "{{trackingNumber}}: {{decision}}",
      more_one: "y {{count}} observación más.",
      more_many: "y {{count}} observaciones más.",
      more_other: "y {{count}} observaciones más.",
      table: "El cuadro completo: {{url}}",
      action: "Ver las observaciones de su delegación",
    },
    reminder: {
      subject: "Recordatorio: el período de observaciones sobre {{consultation}} se cierra el {{date}}",
      closes_one:
        "El período de observaciones sobre {{version}} de {{consultation}} se cierra el {{date}}, dentro de " +
        "{{count}} día.",
      closes_many:
        "El período de observaciones sobre {{version}} de {{consultation}} se cierra el {{date}}, dentro de " +
        "{{count}} días.",
      closes_other:
        "El período de observaciones sobre {{version}} de {{consultation}} se cierra el {{date}}, dentro de " +
        "{{count}} días.",
      ownDrafts_one:
        "Tiene {{count}} borrador de observación sin presentar. Un borrador solo llega a la Secretaría cuando " +
        "lo presenta el punto focal de {{organization}}.",
      ownDrafts_many:
        "Tiene {{count}} borradores de observaciones sin presentar. Los borradores solo llegan a la Secretaría " +
        "cuando los presenta el punto focal de {{organization}}.",
      ownDrafts_other:
        "Tiene {{count}} borradores de observaciones sin presentar. Los borradores solo llegan a la Secretaría " +
        "cuando los presenta el punto focal de {{organization}}.",
      waiting_one: "{{count}} borrador de observación de {{organization}} está pendiente de que usted lo presente.",
      waiting_many:
        "{{count}} borradores de observaciones de {{organization}} están pendientes de que usted los presente.",
      waiting_other:
        "{{count}} borradores de observaciones de {{organization}} están pendientes de que usted los presente.",
      notCommented: "{{organization}} todavía no ha formulado observaciones sobre esta versión.",
      footer: "Recibe este recordatorio porque participa en esta consulta en nombre de {{organization}}.",
    },
  },
} as const;
