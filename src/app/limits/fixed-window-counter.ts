/** Moved to the core so the model-token allowance can share it; re-exported for the channel guard. */
export { createFixedWindowCounter, type WindowCount } from '../../core/limits/fixed-window-counter.js';
