/**
 * Timeline rows keep what happened as a catalogue message (key and parameters, JSON), so each operator
 * reads it in their language. `summary` stays the English text for search and CSV; rows written
 * before this migration have no message and show their summary.
 */
export const MIGRATION_004_EVENT_MESSAGES = `
ALTER TABLE task_events ADD COLUMN message_json TEXT;
`;
