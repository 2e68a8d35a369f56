/**
 * The dashboard's stylesheet and script, shipped in the package: no build step and no network at run
 * time. The script sorts and filters the overview, and on the live dashboard replaces a page's
 * `<main>` when the server says something changed, keeping the sort and the filters.
 */

/** app.css */
export const APP_CSS = `:root{--bg:#ffffff;--fg:#1b1f24;--muted:#57606a;--line:#d0d7de;--accent:#0a58ca;--ok:#116329;--warn:#7d4e00;--bad:#b3261e;--chip:#eef1f4;--done:#1a7f37;--scope:#8c959f;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;line-height:1.5}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#9da7b3;--line:#30363d;--accent:#79b8ff;--ok:#56d364;--warn:#e3b341;--bad:#ff7b72;--chip:#21262d;--done:#56d364;--scope:#8b949e}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg)}
a{color:var(--accent)}
a:focus-visible,button:focus-visible,select:focus-visible,main:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
.skip{position:absolute;left:-999px;top:0;background:var(--bg);padding:.5rem}
.skip:focus{left:.5rem}
.top{display:flex;flex-wrap:wrap;justify-content:space-between;gap:.5rem;padding:.75rem 1rem;border-bottom:1px solid var(--line)}
.top nav a{font-weight:600}
.live-status{margin:0;color:var(--muted);font-size:.875rem}
main{padding:1rem;max-width:72rem;margin:0 auto}
h1{font-size:1.5rem;margin:.25rem 0 .75rem;overflow-wrap:anywhere}
h2{font-size:1.15rem;margin:1.5rem 0 .5rem;border-bottom:1px solid var(--line);padding-bottom:.25rem}
.counts{color:var(--muted)}
.filters{display:flex;flex-wrap:wrap;gap:1rem;margin:.75rem 0}
select{font:inherit;color:var(--fg);background:var(--bg);border:1px solid var(--line);border-radius:4px;padding:.2rem .4rem}
.table-wrap{overflow-x:auto}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:.45rem .5rem;border-bottom:1px solid var(--line);vertical-align:top}
th button{font:inherit;font-weight:600;color:var(--fg);background:none;border:0;padding:0;cursor:pointer}
th[aria-sort=ascending] button::after{content:" \\2191"}
th[aria-sort=descending] button::after{content:" \\2193"}
.id{display:block;color:var(--muted);font-size:.8rem;overflow-wrap:anywhere}
.state{display:inline-block;padding:0 .45rem;border-radius:999px;background:var(--chip);font-size:.85rem;white-space:nowrap}
progress{width:6rem;height:.7rem;vertical-align:middle;accent-color:var(--done)}
.count{color:var(--muted);font-size:.9rem}
.ok{color:var(--ok)}.warn{color:var(--warn)}.bad{color:var(--bad);font-weight:600}
.flag{display:inline-block;margin-right:.3rem;padding:0 .4rem;border-radius:4px;font-size:.8rem;border:1px solid currentColor}
.flag-drift{color:var(--warn)}.flag-overlap{color:var(--bad)}
.facts{display:grid;grid-template-columns:repeat(auto-fit,minmax(12rem,1fr));gap:.5rem 1rem;margin:0}
.facts div{min-width:0}.facts dt{color:var(--muted);font-size:.85rem}.facts dd{margin:0;overflow-wrap:anywhere}
.toc{display:flex;flex-wrap:wrap;gap:.5rem 1rem;margin:1rem 0}
.timeline,.log,.findings{list-style:none;padding:0;margin:0}
.timeline li,.log li,.findings li{padding:.35rem 0;border-bottom:1px solid var(--line);overflow-wrap:anywhere}
.timeline .nested{padding-left:1.5rem}
.mark,.kind,.severity{display:inline-block;min-width:5.5rem;font-size:.8rem;text-transform:uppercase;letter-spacing:.03em;color:var(--muted)}
.item-done .mark{color:var(--done)}
time{color:var(--muted);font-variant-numeric:tabular-nums}
.log dl{margin:.25rem 0 0 5.5rem}.log dt{display:inline;font-weight:600}.log dt::after{content:": "}.log dd{display:inline;margin:0}.log dl div{margin:.1rem 0}
.finding-error .severity{color:var(--bad)}.finding-warn .severity{color:var(--warn)}
.chart{width:100%;max-width:40rem;height:auto}
.chart .grid{stroke:var(--line)}.chart .tick{fill:var(--muted);font-size:11px}
.chart .done{fill:none;stroke:var(--done);stroke-width:2.5}.chart .scope{fill:none;stroke:var(--scope);stroke-width:1.5;stroke-dasharray:5 4}.chart .dot{fill:var(--done)}
.markdown{overflow-wrap:anywhere}
.markdown pre,.text{background:var(--chip);padding:.75rem;border-radius:6px;overflow-x:auto}
.text{white-space:pre-wrap}
.markdown code{font-size:.9em}
.markdown :target{outline:3px solid var(--warn);outline-offset:3px}
.foot{color:var(--muted);font-size:.85rem;padding:1rem;text-align:center}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@media (max-width:40rem){
table.plans thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
table.plans,table.plans tbody,table.plans tr,table.plans td{display:block;width:100%}
table.plans tr{border:1px solid var(--line);border-radius:6px;margin:.6rem 0;padding:.25rem .5rem}
table.plans td{border:0;padding:.2rem 0}
table.plans td::before{content:attr(data-label);display:inline-block;min-width:7.5rem;color:var(--muted);font-size:.85rem}
table.plans td:first-child::before{content:none}
.log dl{margin-left:0}
}
`;

/** app.js */
export const APP_JS = `(() => {
  'use strict';
  const state = { sort: null, dir: 1, filters: {} };
  const status = () => document.querySelector('.live-status');

  function rows() { return Array.from(document.querySelectorAll('table.plans tbody tr')); }

  function cellValue(row, key) {
    const th = document.querySelector('th[data-key="' + key + '"]');
    if (!th) return '';
    const cell = row.children[Array.prototype.indexOf.call(th.parentElement.children, th)];
    const v = cell ? cell.getAttribute('data-value') || '' : '';
    const n = Number(v);
    return v !== '' && !Number.isNaN(n) ? n : v;
  }

  function applySort() {
    const tbody = document.querySelector('table.plans tbody');
    document.querySelectorAll('table.plans th').forEach((th) => {
      if (th.getAttribute('data-key') === state.sort) th.setAttribute('aria-sort', state.dir > 0 ? 'ascending' : 'descending');
      else th.removeAttribute('aria-sort');
    });
    if (!tbody || !state.sort) return;
    const sorted = rows().sort((a, b) => {
      const x = cellValue(a, state.sort), y = cellValue(b, state.sort);
      return (x < y ? -1 : x > y ? 1 : 0) * state.dir;
    });
    sorted.forEach((r) => tbody.appendChild(r));
  }

  function applyFilters() {
    let shown = 0;
    rows().forEach((r) => {
      const ok = Object.keys(state.filters).every((k) => !state.filters[k] || (r.getAttribute('data-' + k) || '').split(' ').includes(state.filters[k]));
      r.hidden = !ok;
      if (ok) shown++;
    });
    const empty = document.querySelector('.empty-filter');
    if (empty) empty.hidden = shown > 0 || rows().length === 0;
  }

  function bind() {
    document.querySelectorAll('th button[data-sort]').forEach((b) => b.addEventListener('click', () => {
      const key = b.getAttribute('data-sort');
      state.dir = state.sort === key ? -state.dir : 1;
      state.sort = key;
      applySort();
    }));
    document.querySelectorAll('select[data-filter]').forEach((s) => {
      const key = s.getAttribute('data-filter');
      if (state.filters[key] !== undefined) s.value = state.filters[key];
      s.addEventListener('change', () => { state.filters[key] = s.value; applyFilters(); });
    });
    applySort();
    applyFilters();
  }

  async function refresh() {
    const res = await fetch(location.pathname + location.search, { headers: { 'X-Execplan-Fragment': '1' }, cache: 'no-store' });
    if (!res.ok) { const s = status(); if (s) s.textContent = res.status === 404 ? 'This page is gone: the plan moved or was deleted.' : 'Could not refresh.'; return; }
    const main = document.querySelector('main');
    const focused = document.activeElement && document.activeElement.id;
    main.innerHTML = await res.text();
    bind();
    if (focused) { const el = document.getElementById(focused); if (el) el.focus(); }
    const s = status(); if (s) s.textContent = 'Updated ' + new Date().toLocaleTimeString();
    document.dispatchEvent(new CustomEvent('execplan:updated'));
  }

  function live() {
    if (document.body.getAttribute('data-live') !== '1' || !('EventSource' in window)) return;
    const es = new EventSource('/events');
    let pending = null;
    es.addEventListener('change', () => {
      if (pending) return;
      pending = refresh().catch(() => {}).finally(() => { pending = null; });
    });
    es.addEventListener('error', () => { const s = status(); if (s) s.textContent = 'Reconnecting…'; });
    es.addEventListener('open', () => { const s = status(); if (s && s.textContent === 'Reconnecting…') s.textContent = 'Live'; });
  }

  bind();
  live();
})();
`;
