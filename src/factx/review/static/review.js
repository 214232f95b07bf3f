/* factx review page. Everything is built from the JSON data element with DOM
   text nodes and attributes, never from HTML strings: the documents are
   untrusted. Texts come already cut into segments (see layout.py), so the page
   computes no offset. */
(() => {
  "use strict";

  const DATA = JSON.parse(document.getElementById("factx-data").textContent);
  const R = DATA.records, M = DATA.meta, DOCS = DATA.docs;
  const ALL = R.map((_, i) => i);
  const byId = (id) => document.getElementById(id);
  const present = (kids) => kids.filter((k) => k !== null && k !== undefined);

  /* element with properties (class, text, or attributes) and children (nodes or strings) */
  function h(tag, props, ...kids) {
    const e = document.createElement(tag);
    if (props) {
      for (const [k, v] of Object.entries(props)) {
        if (v === null || v === undefined || v === false) continue;
        if (k === "class") e.className = v;
        else if (k === "text") e.textContent = v;
        else e.setAttribute(k, v === true ? "" : String(v));
      }
    }
    e.append(...present(kids));
    return e;
  }

  /* --- facts as shown ------------------------------------------------------------ */

  const kindOf = (r) => (r && typeof r.kind === "string" ? r.kind : "unknown");
  const show = (x) => (x === null || x === undefined || x === "" ? "—" : String(x));
  function num(x) {
    return typeof x === "number" ? x.toLocaleString("en-US", { maximumFractionDigits: 6 }) : String(x);
  }
  function valueText(r) {
    if (r.value !== null && r.value !== undefined) return num(r.value);
    const lo = r.low !== null && r.low !== undefined, hi = r.high !== null && r.high !== undefined;
    if (lo && hi) return `${num(r.low)}–${num(r.high)}`;
    if (lo) return `≥ ${num(r.low)}`;
    if (hi) return `≤ ${num(r.high)}`;
    return "—";
  }
  const KINDS = DATA.kinds.slice();
  for (const r of R) if (!KINDS.includes(kindOf(r))) KINDS.push(kindOf(r));
  const KIND_COUNT = new Map(KINDS.map((k) => [k, 0]));
  for (const r of R) KIND_COUNT.set(kindOf(r), KIND_COUNT.get(kindOf(r)) + 1);

  /* search: case, Arabic diacritics and tatweel ignored */
  const norm = (s) => String(s).toLowerCase().replace(/[\u064b-\u065f\u0670\u0640]/g, "");
  const BLOB = R.map((r, i) => {
    const x = M[i].x || ["", ""];
    return norm([valueText(r), kindOf(r), r.qualifier, r.unit, r.entity, r.text, x[0], x[1],
      DOCS[M[i].d].id].filter((v) => v !== null && v !== undefined).join(" "));
  });

  /* --- review marks, kept in localStorage under the fact file's digest -------------- */

  const STORE_KEY = `factx-review:${DATA.key}`;
  const reviews = {};        // fact index -> {r: "correct" | "wrong" | null, n: note}
  function keep(i, verdict, note) {
    const r = verdict === "correct" || verdict === "wrong" ? verdict : null;
    const n = typeof note === "string" ? note : "";
    if (Number.isInteger(i) && i >= 0 && i < R.length && (r || n)) reviews[i] = { r, n };
  }
  R.forEach((r, i) => keep(i, r.review, r.review_note));     // a fact file that is an export
  function storeProblem(e) {
    const note = byId("store-note");
    note.textContent = `Review not saved in this browser (${e && e.name ? e.name : "no storage"}): export it.`;
    note.hidden = false;
  }
  try {
    const kept = window.localStorage.getItem(STORE_KEY);
    if (kept) for (const [i, v] of Object.entries(JSON.parse(kept))) keep(Number(i), v && v.r, v && v.n);
  } catch (e) {
    storeProblem(e);
  }
  function save() {
    try {
      window.localStorage.setItem(STORE_KEY, JSON.stringify(reviews));
    } catch (e) {
      storeProblem(e);
    }
  }
  const verdictOf = (i) => (reviews[i] ? reviews[i].r : null);

  function setReview(i, verdict) {
    const cur = reviews[i] || { r: null, n: "" };
    cur.r = verdict;
    if (!cur.r && !cur.n) delete reviews[i]; else reviews[i] = cur;
    save();
    reviewChanged(i);
  }
  function setNote(i, note) {
    const cur = reviews[i] || { r: null, n: "" };
    cur.n = note;
    if (!cur.r && !cur.n) delete reviews[i]; else reviews[i] = cur;
    save();
    const row = rows.get(i);
    if (row) fillReviewCell(row.lastChild, i);      // not the details: the note is being typed there
  }
  function reviewChanged(i) {
    const v = verdictOf(i);
    const m = marks.get(i);
    if (m) {
      m.classList.toggle("rev-correct", v === "correct");
      m.classList.toggle("rev-wrong", v === "wrong");
    }
    const row = rows.get(i);
    if (row) fillReviewCell(row.lastChild, i);
    if (state.sel === i) renderDetail(i);
    renderProgress();
  }
  function renderProgress() {
    let ok = 0, bad = 0;
    for (const k of Object.keys(reviews)) {
      if (reviews[k].r === "correct") ok++;
      else if (reviews[k].r === "wrong") bad++;
    }
    byId("progress").textContent = `${ok + bad} of ${R.length} facts reviewed (${ok} correct, ${bad} wrong)`;
  }

  /* export: every record as read, plus review and review_note */
  function exportJsonl() {
    return R.map((r, i) => {
      const rv = reviews[i];
      return JSON.stringify(Object.assign({}, r, { review: rv && rv.r ? rv.r : null,
        review_note: rv && rv.n ? rv.n : null }));
    }).map((line) => line + "\n").join("");
  }
  function exportName() {
    const base = DATA.name ? DATA.name.split(/[\\/]/).pop().replace(/\.jsonl$/i, "") : "";
    return base && base !== "<stdin>" ? `${base}.review.jsonl` : "review.jsonl";
  }
  function download() {
    const url = URL.createObjectURL(new Blob([exportJsonl()], { type: "application/x-ndjson" }));
    const a = h("a", { href: url, download: exportName(), hidden: true });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  }

  /* --- state ------------------------------------------------------------------------ */

  const state = { doc: -1, scope: "doc", kinds: new Set(KINDS), query: "", sort: { key: "index", dir: 1 },
    sel: -1, order: [], pos: new Map() };
  const marks = new Map();   // fact index -> its mark in the shown document
  const rows = new Map();    // fact index -> its table row (made when first needed)

  /* --- document list ------------------------------------------------------------------ */

  function renderDocList() {
    const list = byId("docs");
    const frag = document.createDocumentFragment();
    DOCS.forEach((d, n) => {
      const counts = new Map();
      for (const i of d.facts) counts.set(kindOf(R[i]), (counts.get(kindOf(R[i])) || 0) + 1);
      const chips = h("span", { class: "chips" });
      for (const k of KINDS) {
        if (counts.get(k)) chips.append(h("span", { class: "chip", "data-kind": k, title: k, text: `${k} ${counts.get(k)}` }));
      }
      const bad = d.facts.filter((i) => M[i].p || M[i].o).length;
      frag.append(h("li", { "data-doc-id": d.id },
        h("button", { type: "button", "data-doc": n, title: d.id },
          h("span", { class: "doc-name", text: d.id }),
          h("span", { class: "muted", text: `${d.facts.length} facts${bad ? `, ${bad} with problems` : ""}${d.missing ? " · no source" : ""}` }),
          chips)));
    });
    list.replaceChildren(frag);
    byId("doc-count").textContent = `(${DOCS.length})`;
    list.addEventListener("click", (e) => {
      const b = e.target.closest("button[data-doc]");
      if (b) showDoc(Number(b.dataset.doc));
    });
    byId("doc-search").addEventListener("input", (e) => {
      const q = norm(e.target.value);
      for (const li of list.children) li.hidden = q !== "" && !norm(li.dataset.docId).includes(q);
    });
  }

  /* --- the document --------------------------------------------------------------------- */

  function markFor(i) {
    const r = R[i], m = M[i], v = verdictOf(i);
    const e = h("mark", { "data-fact": i, "data-kind": kindOf(r), tabindex: 0 });
    if (m.p || m.o) e.classList.add("problem");
    if (v) e.classList.add(`rev-${v}`);
    if (!state.kinds.has(kindOf(r))) e.classList.add("dim");
    if (state.sel === i) e.classList.add("selected");
    marks.set(i, e);
    return e;
  }
  function renderNodes(nodes, parent) {
    for (const n of nodes) {
      if (typeof n === "string") parent.append(n);
      else {
        const m = markFor(n[0]);
        renderNodes(n[1], m);
        parent.append(m);
      }
    }
  }
  function showDoc(n) {
    if (n === state.doc || n < 0 || n >= DOCS.length) return;
    state.doc = n;
    const d = DOCS[n];
    marks.clear();
    const text = byId("text");
    const frag = document.createDocumentFragment();
    renderNodes(d.nodes, frag);
    text.replaceChildren(frag);
    const bad = d.facts.filter((i) => M[i].p || M[i].o).length;
    byId("doc-head").replaceChildren(...present([
      h("span", { class: "doc-title", text: d.id }), " ",
      h("span", { class: "muted", text: `· ${d.facts.length} facts${bad ? ` · ${bad} with problems` : ""}` }),
      d.missing ? h("p", { class: "warn", text: "This doc_id is not among the source documents: its facts are listed below." }) : null]));
    const outside = byId("outside-list");
    outside.replaceChildren(...d.outside.map((i) => {
      const m = markFor(i);
      m.textContent = typeof R[i].text === "string" ? R[i].text : JSON.stringify(R[i].text);
      return h("li", null, m, h("span", { class: "why", text: M[i].o }));
    }));
    byId("outside").hidden = d.outside.length === 0;
    for (const b of byId("docs").querySelectorAll("button[aria-current]")) b.removeAttribute("aria-current");
    const b = byId("docs").querySelector(`button[data-doc="${n}"]`);
    if (b) {
      b.setAttribute("aria-current", "true");
      b.scrollIntoView({ block: "nearest" });
    }
    byId("reader").scrollTop = 0;
    if (state.scope === "doc") refreshTable();
  }

  /* --- the table ----------------------------------------------------------------------- */

  function fillReviewCell(td, i) {
    const v = verdictOf(i);
    td.className = v ? `rev-${v}` : "";
    td.textContent = v === "correct" ? "✓ correct" : v === "wrong" ? "✗ wrong" : "";
    const note = reviews[i] && reviews[i].n;
    if (note) td.append(h("span", { class: "muted", title: note, text: " ✎" }));
  }
  function rowFor(i) {
    let tr = rows.get(i);
    if (tr) return tr;
    const r = R[i], m = M[i];
    const excerpt = h("div");
    const sentence = h("td", { class: "sentence", dir: "rtl", lang: "ar" }, excerpt);
    if (m.x) excerpt.append(m.x[0], h("b", { text: show(r.text) }), m.x[1]);
    else excerpt.append(h("b", { text: show(r.text) }), " ", h("span", { class: "warn", text: m.o }));
    const problems = [m.o, ...(m.p || [])].filter(Boolean);
    tr = h("tr", { "data-row": i, "data-kind": kindOf(r), class: problems.length ? "problem" : null,
      title: problems.length ? problems.join("\n") : null },
      h("td", { text: String(i) }),
      h("td", { class: "value", text: valueText(r) }),
      h("td", { class: "kind" }, h("span", { text: kindOf(r) })),
      h("td", { text: show(r.qualifier) }),
      h("td", { text: show(r.unit) }),
      h("td", { dir: "auto", text: show(r.entity) }),
      sentence,
      h("td"));
    fillReviewCell(tr.lastChild, i);
    rows.set(i, tr);
    return tr;
  }

  const REVIEW_RANK = { correct: 0, wrong: 1 };
  function sortKey(key, i) {
    const r = R[i];
    switch (key) {
      case "value": {
        const v = [r.value, r.low, r.high].find((x) => x !== null && x !== undefined);
        return v === undefined ? [2, 0] : typeof v === "number" ? [0, v] : [1, String(v)];
      }
      case "kind": return [0, KINDS.indexOf(kindOf(r))];
      case "qualifier": case "unit": case "entity":
        return r[key] === null || r[key] === undefined ? [1, ""] : [0, String(r[key])];
      case "sentence": return M[i].x ? [0, M[i].x.join(" ")] : [1, ""];
      case "review": return [verdictOf(i) ? REVIEW_RANK[verdictOf(i)] : 2, 0];
      default: return [0, i];
    }
  }
  const collator = new Intl.Collator(["ar", "en"]);
  function compareKeys(a, b) {
    if (a[0] !== b[0]) return a[0] - b[0];
    if (typeof a[1] === "number") return a[1] - b[1];
    return collator.compare(a[1], b[1]);
  }
  function computeOrder() {
    const base = state.scope === "doc" ? (DOCS[state.doc] ? DOCS[state.doc].facts : []) : ALL;
    const q = norm(state.query.trim());
    const list = base.filter((i) => state.kinds.has(kindOf(R[i])) && (q === "" || BLOB[i].includes(q)));
    const { key, dir } = state.sort;
    if (key !== "index") {
      const keys = new Map(list.map((i) => [i, sortKey(key, i)]));
      list.sort((a, b) => dir * compareKeys(keys.get(a), keys.get(b)) || a - b);
    } else if (dir < 0) list.reverse();
    return { base, list };
  }
  /* The table holds only the rows in view (and OVERSCAN more on each side), between
     two spacers: its cost does not grow with the corpus. Rows have one height. */
  const OVERSCAN = 12;
  const wrap = document.querySelector(".table-wrap");
  const tbody = document.querySelector("#facts tbody");
  const spacer = () => h("tr", { class: "spacer", "aria-hidden": "true" }, h("td", { colspan: 8 }));
  const above = spacer(), below = spacer();
  let rowH = 0;
  function renderRows() {
    const order = state.order, n = order.length;
    if (!rowH && n) {
      tbody.replaceChildren(rowFor(order[0]));
      rowH = tbody.firstChild.offsetHeight;
      if (!rowH) return;               // not laid out (hidden): rendered when shown
    }
    const headH = document.querySelector("#facts thead").offsetHeight;
    const top = Math.max(0, wrap.scrollTop - headH);
    const first = Math.max(0, Math.floor(top / Math.max(rowH, 1)) - OVERSCAN);
    const last = Math.min(n, Math.ceil((top + wrap.clientHeight) / Math.max(rowH, 1)) + OVERSCAN);
    above.style.height = `${first * rowH}px`;
    below.style.height = `${(n - last) * rowH}px`;
    const frag = document.createDocumentFragment();
    frag.append(above);
    for (let k = first; k < last; k++) {
      const tr = rowFor(order[k]);
      tr.setAttribute("aria-rowindex", String(k + 2));
      tr.classList.toggle("selected", order[k] === state.sel);
      frag.append(tr);
    }
    frag.append(below);
    tbody.replaceChildren(frag);
  }
  wrap.addEventListener("scroll", renderRows, { passive: true });
  function revealRow(i) {
    const k = state.pos.get(i);
    if (k === undefined || !rowH) return;
    const headH = document.querySelector("#facts thead").offsetHeight;
    const y = headH + k * rowH;
    if (y < wrap.scrollTop + headH) wrap.scrollTop = k * rowH;
    else if (y + rowH > wrap.scrollTop + wrap.clientHeight) wrap.scrollTop = y + rowH - wrap.clientHeight;
    renderRows();
  }
  function refreshTable() {
    const { base, list } = computeOrder();
    state.order = list;
    state.pos = new Map(list.map((i, k) => [i, k]));
    document.getElementById("facts").setAttribute("aria-rowcount", String(list.length + 1));
    renderRows();
    byId("shown").textContent = `${list.length} of ${base.length} facts`;
    for (const th of document.querySelectorAll("#facts th[data-sort]")) {
      th.setAttribute("aria-sort", th.dataset.sort === state.sort.key ? (state.sort.dir > 0 ? "ascending" : "descending") : "none");
    }
  }

  function renderLegend() {
    const legend = byId("legend");
    for (const k of KINDS) {
      if (!KIND_COUNT.get(k)) continue;
      const box = h("input", { type: "checkbox", "data-kind-filter": k, checked: true });
      legend.append(h("label", { title: `show or hide ${k} facts` }, box,
        h("span", { class: "swatch", "data-kind": k }), `${k} (${KIND_COUNT.get(k)})`));
    }
    legend.addEventListener("change", (e) => {
      const k = e.target.dataset.kindFilter;
      if (k === undefined) return;
      if (e.target.checked) state.kinds.add(k); else state.kinds.delete(k);
      for (const [i, m] of marks) m.classList.toggle("dim", !state.kinds.has(kindOf(R[i])));
      refreshTable();
    });
  }

  /* --- selection, details, tooltip ------------------------------------------------------ */

  function flash(e) {
    e.classList.remove("flash");
    void e.offsetWidth;           // restart the animation
    e.classList.add("flash");
  }
  function select(i, { scroll = false, flashIt = false, focus = false } = {}) {
    if (i < 0 || i >= R.length) return;
    if (M[i].d !== state.doc) showDoc(M[i].d);
    for (const e of document.querySelectorAll("mark.selected")) e.classList.remove("selected");
    if (rows.has(state.sel)) rows.get(state.sel).classList.remove("selected");
    state.sel = i;
    const m = marks.get(i);
    revealRow(i);
    if (rows.has(i)) rows.get(i).classList.add("selected");
    if (m) {
      m.classList.add("selected");
      if (scroll) m.scrollIntoView({ block: "center" });
      if (flashIt) flash(m);
      if (focus) m.focus({ preventScroll: true });
    }
    renderDetail(i);
  }
  function step(delta) {
    const order = state.order;
    if (!order.length) return;
    const at = state.pos.has(state.sel) ? state.pos.get(state.sel) : -1;
    const next = at < 0 ? (delta > 0 ? 0 : order.length - 1) : Math.min(order.length - 1, Math.max(0, at + delta));
    select(order[next], { scroll: true, flashIt: true, focus: true });
  }

  function renderDetail(i) {
    const r = R[i], m = M[i], v = verdictOf(i);
    const button = (verdict, label) => h("button", { type: "button", class: verdict || "clear",
      "data-review": verdict || "", "aria-pressed": String(v === verdict && verdict !== null), text: label });
    const note = h("textarea", { "aria-label": "Note on this fact", placeholder: "Note (kept with the review)" });
    note.value = reviews[i] ? reviews[i].n : "";
    note.addEventListener("input", () => setNote(i, note.value));
    const problems = [m.o, ...(m.p || [])].filter(Boolean);
    byId("detail").replaceChildren(...present([
      h("h3", null, `Fact ${i} · `, h("span", { "data-kind": kindOf(r), class: "chip", text: kindOf(r) }),
        ` · ${DOCS[m.d].id} · line ${m.l}`),
      problems.length ? h("ul", { class: "problems" }, ...problems.map((p) => h("li", { text: p }))) : null,
      h("div", { class: "review" }, button("correct", "✓ correct (c)"), button("wrong", "✗ wrong (w)"),
        button(null, "unmark (u)")),
      note,
      h("pre", { dir: "ltr", text: JSON.stringify(r, null, 2) })]));
  }
  byId("detail").addEventListener("click", (e) => {
    const b = e.target.closest("button[data-review]");
    if (b && state.sel >= 0) setReview(state.sel, b.dataset.review || null);
  });

  const tip = byId("tip");
  function showTip(target) {
    let r, problems = [];
    if (target.dataset.fact !== undefined) {
      const i = Number(target.dataset.fact);
      r = R[i];
      problems = [M[i].o, ...(M[i].p || [])].filter(Boolean);
    } else r = CITED.get(target);
    if (!r) return;
    const row = (k, v) => [h("dt", { text: k }), h("dd", { dir: "auto", text: show(v) })];
    tip.replaceChildren(h("dl", null, ...row("kind", kindOf(r)), ...row("value", valueText(r)),
      ...row("qualifier", r.qualifier), ...row("unit", r.unit), ...row("entity", r.entity !== undefined ? r.entity : r.entity_norm)),
      ...problems.map((p) => h("div", { class: "warn", text: p })));
    tip.hidden = false;
    const box = target.getBoundingClientRect();
    const below = box.bottom + 6 + tip.offsetHeight < window.innerHeight;
    tip.style.top = `${below ? box.bottom + 6 : Math.max(4, box.top - 6 - tip.offsetHeight)}px`;
    tip.style.left = `${Math.max(4, Math.min(box.left, window.innerWidth - tip.offsetWidth - 4))}px`;
  }
  const hideTip = () => { tip.hidden = true; };
  const TIP_TARGETS = "mark[data-fact], mark.cited";
  document.addEventListener("mouseover", (e) => {
    const t = e.target.closest && e.target.closest(TIP_TARGETS);
    if (t) showTip(t);
  });
  document.addEventListener("mouseout", (e) => {
    const t = e.target.closest && e.target.closest(TIP_TARGETS);
    if (t && !(e.relatedTarget && t.contains(e.relatedTarget))) hideTip();
  });
  document.addEventListener("focusin", (e) => {
    const t = e.target.closest && e.target.closest(TIP_TARGETS);
    if (t) showTip(t); else hideTip();
  });
  document.addEventListener("focusout", hideTip);

  /* --- claims (factx check) and disagreements (factx compare) ------------------------------- */

  const CITED = new Map();   // mark of a cited fact -> its record, for the tooltip
  function quote(shown, rec, kind, ref) {
    const m = h("mark", { class: "cited", "data-kind": kind, "data-ref": ref, tabindex: 0, text: show(rec.text) });
    CITED.set(m, rec);
    const p = h("p", { class: "quote arabic", dir: "rtl", lang: "ar" });
    if (shown.ctx) p.append(shown.ctx[0], m, shown.ctx[2]);
    else p.append(shown.plain, " — ", m);
    return p;
  }
  function where(rec, ref) {
    return h("div", { class: "where" }, `${rec.doc_id} · line ${show(rec.line)}`,
      ref >= 0 ? h("button", { type: "button", "data-goto": ref, text: "show in document" }) : null);
  }
  const bound = (x) => (x === null || x === undefined ? "…" : num(x));
  function renderClaims() {
    const root = byId("view-claims");
    root.replaceChildren(h("h2", { text: `${DATA.claims.length} claim quantities checked` }),
      ...DATA.claims.map((c, n) => h("article", { class: "card", "data-claim": n },
        h("h3", null, h("span", { class: `verdict ${c.verdict}`, text: c.verdict }),
          h("span", { text: `claim ${c.id}` }),
          h("span", { class: "muted", text: `${kindOf(c.fact)} · ${valueText(c.fact)} · ${show(c.fact.qualifier)}` })),
        quote(c, c.fact, kindOf(c.fact), -1),
        c.evidence.length
          ? h("ul", { class: "evidence" }, ...c.evidence.map((ev) => h("li", { "data-evidence": ev.ref },
            h("span", { class: `verdict ${ev.rec.verdict}`, text: ev.rec.verdict }),
            quote(ev, ev.rec, kindOf(ev.rec), ev.ref), where(ev.rec, ev.ref))))
          : h("p", { class: "muted", text: "No evidence found in the facts." }))));
  }
  function renderGroups() {
    const root = byId("view-groups");
    root.replaceChildren(h("h2", { text: `${DATA.groups.length} groups of facts that disagree` }),
      ...DATA.groups.map((g, n) => h("article", { class: "card", "data-group": n },
        h("h3", null, h("span", { class: "chip", "data-kind": show(g.kind), text: show(g.kind) }),
          h("span", { dir: "auto", text: `entity ${show(g.entity_norm)} · unit ${show(g.unit)} · predicate ${show(g.predicate_family)}` }),
          h("span", { class: "muted", text: `${g.members.length} facts` })),
        h("ul", { class: "evidence" }, ...g.members.map((mb) => h("li", { "data-member": mb.ref },
          h("span", { class: "verdict", text: `${valueText(mb.rec)} ${show(mb.rec.qualifier)} → [${
            Array.isArray(mb.rec.interval) ? mb.rec.interval.map(bound).join(", ") : "?"}]` }),
          quote(mb, mb.rec, show(g.kind), mb.ref), where(mb.rec, mb.ref)))))));
  }
  function showView(name) {
    for (const t of document.querySelectorAll(".tab")) t.setAttribute("aria-pressed", String(t.dataset.view === name));
    for (const v of ["docs", "claims", "groups"]) byId(`view-${v}`).hidden = v !== name;
    if (name === "docs") renderRows();
  }
  document.addEventListener("click", (e) => {
    const g = e.target.closest("button[data-goto]");
    if (g) {
      showView("docs");
      select(Number(g.dataset.goto), { scroll: true, flashIt: true });
      return;
    }
    const t = e.target.closest(".tab");
    if (t) showView(t.dataset.view);
  });

  /* --- events ------------------------------------------------------------------------------- */

  byId("text").addEventListener("click", (e) => {
    const m = e.target.closest("mark[data-fact]");
    if (m) {
      e.stopPropagation();
      select(Number(m.dataset.fact));
    }
  });
  byId("outside-list").addEventListener("click", (e) => {
    const m = e.target.closest("mark[data-fact]");
    if (m) select(Number(m.dataset.fact));
  });
  document.querySelector("#facts tbody").addEventListener("click", (e) => {
    const tr = e.target.closest("tr[data-row]");
    if (tr) select(Number(tr.dataset.row), { scroll: true, flashIt: true });
  });
  document.querySelector("#facts thead").addEventListener("click", (e) => {
    const th = e.target.closest("th[data-sort]");
    if (!th) return;
    const key = th.dataset.sort;
    state.sort = { key, dir: state.sort.key === key ? -state.sort.dir : 1 };
    refreshTable();
  });
  byId("search").addEventListener("input", (e) => {
    state.query = e.target.value;
    refreshTable();
  });
  byId("scope").addEventListener("change", (e) => {
    state.scope = e.target.value;
    refreshTable();
  });
  byId("prev").addEventListener("click", () => step(-1));
  byId("next").addEventListener("click", () => step(1));
  byId("export").addEventListener("click", download);
  document.addEventListener("keydown", (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const t = e.target;
    if (t.closest && t.closest("input, textarea, select")) {
      if (e.key === "Escape") t.blur();
      return;
    }
    const keys = { n: () => step(1), j: () => step(1), p: () => step(-1), k: () => step(-1),
      c: () => state.sel >= 0 && setReview(state.sel, "correct"),
      w: () => state.sel >= 0 && setReview(state.sel, "wrong"),
      u: () => state.sel >= 0 && setReview(state.sel, null),
      "/": () => byId("search").focus() };
    if (e.key === "Enter" && t.matches && t.matches("mark[data-fact]")) {
      select(Number(t.dataset.fact));
      e.preventDefault();
    } else if (keys[e.key]) {
      keys[e.key]();
      e.preventDefault();
    }
  });

  /* --- start ---------------------------------------------------------------------------------- */

  document.title = DATA.title;
  byId("title").textContent = DATA.title;
  renderLegend();
  renderDocList();
  renderProgress();
  if (DOCS.length) showDoc(0);
  else byId("text").replaceChildren(h("p", { class: "muted", dir: "ltr", text: "No documents." }));
  refreshTable();
  byId("tabs").hidden = !DATA.claims.length && !DATA.groups.length;
  if (DATA.claims.length) {
    renderClaims();
    document.querySelector('.tab[data-view="claims"]').hidden = false;
  }
  if (DATA.groups.length) {
    renderGroups();
    document.querySelector('.tab[data-view="groups"]').hidden = false;
  }
  performance.mark("factx-ready");
  document.documentElement.dataset.ready = "true";
})();
