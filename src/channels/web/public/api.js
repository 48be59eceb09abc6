// The web chat's JSON API client. Every failure becomes an Error whose message is safe to show.

const OFFLINE = 'Archie could not be reached. Check that “archie serve” is still running, then try again.';

/** An API error; `status` is the HTTP status (0 when the server could not be reached). */
export class ApiError extends Error {
  constructor(message, status) {
    super(message);
    this.status = status;
  }
}

async function request(method, path, body) {
  let response;
  try {
    response = await fetch(`/api/web${path}`, {
      method,
      headers: body ? { 'content-type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined,
      cache: 'no-store',
    });
  } catch {
    throw new ApiError(OFFLINE, 0);
  }
  let data;
  try {
    data = await response.json();
  } catch {
    data = undefined;
  }
  if (!response.ok) {
    const message =
      data && typeof data.error === 'string'
        ? data.error
        : `Archie answered with an error (${response.status}). Try again.`;
    throw new ApiError(message, response.status);
  }
  return data;
}

/** Starts a conversation: `{ id, messages, verdictLabels }` with the greeting. */
export const startConversation = () => request('POST', '/conversations', {});

/** The whole transcript of a conversation. */
export const loadConversation = (id) => request('GET', `/conversations/${encodeURIComponent(id)}`);

/** Sends typed text (`{ text }`) or a button press (`{ choice, label }`); resolves with the new lines. */
export const sendTurn = (id, turn) => request('POST', `/conversations/${encodeURIComponent(id)}/messages`, turn);
