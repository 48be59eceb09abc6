/** Version of the deterministic engine (bump when factors, weights or defaults change). */
export const ENGINE_VERSION = 'archie-engine/1.4.0';
