// Re-export for the issue 10 merge; removed by the lead.
export { TRRO_LIMITS, TRRO_OUTPUT_FORMATS, validateTrroRequest, type TrroLimits } from '../vendors/tencent-trro';
