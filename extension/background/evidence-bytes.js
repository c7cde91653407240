// The bytes of the case's evidence files, kept in the extension (IndexedDB) by SHA-256 so a
// fill can attach them to a form's uploader; the helper keeps its own copy and the metadata.

const DB_NAME = 'tousu-evidence';
const STORE = 'files';

function open() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function run(mode, work) {
  const db = await open();
  try {
    return await new Promise((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const request = work(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(request?.result);
      tx.onerror = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

// base64 without the data: prefix.
export function keepBytes(sha256, { base64, mediaType, fileName }) {
  return run('readwrite', (store) => store.put({ base64, mediaType, fileName }, sha256));
}

export function bytesOf(sha256) {
  return run('readonly', (store) => store.get(sha256));
}

export async function haveBytes(sha256) {
  return (await run('readonly', (store) => store.getKey(sha256))) !== undefined;
}
