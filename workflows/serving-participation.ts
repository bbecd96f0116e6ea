/** (owner while being built: H3) */
export {};
