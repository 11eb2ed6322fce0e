/**
 * Consolidation of feedback, pure logic: filters, aggregation shapes,
 * near-duplicate grouping, HLEG-style paragraph summaries, the ISO
 * 8-column table, CSV, and validation of imported commenting templates.
 * No Prisma, no Remix: app/models/feedback.server.ts and app/models/feedback/ do the I/O.
 */
export * from "./aggregate";
export * from "./charts";
export * from "./csv";
export * from "./duplicates";
export * from "./filters";
export * from "./iso-table";
export * from "./summary";
export * from "./template";
export * from "./zip-guard";
export * from "./disposition-table";
export * from "./feedback-action-schema";
export * from "./filter-condition";
