/** (owner while being built: H2) */
export {};
