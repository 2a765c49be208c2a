/** The seed used when none is given. */
export const DEFAULT_SEED = 1;
/** Share of rows broken on purpose when none is given: one in 200. */
export const DEFAULT_BAD_ROW_RATE = 0.005;
