/** The dashboard's texts for the third entry's registration (owner while being built: H1): zh-CN, and English with the same keys. */
export const registrationZh = {} as const;

export const registrationEn: Record<keyof typeof registrationZh, string> = {};
