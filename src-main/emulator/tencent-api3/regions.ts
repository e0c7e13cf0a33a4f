/**
 * Region codes the Tencent emulators accept. The TIW China-site region list is [UNCONFIRMED] (the
 * international pages list only ap-singapore), so the emulator accepts the common public regions and
 * answers UnsupportedRegion for anything else, which is what a wrong-region setting looks like.
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
