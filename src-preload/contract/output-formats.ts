/**
 * Output files, in the New-recording form's order. Format names follow the vendors: TRRO's combined
 * outputs are `hls+mp4` and `hls+aac`. Plain data (the schema is `OutputFormatSchema` in
 * `request-parts.ts`), so a vendor's descriptor reads it without loading a validator.
 */
export const OUTPUT_FORMATS = ['mp4', 'flv', 'hls', 'jpg', 'mp3', 'aac', 'hls+mp4', 'hls+aac'] as const;
/** One of {@link OUTPUT_FORMATS}. */
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];
