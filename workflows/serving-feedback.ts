/** (owner while being built: H4) */
export {};
