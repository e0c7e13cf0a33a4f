// Re-export for the issue 10 merge; removed by the lead.
export { TIW_LIMITS, validateTiwRequest, type TiwLimits } from '../vendors/tencent-tiw';
