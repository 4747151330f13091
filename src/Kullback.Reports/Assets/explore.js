// The explore page: state, recomputation with KullbackMath (the library's algorithms), and rendering with KullbackCharts.
// window.kullbackExplore exposes the current numbers (full precision) for the browser tests.
(function () {
  'use strict';
  const K = globalThis.KullbackMath, C = globalThis.KullbackCharts, TEXT = globalThis.KullbackText;
  const esc = C.esc, P = C.PALETTE;
  const raw = JSON.parse(document.getElementById('kullback-data').textContent,
    (key, value) => (value === 'Infinity' ? Infinity : value === '-Infinity' ? -Infinity : value));
  const LN2 = Math.LN2;
  const $ = id => document.getElementById(id);

  const state = {
    lang: raw.language === 'zh' ? 'zh' : 'en',
    weights: raw.data.weights.slice(),
    initial: raw.data.weights.slice(),
    source: raw.source,
    family: null,
    overrides: {},
    sweepKey: {},
    streamExponent: Math.log10(raw.observations),
    normal: { muP: raw.library.normal.muP, sigmaP: raw.library.normal.sigmaP, muQ: raw.library.normal.muQ, sigmaQ: raw.library.normal.sigmaQ },
    mixture: { separation: 4, weight: 0.5, sigma: 0.7 },
  };
  let derived = null, messages = null, mixtureFits = null, selfCheck = null;

  // ---- words and numbers ----
  function t(key, ...args) {
    const s = TEXT[state.lang][key] ?? TEXT.en[key] ?? key;
    return s.replace(/\{(\d+)\}/g, (_, i) => String(args[+i]));
  }
  function fmt(x, digits = 4) {
    if (x === Infinity) return '∞';
    if (x == null || Number.isNaN(x)) return '—';
    if (x !== 0 && Math.abs(x) < Math.pow(10, -digits)) return x.toExponential(2);
    return x.toFixed(digits);
  }
  const bits = nats => (nats == null ? nats : nats / LN2);
  /** A number for a person and the same number in full (shortest round trip) for tests and copy-paste. */
  function num(x, digits = 4, extra = '') {
    const full = x === Infinity ? 'Infinity' : x == null ? '' : String(x);
    return `<span class="num${x === Infinity ? ' infinite' : ''}"${extra} data-value="${full}">${fmt(x, digits)}</span>`;
  }
  const familyName = f => t('f_' + f);
  function paramText(m) {
    const symbols = { n: 'n', p: 'p', lambda: 'λ', r: 'r', alpha: 'α', beta: 'β', mu: 'μ', sigma: 'σ', low: 'low', high: 'high' };
    return K.FAMILIES[m.family].parameters.map(k => `${symbols[k]} = ${Number.isInteger(m.params[k]) ? m.params[k] : fmt(m.params[k], 4)}`).join(', ');
  }

  // ---- computing ----
  function compute() {
    const values = state.weights.map((_, i) => i);
    const n = K.observationCountOf(state.weights);
    const data = K.fitData(values, state.weights, n);
    const fitted = K.fitAll(data, null);
    // The tutorial's binomial first (its p slider is the tutorial's question), else the best fit.
    if (!fitted.fits.some(f => f.model.family === state.family))
      state.family = fitted.fits.some(f => f.model.family === 'binomial') ? 'binomial' : fitted.fits[0].model.family;
    const fit = fitted.fits.find(f => f.model.family === state.family);
    const override = state.overrides[state.family];
    let model = fit.model;
    if (override) {
      try { model = K.makeModel(state.family, { ...fit.model.params, ...override }); } catch { delete state.overrides[state.family]; }
    }
    const current = K.evaluate(model, fit.k, data);
    const variable = K.FAMILIES[state.family].variable;
    const key = variable.includes(state.sweepKey[state.family]) ? state.sweepKey[state.family] : variable[0];
    let sweep = null;
    if (key) {
      const [lo, hi] = K.sweepRange(fit.model, key);
      const base = override ? model : fit.model;
      sweep = { key, ...K.sweep(base, key, fit.k, data, lo, hi, 199), fitted: fit.model.params[key] };
    }
    derived = { data, n, fitted, fit, model, current, sweep, entropy: K.entropy(state.weights) };
  }

  function streamLength() { return Math.max(1, Math.round(Math.pow(10, state.streamExponent))); }

  function computeMessages() {
    const N = streamLength(), p = derived.data.p;
    const rows = derived.fitted.fits.map(f => {
      const q = f.model.family === state.family ? derived.current.q : f.q;
      return { family: f.model.family, home: K.messageHome(p, q, N, raw.seed) };
    });
    const marks = [];
    for (let e = 1; e <= Math.log10(N) + 1e-9; e += 0.1) marks.push(Math.round(Math.pow(10, e)));
    marks.push(N);
    const unique = [...new Set(marks)].filter(m => m <= N).sort((a, b) => a - b);
    const curve = K.messageHome(p, derived.current.q, N, raw.seed, unique);
    messages = { N, rows, curve };
  }

  function computeMixture() {
    const m = state.mixture;
    const components = [
      { weight: m.weight, mu: -m.separation / 2, sigma: m.sigma },
      { weight: 1 - m.weight, mu: m.separation / 2, sigma: m.sigma },
    ];
    const forward = K.forwardFit(components), reverse = K.reverseFit(components);
    const measure = fit => ({ ...fit, pq: K.klMixtureToNormal(components, fit.mu, fit.sigma), qp: K.klNormalToMixture(components, fit.mu, fit.sigma) });
    mixtureFits = { components, forward: measure(forward), reverse: measure(reverse) };
  }

  // ---- rendering ----
  function renderStatic() {
    document.documentElement.lang = state.lang === 'zh' ? 'zh-Hans' : 'en';
    document.title = t('pageTitle');
    for (const el of document.querySelectorAll('[data-t]')) el.textContent = t(el.dataset.t);
    for (const b of document.querySelectorAll('[data-lang]')) b.setAttribute('aria-pressed', String(b.dataset.lang === state.lang));
  }

  function renderData() {
    const { data, n } = derived;
    const p = data.p;
    $('data-source').textContent = (state.source === 'tutorial' ? t('sourceTutorial') : t('sourceFile', state.source)) + ' '
      + (n != null ? t('countsKnown', n) : t('probabilitiesOnly'));
    const chart = C.barChart({
      id: 'data-svg', label: t('dataHeading'), outcomes: p.map((_, i) => String(i)),
      series: [{ name: t('dataSeries'), values: p, color: P.data }], xLabel: t('outcomeAxis'), yLabel: t('probability'),
      yMax: Math.max(0.05, ...p) * 1.15, draggable: i => t('barLabel', i, fmt(p[i], 3)),
    });
    replaceChart('data-chart', chart.svg, chart.geometry);
    $('entropy-line').innerHTML = t('entropyLine', num(derived.entropy / LN2, 4, ' id="entropy-bits"'));
    const rows = p.map((pi, i) => [String(i),
      `<input type="number" min="0" step="${n != null ? 1 : 0.01}" value="${state.weights[i]}" data-index="${i}" aria-label="${esc(t('weight'))} ${i}">`,
      num(pi, 4), num(pi > 0 ? -Math.log2(pi) : Infinity, 3)]);
    const focused = document.activeElement && document.activeElement.matches('#data-inputs input') ? document.activeElement.dataset.index : null;
    if (focused == null) {
      $('data-inputs').innerHTML = C.dataTable({ caption: t('dataHeading'), columns: [t('outcome'), t('weight'), t('probability'), t('information')], rows })
        .replace('class="data-table"', 'class="data-table data-inputs"');
    } else {
      for (const el of document.querySelectorAll('#data-inputs tbody tr')) {
        const i = +el.querySelector('input').dataset.index;
        if (String(i) !== focused) el.querySelector('input').value = state.weights[i];
        el.children[2].innerHTML = rows[i][2];
        el.children[3].innerHTML = rows[i][3];
      }
    }
  }

  function replaceChart(containerId, svg, geometry) {
    const box = $(containerId);
    const focusedIndex = box.contains(document.activeElement) ? document.activeElement.dataset.index : null;
    box.innerHTML = svg;
    if (geometry) box.dataset.geometry = JSON.stringify(geometry);
    if (focusedIndex != null) box.querySelector(`[data-index="${focusedIndex}"]`)?.focus();
  }

  function renderFamilies() {
    const { fitted } = derived;
    const rankBy = fitted.rankBy;
    const rows = fitted.fits.map((f, i) => {
      const isSel = f.model.family === state.family;
      const e = isSel ? derived.current : f;
      return `<tr data-family="${f.model.family}" class="${i === 0 ? 'best' : ''}${isSel ? ' selected' : ''}">`
        + `<td>${i + 1}</td><th scope="row">${esc(familyName(f.model.family))}</th><td>${esc(paramText(e.model))}</td>`
        + `<td data-key="klPQ">${num(bits(e.klPQ))}</td><td data-key="klQP">${num(bits(e.klQP))}</td>`
        + `<td data-key="crossEntropy">${num(bits(e.crossEntropy))}</td><td data-key="jensenShannon">${num(bits(e.jensenShannon))}</td>`
        + `<td data-key="messageLength">${e.messageLength == null ? esc(t('unknownN')) : num(bits(e.messageLength), 2)}</td>`
        + `<td><button type="button" data-choose="${f.model.family}" aria-pressed="${isSel}">${esc(t('choose'))}</button></td></tr>`;
    }).join('') + fitted.notApplicable.map(x => `<tr class="na" data-family="${x.family}"><td></td><th scope="row">${esc(familyName(x.family))}</th>`
      + `<td colspan="7">${esc(t('notApplicable', t('na_' + x.code)))}</td></tr>`).join('');
    $('family-table').innerHTML = `<table><caption>${esc(t('familiesHeading'))}</caption><thead><tr><th scope="col">${esc(t('rank'))}</th><th scope="col">${esc(t('family'))}</th>`
      + `<th scope="col">${esc(t('parameters'))}</th><th scope="col">${esc(t('klPQ'))}</th><th scope="col">${esc(t('klQP'))}</th><th scope="col">${esc(t('crossEntropy'))}</th>`
      + `<th scope="col">${esc(t('jensenShannon'))}</th><th scope="col">${esc(t('messageLength'))}</th><th scope="col"><span class="sr">${esc(t('choose'))}</span></th></tr></thead><tbody>${rows}</tbody></table>`;
    const best = fitted.fits[0];
    let verdict = rankBy === 'message' ? t('verdictMessage', familyName(best.model.family)) : t('verdictKl', familyName(best.model.family));
    const u = fitted.fits.find(f => f.model.family === 'uniform'), b = fitted.fits.find(f => f.model.family === 'binomial');
    if (u && b) {
      const [winner, lose] = u.klPQ <= b.klPQ ? [u, b] : [b, u];
      verdict += ' ' + t('verdictTutorial', familyName(winner.model.family), fmt(bits(winner.klPQ)), fmt(bits(lose.klPQ)));
    }
    $('verdict').textContent = verdict;
    const p = derived.data.p;
    $('small-multiples').innerHTML = fitted.fits.map(f => {
      const chart = C.barChart({
        id: 'mini-' + f.model.family, label: `${familyName(f.model.family)}: D(P‖Q) = ${fmt(bits(f.klPQ))} ${t('bits')}`, outcomes: p.map((_, i) => String(i)),
        series: [{ name: t('dataSeries'), values: p, color: P.data }, { name: familyName(f.model.family), values: f.q, color: P.model, style: 'marker' }],
        xLabel: t('outcome'), yLabel: t('probability'), infinite: new Set(f.infiniteAt),
      });
      return `<figure>${chart.svg}<figcaption>${esc(familyName(f.model.family))}: D(P‖Q) = ${fmt(bits(f.klPQ))} ${esc(t('bits'))}</figcaption></figure>`;
    }).join('');
  }

  function sliderSpec(family, key, fitted) {
    if (key === 'p') return { min: 0, max: 1, step: 0.001 };
    const [lo, hi] = K.sweepRange(fitted, key);
    return { min: Math.max(key === 'mu' ? -Infinity : 1e-6, lo), max: hi, step: (hi - lo) / 1000 };
  }

  function renderSliders() {
    const { fit, model } = derived;
    const keys = K.FAMILIES[state.family].variable;
    $('sliders').innerHTML = keys.length === 0 ? `<p class="note">${esc(t('noSliders'))}</p>` : keys.map(key => {
      const s = sliderSpec(state.family, key, fit.model);
      const v = model.params[key];
      return `<div class="slider"><label for="param-${key}">${esc(key === 'lambda' ? 'λ' : key === 'alpha' ? 'α' : key === 'beta' ? 'β' : key === 'mu' ? 'μ' : key === 'sigma' ? 'σ' : key)} = <output id="param-${key}-value">${fmt(v, 4)}</output></label>`
        + `<input type="range" id="param-${key}" data-key="${key}" min="${s.min}" max="${s.max}" step="${s.step}" value="${v}" list="param-${key}-marks">`
        + `<datalist id="param-${key}-marks"><option value="${fit.model.params[key]}"></option></datalist>`
        + `<span class="fitted">${esc(state.family === 'binomial' && key === 'p' ? t('meanEstimateMark', fmt(fit.model.params[key], 4)) : t('fittedMark', fmt(fit.model.params[key], 4)))}</span></div>`;
    }).join('') + (keys.length ? `<div class="slider"><button type="button" id="back-to-fit">${esc(t('backToFit'))}</button></div>` : '');
  }

  function renderSelected() {
    const { current, data, fit } = derived;
    $('selected-heading').textContent = t('selectedHeading', familyName(state.family));
    for (const key of K.FAMILIES[state.family].variable) {
      const out = $(`param-${key}-value`);
      if (out) out.textContent = fmt(derived.model.params[key], 4);
    }
    const items = [
      ['m-entropy', 'mEntropy', derived.entropy], ['m-cross', 'mCross', current.crossEntropy], ['m-klpq', 'mKlPQ', current.klPQ],
      ['m-klqp', 'mKlQP', current.klQP], ['m-js', 'mJs', current.jensenShannon], ['m-message', 'mMessage', current.messageLength],
    ];
    $('measures').innerHTML = items.map(([id, key, nats]) => `<dt>${esc(t(key))}</dt><dd id="${id}" class="${nats === Infinity ? 'infinite' : ''}" data-value="${nats === Infinity ? 'Infinity' : nats == null ? '' : nats / LN2}">`
      + `${nats == null ? esc(id === 'm-message' ? t('unknownN') : '—') : fmt(nats / LN2) + ' ' + esc(t('bits'))}</dd>`).join('');
    const notes = [];
    if (current.infiniteAt.length) notes.push(t('infinitePQ', current.infiniteAt.join(', ')));
    if (current.klQP === Infinity) {
      const zeros = data.p.map((pi, i) => (pi === 0 && current.q[i] > 0 ? i : -1)).filter(i => i >= 0);
      notes.push(zeros.length ? t('infiniteQP', zeros.join(', ')) : t('qpBeyond'));
    }
    $('infinite-note').textContent = notes.join(' ');
    const p = data.p, outcomes = p.map((_, i) => String(i));
    const infinite = new Set(current.infiniteAt);
    const chart = C.barChart({
      id: 'overlay-svg', label: t('overlayCaption'), outcomes,
      series: [{ name: t('dataSeries'), values: p, color: P.data }, { name: familyName(state.family), values: current.q, color: P.model }],
      xLabel: t('outcomeAxis'), yLabel: t('probability'), infinite,
    });
    replaceChart('overlay-chart', chart.svg);
    $('overlay-table').innerHTML = C.dataTable({
      caption: t('overlayCaption'), columns: [t('outcome'), t('dataSeries'), t('modelSeries')],
      rows: p.map((pi, i) => [String(i), num(pi), num(current.q[i])]), rowClass: i => (infinite.has(i) ? 'infinite' : ''),
    });
    void fit;
  }

  function renderContributions() {
    const { current, data } = derived;
    const contributions = current.contributions.map(c => c / LN2);
    const infinite = new Set(current.infiniteAt);
    let most = -1;
    contributions.forEach((c, i) => { if (isFinite(c) && (most < 0 || c > contributions[most])) most = i; });
    const chart = C.barChart({
      id: 'contrib-svg', label: t('contribHeading'), outcomes: data.p.map((_, i) => String(i)),
      series: [{ name: familyName(state.family), values: contributions, color: P.model }],
      xLabel: t('outcomeAxis'), yLabel: t('contribAxis'), infinite, highlight: new Set(most >= 0 ? [most] : []),
    });
    replaceChart('contrib-chart', chart.svg);
    $('contrib-line').innerHTML = infinite.size ? esc(t('contribInfinite', [...infinite].join(', ')))
      : (most >= 0 ? t('contribMost', most, fmt(contributions[most]), fmt(bits(current.klPQ))) : '');
    $('contrib-table').innerHTML = C.dataTable({
      caption: t('contribHeading'), columns: [t('outcome'), t('dataSeries'), t('modelSeries'), t('contribution')],
      rows: data.p.map((pi, i) => [String(i), num(pi), num(current.q[i]), num(contributions[i])]),
      rowClass: i => (infinite.has(i) ? 'infinite' : i === most ? 'best' : ''),
    });
  }

  function renderSweep() {
    const s = derived.sweep;
    const variable = K.FAMILIES[state.family].variable;
    $('sweep-choice').innerHTML = variable.length > 1 ? `<fieldset><legend>${esc(t('sweepParameter'))}</legend>`
      + variable.map(k => `<label><input type="radio" name="sweep-key" value="${k}"${k === s.key ? ' checked' : ''}> ${k}</label>`).join(' ') + '</fieldset>' : '';
    if (!s) {
      $('sweep-chart').innerHTML = '';
      $('sweep-line').textContent = t('sweepNone');
      $('sweep-table').innerHTML = '';
      return;
    }
    const now = derived.model.params[s.key];
    const nowD = derived.current.klPQ / LN2;
    const ys = s.divergences.map(d => d / LN2);
    const finiteYs = ys.filter(isFinite);
    const minY = ys[s.minimum];
    const top = Math.min(Math.max(...finiteYs), Math.max(minY * 6, nowD * 1.3, 0.05));
    const svg = C.lineChart({
      id: 'sweep-svg', label: t('sweepHeading'), series: [{ name: `D(P‖${familyName(state.family)})`, xs: s.values, ys, color: P.second }],
      points: [{ x: s.values[s.minimum], y: minY, color: P.infinite, name: t('sweepMinLegend') }, { x: now, y: nowD, color: P.model, name: t('sweepNowLegend') }],
      vlines: [{ x: s.fitted, color: P.accent }], xLabel: s.key, yLabel: t('sweepAxis'), yMin: 0, yMax: top * 1.05,
    });
    replaceChart('sweep-chart', svg);
    let line = t('sweepNow', s.key, fmt(now, 4), fmt(nowD)) + '; ' + t('sweepMin', s.key, fmt(s.values[s.minimum], 4), fmt(minY)) + '.';
    if (state.family === 'binomial') line += ' ' + t('sweepBinomial', fmt(derived.data.mean / derived.fit.model.params.n, 4));
    $('sweep-line').innerHTML = esc(line);
    $('sweep-table').innerHTML = C.dataTable({
      caption: t('sweepHeading'), columns: [s.key, t('sweepAxis')],
      rows: s.values.map((v, i) => [fmt(v, 4), num(ys[i])]).filter((_, i) => i % 4 === 0 || i === s.minimum),
    });
  }

  function renderMessages() {
    if (!messages) return;
    const { N, rows, curve } = messages;
    $('stream-label').textContent = t('streamLength', N.toLocaleString(state.lang === 'zh' ? 'zh-CN' : 'en-US'));
    $('stream-length').value = String(state.streamExponent);
    $('message-table').innerHTML = `<table><caption>${esc(t('messageHeading'))}</caption><thead><tr><th scope="col">${esc(t('codeFrom'))}</th><th scope="col">${esc(t('huffman'))}</th>`
      + `<th scope="col">${esc(t('arithmetic'))}</th><th scope="col">H(P)</th><th scope="col">H(P, Q)</th><th scope="col">${esc(t('redundancy'))}</th></tr></thead><tbody>`
      + rows.map(({ family, home }) => {
        const last = home.checkpoints[home.checkpoints.length - 1];
        const cells = home.unsendable.length
          ? `<td colspan="2" class="infinite">${esc(t('unsendable', home.unsendable.join(', ')))}</td>`
          : `<td data-key="huffman">${num(last.huffman)}</td><td data-key="arithmetic">${num(last.arithmetic)}</td>`;
        return `<tr data-family="${family}"${family === state.family ? ' class="selected"' : ''}><th scope="row">${esc(familyName(family))}</th>${cells}`
          + `<td>${num(home.entropy)}</td><td data-key="crossEntropy">${num(home.crossEntropy)}</td><td>${last ? num(last.arithmetic - home.entropy) : '—'}</td></tr>`;
      }).join('') + '</tbody></table>';
    const sel = rows.find(r => r.family === state.family)?.home;
    if (sel && sel.checkpoints.length) {
      const last = sel.checkpoints[sel.checkpoints.length - 1];
      $('message-line').textContent = t('messageSentence', familyName(state.family), N.toLocaleString('en-US'), Math.round(last.arithmetic * N).toLocaleString('en-US'),
        Math.round(sel.entropy * N).toLocaleString('en-US'), fmt(last.arithmetic - sel.entropy), fmt(sel.divergence));
    } else $('message-line').textContent = sel ? t('unsendable', sel.unsendable.join(', ')) : '';
    const xs = curve.checkpoints.map(c => c.observations);
    const svg = curve.checkpoints.length ? C.lineChart({
      id: 'message-svg', label: t('convergenceCaption', familyName(state.family)), logX: true, xMin: 10, xMax: Math.max(10, N),
      series: [{ name: t('huffman'), xs, ys: curve.checkpoints.map(c => c.huffman), color: P.model },
        { name: t('arithmetic'), xs, ys: curve.checkpoints.map(c => c.arithmetic), color: P.second }],
      hlines: [{ y: curve.entropy, color: P.data, name: t('hLine') }, { y: curve.crossEntropy, color: P.infinite, name: t('crossLine') }],
      xLabel: t('observationsAxis'), yLabel: t('bitsAxis'), yMin: Math.max(0, Math.floor(curve.entropy * 2) / 2 - 0.5),
      yMax: Math.max(curve.crossEntropy, ...curve.checkpoints.filter(c => c.observations >= 10).map(c => Math.max(c.huffman, c.arithmetic))) + 0.3,
    }) : '';
    replaceChart('message-chart', svg);
    $('message-points').innerHTML = C.dataTable({
      caption: t('convergenceCaption', familyName(state.family)), columns: [t('observationsAxis'), t('huffman'), t('arithmetic')],
      rows: curve.checkpoints.map(c => [String(c.observations), num(c.huffman), num(c.arithmetic)]),
    });
    $('codewords').innerHTML = C.dataTable({
      caption: t('codewordsCaption', familyName(state.family)), columns: [t('outcome'), t('modelSeries'), t('codeword'), t('length')],
      rows: curve.codewords.map((w, i) => [String(i), num(derived.current.q[i]), w == null ? '—' : `<code>${w}</code>`, w == null ? '—' : String(w.length)]),
    });
  }

  function slider(id, labelKey, value, min, max, step) {
    return `<div class="slider"><label for="${id}">${esc(t(labelKey))} = <output id="${id}-value">${fmt(value, 2)}</output></label>`
      + `<input type="range" id="${id}" min="${min}" max="${max}" step="${step}" value="${value}"></div>`;
  }

  function renderNormal(rebuild) {
    const s = state.normal;
    if (rebuild) {
      $('normal-sliders').innerHTML = slider('muP', 'muP', s.muP, -4, 4, 0.05) + slider('sigmaP', 'sigmaP', s.sigmaP, 0.2, 4, 0.05)
        + slider('muQ', 'muQ', s.muQ, -4, 4, 0.05) + slider('sigmaQ', 'sigmaQ', s.sigmaQ, 0.2, 4, 0.05);
    }
    for (const k of ['muP', 'sigmaP', 'muQ', 'sigmaQ']) $(k + '-value').textContent = fmt(s[k], 2);
    const pq = K.normalKullbackLeibler(s.muP, s.sigmaP, s.muQ, s.sigmaQ), qp = K.normalKullbackLeibler(s.muQ, s.sigmaQ, s.muP, s.sigmaP);
    derived.normal = { pq, qp };
    $('normal-line').innerHTML = t('normalResult', num(pq / LN2, 4, ' id="normal-pq"'), num(qp / LN2, 4, ' id="normal-qp"'));
    const xs = [];
    for (let x = -8; x <= 8.0001; x += 0.05) xs.push(x);
    const dens = (mu, sigma) => xs.map(x => Math.exp(K.logNormalDensity(x, mu, sigma)));
    replaceChart('normal-chart', C.lineChart({
      id: 'normal-svg', label: t('normalCaption'), series: [{ name: 'P', xs, ys: dens(s.muP, s.sigmaP), color: P.data }, { name: 'Q', xs, ys: dens(s.muQ, s.sigmaQ), color: P.model }],
      xLabel: t('xAxis'), yLabel: t('densityAxis'), yMin: 0,
    }));
    $('normal-table').innerHTML = C.dataTable({
      caption: t('normalCaption'), columns: ['x', 'p(x)', 'q(x)'],
      rows: xs.filter((_, i) => i % 20 === 0).map(x => [fmt(x, 1), fmt(Math.exp(K.logNormalDensity(x, s.muP, s.sigmaP)), 5), fmt(Math.exp(K.logNormalDensity(x, s.muQ, s.sigmaQ)), 5)]),
    });
  }

  function renderMixture(rebuild) {
    const m = state.mixture;
    if (rebuild) {
      $('mixture-sliders').innerHTML = slider('separation', 'separation', m.separation, 0, 8, 0.1) + slider('weight', 'mixWeight', m.weight, 0.05, 0.95, 0.05)
        + slider('sigma', 'mixSigma', m.sigma, 0.2, 2, 0.05);
    }
    $('separation-value').textContent = fmt(m.separation, 2);
    $('weight-value').textContent = fmt(m.weight, 2);
    $('sigma-value').textContent = fmt(m.sigma, 2);
    if (!mixtureFits) return;
    const { components, forward, reverse } = mixtureFits;
    const row = (key, f, id) => `<tr id="${id}"><th scope="row">${esc(t(key))}</th><td>${num(f.mu, 3)}</td><td>${num(f.sigma, 3)}</td><td>${num(f.pq / LN2)}</td><td>${num(f.qp / LN2)}</td></tr>`;
    $('mixture-fits').innerHTML = `<table><caption>${esc(t('mixtureHeading'))}</caption><thead><tr><th scope="col">${esc(t('fitTable'))}</th><th scope="col">${esc(t('mean'))}</th><th scope="col">${esc(t('sigma'))}</th>`
      + `<th scope="col">${esc(t('klPQ'))}</th><th scope="col">${esc(t('klQP'))}</th></tr></thead><tbody>${row('forward', forward, 'fit-forward')}${row('reverse', reverse, 'fit-reverse')}</tbody></table>`;
    const xs = [];
    for (let x = -8; x <= 8.0001; x += 0.05) xs.push(x);
    const ys = xs.map(x => Math.exp(K.logMixtureDensity(x, components)));
    const normal = f => xs.map(x => Math.exp(K.logNormalDensity(x, f.mu, f.sigma)));
    replaceChart('mixture-chart', C.lineChart({
      id: 'mixture-svg', label: t('mixtureCaption'), series: [{ name: t('mixture'), xs, ys, color: P.data }, { name: t('forward'), xs, ys: normal(forward), color: P.model, dash: true },
        { name: t('reverse'), xs, ys: normal(reverse), color: P.second }], xLabel: t('xAxis'), yLabel: t('densityAxis'), yMin: 0,
    }));
    $('mixture-table').innerHTML = C.dataTable({
      caption: t('mixtureCaption'), columns: ['x', t('mixture'), t('forward'), t('reverse')],
      rows: xs.map((x, i) => [fmt(x, 1), fmt(ys[i], 5), fmt(normal(forward)[i], 5), fmt(normal(reverse)[i], 5)]).filter((_, i) => i % 20 === 0),
    });
  }

  // ---- scheduling: the heavy parts (message home, reverse fit) wait until the learner pauses ----
  const timers = {};
  function later(name, work) {
    document.body.dataset[name + 'Pending'] = '1';
    clearTimeout(timers[name]);
    timers[name] = setTimeout(() => { work(); document.body.dataset[name + 'Pending'] = '0'; }, 120);
  }

  function update({ sliders = false } = {}) {
    compute();
    renderData();
    renderFamilies();
    if (sliders) renderSliders();
    renderSelected();
    renderContributions();
    renderSweep();
    later('message', () => { computeMessages(); renderMessages(); });
  }

  function renderAll() {
    renderStatic();
    update({ sliders: true });
    renderNormal(true);
    renderMixture(true);
    if (messages) renderMessages();
    renderSelfCheck();
  }

  // ---- the learner's moves ----
  function setWeight(i, probability) {
    const w = state.weights, n = K.observationCountOf(w);
    const h = Math.min(0.999, Math.max(0, probability));
    let rest = 0;
    w.forEach((v, j) => { if (j !== i) rest += v; });
    if (rest === 0) return;
    let value = h * rest / (1 - h);
    if (n != null) value = Math.round(value);
    const next = w.slice();
    next[i] = value;
    if (n == null) { const sum = next.reduce((a, b) => a + b, 0); for (let j = 0; j < next.length; j++) next[j] /= sum; }
    if (next.some(v => v > 0)) state.weights = next;
    update({ sliders: true });
  }

  function stepWeight(i, direction, big) {
    const w = state.weights, n = K.observationCountOf(w);
    if (n != null) {
      const next = w.slice();
      next[i] = Math.max(0, next[i] + direction * (big ? 10 : 1));
      if (next.some(v => v > 0)) { state.weights = next; update({ sliders: true }); }
    } else setWeight(i, derived.data.p[i] + direction * (big ? 0.1 : 0.01));
  }

  function bindEvents() {
    document.querySelector('.language').addEventListener('click', e => {
      const b = e.target.closest('[data-lang]');
      if (b) { state.lang = b.dataset.lang; renderAll(); }
    });
    const dataBox = $('data-chart');
    let dragging = null;
    const fromPointer = e => {
      // Screen to chart coordinates through the SVG's own transform (it is letterboxed when its height is capped).
      const svg = dataBox.querySelector('svg'), g = JSON.parse(dataBox.dataset.geometry);
      const point = new DOMPoint(e.clientX, e.clientY).matrixTransform(svg.getScreenCTM().inverse());
      const i = Math.floor((point.x - g.left) / g.slot);
      const value = g.yMax - (point.y - g.top) / g.plotH * (g.yMax - g.yMin);
      return { i, value };
    };
    dataBox.addEventListener('pointerdown', e => {
      const { i, value } = fromPointer(e);
      if (i < 0 || i >= state.weights.length) return;
      dragging = { i, pointer: e.pointerId };
      dataBox.setPointerCapture(e.pointerId);
      setWeight(i, value);
      e.preventDefault();
    });
    dataBox.addEventListener('pointermove', e => {
      if (!dragging || e.pointerId !== dragging.pointer) return;
      setWeight(dragging.i, fromPointer(e).value);
    });
    const stop = e => { if (dragging && e.pointerId === dragging.pointer) { dragging = null; } };
    dataBox.addEventListener('pointerup', stop);
    dataBox.addEventListener('pointercancel', stop);
    dataBox.addEventListener('keydown', e => {
      const bar = e.target.closest('.bar-handle');
      if (!bar) return;
      const i = +bar.dataset.index;
      const moves = { ArrowUp: [1, false], ArrowRight: [1, false], ArrowDown: [-1, false], ArrowLeft: [-1, false], PageUp: [1, true], PageDown: [-1, true] };
      if (moves[e.key]) { stepWeight(i, ...moves[e.key]); e.preventDefault(); } else if (e.key === 'Home') { setWeight(i, 0); e.preventDefault(); }
    });
    $('data-inputs').addEventListener('change', e => {
      const input = e.target.closest('input[data-index]');
      if (!input) return;
      const v = Number(input.value);
      const next = state.weights.slice();
      if (!(isFinite(v) && v >= 0)) { input.value = next[+input.dataset.index]; return; }
      next[+input.dataset.index] = v;
      if (next.some(x => x > 0)) { state.weights = next; update({ sliders: true }); }
    });
    $('paste-form').addEventListener('submit', e => {
      e.preventDefault();
      const parsed = parseList($('paste').value);
      if (parsed.error) { $('paste-error').textContent = t('pasteError', parsed.error); return; }
      $('paste-error').textContent = '';
      state.weights = parsed.values;
      state.source = 'pasted';
      state.overrides = {};
      update({ sliders: true });
    });
    $('reset').addEventListener('click', () => {
      state.weights = state.initial.slice();
      state.source = raw.source;
      state.overrides = {};
      update({ sliders: true });
    });
    $('family-table').addEventListener('click', e => {
      const b = e.target.closest('[data-choose]');
      if (b) { state.family = b.dataset.choose; update({ sliders: true }); }
    });
    $('sliders').addEventListener('input', e => {
      const input = e.target.closest('input[data-key]');
      if (!input) return;
      state.overrides[state.family] = { ...(state.overrides[state.family] ?? {}), [input.dataset.key]: Number(input.value) };
      update();
    });
    $('sliders').addEventListener('click', e => {
      if (e.target.id === 'back-to-fit') { delete state.overrides[state.family]; update({ sliders: true }); }
    });
    $('sweep-choice').addEventListener('change', e => {
      if (e.target.name === 'sweep-key') { state.sweepKey[state.family] = e.target.value; update(); }
    });
    $('stream-length').addEventListener('input', e => {
      state.streamExponent = Number(e.target.value);
      $('stream-label').textContent = t('streamLength', streamLength().toLocaleString('en-US'));
      later('message', () => { computeMessages(); renderMessages(); });
    });
    $('normal-sliders').addEventListener('input', e => {
      if (e.target.id in state.normal) { state.normal[e.target.id] = Number(e.target.value); renderNormal(false); }
    });
    $('mixture-sliders').addEventListener('input', e => {
      if (e.target.id in state.mixture) {
        state.mixture[e.target.id] = Number(e.target.value);
        renderMixture(false);
        later('mixture', () => { computeMixture(); renderMixture(false); });
      }
    });
  }

  function parseList(text) {
    const tokens = text.split(/[\s,;]+/).filter(s => s.length);
    if (!tokens.length) return { error: t('pasteErrorEmpty') };
    if (tokens.length > 200) return { error: t('pasteErrorTooMany', 200) };
    const values = [];
    for (const s of tokens) {
      const v = /^[+]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s) ? Number(s) : NaN;
      if (!(isFinite(v) && v >= 0)) return { error: t('pasteErrorNumber', s) };
      values.push(v);
    }
    if (!values.some(v => v > 0)) return { error: t('pasteErrorZero') };
    return { values };
  }

  // ---- checking the page against the library's own values, on load ----
  function relative(a, b) {
    if (a === b) return 0;
    if (a == null || b == null || !isFinite(a) || !isFinite(b)) return Infinity;
    const scale = Math.max(Math.abs(a), Math.abs(b));
    return scale === 0 ? 0 : Math.abs(a - b) / scale;
  }

  function checkAgainstLibrary() {
    const lib = raw.library;
    let worst = relative(derived.entropy, lib.entropy);
    const seen = name => (v, w) => { const r = relative(v, w); if (r > worst) worst = r; if (r > 1e-12) mismatches.push(name); };
    const mismatches = [];
    seen('entropy')(derived.entropy, lib.entropy);
    for (const f of lib.fits) {
      const mine = derived.fitted.fits.find(x => x.model.family === f.family);
      if (!mine) { mismatches.push(f.family); worst = Infinity; continue; }
      for (const [key, value] of Object.entries(f.parameters)) seen(f.family + '.' + key)(mine.model.params[key], value);
      seen(f.family + '.klPQ')(mine.klPQ, f.klPQ);
      seen(f.family + '.klQP')(mine.klQP, f.klQP);
      if (f.messageLength != null) seen(f.family + '.message')(mine.messageLength, f.messageLength);
      if (f.crossEntropy != null) seen(f.family + '.cross')(mine.crossEntropy, f.crossEntropy);
      if (f.jensenShannon != null) seen(f.family + '.js')(mine.jensenShannon, f.jensenShannon);
    }
    if (lib.sweep && derived.fitted.fits.some(f => f.model.family === 'binomial')) {
      const b = derived.fitted.fits.find(f => f.model.family === 'binomial');
      const s = K.sweep(b.model, 'p', b.k, derived.data, 0.005, 0.995, lib.sweep.values.length);
      s.divergences.forEach((d, i) => seen('sweep')(d, lib.sweep.divergences[i]));
    }
    seen('normal.pq')(K.normalKullbackLeibler(lib.normal.muP, lib.normal.sigmaP, lib.normal.muQ, lib.normal.sigmaQ), lib.normal.klPQ);
    seen('normal.qp')(K.normalKullbackLeibler(lib.normal.muQ, lib.normal.sigmaQ, lib.normal.muP, lib.normal.sigmaP), lib.normal.klQP);
    for (const f of lib.fits) {
      const mine = K.messageHome(derived.data.p, f.q, raw.observations, raw.seed);
      f.message.checkpoints.forEach((c, i) => {
        seen(f.family + '.huffman')(mine.checkpoints[i]?.huffman, c.huffman);
        seen(f.family + '.arithmetic')(mine.checkpoints[i]?.arithmetic, c.arithmetic);
      });
    }
    return { worst, mismatches };
  }

  function renderSelfCheck() {
    if (!selfCheck) return;
    const shown = selfCheck.worst === 0 ? '0' : selfCheck.worst.toExponential(1);
    const el = $('self-check');
    el.textContent = selfCheck.mismatches.length ? t('footerMismatch', shown) : t('footer', shown);
    el.dataset.worst = String(selfCheck.worst);
    el.dataset.mismatches = selfCheck.mismatches.join(' ');
  }

  window.kullbackExplore = Object.freeze({
    /** The numbers on the page now, at full precision (nats unless named bits; +∞ as "Infinity", as in the page's data). */
    state() {
      return JSON.parse(JSON.stringify(snapshot(), (key, value) => (value === Infinity ? 'Infinity' : value === -Infinity ? '-Infinity' : value)));
    },
  });

  function snapshot() {
      return {
        language: state.lang, weights: state.weights.slice(), probabilities: derived.data.p.slice(), observationCount: derived.n,
        entropy: derived.entropy, family: state.family, parameters: { ...derived.model.params },
        selected: { klPQ: derived.current.klPQ, klQP: derived.current.klQP, crossEntropy: derived.current.crossEntropy,
          jensenShannon: derived.current.jensenShannon, messageLength: derived.current.messageLength, q: derived.current.q.slice(),
          contributions: derived.current.contributions.slice(), infiniteAt: derived.current.infiniteAt.slice() },
        fits: derived.fitted.fits.map(f => ({ family: f.model.family, parameters: { ...f.model.params }, klPQ: f.klPQ, klQP: f.klQP, messageLength: f.messageLength })),
        sweep: derived.sweep && { key: derived.sweep.key, values: derived.sweep.values.slice(), divergences: derived.sweep.divergences.slice(), minimum: derived.sweep.minimum },
        messages: messages && { observations: messages.N, rows: messages.rows.map(r => ({ family: r.family, checkpoints: r.home.checkpoints, crossEntropyBits: r.home.crossEntropy })) },
        normal: { ...state.normal, ...derived.normal },
        mixture: mixtureFits && { forward: { ...mixtureFits.forward }, reverse: { ...mixtureFits.reverse } },
        selfCheck,
      };
  }

  compute();
  selfCheck = checkAgainstLibrary();
  bindEvents();
  computeMixture();
  renderAll();
  document.body.dataset.ready = '1';
})();
