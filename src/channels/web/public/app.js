// The web chat page: keeps the conversation id in localStorage, renders the transcript, sends typed
// text and button presses, and downloads ADRs. Plain modern JS, no build step, no external requests.

import { ApiError, loadConversation, sendTurn, startConversation } from './api.js';
import { renderLine } from './render.js';

const STORAGE_KEY = 'archie.web.conversation';
const log = document.getElementById('log');
const form = document.getElementById('composer');
const input = document.getElementById('message-input');
const sendButton = document.getElementById('send');
const newButton = document.getElementById('new-conversation');
const thinking = document.getElementById('thinking');
const errorBox = document.getElementById('error');

const state = { id: undefined, labels: {}, busy: false };

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
  for (const button of log.querySelectorAll('.quick-replies button, .actions button')) button.disabled = busy;
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

const handlers = {
  get labels() {
    return state.labels;
  },
  onChoice: (value, label) => send({ choice: value, label }, { viaButton: true }),
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

function scrollToLatest(firstNew) {
  const reduce = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  if (firstNew) firstNew.scrollIntoView({ block: 'start', behavior: reduce ? 'auto' : 'smooth' });
  else log.parentElement.scrollTop = log.parentElement.scrollHeight;
}

function show(conversation) {
  state.id = conversation.id;
  state.labels = conversation.verdictLabels ?? {};
  if (conversation.maxMessageChars) input.maxLength = conversation.maxMessageChars;
  storage.set(conversation.id);
  log.replaceChildren();
  append(conversation.messages ?? []);
  scrollToLatest();
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

async function send(turn, { viaButton = false } = {}) {
  if (state.busy) return;
  if (!state.id) await begin();
  if (!state.id) return;
  showError();
  setBusy(true);
  // Show the user's line at once; it is replaced by the server's copy, or taken back (and the typed text
  // restored) if the turn fails, so nothing typed is ever lost.
  const pending = renderLine({ seq: 0, from: 'user', text: turn.text ?? turn.label ?? turn.choice }, handlers);
  pending.classList.add('pending');
  log.append(pending);
  pending.scrollIntoView({ block: 'nearest' });
  if (turn.text !== undefined) input.value = '';
  let added = [];
  try {
    const result = await sendTurn(state.id, turn);
    pending.remove();
    added = append(result.messages ?? [], { fresh: true });
  } catch (error) {
    pending.remove();
    if (turn.text !== undefined && !input.value) input.value = turn.text;
    if (error instanceof ApiError && error.status === 404) {
      showError('That conversation is gone (the server’s data was reset). Start a new conversation.');
    } else showError(error.message);
  } finally {
    setBusy(false);
  }
  scrollToLatest(added[0]);
  // Keep keyboard users where they can act next: the new buttons after a click, else the message box.
  const nextButton = viaButton && log.lastElementChild?.querySelector('.quick-replies button, .actions button');
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
  send({ text });
});

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
    const conversation = await loadConversation(state.id);
    if (conversation.id !== state.id || state.busy) return;
    const added = append((conversation.messages ?? []).filter((line) => line.seq > last));
    if (added.length) scrollToLatest(added[0]);
  } catch {
    // Quietly try again next time the tab is shown; the next turn reports real problems.
  }
}

document.addEventListener('visibilitychange', catchUp);

newButton.addEventListener('click', () => {
  if (!state.busy) begin();
});

resume();
