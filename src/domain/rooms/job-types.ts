/**
 * A rooms job copies a template into rooms or gathers (harvests) their results. Its own file:
 * the panel's first load reads a job's progress (controller/rooms-work.ts) without the stored
 * job's whole definition (stored.ts).
 */
export const JOB_TYPES = ['copy', 'harvest'] as const;
