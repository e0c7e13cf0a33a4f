/**
 * Public region codes a Tencent emulator accepts where its product's pages name no narrower list
 * (TRRO: the region is optional); anything else is answered with UnsupportedRegion, which is what a
 * wrong-region setting looks like.
 */
export const TENCENT_REGIONS = [
  'ap-beijing',
  'ap-chengdu',
  'ap-chongqing',
  'ap-guangzhou',
  'ap-hongkong',
  'ap-jakarta',
  'ap-mumbai',
  'ap-nanjing',
  'ap-seoul',
  'ap-shanghai',
  'ap-singapore',
  'ap-tokyo',
  'eu-frankfurt',
  'na-ashburn',
  'na-siliconvalley',
] as const;
