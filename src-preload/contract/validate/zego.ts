// Re-export for the issue 10 merge; removed by the lead.
export {
  ZEGO_LIMITS,
  ZEGO_STORAGE_PROVIDERS,
  validateZegoLayout,
  validateZegoRequest,
  validateZegoStorage,
  type ZegoLimits,
  type ZegoStorageShape,
} from '../vendors/zego';
