/** The statuses a version is public in: a draft (the working copy) is not. */
export const PUBLISHED_VERSION_STATUSES = ["open", "closed", "final"] as const;
export type PublishedVersionStatus = (typeof PUBLISHED_VERSION_STATUSES)[number];
