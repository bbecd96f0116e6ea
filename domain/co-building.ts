/** Community co-building (社区联建): money pledged and given. Pure. */

/** Money in the record is kept in fen (分): yuan with at most two decimals in the API. */
export const yuanToFen = (yuan: number) => Math.round(yuan * 100);
export const fenToYuan = (fen: number) => fen / 100;
