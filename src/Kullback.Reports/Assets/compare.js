// kullback compare --report: renders the kullback.compare/1 JSON embedded in the page. No network, no libraries.
// Every text from the data goes in through textContent, never as markup.
(function () {
  "use strict";
  const data = JSON.parse(document.getElementById("comparison").textContent);
  const unit = data.unit;
  const SVG = "http://www.w3.org/2000/svg";
  const MAX_CHART_BINS = 40, MAX_TABLE_BINS = 500;

  // ---- numbers -------------------------------------------------------------------------------------------------
  function value(x) { return x === "Infinity" ? Infinity : x === "-Infinity" ? -Infinity : x; }
  function fmt(x, digits) {
    x = value(x);
    if (x === null || x === undefined) return "—";
    if (x === Infinity) return "∞";
    if (x === 0) return "0";
    const a = Math.abs(x);
    if (a >= 1e-4 && a < 1e6) return String(Number(x.toPrecision(digits || 4)));
    return x.toExponential((digits || 4) - 1).replace(/\.?0+e/, "e");
  }
  function pValue(p) {
    p = value(p);
    if (p === null || p === undefined) return "—";
    if (p === 0) return "< 1e-308";
    return p < 1e-4 ? p.toExponential(2) : String(Number(p.toFixed(4)));
  }
  function percent(part, total) { return total === 0 ? "0%" : String(Number((100 * part / total).toFixed(2))) + "%"; }
  function integer(n) { return n.toLocaleString("en-US"); }

  // ---- what each column says ------------------------------------------------------------------------------------
  function totals(column) {
    let r = 0, c = 0;
    for (const b of column.bins) { r += b.reference; c += b.current; }
    return { reference: r, current: c };
  }
  function missing(column) {
    const bin = column.bins.find(b => b.kind === "missing");
    return bin ? { reference: bin.reference, current: bin.current } : { reference: 0, current: 0 };
  }
  function verdict(column) {
    if (column.drift) return { key: 2, text: "drift", css: "verdict-drift" };
    if (value(column.test.p_adjusted) < data.alpha) return { key: 1, text: "small shift", css: "verdict-shift" };
    return { key: 0, text: "no drift", css: "verdict-none" };
  }
  function ks(column) { return column.distribution ? value(column.distribution.ks_statistic) : null; }

  const fields = [
    { key: "name", title: "Column", get: c => c.name, text: true },
    { key: "kind", title: "Kind", get: c => c.kind, text: true },
    { key: "missing", title: "Missing ref → cur", get: c => { const m = missing(c), t = totals(c); return t.current ? m.current / t.current : 0; },
      show: c => { const m = missing(c), t = totals(c); return percent(m.reference, t.reference) + " → " + percent(m.current, t.current); } },
    { key: "psi", title: "PSI (" + unit + ")", get: c => value(c.measures.psi) },
    { key: "js_distance", title: "JS distance", get: c => value(c.measures.js_distance) },
    { key: "kl_rc", title: "D(ref‖cur) " + unit, get: c => value(c.measures.kl_reference_current) },
    { key: "kl_cr", title: "D(cur‖ref) " + unit, get: c => value(c.measures.kl_current_reference) },
    { key: "hellinger", title: "Hellinger", get: c => value(c.measures.hellinger) },
    { key: "tv", title: "Total variation", get: c => value(c.measures.total_variation) },
    { key: "ks", title: "KS", get: ks },
    { key: "p", title: "p (Holm)", get: c => value(c.test.p_adjusted), show: c => pValue(c.test.p_adjusted) },
    { key: "verdict", title: "Verdict", get: c => verdict(c).key, show: c => verdict(c).text },
  ];

  // ---- header --------------------------------------------------------------------------------------------------
  document.getElementById("reference").textContent = data.reference.source + " (" + integer(data.reference.rows) + " rows)";
  document.getElementById("current").textContent = data.current.source + " (" + integer(data.current.rows) + " rows)";
  const drifted = data.columns.filter(c => c.drift);
  const summary = document.getElementById("summary");
  summary.textContent = drifted.length === 0 ? "No column drifted."
    : drifted.length + " of " + data.columns.length + " columns drifted: " + drifted.map(c => c.name).join(", ") + ".";
  summary.className = "summary " + (drifted.length ? "verdict-drift" : "verdict-none");
  const permuted = data.columns.some(c => c.test.p_value_from === "permutation");
  document.getElementById("criteria").textContent =
    "Drift: the G-test p-value" + (permuted ? " (from permutations)" : "") + ", Holm-corrected across " + data.columns.length +
    " columns, below α = " + data.alpha + ", and " + data.threshold.measure + " ≥ " + data.threshold.value +
    ". Bins are chosen on the reference; information in " + unit + "; JS distance = √(JS divergence).";

  // ---- the table of columns --------------------------------------------------------------------------------------
  const table = document.getElementById("columns");
  const headRow = table.tHead.rows[0];
  const body = table.tBodies[0];
  let sortKey = "psi", descending = true, selected = null;
  for (const f of fields) {
    const th = document.createElement("th");
    th.scope = "col";
    th.dataset.key = f.key;
    if (!f.text) th.className = "num";
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = f.title;
    button.addEventListener("click", () => {
      descending = sortKey === f.key ? !descending : !f.text;
      sortKey = f.key;
      render();
    });
    th.appendChild(button);
    headRow.appendChild(th);
  }
  function compare(a, b) {
    const f = fields.find(x => x.key === sortKey);
    const x = f.get(a), y = f.get(b);
    if (x === null || x === undefined) return y === null || y === undefined ? 0 : 1;   // blanks last either way
    if (y === null || y === undefined) return -1;
    const order = f.text ? String(x).localeCompare(String(y)) : x < y ? -1 : x > y ? 1 : 0;
    return descending ? -order : order;
  }
  const filter = document.getElementById("filter"), onlyDrift = document.getElementById("only-drift");
  filter.addEventListener("input", render);
  onlyDrift.addEventListener("change", render);
  function render() {
    for (const th of headRow.cells)
      if (th.dataset.key === sortKey) th.setAttribute("aria-sort", descending ? "descending" : "ascending");
      else th.removeAttribute("aria-sort");
    const needle = filter.value.trim().toLowerCase();
    const rows = data.columns.filter(c => (!needle || c.name.toLowerCase().includes(needle)) && (!onlyDrift.checked || c.drift));
    rows.sort((a, b) => compare(a, b) || data.columns.indexOf(a) - data.columns.indexOf(b));
    body.replaceChildren();
    for (const column of rows) {
      const tr = document.createElement("tr");
      tr.dataset.column = column.name;
      if (column === selected) tr.className = "selected";
      for (const f of fields) {
        const td = document.createElement("td");
        if (f.key === "name") {
          const button = document.createElement("button");
          button.type = "button";
          button.className = "column";
          button.textContent = column.name;
          button.title = column.name;
          button.addEventListener("click", () => select(column, true));
          td.appendChild(button);
        } else {
          td.textContent = f.show ? f.show(column) : f.text ? f.get(column) : fmt(f.get(column));
          if (!f.text) td.className = "num";
          if (f.key === "verdict") td.className = verdict(column).css;
        }
        tr.appendChild(td);
      }
      body.appendChild(tr);
    }
    document.getElementById("shown").textContent = "Showing " + rows.length + " of " + data.columns.length + " columns.";
  }

  // ---- one column in detail -------------------------------------------------------------------------------------
  function svg(name, attributes, parent) {
    const element = document.createElementNS(SVG, name);
    for (const k in attributes) element.setAttribute(k, attributes[k]);
    if (parent) parent.appendChild(element);
    return element;
  }
  function titled(element, text) { svg("title", {}, element).textContent = text; return element; }
  function chartBins(column) {
    const t = totals(column);
    let bins = column.bins.map((b, i) => ({ bin: b, index: i, r: t.reference ? b.reference / t.reference : 0, c: t.current ? b.current / t.current : 0 }));
    if (bins.length > MAX_CHART_BINS) {
      const keep = new Set(bins.slice().sort((a, b) => Math.max(b.r, b.c) - Math.max(a.r, a.c)).slice(0, MAX_CHART_BINS).map(x => x.index));
      bins = bins.filter(x => keep.has(x.index));
    }
    return bins;
  }
  function barChart(host, bins, series, label, note) {
    const width = 900, height = 300, left = 56, right = 10, top = 24, bottom = 96;
    const root = svg("svg", { viewBox: "0 0 " + width + " " + height, role: "img", "aria-label": label });
    let max = 0;
    for (const b of bins) for (const s of series) { const v = s.get(b); if (isFinite(v)) max = Math.max(max, v); }
    if (max === 0) max = 1;
    const plotWidth = width - left - right, plotHeight = height - top - bottom, slot = plotWidth / Math.max(1, bins.length);
    const y = v => top + plotHeight * (1 - Math.min(v, max) / max);
    for (let k = 0; k <= 4; k++) {
      const v = max * k / 4, yy = y(v);
      svg("line", { x1: left, x2: width - right, y1: yy, y2: yy, stroke: "#d0d7de" }, root);
      svg("text", { x: left - 6, y: yy + 4, "text-anchor": "end" }, root).textContent = fmt(v, 3);
    }
    bins.forEach((b, i) => {
      const barWidth = slot * 0.8 / series.length;
      series.forEach((s, j) => {
        const v = s.get(b), x = left + i * slot + slot * 0.1 + j * barWidth, top0 = isFinite(v) ? y(v) : top;
        titled(svg("rect", { x: x, y: top0, width: Math.max(1, barWidth - 1), height: top + plotHeight - top0, fill: s.color }, root),
          b.bin.label + ": " + s.name + " " + s.text(b));
      });
      const tx = left + (i + 0.5) * slot, ty = top + plotHeight + 10;
      const text = svg("text", { x: tx, y: ty, "text-anchor": "end", transform: "rotate(-40 " + tx + " " + ty + ")" }, root);
      text.textContent = b.bin.label.length > 18 ? b.bin.label.slice(0, 17) + "…" : b.bin.label;
    });
    series.forEach((s, j) => {
      svg("rect", { x: left + j * 150, y: 4, width: 12, height: 12, fill: s.color }, root);
      svg("text", { x: left + j * 150 + 16, y: 14 }, root).textContent = s.name;
    });
    if (note) svg("text", { x: width - right, y: 14, "text-anchor": "end" }, root).textContent = note;
    host.replaceChildren(root);
  }
  function statistic(list, name, text) {
    const dt = document.createElement("dt"), dd = document.createElement("dd");
    dt.textContent = name;
    dd.textContent = text;
    list.append(dt, dd);
  }
  function interval(d, key) { return d[key + "_interval"] ? " (in [" + fmt(d[key + "_interval"][0]) + ", " + fmt(d[key + "_interval"][1]) + "])" : ""; }
  function select(column, scroll) {
    selected = column;
    const section = document.getElementById("detail");
    section.hidden = false;
    document.getElementById("detail-heading").textContent = column.name + " (" + column.kind + (column.kind === "numeric" ? ", " + column.binning + " bins" : "") + ")";
    const v = verdict(column), t = totals(column);
    const verdictLine = document.getElementById("detail-verdict");
    verdictLine.textContent = v.text + ": PSI " + fmt(column.measures.psi) + " " + unit + ", p (Holm) " + pValue(column.test.p_adjusted) +
      ", " + integer(t.reference) + " reference and " + integer(t.current) + " current values.";
    verdictLine.className = "summary " + v.css;
    const bins = chartBins(column);
    const note = bins.length < column.bins.length ? bins.length + " of " + column.bins.length + " bins shown (the largest); the table lists them all" : "";
    barChart(document.getElementById("shares-chart"), bins, [
      { name: "reference", color: "var(--ref)", get: b => b.r, text: b => percent(b.bin.reference, t.reference) },
      { name: "current", color: "var(--cur)", get: b => b.c, text: b => percent(b.bin.current, t.current) },
    ], "Share of each sample in each bin of " + column.name, note);
    barChart(document.getElementById("psi-chart"), bins, [
      { name: "PSI contribution (" + unit + ")", color: "#8172b3", get: b => value(b.bin.psi_contribution), text: b => fmt(b.bin.psi_contribution) },
    ], "Each bin's contribution to PSI for " + column.name, note);
    const notes = document.getElementById("detail-notes");
    notes.replaceChildren();
    const say = text => { const p = document.createElement("p"); p.textContent = text; notes.appendChild(p); };
    if (column.new_categories.length) say("New in the current data: " + column.new_categories.join(", ") + ".");
    if (column.vanished_categories.length) say("Vanished from the current data: " + column.vanished_categories.join(", ") + ".");
    for (const b of column.bins) if (value(b.psi_contribution) === Infinity) say("∞ because bin " + b.label + " is empty on one side (no smoothing).");
    const tbody = document.getElementById("bins").tBodies[0];
    tbody.replaceChildren();
    column.bins.slice(0, MAX_TABLE_BINS).forEach(b => {
      const tr = document.createElement("tr");
      [b.label, integer(b.reference), integer(b.current), percent(b.reference, t.reference), percent(b.current, t.current), fmt(b.psi_contribution)]
        .forEach((text, i) => { const td = document.createElement("td"); td.textContent = text; if (i > 0) td.className = "num"; tr.appendChild(td); });
      tbody.appendChild(tr);
    });
    if (column.bins.length > MAX_TABLE_BINS) say("The table lists the first " + MAX_TABLE_BINS + " of " + column.bins.length + " bins; the JSON has them all.");
    const list = document.getElementById("statistics");
    list.replaceChildren();
    const m = column.measures;
    statistic(list, "KL", "D(ref‖cur) = " + fmt(m.kl_reference_current) + ", D(cur‖ref) = " + fmt(m.kl_current_reference) + " " + unit);
    statistic(list, "Jensen–Shannon", "divergence " + fmt(m.js_divergence) + " " + unit + ", distance " + fmt(m.js_distance));
    statistic(list, "Hellinger, total variation", fmt(m.hellinger) + ", " + fmt(m.total_variation));
    statistic(list, "G-test", "G = " + fmt(column.test.statistic) + ", df = " + column.test.df + ", p = " + pValue(column.test.p_value) +
      (column.test.permutation ? " (χ²); permutation p = " + pValue(column.test.permutation.p_value) + " from " + integer(column.test.permutation.permutations) + " shuffles, seed " + column.test.permutation.seed : "") +
      ", Holm-adjusted " + pValue(column.test.p_adjusted));
    statistic(list, "Smoothing", column.smoothing.method + " (pseudocount " + column.smoothing.pseudocount + ")");
    const d = column.distribution;
    if (d) {
      const from = d.source === "raw_values" ? "from the raw values" : "from a fine histogram of " + d.fine_bins + " bins";
      statistic(list, "Kolmogorov–Smirnov", "D = " + fmt(d.ks_statistic) + interval(d, "ks_statistic") + ", p = " + pValue(d.ks_p_value) + ", " + from);
      statistic(list, "Wasserstein-1", fmt(d.wasserstein) + interval(d, "wasserstein") + "; normalised by the reference's standard deviation " + fmt(d.wasserstein_normalized));
      statistic(list, "Cramér–von Mises", d.cramer_von_mises === null ? "—" : fmt(d.cramer_von_mises) + interval(d, "cramer_von_mises") + ", p = " + pValue(d.cvm_p_value));
    }
    render();
    if (history.replaceState) history.replaceState(null, "", "#column=" + encodeURIComponent(column.name));
    if (scroll) section.scrollIntoView({ block: "start" });
  }

  render();
  const wanted = decodeURIComponent((location.hash.match(/^#column=(.*)$/) || [])[1] || "");
  const first = data.columns.find(c => c.name === wanted) || drifted[0] || data.columns.slice().sort(compare)[0];
  if (first) select(first, false);
  document.body.dataset.ready = "1";
})();
