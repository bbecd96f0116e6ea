/** The dashboard's texts for the third entry's figures (owner while being built: H5): zh-CN, and English with the same keys. */
export const figuresZh = {} as const;

export const figuresEn: Record<keyof typeof figuresZh, string> = {};
