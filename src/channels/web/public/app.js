// The web chat page: keeps the conversation id in localStorage, renders the transcript, sends typed
// text and button presses, and downloads ADRs. Plain modern JS, no build step, no external requests.

import { ApiError, loadConversation, sendTurn, startConversation } from './api.js';
import { FEEDBACK, renderLine, renderNotice } from './render.js';

const STORAGE_KEY = 'archie.web.conversation';
/** Until the server says otherwise (it sends its MAX_MESSAGE_CHARS with every conversation). */
const DEFAULT_MAX_CHARS = 8000;
const conversation = document.getElementById('main');
const log = document.getElementById('log');
const form = document.getElementById('composer');
const input = document.getElementById('message-input');
const sendButton = document.getElementById('send');
const newButton = document.getElementById('new-conversation');
const confirmNew = document.getElementById('confirm-new');
const thinking = document.getElementById('thinking');
const errorBox = document.getElementById('error');
const charCount = document.getElementById('char-count');

const state = {
  id: undefined,
  labels: {},
  examples: {},
  maxChars: DEFAULT_MAX_CHARS,
  busy: false,
  lengthShown: false,
};
const number = new Intl.NumberFormat();

const storage = {
  get: () => {
    try {
      return localStorage.getItem(STORAGE_KEY) ?? undefined;
    } catch {
      return undefined;
    }
  },
  set: (id) => {
    try {
      localStorage.setItem(STORAGE_KEY, id);
    } catch {
      // Private mode without storage: the conversation lasts as long as the tab.
    }
  },
};

function showError(message) {
  errorBox.textContent = message ?? '';
  errorBox.hidden = !message;
}

function setBusy(busy) {
  state.busy = busy;
  thinking.hidden = !busy;
  sendButton.disabled = busy;
  newButton.disabled = busy;
  log.setAttribute('aria-busy', String(busy));
  for (const button of log.querySelectorAll('.quick-replies button, .actions button')) {
    button.disabled = busy || button.dataset.locked === 'true';
  }
}

/** Saves `markdown` as a file through a Blob URL: nothing leaves the browser. */
function download(message) {
  const blob = new Blob([message.markdown], { type: 'text/markdown;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = message.filename || 'architecture-decision.md';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Feedback is given once per recommendation: the pressed button stays selected, both stop taking clicks. */
function lockFeedback(card, value) {
  for (const button of card.querySelectorAll('.actions button.feedback')) {
    button.setAttribute('aria-pressed', String(button.dataset.value === value));
    button.dataset.locked = 'true';
    button.disabled = true;
  }
}

/** A feedback turn that failed: the buttons take clicks again. */
function unlockFeedback() {
  for (const button of log.querySelectorAll('.actions button.feedback[data-locked="true"]')) {
    button.setAttribute('aria-pressed', 'false');
    delete button.dataset.locked;
    button.disabled = state.busy;
  }
  markGivenFeedback();
}

/** After loading a transcript: recommendations already answered with 👍/👎 show it, and take no more. */
function markGivenFeedback() {
  let card;
  for (const line of log.children) {
    if (line.dataset.type === 'recommendation') card = line;
    else if (card && line.classList.contains('from-user')) {
      const text = line.querySelector('.bubble')?.textContent.trim();
      const value = Object.keys(FEEDBACK).find((key) => text === FEEDBACK[key].text);
      if (value) lockFeedback(card, value);
    }
  }
}

const handlers = {
  get labels() {
    return state.labels;
  },
  get examples() {
    return state.examples;
  },
  onChoice: (value, label, button) => {
    if (state.busy || button?.dataset.locked === 'true') return;
    const card = FEEDBACK[value] && button?.closest('.msg');
    if (card) lockFeedback(card, value);
    send({ choice: value, label }, { viaButton: true, display: state.examples[value] ?? FEEDBACK[value]?.emoji });
  },
  onDownload: download,
};

/** Only the replies after the user's last line keep their buttons: older suggestions are stale. */
function retireOldQuickReplies() {
  const lines = [...log.children];
  let lastUser = -1;
  lines.forEach((line, i) => {
    if (line.classList.contains('from-user')) lastUser = i;
  });
  lines.forEach((line, i) => {
    for (const group of line.querySelectorAll('.quick-replies')) group.hidden = i < lastUser;
  });
}

function append(lines, { fresh = false } = {}) {
  const added = lines.map((line) => renderLine(line, handlers));
  log.append(...added);
  retireOldQuickReplies();
  if (fresh) for (const line of lines) if (line.message?.type === 'adr') download(line.message);
  return added;
}

/**
 * Scrolls the conversation region, and only it, so a new answer starts at the top of what the user sees.
 * The page itself never scrolls: header and composer stay where they are.
 */
function scrollToLatest(firstNew) {
  const reduce = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  if (!firstNew) return;
  const top = conversation.scrollTop + firstNew.getBoundingClientRect().top - conversation.getBoundingClientRect().top;
  conversation.scrollTo({ top: top - 12, behavior: reduce ? 'auto' : 'smooth' });
}

/** Where the latest exchange starts: Archie's first line after the user's last one (else the last line). */
function latestTurnStart() {
  const lines = [...log.children];
  const lastUser = lines.findLastIndex((line) => line.classList.contains('from-user'));
  return lines[lastUser + 1] ?? lines.at(-1);
}

function show(data) {
  state.id = data.id;
  state.labels = data.verdictLabels ?? {};
  state.examples = data.examples ?? {};
  if (Number.isInteger(data.maxMessageChars) && data.maxMessageChars > 0) state.maxChars = data.maxMessageChars;
  updateCount();
  storage.set(data.id);
  log.replaceChildren();
  append(data.messages ?? []);
  markGivenFeedback();
  scrollToLatest(latestTurnStart());
}

async function begin() {
  setBusy(true);
  showError();
  try {
    show(await startConversation());
  } catch (error) {
    showError(error.message);
  } finally {
    setBusy(false);
  }
  input.focus();
}

async function resume() {
  const id = storage.get();
  if (!id) return begin();
  setBusy(true);
  try {
    show(await loadConversation(id));
    setBusy(false);
  } catch (error) {
    setBusy(false);
    if (error instanceof ApiError && error.status === 404) return begin();
    showError(error.message);
  }
}

/** The message box's length against the server's limit; a paste is never cut, only flagged. */
function lengthProblem() {
  const length = input.value.length;
  if (length <= state.maxChars) return undefined;
  return `This message is ${number.format(length)} characters; Archie reads up to ${number.format(state.maxChars)} at a time. Shorten it (nothing has been cut), or send the most important part first.`;
}

function updateCount() {
  const length = input.value.length;
  const over = length > state.maxChars;
  charCount.textContent = `${number.format(length)} / ${number.format(state.maxChars)}`;
  charCount.classList.toggle('over', over);
  charCount.classList.toggle('near', !over && length >= state.maxChars * 0.9);
  input.setAttribute('aria-invalid', String(over));
  // The length message comes and goes with the length; other messages stay until the next action.
  const problem = lengthProblem();
  if (problem) showError(problem);
  else if (state.lengthShown) showError();
  state.lengthShown = Boolean(problem);
}

async function send(turn, { viaButton = false, display } = {}) {
  if (state.busy) return;
  if (!state.id) await begin();
  if (!state.id) return;
  showError();
  setBusy(true);
  // Show the user's line at once; it is replaced by the server's copy, or taken back (and the typed text
  // restored) if the turn fails, so nothing typed is ever lost.
  const pending = renderLine(
    { seq: 0, from: 'user', text: turn.text ?? display ?? turn.label ?? turn.choice },
    handlers,
  );
  pending.classList.add('pending');
  log.append(pending);
  scrollToLatest(pending);
  if (turn.text !== undefined) {
    input.value = '';
    updateCount();
  }
  let added = [];
  try {
    const result = await sendTurn(state.id, turn);
    pending.remove();
    added = append(result.messages ?? [], { fresh: true });
  } catch (error) {
    pending.remove();
    if (turn.text !== undefined && !input.value) {
      input.value = turn.text;
      updateCount();
    }
    if (FEEDBACK[turn.choice]) unlockFeedback();
    const text =
      error instanceof ApiError && error.status === 404
        ? 'That conversation is gone (the server’s data was reset). Start a new conversation.'
        : error.message;
    const notice = renderNotice(text);
    log.append(notice);
    added = [notice];
  } finally {
    setBusy(false);
  }
  scrollToLatest(added[0]);
  // Keep keyboard users where they can act next: the new buttons after a click, else the message box.
  const nextButton =
    viaButton &&
    log.lastElementChild?.querySelector('.quick-replies button:not(:disabled), .actions button:not(:disabled)');
  (nextButton || input).focus({ preventScroll: true });
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const text = input.value.trim();
  if (!text) {
    showError('Type a message first.');
    input.focus();
    return;
  }
  const problem = lengthProblem();
  if (problem) {
    showError(problem);
    input.focus();
    return;
  }
  send({ text });
});

input.addEventListener('input', updateCount);

input.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    form.requestSubmit();
  }
});

/** Lines that arrived while the tab was hidden (a scheduled check-in posts into the transcript). */
async function catchUp() {
  if (!state.id || state.busy || document.visibilityState !== 'visible') return;
  const last = Number(log.lastElementChild?.dataset.seq ?? 0);
  try {
    const data = await loadConversation(state.id);
    if (data.id !== state.id || state.busy) return;
    const added = append((data.messages ?? []).filter((line) => line.seq > last));
    if (added.length) scrollToLatest(added[0]);
  } catch {
    // Quietly try again next time the tab is shown; the next turn reports real problems.
  }
}

document.addEventListener('visibilitychange', catchUp);

// "New conversation" asks first: the page keeps no way back to the one it forgets.
newButton.addEventListener('click', () => {
  if (state.busy) return;
  if (!log.querySelector('.msg.from-user')) return void begin();
  confirmNew.returnValue = '';
  confirmNew.showModal();
});
confirmNew.addEventListener('close', () => {
  if (confirmNew.returnValue === 'confirm') begin();
  else newButton.focus();
});

updateCount();
resume();
