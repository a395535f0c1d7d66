// The 审查台 measurement both the suite (run.mjs) and desk-bench.mjs use.

/** Adds `n` small reports straight into the desk's IndexedDB, as a year's batch would leave it. */
export function addReports(page, n) {
  return page.evaluate((n) => new Promise((resolve, reject) => {
    const open = indexedDB.open('report-lens', 1);
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const t = db.transaction(['reports', 'texts'], 'readwrite');
      const now = Date.now();
      for (let k = 0; k < n; k++) {
        const id = now - 1e7 + k + 0.5;
        t.objectStore('reports').put({ id, name: `县${k}.txt`, kind: 'UTF-8', added: id, opened: 0, status: 'Pending', note: '', title: `某县${k}号2023年法治政府建设年度报告`, issuer: `某县${k}号`, year: 2023, score: k % 100, problems: k % 7 });
        t.objectStore('texts').put(`某县${k}号2023年法治政府建设年度报告\n一、主要举措和成效\n全年办理案件${k}件。`, id);
      }
      t.oncomplete = () => { db.close(); resolve(); };
      t.onerror = () => reject(t.error);
    };
  }), n);
}

/**
 * Clicks 审查台 at once and times, from the click, the frame that shows its first rows and the
 * one that shows `rows` rows: `{ loaded, first, shown }` in the page's clock.
 */
export function openDeskTimed(page, rows) {
  return page.evaluate(async (want) => {
    const loaded = performance.now();
    const count = () => document.querySelectorAll('#desk tr[data-entry]').length;
    document.querySelector('#view-desk').click();
    while (count() === 0) await new Promise((r) => setTimeout(r, 1));
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const first = performance.now();
    while (count() < want) await new Promise((r) => setTimeout(r, 2));
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    return { loaded, first, shown: performance.now() };
  }, rows);
}
