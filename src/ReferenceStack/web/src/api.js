// The api is reached through the same origin: the proxy forwards /api/ to it.
const itemsUrl = '/api/v1/items';

async function send(url, options) {
  const response = await fetch(url, options);
  if (!response.ok) {
    throw new Error(`${options?.method ?? 'GET'} ${url} answered ${response.status}`);
  }
  return response.status === 204 ? null : response.json();
}

export const listItems = () => send(itemsUrl);

export const addItem = (name) =>
  send(itemsUrl, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name }),
  });

export const deleteItem = (id) => send(`${itemsUrl}/${id}`, { method: 'DELETE' });
