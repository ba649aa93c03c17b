import { useEffect, useState } from 'react';
import { addItem, deleteItem, listItems } from './api.js';

export function App() {
  const [items, setItems] = useState([]);
  const [name, setName] = useState('');
  const [error, setError] = useState(null);

  const refresh = () => listItems().then(setItems, (e) => setError(e.message));

  useEffect(() => {
    refresh();
  }, []);

  const run = (action) => action().then(refresh, (e) => setError(e.message));

  const onSubmit = (event) => {
    event.preventDefault();
    setError(null);
    run(() => addItem(name)).then(() => setName(''));
  };

  return (
    <main>
      <h1>Items</h1>
      <form onSubmit={onSubmit}>
        <input value={name} onChange={(e) => setName(e.target.value)} placeholder="New item" maxLength={200} required />
        <button type="submit">Add</button>
      </form>
      {error && <p role="alert">{error}</p>}
      <ul>
        {items.map((item) => (
          <li key={item.id}>
            {item.name}
            <button type="button" onClick={() => run(() => deleteItem(item.id))} aria-label={`Delete ${item.name}`}>
              ×
            </button>
          </li>
        ))}
      </ul>
    </main>
  );
}
