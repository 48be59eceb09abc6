/** Moved to the core so the model-token allowance can share it; re-exported for the channel guard. */
export {
  createFixedWindowCounter,
  createLocalWindowCounter,
  type WindowCount,
  type WindowCounter,
} from '../../core/limits/fixed-window-counter.js';
