// Kullback's numerical core for the explore page: the library's own algorithms (src/Kullback), line for line, so that
// every number the page shows equals the library's to 1e-12 relative. Pure functions, no DOM: the page and the Node
// tests (tests/Kullback.Reports.Tests/js) load this same file.
//
// Semantics, as in the library: weights are normalised exactly (double-double sums); 0·log 0 = 0; D(p‖q) = +∞ when
// some pᵢ > 0 has qᵢ = 0; results are never negative; identical inputs give exactly 0. No ε anywhere.
(function (root, factory) {
  const api = factory();
  if (typeof module === 'object' && module.exports) module.exports = api;
  else root.KullbackMath = api;
})(typeof globalThis !== 'undefined' ? globalThis : this, function () {
  'use strict';

  const LN2 = Math.LN2;
  const SMALLEST_NORMAL = 2.2250738585072014e-308;

  // ---- Elementary functions (Numerics/Elementary.cs) ----

  /** ln(1 + x) for x ≥ −1, the rounding of 1 + x undone. */
  function logOnePlus(x) {
    const u = 1 + x;
    if (u === 1) return x;
    if (u === 0) return -Infinity;
    if (u === Infinity) return u;
    return Math.log(u) - (u - 1 - x) / u;
  }

  /** eˣ − 1 (Kahan's method). */
  function expMinusOne(x) {
    const u = Math.exp(x);
    if (u === 1) return x;
    const um1 = u - 1;
    if (um1 === -1) return -1;
    if (u === Infinity) return u;
    return um1 * x / Math.log(u);
  }

  /** φ(1 + x) = (1 + x)·ln(1 + x) − x ≥ 0. */
  function phi(x, logOnePlusX) {
    if (Math.abs(x) < 0.05) {
      let sum = 0, power = x * x;
      for (let k = 2; k < 20; k++) {
        const term = power / (k * (k - 1.0));
        sum += (k & 1) === 0 ? term : -term;
        power *= x;
      }
      return sum;
    }
    if (x === -1) return 1;
    return Math.max(0, (1 + x) * logOnePlusX - x);
  }

  /** ψ(x) = (1 + x)·ln(1 + x) + (1 − x)·ln(1 − x), |x| ≤ 1: the Jensen–Shannon term. */
  function psi(x) {
    const a = Math.abs(x);
    if (a < 0.05) {
      const x2 = x * x;
      let sum = 0, power = x2;
      for (let k = 1; k < 12; k++) {
        sum += power / (k * (2 * k - 1));
        power *= x2;
      }
      return sum;
    }
    if (a >= 1) return 2 * Math.log(2);
    return Math.max(0, (1 + a) * logOnePlus(a) + (1 - a) * logOnePlus(-a));
  }

  // ---- Exact arithmetic (Numerics/DoubleDouble.cs, ExactSum.cs, NeumaierSum.cs, PairContext.cs) ----

  function twoSum(a, b) {
    const s = a + b, bb = s - a;
    return [s, (a - (s - bb)) + (b - bb)];
  }

  const SPLITTER = 134217729; // 2^27 + 1 (Veltkamp)
  function split(a) {
    const c = SPLITTER * a, hi = c - (c - a);
    return [hi, a - hi];
  }

  /** Dekker's product: a·b = p + e exactly (no over- or underflow assumed). */
  function twoProduct(a, b) {
    const p = a * b;
    if (!isFinite(p) || p === 0) return [p, 0];
    const [ah, al] = split(a), [bh, bl] = split(b);
    const e = ((ah * bh - p) + ah * bl + al * bh) + al * bl;
    return [p, e];
  }

  /** a·b + c with (nearly) one rounding, standing in for C#'s Math.FusedMultiplyAdd. */
  function fma(a, b, c) {
    const [p, e] = twoProduct(a, b);
    const [s, t] = twoSum(p, c);
    return s + (t + e);
  }

  function ddAdd(x, y) { // x double-double [hi, lo], y double
    const [s, e0] = twoSum(x[0], y);
    const e = e0 + x[1];
    const hi = s + e;
    return [hi, e - (hi - s)];
  }

  function ddAddDd(x, y) {
    const [s, e0] = twoSum(x[0], y[0]);
    const e = e0 + x[1] + y[1];
    const hi = s + e;
    return [hi, e - (hi - s)];
  }

  /** Σx to about 106 bits, with the index of the largest entry and the sum of the rest. */
  function exactSum(x) {
    let argMax = 0, max = x[0], rest = [0, 0];
    for (let i = 1; i < x.length; i++) {
      const v = x[i];
      if (v > max) { rest = ddAdd(rest, max); max = v; argMax = i; } else rest = ddAdd(rest, v);
    }
    const total = ddAdd(rest, max);
    return {
      hi: total[0], lo: total[1], argMax, rest,
      normalized(xi) { return xi / total[0]; },
      logOfNormalized(i, xi) {
        if (xi === 0) return -Infinity;
        const restValue = rest[0] + rest[1];
        if (i === argMax && xi >= restValue) return logOnePlus(-(restValue / total[0]));
        const quotient = xi / total[0];
        if (quotient >= SMALLEST_NORMAL) return Math.log(quotient) - total[1] / total[0];
        return Math.log(xi) - (Math.log(total[0]) + total[1] / total[0]);
      },
    };
  }

  /** Compensated (Neumaier) summation. */
  class NeumaierSum {
    constructor() { this.sum = 0; this.compensation = 0; }
    add(term) {
      const t = this.sum + term;
      if (Math.abs(this.sum) >= Math.abs(term)) this.compensation += (this.sum - t) + term;
      else this.compensation += (term - t) + this.sum;
      this.sum = t;
    }
    get total() { return (this.sum === Infinity || this.sum === -Infinity) ? this.sum : this.sum + this.compensation; }
  }

  function pairContext(p, q) {
    const sp = exactSum(p), sq = exactSum(q);
    const diff = ddAddDd([sq.hi, sq.lo], [-sp.hi, -sp.lo]);
    const logScale = logOnePlus((diff[0] + diff[1]) / sp.hi);
    return {
      sp, sq, logScale,
      /** dᵢ = pᵢ·Sq − qᵢ·Sp, to a few ulps of its own size. */
      difference(pi, qi) {
        const t = qi * sp.hi;
        const e = fma(qi, sp.hi, -t);
        const a = fma(pi, sq.hi, -t);
        return (a - e) + (pi * sq.lo - qi * sp.lo);
      },
      normalizedDifference(d) { return d / sp.hi / sq.hi; },
      relativeExcess(d, qi) { return Math.max(-1, d / (sp.hi * qi)); },
      logRatio(i, pi, qi) {
        const ratio = pi / qi;
        if (ratio >= SMALLEST_NORMAL && ratio <= Number.MAX_VALUE) return Math.log(ratio) + logScale;
        return sp.logOfNormalized(i, pi) - sq.logOfNormalized(i, qi);
      },
    };
  }

  // ---- Preconditions (Numerics/Preconditions.cs): the same refusals, as errors with a reason ----

  class InvalidArgumentError extends Error {
    constructor(reason) { super(reason); this.name = 'InvalidArgumentError'; this.reason = reason; }
  }

  function checkWeights(x, name) {
    if (!x || x.length === 0) throw new InvalidArgumentError(`${name} is empty: a probability vector needs at least one entry.`);
    let any = false;
    for (let i = 0; i < x.length; i++) {
      const v = x[i];
      if (typeof v !== 'number' || !isFinite(v) || v < 0)
        throw new InvalidArgumentError(`${name}[${i}] = ${v} is not a finite number ≥ 0.`);
      if (v > 0) any = true;
    }
    if (!any) throw new InvalidArgumentError(`${name} is all zeros: at least one entry must be positive.`);
  }

  function checkPair(p, q) {
    checkWeights(p, 'p');
    checkWeights(q, 'q');
    if (p.length !== q.length) throw new InvalidArgumentError(`p has ${p.length} entries but q has ${q.length}.`);
  }

  // ---- Measures (Measures/*.cs), in nats ----

  /** H(p) = −Σ p̂ᵢ ln p̂ᵢ. */
  function entropy(p) {
    checkWeights(p, 'p');
    const s = exactSum(p), sum = new NeumaierSum();
    for (let i = 0; i < p.length; i++) {
      const pi = p[i];
      if (pi === 0) continue;
      sum.add(-s.normalized(pi) * s.logOfNormalized(i, pi));
    }
    return Math.max(0, sum.total);
  }

  /** H(p, q) = −Σ p̂ᵢ ln q̂ᵢ; +∞ when some pᵢ > 0 has qᵢ = 0. */
  function crossEntropy(p, q) {
    checkPair(p, q);
    const sp = exactSum(p), sq = exactSum(q), sum = new NeumaierSum();
    for (let i = 0; i < p.length; i++) {
      const pi = p[i];
      if (pi === 0) continue;
      if (q[i] === 0) return Infinity;
      sum.add(-sp.normalized(pi) * sq.logOfNormalized(i, q[i]));
    }
    return Math.max(0, sum.total);
  }

  /** D(p‖q) = Σ q̂ᵢ·φ(p̂ᵢ/q̂ᵢ) ≥ 0; +∞ when some pᵢ > 0 has qᵢ = 0. */
  function kullbackLeibler(p, q) {
    checkPair(p, q);
    const c = pairContext(p, q), sum = new NeumaierSum();
    for (let i = 0; i < p.length; i++) {
      const pi = p[i], qi = q[i];
      if (pi === 0) { sum.add(c.sq.normalized(qi)); continue; }
      if (qi === 0) return Infinity;
      const d = c.difference(pi, qi);
      const x = c.relativeExcess(d, qi);
      if (x > -0.5 && x < 1) sum.add(c.sq.normalized(qi) * phi(x, logOnePlus(x)));
      else sum.add(Math.max(0, c.sp.normalized(pi) * c.logRatio(i, pi, qi) - c.normalizedDifference(d)));
    }
    return Math.max(0, sum.total);
  }

  /** The terms p̂ᵢ·ln(p̂ᵢ/q̂ᵢ): 0 where pᵢ = 0, +∞ where pᵢ > 0 = qᵢ, negative where q over-weights the outcome. */
  function kullbackLeiblerContributions(p, q) {
    checkPair(p, q);
    const c = pairContext(p, q), out = new Array(p.length);
    for (let i = 0; i < p.length; i++) {
      const pi = p[i], qi = q[i];
      if (pi === 0) out[i] = 0;
      else if (qi === 0) out[i] = Infinity;
      else {
        const x = c.relativeExcess(c.difference(pi, qi), qi);
        const logRatio = x > -0.5 && x < 1 ? logOnePlus(x) : c.logRatio(i, pi, qi);
        out[i] = c.sp.normalized(pi) * logRatio;
      }
    }
    return out;
  }

  /** JS(p, q) = ½ D(p‖m) + ½ D(q‖m), m = (p̂ + q̂)/2; in [0, ln 2]. */
  function jensenShannon(p, q) {
    checkPair(p, q);
    const c = pairContext(p, q), sum = new NeumaierSum();
    for (let i = 0; i < p.length; i++) {
      const pi = p[i], qi = q[i];
      if (pi === 0 && qi === 0) continue;
      const w = pi * c.sq.hi + qi * c.sp.hi;
      const x = Math.min(1, Math.max(-1, c.difference(pi, qi) / w));
      sum.add(w * psi(x));
    }
    const js = sum.total / (4 * c.sp.hi * c.sq.hi);
    return Math.min(Math.log(2), Math.max(0, js));
  }

  /** The outcomes (indices) that make D(p‖q) infinite: pᵢ > 0 = qᵢ. */
  function infiniteAt(p, q) {
    const at = [];
    for (let i = 0; i < p.length; i++) if (p[i] > 0 && q[i] === 0) at.push(i);
    return at;
  }

  /** The weights divided by their exact sum (what DiscreteDistribution.Probabilities shows). */
  function normalize(x) {
    checkWeights(x, 'weights');
    const s = exactSum(x), total = s.hi + s.lo;
    return x.map(v => v / total);
  }

  // ---- Special functions: MathNet.Numerics 5's algorithms (GammaLn: Lanczos; DiGamma: recurrence + asymptotic;
  // Erfc: Boost's rational approximations), so that model probabilities agree with the library's to the last digits ----

  const GAMMA_R = 10.900511;
  const GAMMA_DK = [
    2.48574089138753565546e-5, 1.05142378581721974210, -3.45687097222016235469, 4.51227709466894823700,
    -2.98285225323576655721, 1.05639711577126713077, -1.95428773191645869583e-1, 1.70970543404441224307e-2,
    -5.71926117404305781283e-4, 4.63399473359905636708e-6, -2.71994908488607703910e-9,
  ];
  const LN_PI = 1.1447298858494001741434273513530587116472948129153;
  const LOG_TWO_SQRT_E_OVER_PI = 0.6207822376352452223455184457816472122518527279025978;

  function gammaLn(z) {
    let s = GAMMA_DK[0];
    if (z < 0.5) {
      for (let i = 1; i <= 10; i++) s += GAMMA_DK[i] / (i - z);
      return LN_PI - Math.log(Math.sin(Math.PI * z)) - Math.log(s) - LOG_TWO_SQRT_E_OVER_PI
        - ((0.5 - z) * Math.log((0.5 - z + GAMMA_R) / Math.E));
    }
    for (let i = 1; i <= 10; i++) s += GAMMA_DK[i] / (z + i - 1.0);
    return Math.log(s) + LOG_TWO_SQRT_E_OVER_PI + ((z - 0.5) * Math.log((z - 0.5 + GAMMA_R) / Math.E));
  }

  function betaLn(z, w) { return gammaLn(z) + gammaLn(w) - gammaLn(z + w); }

  function digamma(x) {
    if (x === -Infinity || Number.isNaN(x)) return NaN;
    if (x <= 0 && Math.floor(x) === x) return -Infinity;
    if (x < 0) return digamma(1 - x) + Math.PI / Math.tan(-Math.PI * x);
    if (x <= 1e-6) return -0.57721566490153286 - 1 / x + 1.6449340668482264365 * x;
    let result = 0;
    while (x < 12) { result -= 1 / x; x++; }
    let r = 1 / x;
    result += Math.log(x) - 0.5 * r;
    r *= r;
    result -= r * (1 / 12 - r * (1 / 120 - r * (1 / 252 - r * (1 / 240 - r * (1 / 132)))));
    return result;
  }

  const ERF = {
  An: [0.00337916709551257388990745, -0.00073695653048167948530905, -0.374732337392919607868241, 0.0817442448733587196071743, -0.0421089319936548595203468, 0.0070165709512095756344528, -0.00495091255982435110337458, 0.000871646599037922480317225],
  Ad: [1, -0.218088218087924645390535, 0.412542972725442099083918, -0.0841891147873106755410271, 0.0655338856400241519690695, -0.0120019604454941768171266, 0.00408165558926174048329689, -0.000615900721557769691924509],
  Bn: [-0.0361790390718262471360258, 0.292251883444882683221149, 0.281447041797604512774415, 0.125610208862766947294894, 0.0274135028268930549240776, 0.00250839672168065762786937],
  Bd: [1, 1.8545005897903486499845, 1.43575803037831418074962, 0.582827658753036572454135, 0.124810476932949746447682, 0.0113724176546353285778481],
  Cn: [-0.0397876892611136856954425, 0.153165212467878293257683, 0.191260295600936245503129, 0.10276327061989304213645, 0.029637090615738836726027, 0.0046093486780275489468812, 0.000307607820348680180548455],
  Cd: [1, 1.95520072987627704987886, 1.64762317199384860109595, 0.768238607022126250082483, 0.209793185936509782784315, 0.0319569316899913392596356, 0.00213363160895785378615014],
  Dn: [-0.0300838560557949717328341, 0.0538578829844454508530552, 0.0726211541651914182692959, 0.0367628469888049348429018, 0.00964629015572527529605267, 0.00133453480075291076745275, 0.778087599782504251917881e-4],
  Dd: [1, 1.75967098147167528287343, 1.32883571437961120556307, 0.552528596508757581287907, 0.133793056941332861912279, 0.0179509645176280768640766, 0.00104712440019937356634038, -0.106640381820357337177643e-7],
  En: [-0.0117907570137227847827732, 0.014262132090538809896674, 0.0202234435902960820020765, 0.00930668299990432009042239, 0.00213357802422065994322516, 0.00025022987386460102395382, 0.120534912219588189822126e-4],
  Ed: [1, 1.50376225203620482047419, 0.965397786204462896346934, 0.339265230476796681555511, 0.0689740649541569716897427, 0.00771060262491768307365526, 0.000371421101531069302990367],
  Fn: [-0.00546954795538729307482955, 0.00404190278731707110245394, 0.0054963369553161170521356, 0.00212616472603945399437862, 0.000394984014495083900689956, 0.365565477064442377259271e-4, 0.135485897109932323253786e-5],
  Fd: [1, 1.21019697773630784832251, 0.620914668221143886601045, 0.173038430661142762569515, 0.0276550813773432047594539, 0.00240625974424309709745382, 0.891811817251336577241006e-4, -0.465528836283382684461025e-11],
  Gn: [-0.00270722535905778347999196, 0.0013187563425029400461378, 0.00119925933261002333923989, 0.00027849619811344664248235, 0.267822988218331849989363e-4, 0.923043672315028197865066e-6],
  Gd: [1, 0.814632808543141591118279, 0.268901665856299542168425, 0.0449877216103041118694989, 0.00381759663320248459168994, 0.000131571897888596914350697, 0.404815359675764138445257e-11],
  Hn: [-0.00109946720691742196814323, 0.000406425442750422675169153, 0.000274499489416900707787024, 0.465293770646659383436343e-4, 0.320955425395767463401993e-5, 0.778286018145020892261936e-7],
  Hd: [1, 0.588173710611846046373373, 0.139363331289409746077541, 0.0166329340417083678763028, 0.00100023921310234908642639, 0.24254837521587225125068e-4],
  In: [-0.00056907993601094962855594, 0.000169498540373762264416984, 0.518472354581100890120501e-4, 0.382819312231928859704678e-5, 0.824989931281894431781794e-7],
  Id: [1, 0.339637250051139347430323, 0.043472647870310663055044, 0.00248549335224637114641629, 0.535633305337152900549536e-4, -0.117490944405459578783846e-12],
  Jn: [-0.000241313599483991337479091, 0.574224975202501512365975e-4, 0.115998962927383778460557e-4, 0.581762134402593739370875e-6, 0.853971555085673614607418e-8],
  Jd: [1, 0.233044138299687841018015, 0.0204186940546440312625597, 0.000797185647564398289151125, 0.117019281670172327758019e-4],
  Kn: [-0.000146674699277760365803642, 0.162666552112280519955647e-4, 0.269116248509165239294897e-5, 0.979584479468091935086972e-7, 0.101994647625723465722285e-8],
  Kd: [1, 0.165907812944847226546036, 0.0103361716191505884359634, 0.000286593026373868366935721, 0.298401570840900340874568e-5],
  Ln: [-0.583905797629771786720406e-4, 0.412510325105496173512992e-5, 0.431790922420250949096906e-6, 0.993365155590013193345569e-8, 0.653480510020104699270084e-10],
  Ld: [1, 0.105077086072039915406159, 0.00414278428675475620830226, 0.726338754644523769144108e-4, 0.477818471047398785369849e-6],
  Mn: [-0.196457797609229579459841e-4, 0.157243887666800692441195e-5, 0.543902511192700878690335e-7, 0.317472492369117710852685e-9],
  Md: [1, 0.052803989240957632204885, 0.000926876069151753290378112, 0.541011723226630257077328e-5, 0.535093845803642394908747e-15],
  Nn: [-0.789224703978722689089794e-5, 0.622088451660986955124162e-6, 0.145728445676882396797184e-7, 0.603715505542715364529243e-10],
  Nd: [1, 0.0375328846356293715248719, 0.000467919535974625308126054, 0.193847039275845656900547e-5],  };

  function polynomial(z, c) {
    let sum = c[c.length - 1];
    for (let i = c.length - 2; i >= 0; --i) sum = sum * z + c[i];
    return sum;
  }

  const f32 = Math.fround;
  // The pieces of Boost's erfc for z ≥ 0.5: [upper bound, shift, numerator, denominator, b (a float constant)].
  const ERFC_PIECES = [
    [0.75, 0.5, ERF.Bn, ERF.Bd, f32(0.3440242112)], [1.25, 0.75, ERF.Cn, ERF.Cd, f32(0.419990927)],
    [2.25, 1.25, ERF.Dn, ERF.Dd, f32(0.4898625016)], [3.5, 2.25, ERF.En, ERF.Ed, f32(0.5317370892)],
    [5.25, 3.5, ERF.Fn, ERF.Fd, f32(0.5489973426)], [8, 5.25, ERF.Gn, ERF.Gd, f32(0.5571740866)],
    [11.5, 8, ERF.Hn, ERF.Hd, f32(0.5609807968)], [17, 11.5, ERF.In, ERF.Id, f32(0.5626493692)],
    [24, 17, ERF.Jn, ERF.Jd, f32(0.5634598136)], [38, 24, ERF.Kn, ERF.Kd, f32(0.5638477802)],
    [60, 38, ERF.Ln, ERF.Ld, f32(0.5640528202)], [85, 60, ERF.Mn, ERF.Md, f32(0.5641309023)],
    [110, 85, ERF.Nn, ERF.Nd, f32(0.5641584396)],
  ];

  function erfImp(z, invert) {
    if (z < 0) {
      if (!invert) return -erfImp(-z, false);
      if (z < -0.5) return 2 - erfImp(-z, true);
      return 1 + erfImp(-z, false);
    }
    let result;
    if (z < 0.5) {
      result = z < 1e-10 ? (z * 1.125) + (z * 0.003379167095512573896158903121545171688)
        : (z * 1.125) + (z * polynomial(z, ERF.An) / polynomial(z, ERF.Ad));
    } else if (z < 110) {
      invert = !invert;
      const piece = ERFC_PIECES.find(pc => z < pc[0]);
      const r = polynomial(z - piece[1], piece[2]) / polynomial(z - piece[1], piece[3]);
      const g = Math.exp(-z * z) / z;
      result = (g * piece[4]) + (g * r);
    } else {
      result = 0;
      invert = !invert;
    }
    return invert ? 1 - result : result;
  }

  function erfc(x) {
    if (x === 0) return 1;
    if (x === Infinity) return 0;
    if (x === -Infinity) return 2;
    if (Number.isNaN(x)) return NaN;
    return erfImp(x, true);
  }

  // ---- Loader's saddle-point binomial and Poisson (Numerics/SaddlePoint.cs) ----

  const SMALL_STIRLING_ERRORS = [
    0.0, 0.08106146679532725821967, 0.04134069595540929409382, 0.02767792568499833914879, 0.02079067210376509311152,
    0.01664469118982119216319, 0.01387612882307074799875, 0.01189670994589177009506, 0.01041126526197209649748,
    0.009255462182712732917729, 0.008330563433362871256469, 0.007573675487951840794972, 0.006942840107209529865664,
    0.00640899418800420706844, 0.005951370112758847735624, 0.005554733551962801371039,
  ];
  const LOG_TWO_PI = 1.8378770664093454836;

  function stirlingError(n) {
    if (n <= 15) return SMALL_STIRLING_ERRORS[Math.trunc(n)];
    const inverse2 = 1 / (n * n);
    if (n > 500) return (1 / 12 - inverse2 / 360) / n;
    if (n > 80) return (1 / 12 - (1 / 360 - inverse2 / 1260) * inverse2) / n;
    if (n > 35) return (1 / 12 - (1 / 360 - (1 / 1260 - inverse2 / 1680) * inverse2) * inverse2) / n;
    return (1 / 12 - (1 / 360 - (1 / 1260 - (1 / 1680 - inverse2 / 1188) * inverse2) * inverse2) * inverse2) / n;
  }

  const DOUBLE_EPSILON = 4.9406564584124654e-324; // C#'s double.Epsilon

  function deviance(x, m, d) {
    if (Math.abs(d) < 0.1 * (x + m)) {
      let v = d / (x + m), s = d * v;
      if (Math.abs(s) < DOUBLE_EPSILON * 4) return s;
      let term = 2 * x * v;
      v *= v;
      for (let j = 1; j < 1000; j++) {
        term *= v;
        const next = s + term / (2 * j + 1);
        if (next === s) return next;
        s = next;
      }
      return s;
    }
    return x * Math.log(x / m) + m - x;
  }

  function logBinomial(k, n, p) {
    if (k < 0 || k > n) return -Infinity;
    const q = 1 - p;
    if (p === 0) return k === 0 ? 0 : -Infinity;
    if (p === 1) return k === n ? 0 : -Infinity;
    const np = n * p, nq = n * q;
    if (k === 0) return n * logOnePlus(-p);
    if (k === n) return n * Math.log(p);
    const rest = n - k;
    const d = k + np <= rest + nq ? k - np : nq - rest;
    const lc = stirlingError(n) - stirlingError(k) - stirlingError(rest) - deviance(k, np, d) - deviance(rest, nq, -d);
    const logRestShare = k <= rest ? logOnePlus(-k / n) : Math.log(rest / n);
    return lc - 0.5 * (LOG_TWO_PI + Math.log(k) + logRestShare);
  }

  function logPoisson(k, lambda) {
    if (k < 0) return -Infinity;
    if (lambda === 0) return k === 0 ? 0 : -Infinity;
    if (k === 0) return -lambda;
    return -stirlingError(k) - deviance(k, lambda, k - lambda) - 0.5 * (LOG_TWO_PI + Math.log(k));
  }

  // ---- Discrete models (Fitting/Models/*.cs) ----

  function invalidParameter(family, key, value, requirement) {
    return new InvalidArgumentError(`${family} parameter ${key} = ${value} is invalid: ${requirement}.`);
  }

  function logChoose(n, k) { return gammaLn(n + 1) - gammaLn(k + 1) - gammaLn(n - k + 1); }

  function logRising(r, k) {
    if (k > 64) return gammaLn(r + k) - gammaLn(r);
    let sum = 0;
    for (let j = 0; j < k; j++) sum += Math.log(r + j);
    return sum;
  }

  function digammaDifference(r, k) {
    if (k > 256) return digamma(r + k) - digamma(r);
    let sum = 0;
    for (let j = 0; j < k; j++) sum += 1 / (r + j);
    return sum;
  }

  const SQRT_TWO_PI = Math.sqrt(2 * Math.PI);
  function normalCdf(z) { return 0.5 * erfc(-z / Math.SQRT2); }
  function normalDensity(z) { return Math.exp(-0.5 * z * z) / SQRT_TWO_PI; }
  /** Φ(b) − Φ(a) for a < b, without cancellation in either tail. */
  function normalMass(a, b) { return a > 0 ? normalCdf(-a) - normalCdf(-b) : normalCdf(b) - normalCdf(a); }

  /**
   * A model of integer outcomes: its family key, parameters (in the family's order), support (null when unbounded
   * above) and ln Q(k). `family` keys and parameter keys are the library's.
   */
  function makeModel(family, params) {
    const P = params;
    switch (family) {
      case 'uniform': {
        if (!(P.high >= P.low)) throw new InvalidArgumentError(`uniform needs low ≤ high; got low = ${P.low}, high = ${P.high}.`);
        const logQ = -Math.log(P.high - P.low + 1);
        return model(family, P, [P.low, P.high], k => (k < P.low || k > P.high ? -Infinity : logQ));
      }
      case 'binomial': {
        if (!(P.n >= 0)) throw invalidParameter(family, 'n', P.n, 'it must be a whole number ≥ 0');
        if (!(P.p >= 0 && P.p <= 1)) throw invalidParameter(family, 'p', P.p, 'it must lie in [0, 1]');
        const support = P.p === 0 ? [0, 0] : P.p === 1 ? [P.n, P.n] : [0, P.n];
        return model(family, P, support, k => logBinomial(k, P.n, P.p));
      }
      case 'poisson': {
        if (!(P.lambda >= 0) || P.lambda === Infinity) throw invalidParameter(family, 'lambda', P.lambda, 'it must be finite and ≥ 0');
        return model(family, P, P.lambda === 0 ? [0, 0] : null, k => logPoisson(k, P.lambda));
      }
      case 'geometric': {
        if (!(P.p > 0 && P.p <= 1)) throw invalidParameter(family, 'p', P.p, 'it must lie in (0, 1]');
        const logP = Math.log(P.p), logFail = logOnePlus(-P.p);
        return model(family, P, P.p === 1 ? [0, 0] : null, k => {
          if (k < 0) return -Infinity;
          if (P.p === 1) return k === 0 ? 0 : -Infinity;
          return logP + k * logFail;
        });
      }
      case 'negative_binomial': {
        if (!(P.r > 0) || P.r === Infinity) throw invalidParameter(family, 'r', P.r, 'it must be finite and > 0');
        if (!(P.p > 0 && P.p <= 1)) throw invalidParameter(family, 'p', P.p, 'it must lie in (0, 1]');
        return model(family, P, P.p === 1 ? [0, 0] : null, k => {
          if (k < 0) return -Infinity;
          if (P.p === 1) return k === 0 ? 0 : -Infinity;
          return logRising(P.r, k) - gammaLn(k + 1) + P.r * Math.log(P.p) + k * logOnePlus(-P.p);
        });
      }
      case 'beta_binomial': {
        if (!(P.n >= 0)) throw invalidParameter(family, 'n', P.n, 'it must be a whole number ≥ 0');
        if (!(P.alpha > 0) || P.alpha === Infinity) throw invalidParameter(family, 'alpha', P.alpha, 'it must be finite and > 0');
        if (!(P.beta > 0) || P.beta === Infinity) throw invalidParameter(family, 'beta', P.beta, 'it must be finite and > 0');
        return model(family, P, [0, P.n], k => (k < 0 || k > P.n ? -Infinity : betaBinomialLog(P.n, k, P.alpha, P.beta)));
      }
      case 'discretized_normal': {
        if (!isFinite(P.mu)) throw invalidParameter(family, 'mu', P.mu, 'it must be finite');
        if (!(P.sigma > 0) || P.sigma === Infinity) throw invalidParameter(family, 'sigma', P.sigma, 'it must be finite and > 0');
        const logNormaliser = Math.log(normalMass((P.low - 0.5 - P.mu) / P.sigma, (P.high + 0.5 - P.mu) / P.sigma));
        return model(family, P, [P.low, P.high], k => (k < P.low || k > P.high ? -Infinity
          : Math.log(normalMass((k - 0.5 - P.mu) / P.sigma, (k + 0.5 - P.mu) / P.sigma)) - logNormaliser));
      }
      default:
        throw new InvalidArgumentError(`${family} is not a model family.`);
    }
  }

  function betaBinomialLog(n, k, a, b) { return logChoose(n, k) + betaLn(k + a, n - k + b) - betaLn(a, b); }

  function model(family, params, support, logProbability) {
    return { family, params: Object.freeze({ ...params }), support, logProbability };
  }

  /** Each family's parameters in order, and the ones a slider may move (the others are fixed by the data). */
  const FAMILIES = Object.freeze({
    uniform: { parameters: ['low', 'high'], variable: [] },
    binomial: { parameters: ['n', 'p'], variable: ['p'] },
    poisson: { parameters: ['lambda'], variable: ['lambda'] },
    geometric: { parameters: ['p'], variable: ['p'] },
    negative_binomial: { parameters: ['r', 'p'], variable: ['r', 'p'] },
    beta_binomial: { parameters: ['n', 'alpha', 'beta'], variable: ['alpha', 'beta'] },
    discretized_normal: { parameters: ['mu', 'sigma'], variable: ['mu', 'sigma'] },
  });
  const FAMILY_ORDER = ['uniform', 'binomial', 'poisson', 'geometric', 'negative_binomial', 'beta_binomial', 'discretized_normal'];

  /** The same model with one parameter changed (uniform and discretised normal keep their range). */
  function withParameter(m, key, value) {
    return makeModel(m.family, { ...m.params, [key]: value });
  }

  // ---- Fitting (Fitting/FitData.cs, ModelFitter.cs and each model's Fit) ----

  class NotApplicable extends Error {
    constructor(family, code, reason) { super(reason); this.name = 'NotApplicable'; this.family = family; this.code = code; this.reason = reason; }
  }

  /** Integer data ready for fitting: sorted values, their probabilities, N (null for probabilities), mean and variance. */
  function fitData(values, weights, observationCount) {
    const p = normalize(weights);
    const mean = new NeumaierSum();
    for (let i = 0; i < values.length; i++) mean.add(p[i] * values[i]);
    const m = mean.total;
    const variance = new NeumaierSum();
    for (let i = 0; i < values.length; i++) variance.add(p[i] * (values[i] - m) * (values[i] - m));
    return {
      values, p, n: observationCount, mean: m, variance: variance.total,
      min: values[0], max: values[values.length - 1],
      expect(f) {
        const s = new NeumaierSum();
        for (let i = 0; i < values.length; i++) s.add(p[i] * f(values[i]));
        return s.total;
      },
    };
  }

  /** N when every weight is a whole number (counts), else null (probabilities), as DiscreteDistribution.FromCounts decides. */
  function observationCountOf(weights) {
    let n = 0;
    for (const c of weights) {
      if (c !== Math.floor(c) || c > 1e15) return null;
      n += c;
    }
    return n;
  }

  function requireNonNegative(data, family) {
    if (data.min < 0) throw new NotApplicable(family, 'negative', `the data have negative values (the smallest is ${data.min}).`);
  }

  function trialsFor(family, data, trials) {
    const n = trials ?? data.max;
    if (trials != null && data.max > trials) throw new NotApplicable(family, 'trials', `the data have the value ${data.max}, more than the ${trials} trials given.`);
    if (n < 1) throw new NotApplicable(family, 'all-zero', 'every observation is 0, so the number of trials cannot be taken from the data.');
    return n;
  }

  /** Fits one family by maximum likelihood: { model, k } or throws NotApplicable. */
  function fitFamily(family, data, trials) {
    switch (family) {
      case 'uniform':
        return { model: makeModel(family, { low: data.min, high: data.max }), k: 2 };
      case 'binomial': {
        requireNonNegative(data, family);
        const n = trialsFor(family, data, trials);
        return { model: makeModel(family, { n, p: Math.min(1, Math.max(0, data.mean / n)) }), k: trials == null ? 2 : 1 };
      }
      case 'poisson':
        requireNonNegative(data, family);
        return { model: makeModel(family, { lambda: data.mean }), k: 1 };
      case 'geometric':
        requireNonNegative(data, family);
        return { model: makeModel(family, { p: 1 / (1 + data.mean) }), k: 1 };
      case 'negative_binomial':
        return fitNegativeBinomial(data);
      case 'beta_binomial':
        return fitBetaBinomial(data, trials);
      case 'discretized_normal':
        return fitDiscretizedNormal(data);
      default:
        throw new InvalidArgumentError(`${family} is not a model family.`);
    }
  }

  function fitNegativeBinomial(data) {
    const family = 'negative_binomial';
    requireNonNegative(data, family);
    const m = data.mean, v = data.variance;
    if (!(v > m) || m === 0) throw new NotApplicable(family, 'not-over-dispersed', `the data are not over-dispersed (variance ≤ mean), so the best negative binomial is the Poisson limit r → ∞.`);
    const score = t => {
      const r = Math.exp(t);
      return data.expect(k => digammaDifference(r, k)) - logOnePlus(m / r);
    };
    const start = Math.log(m * m / (v - m));
    let lo = start, hi = start;
    while (score(lo) <= 0 && lo > -40) lo -= 2;
    while (score(hi) >= 0 && hi < 40) hi += 2;
    if (score(lo) <= 0 || score(hi) >= 0) throw new NotApplicable(family, 'no-maximum', 'the likelihood has no maximum at a finite r.');
    const r = Math.exp(brentRoot(score, lo, hi, 1e-13, 500));
    return { model: makeModel(family, { r, p: r / (r + m) }), k: 2 };
  }

  function fitBetaBinomial(data, trials) {
    const family = 'beta_binomial';
    requireNonNegative(data, family);
    const n = trialsFor(family, data, trials);
    const k = trials == null ? 3 : 2;
    const mu = data.mean / n;
    if (mu <= 0 || mu >= 1) throw new NotApplicable(family, 'degenerate', 'every observation is at an end of the range: the beta-binomial degenerates.');
    const ratio = data.variance / (n * mu * (1 - mu));
    if (!(ratio > 1) || n === 1) throw new NotApplicable(family, 'not-over-dispersed', 'the data are not more dispersed than a binomial, so the best beta-binomial is the binomial limit α, β → ∞.');
    const s = (n - ratio) / (ratio - 1);
    const momentsValid = ratio < n && s > 0;
    const f = (la, lb) => {
      const a = Math.exp(la), b = Math.exp(lb);
      return -data.expect(x => betaBinomialLog(n, x, a, b));
    };
    const gradient = (la, lb) => {
      const a = Math.exp(la), b = Math.exp(lb);
      const psiAll = digamma(n + a + b), psiAb = digamma(a + b);
      const da = data.expect(x => digamma(x + a)) - psiAll - digamma(a) + psiAb;
      const db = data.expect(x => digamma(n - x + b)) - psiAll - digamma(b) + psiAb;
      return [-da * a, -db * b];
    };
    const a0 = momentsValid ? mu * s : 1, b0 = momentsValid ? (1 - mu) * s : 1;
    const found = minimize2(f, gradient, Math.log(a0), Math.log(b0));
    if (!found) throw new NotApplicable(family, 'no-maximum', 'the likelihood has no maximum at finite parameters.');
    if (found[0] > 30 || found[1] > 30) throw new NotApplicable(family, 'binomial-limit', 'the likelihood keeps rising towards the binomial limit (α, β → ∞).');
    return { model: makeModel(family, { n, alpha: Math.exp(found[0]), beta: Math.exp(found[1]) }), k };
  }

  function fitDiscretizedNormal(data) {
    const family = 'discretized_normal';
    if (data.values.length < 2) throw new NotApplicable(family, 'one-value', 'every observation has the same value: the discretised normal degenerates (σ → 0).');
    const low = data.min, high = data.max;
    const sd = Math.sqrt(data.variance);
    const f = (mu, logSigma) => {
      const m = makeModel(family, { mu, sigma: Math.exp(logSigma), low, high });
      return -data.expect(m.logProbability);
    };
    const gradient = (mu, logSigma) => {
      const sigma = Math.exp(logSigma);
      const derivatives = (lo, hi) => {
        const a = (lo - mu) / sigma, b = (hi - mu) / sigma, mass = normalMass(a, b);
        const fa = normalDensity(a), fb = normalDensity(b);
        return [(fa - fb) / (sigma * mass), (a * fa - b * fb) / mass];
      };
      const z = derivatives(low - 0.5, high + 0.5);
      const dMu = data.expect(k => derivatives(k - 0.5, k + 0.5)[0]) - z[0];
      const dLogSigma = data.expect(k => derivatives(k - 0.5, k + 0.5)[1]) - z[1];
      return [-dMu, -dLogSigma];
    };
    const found = minimize2(f, gradient, data.mean, Math.log(Math.max(sd, 0.1)));
    if (!found) throw new NotApplicable(family, 'no-maximum', 'the likelihood has no maximum at finite parameters.');
    return { model: makeModel(family, { mu: found[0], sigma: Math.exp(found[1]), low, high }), k: 2 };
  }

  /** Brent's root finder on a bracket [a, b] with f(a), f(b) of opposite signs. */
  function brentRoot(f, a, b, accuracy, maxIterations) {
    let fa = f(a), fb = f(b);
    let c = a, fc = fa, d = b - a, e = d;
    for (let i = 0; i < maxIterations; i++) {
      if ((fb > 0 && fc > 0) || (fb < 0 && fc < 0)) { c = a; fc = fa; d = b - a; e = d; }
      if (Math.abs(fc) < Math.abs(fb)) { a = b; b = c; c = a; fa = fb; fb = fc; fc = fa; }
      const tolerance = 2 * Number.EPSILON * Math.abs(b) + 0.5 * accuracy;
      const m = 0.5 * (c - b);
      if (Math.abs(m) <= tolerance || fb === 0) return b;
      if (Math.abs(e) >= tolerance && Math.abs(fa) > Math.abs(fb)) {
        const s = fb / fa;
        let p, q;
        if (a === c) { p = 2 * m * s; q = 1 - s; } else {
          const r = fb / fc, t = fa / fc;
          p = s * (2 * m * t * (t - r) - (b - a) * (r - 1));
          q = (t - 1) * (r - 1) * (s - 1);
        }
        if (p > 0) q = -q; else p = -p;
        if (2 * p < Math.min(3 * m * q - Math.abs(tolerance * q), Math.abs(e * q))) { e = d; d = p / q; } else { d = m; e = d; }
      } else { d = m; e = d; }
      a = b; fa = fb;
      b += Math.abs(d) > tolerance ? d : (m > 0 ? tolerance : -tolerance);
      fb = f(b);
    }
    return b;
  }

  /**
   * Minimises a smooth f(x, y) with an analytic gradient: damped Newton steps with a finite-difference Hessian of the
   * gradient (gradient descent where it is not convex) while f strictly decreases and |g|₁ ≥ 1e-8, then the library's
   * Newton polish. Null when the gradient does
   * not vanish (|g|₁ ≥ 1e-6), as Fitting/Optimizer.cs refuses.
   */
  function minimize2(f, gradient, x, y) {
    let fx = f(x, y);
    for (let iteration = 0; iteration < 500; iteration++) {
      const [gx, gy] = gradient(x, y);
      if (!(Math.abs(gx) + Math.abs(gy) >= 1e-8)) break;   // near enough: the polish takes it from here
      const h = hessian(gradient, x, y);
      let dx, dy;
      const det = h.xx * h.yy - h.xy * h.xy;
      if (det > 0 && h.xx > 0) { dx = -(h.yy * gx - h.xy * gy) / det; dy = -(h.xx * gy - h.xy * gx) / det; } else { dx = -gx; dy = -gy; }
      const length = Math.hypot(dx, dy);
      if (length > 2) { dx *= 2 / length; dy *= 2 / length; }
      let step = 1, moved = false;
      for (let halving = 0; halving < 60; halving++, step /= 2) {
        const nx = x + step * dx, ny = y + step * dy, fn = f(nx, ny);
        if (fn < fx) { x = nx; y = ny; fx = fn; moved = true; break; }
      }
      if (!moved) break;
    }
    [x, y] = polish(f, gradient, x, y);
    const [gx, gy] = gradient(x, y);
    return Math.abs(gx) + Math.abs(gy) < 1e-6 ? [x, y] : null;
  }

  function hessian(gradient, x, y) {
    const hx = 1e-6 * Math.max(1, Math.abs(x)), hy = 1e-6 * Math.max(1, Math.abs(y));
    const [axp, ayp] = gradient(x + hx, y), [axm, aym] = gradient(x - hx, y);
    const [bxp, byp] = gradient(x, y + hy), [bxm, bym] = gradient(x, y - hy);
    return {
      xx: (axp - axm) / (2 * hx), xy: ((ayp - aym) / (2 * hx) + (bxp - bxm) / (2 * hy)) / 2, yy: (byp - bym) / (2 * hy),
    };
  }

  /** Fitting/Optimizer.cs's Polish: Newton steps until the gradient vanishes (|g|₁ < 1e-13). */
  function polish(f, gradient, x, y) {
    for (let iteration = 0; iteration < 30; iteration++) {
      const [gx, gy] = gradient(x, y);
      if (Math.abs(gx) + Math.abs(gy) < 1e-13) break;
      const h = hessian(gradient, x, y);
      const det = h.xx * h.yy - h.xy * h.xy;
      if (!(det > 0) || !(h.xx > 0)) break;
      const dx = (h.yy * gx - h.xy * gy) / det, dy = (h.xx * gy - h.xy * gx) / det;
      const nx = x - dx, ny = y - dy;
      // The library's test (f must not rise) and one more: near the optimum f is flat to its own rounding noise
      // (about 1e-13 of it), so a step that shrinks the gradient is taken too; both lead to the gradient's root.
      const [ngx, ngy] = gradient(nx, ny);
      if (!(f(nx, ny) <= f(x, y) + 1e-15 * Math.abs(f(x, y))) && !(Math.abs(ngx) + Math.abs(ngy) < Math.abs(gx) + Math.abs(gy))) break;
      x = nx; y = ny;
    }
    return [x, y];
  }

  // ---- Evaluating a model against the data (ModelFitter.Evaluate) ----

  /**
   * How much the model loses: D(P‖Q) (Q's mass outside the observed values as one more outcome with p = 0),
   * D(Q‖P) (+∞ unless every outcome the model can produce was observed), H(P, Q), JS, and, when N is known,
   * ln L, AIC, BIC and the message length −ln L + (k/2)·ln N, all in nats; and the per-outcome terms.
   */
  function evaluate(m, k, data) {
    const values = data.values, p = data.p;
    const logQ = values.map(m.logProbability);
    const q = logQ.map(Math.exp);
    const vectors = withOutside(p, q);
    const klPQ = klFromData(p, q, logQ, vectors);
    const klQP = klToData(m, values, p, q);
    let logLikelihood = null, aic = null, bic = null, messageLength = null;
    if (data.n != null && data.n > 0) {
      const sum = new NeumaierSum();
      // 0·ln 0 = 0: an outcome never observed adds nothing, even where Q gives it probability 0 (the library's
      // p·N·ln Q is NaN there).
      for (let i = 0; i < values.length; i++) if (p[i] > 0) sum.add(p[i] * data.n * logQ[i]);
      logLikelihood = sum.total;
      aic = 2 * k - 2 * logLikelihood;
      bic = k * Math.log(data.n) - 2 * logLikelihood;
      messageLength = -logLikelihood + k / 2 * Math.log(data.n);
    }
    const contributions = values.map((x, i) => (p[i] === 0 ? 0 : logQ[i] === -Infinity ? Infinity : p[i] * (Math.log(p[i]) - logQ[i])));
    // H(P, Q) and JS over the same outcomes as D(P‖Q): the observed ones and Q's mass beyond them.
    const measured = [[...p, 0], [...q, Math.max(0, 1 - neumaierTotal(q))]];
    const crossEntropyPQ = crossEntropy(measured[0], measured[1]);
    const js = jensenShannon(measured[0], measured[1]);
    return {
      model: m, k, q, logQ, klPQ, klQP, crossEntropy: crossEntropyPQ, jensenShannon: js,
      logLikelihood, aic, bic, messageLength, contributions, infiniteAt: infiniteAt(p, q),
    };
  }

  function neumaierTotal(x) {
    const s = new NeumaierSum();
    for (const v of x) s.add(v);
    return s.total;
  }

  /** [p, 0] and [q, 1 − Σq] when every q > 0; null when some Q(k) underflowed to 0 with ln Q(k) finite. */
  function withOutside(p, q) {
    if (!q.every(x => x > 0)) return null;
    return [[...p, 0], [...q, Math.max(0, 1 - neumaierTotal(q))]];
  }

  function klFromData(p, q, logQ, vectors) {
    for (let i = 0; i < p.length; i++) if (p[i] > 0 && logQ[i] === -Infinity) return Infinity;
    if (vectors) return kullbackLeibler(vectors[0], vectors[1]);
    const sum = new NeumaierSum();
    for (let i = 0; i < p.length; i++) if (p[i] > 0) sum.add(p[i] * (Math.log(p[i]) - logQ[i]));
    return Math.max(0, sum.total);
  }

  function klToData(m, values, p, q) {
    if (m.support == null) return Infinity;
    const [low, high] = m.support;
    const observedInSupport = values.filter(v => v >= low && v <= high).length;
    if (observedInSupport === 0 || observedInSupport - 1 < high - low) return Infinity;
    if (q.every(x => x === 0)) return Infinity;
    return kullbackLeibler(q, p);
  }

  /** Fits every family and ranks the fits (message length when N is known, else D(P‖Q); ties by fewer parameters). */
  function fitAll(data, trials, families) {
    const fits = [], notApplicable = [];
    for (const family of families ?? FAMILY_ORDER) {
      try {
        const { model: m, k } = fitFamily(family, data, trials);
        fits.push(evaluate(m, k, data));
      } catch (e) {
        if (e instanceof NotApplicable) notApplicable.push({ family, code: e.code, reason: e.reason });
        else throw e;
      }
    }
    const rankBy = data.n != null ? 'message' : 'kl';
    const score = f => (rankBy === 'message' ? (f.messageLength ?? f.klPQ) : f.klPQ);
    fits.sort((a, b) => (score(a) - score(b)) || (a.k - b.k) || 0);
    return { rankBy, fits, notApplicable };
  }

  /** D(P‖Q_θ) as one parameter runs over `steps` evenly spaced values from low to high (SweepAnalysis). */
  function sweep(m, key, k, data, low, high, steps) {
    const values = [], divergences = [];
    for (let i = 0; i < steps; i++) {
      const v = i === steps - 1 ? high : low + (high - low) * i / (steps - 1);
      values.push(v);
      divergences.push(evaluate(withParameter(m, key, v), k, data).klPQ);
    }
    let minimum = 0;
    for (let i = 1; i < divergences.length; i++) if (divergences[i] < divergences[minimum]) minimum = i;
    return { values, divergences, minimum };
  }

  /** SweepAnalysis's default range of a parameter around its fitted value. */
  function sweepRange(m, key) {
    const fitted = m.params[key];
    if (key === 'p') return [0.005, 0.995];
    if (key === 'mu') return [fitted - 3 * m.params.sigma, fitted + 3 * m.params.sigma];
    return fitted > 0 ? [fitted / 5, fitted * 3] : [0, 1];
  }

  // ---- The message home (Coding/HuffmanCode.cs, ArithmeticCoder.cs, MessageHome.cs) ----

  /** A binary heap ordered by (weight, order), as .NET's PriorityQueue with that tuple priority. */
  class Heap {
    constructor() { this.items = []; }
    get count() { return this.items.length; }
    static less(a, b) { return a.weight < b.weight || (a.weight === b.weight && a.order < b.order); }
    push(item) {
      const h = this.items;
      h.push(item);
      for (let i = h.length - 1; i > 0;) {
        const parent = (i - 1) >> 1;
        if (!Heap.less(h[i], h[parent])) break;
        [h[i], h[parent]] = [h[parent], h[i]];
        i = parent;
      }
    }
    pop() {
      const h = this.items, top = h[0], last = h.pop();
      if (h.length > 0) {
        h[0] = last;
        for (let i = 0; ;) {
          const l = 2 * i + 1, r = l + 1;
          let m = i;
          if (l < h.length && Heap.less(h[l], h[m])) m = l;
          if (r < h.length && Heap.less(h[r], h[m])) m = r;
          if (m === i) break;
          [h[i], h[m]] = [h[m], h[i]];
          i = m;
        }
      }
      return top;
    }
  }

  /** The Huffman code for q: one codeword ('0'/'1' string) per outcome, null where qᵢ = 0; ties by outcome index. */
  function huffmanCode(q) {
    checkWeights(q, 'q');
    const heap = new Heap();
    let order = 0;
    for (let i = 0; i < q.length; i++) if (q[i] > 0) heap.push({ weight: q[i], order: order++, node: { outcome: i } });
    const codewords = new Array(q.length).fill(null);
    if (heap.count === 1) {
      codewords[heap.pop().node.outcome] = '0';
      return codewords;
    }
    while (heap.count > 1) {
      const a = heap.pop(), b = heap.pop();
      heap.push({ weight: a.weight + b.weight, order: order++, node: { outcome: -1, zero: a.node, one: b.node } });
    }
    const stack = [[heap.pop().node, '']];
    while (stack.length) {
      const [node, prefix] = stack.pop();
      if (node.outcome >= 0) codewords[node.outcome] = prefix;
      else { stack.push([node.one, prefix + '1']); stack.push([node.zero, prefix + '0']); }
    }
    return codewords;
  }

  /** Σ p̂ᵢ·ℓᵢ in bits; +∞ when p produces an outcome without a codeword. */
  function expectedLength(codewords, p) {
    let total = 0, sum = 0;
    for (let i = 0; i < p.length; i++) total += p[i];
    for (let i = 0; i < p.length; i++) {
      if (p[i] === 0) continue;
      if (codewords[i] == null) return Infinity;
      sum += p[i] / total * codewords[i].length;
    }
    return sum;
  }

  const TOTAL_BITS = 16, HALF = 2147483648, QUARTER = 1073741824, FULL = 4294967295;

  /** ⌊a / b⌋ for whole a < 2⁵³ and b > 0, exactly. */
  function floorDivide(a, b) {
    let q = Math.floor(a / b);
    if (q * b > a) q -= 1;
    else if ((q + 1) * b <= a) q += 1;
    return q;
  }

  /** Witten–Neal–Cleary arithmetic coding with q's counts scaled to 2¹⁶ (every qᵢ > 0 gets at least one count). */
  function arithmeticModel(q) {
    checkWeights(q, 'q');
    let sum = 0;
    for (const v of q) sum += v;
    let positive = 0;
    for (const v of q) if (v > 0) positive++;
    const budget = (1 << TOTAL_BITS) - positive;
    const cumulative = new Array(q.length + 1).fill(0);
    for (let i = 0; i < q.length; i++) cumulative[i + 1] = cumulative[i] + (q[i] === 0 ? 0 : 1 + Math.floor(q[i] / sum * budget));
    return { cumulative, total: cumulative[q.length] };
  }

  /**
   * Encodes the stream with the model and returns the message's length in bits after each of `marks` symbols (as if
   * the message ended there: the coder's closing bits included), in one pass.
   */
  function arithmeticBitsAt(model, stream, marks) {
    const { cumulative, total } = model;
    let low = 0, high = FULL, pending = 0, emitted = 0, next = 0;
    const out = [];
    for (let n = 0; n < stream.length; n++) {
      const symbol = stream[n];
      if (cumulative[symbol + 1] === cumulative[symbol]) throw new InvalidArgumentError(`Outcome ${symbol} has probability 0 under the model, so no code can send it.`);
      const range = high - low + 1;
      high = low + floorDivide(range * cumulative[symbol + 1], total) - 1;
      low += floorDivide(range * cumulative[symbol], total);
      for (;;) {
        if (high < HALF) { emitted += 1 + pending; pending = 0; } else if (low >= HALF) { emitted += 1 + pending; pending = 0; low -= HALF; high -= HALF; } else if (low >= QUARTER && high < HALF + QUARTER) { pending++; low -= QUARTER; high -= QUARTER; } else break;
        low *= 2;
        high = high * 2 + 1;
      }
      while (next < marks.length && marks[next] === n + 1) { out.push(emitted + pending + 2); next++; }
    }
    return out;
  }

  /** .NET's System.Random(seed) (the seeded, Knuth-subtractive generator kept for compatibility): NextDouble(). */
  function dotnetRandom(seed) {
    const MAX = 2147483647;
    const seedArray = new Array(56).fill(0);
    const subtraction = seed === -2147483648 ? MAX : Math.abs(seed);
    let mj = (161803398 - subtraction) | 0;   // C#'s int arithmetic: every difference wraps to 32 bits
    seedArray[55] = mj;
    let mk = 1, ii = 0;
    for (let i = 1; i < 55; i++) {
      if ((ii += 21) >= 55) ii -= 55;
      seedArray[ii] = mk;
      mk = (mj - mk) | 0;
      if (mk < 0) mk = (mk + MAX) | 0;
      mj = seedArray[ii];
    }
    for (let k = 1; k < 5; k++) {
      for (let i = 1; i < 56; i++) {
        let n = i + 30;
        if (n >= 55) n -= 55;
        seedArray[i] = (seedArray[i] - seedArray[1 + n]) | 0;
        if (seedArray[i] < 0) seedArray[i] = (seedArray[i] + MAX) | 0;
      }
    }
    let inext = 0, inextp = 21;
    return function nextDouble() {
      if (++inext >= 56) inext = 1;
      if (++inextp >= 56) inextp = 1;
      let value = (seedArray[inext] - seedArray[inextp]) | 0;
      if (value === MAX) value--;
      if (value < 0) value = (value + MAX) | 0;
      seedArray[inext] = value;
      return value * (1.0 / MAX);
    };
  }

  /** .NET's Array.BinarySearch: the index of value, or the complement of where it would go. */
  function binarySearch(array, value) {
    let lo = 0, hi = array.length - 1;
    while (lo <= hi) {
      const i = lo + ((hi - lo) >> 1);
      if (array[i] === value) return i;
      if (array[i] < value) lo = i + 1; else hi = i - 1;
    }
    return ~lo;
  }

  /** Seeded draws from p by inverting its cumulative distribution (MessageHome.Draw). */
  function drawStream(p, count, seed) {
    const cumulative = new Array(p.length);
    let sum = 0;
    for (let i = 0; i < p.length; i++) cumulative[i] = sum += p[i];
    const random = dotnetRandom(seed), draws = new Int32Array(count);
    for (let n = 0; n < count; n++) {
      const u = random() * sum;
      let i = binarySearch(cumulative, u);
      i = i >= 0 ? i + 1 : ~i;
      while (i < p.length - 1 && p[i] === 0) i++;
      draws[n] = Math.min(i, p.length - 1);
    }
    return draws;
  }

  /** The checkpoints MessageHome measures: 10, 100, 1,000, … up to the stream's length. */
  function decadeMarks(observations) {
    const marks = [];
    for (let mark = Math.min(10, observations); ; mark = Math.min(mark * 10, observations)) {
      marks.push(mark);
      if (mark === observations) break;
    }
    return marks;
  }

  /**
   * Sends `observations` draws of p with a Huffman code and an arithmetic code built from q (MessageHome.Send), and
   * measures bits per observation at each of `marks` (the decades by default) beside H(p) and H(p, q), in bits.
   */
  function messageHome(p, q, observations, seed, marks) {
    checkPair(p, q);
    if (!(observations >= 1 && observations <= 10000000)) throw new InvalidArgumentError('The stream must have from 1 to 10,000,000 observations.');
    marks = marks ?? decadeMarks(observations);
    const codewords = huffmanCode(q);
    const entropyBits = entropy(p) / LN2, crossBits = crossEntropy(p, q) / LN2;
    const result = {
      entropy: entropyBits, crossEntropy: crossBits, divergence: Math.max(0, crossBits * LN2 - entropyBits * LN2) / LN2,
      codewords, huffmanExpected: expectedLength(codewords, p), unsendable: infiniteAt(p, q), checkpoints: [],
    };
    if (result.unsendable.length > 0) return result;
    const stream = drawStream(p, observations, seed);
    const arithmetic = arithmeticBitsAt(arithmeticModel(q), stream, marks);
    let huffmanBits = 0, sent = 0;
    marks.forEach((mark, j) => {
      for (; sent < mark; sent++) huffmanBits += codewords[stream[sent]].length;
      result.checkpoints.push({ observations: mark, huffman: huffmanBits / mark, arithmetic: arithmetic[j] / mark });
    });
    return result;
  }

  // ---- Continuous: two normals in closed form (Continuous/ClosedFormDivergence.cs), forward and reverse fits ----

  /** g(L) = L − 1 + e^(−L) ≥ 0, by its series for |L| < 1. */
  function g(L) {
    if (Math.abs(L) < 1) {
      let term = L * L / 2, sum = 0;
      for (let n = 3; n < 24 && Math.abs(term) > 1e-18 * Math.abs(sum); n++) { sum += term; term *= -L / n; }
      return sum + term;
    }
    return L - 1 + Math.exp(-L);
  }

  function logRatio(a, b) {
    if (a === b) return 0;
    const r = a / b;
    if (r > 0.5 && r < 2) return logOnePlus((a - b) / b);
    if (r >= SMALLEST_NORMAL && r !== Infinity) return Math.log(r);
    return Math.log(a) - Math.log(b);
  }

  /** D(N(μp, σp)‖N(μq, σq)) = ½·g(2 ln(σq/σp)) + ½((μp − μq)/σq)², in nats. */
  function normalKullbackLeibler(mp, sp, mq, sq) {
    if (!isFinite(mp) || !isFinite(mq)) throw new InvalidArgumentError('A mean is not finite.');
    if (!(sp > 0 && sp < Infinity) || !(sq > 0 && sq < Infinity)) throw new InvalidArgumentError('A σ is not finite and positive.');
    const variance = 0.5 * g(2 * logRatio(sq, sp));
    const d = mp - mq;
    const z = isFinite(d) ? d / sq : (0.5 * mp - 0.5 * mq) / sq * 2;
    return Math.max(0, variance + 0.5 * z * z);
  }

  const LOG_SQRT_TWO_PI = 0.5 * Math.log(2 * Math.PI);
  function logNormalDensity(x, mu, sigma) {
    const z = (x - mu) / sigma;
    return -0.5 * z * z - Math.log(sigma) - LOG_SQRT_TWO_PI;
  }

  /** ln of a mixture density Σ wᵢ N(x; μᵢ, σᵢ), by log-sum-exp. */
  function logMixtureDensity(x, components) {
    let max = -Infinity;
    const logs = components.map(c => Math.log(c.weight) + logNormalDensity(x, c.mu, c.sigma));
    for (const l of logs) if (l > max) max = l;
    if (max === -Infinity) return -Infinity;
    let s = 0;
    for (const l of logs) s += Math.exp(l - max);
    return max + Math.log(s);
  }

  // 20-point Gauss–Legendre nodes and weights on [−1, 1].
  const GL_NODES = [0.0765265211334973, 0.2277858511416451, 0.3737060887154195, 0.5108670019508271, 0.6360536807265150,
    0.7463319064601508, 0.8391169718222188, 0.9122344282513259, 0.9639719272779138, 0.9931285991850949];
  const GL_WEIGHTS = [0.1527533871307258, 0.1491729864726037, 0.1420961093183820, 0.1316886384491766, 0.1181945319615184,
    0.1019301198172404, 0.0832767415767048, 0.0626720483341091, 0.0406014298003869, 0.0176140071391521];

  /** ∫ₐᵇ f by composite 20-point Gauss–Legendre on `panels` panels. */
  function integrate(f, a, b, panels) {
    const sum = new NeumaierSum(), width = (b - a) / panels;
    for (let k = 0; k < panels; k++) {
      const mid = a + (k + 0.5) * width, half = width / 2;
      for (let j = 0; j < GL_NODES.length; j++) {
        const dx = half * GL_NODES[j];
        sum.add(half * GL_WEIGHTS[j] * (f(mid - dx) + f(mid + dx)));
      }
    }
    return sum.total;
  }

  /** ∫ a·ln(a/b) over [lo, hi], from log-densities; the integrand is a·(ln a − ln b), 0 where a = 0. */
  function numericalKullbackLeibler(logA, logB, lo, hi) {
    const value = integrate(x => {
      const la = logA(x);
      if (la === -Infinity) return 0;
      return Math.exp(la) * (la - logB(x));
    }, lo, hi, 200);
    return Math.max(0, value);
  }

  function mixtureRange(components) {
    let lo = Infinity, hi = -Infinity;
    for (const c of components) { lo = Math.min(lo, c.mu - 12 * c.sigma); hi = Math.max(hi, c.mu + 12 * c.sigma); }
    return [lo, hi];
  }

  /** D(mixture‖N(μ, σ)), by quadrature over the mixture's mass. */
  function klMixtureToNormal(components, mu, sigma) {
    const [lo, hi] = mixtureRange(components);
    return numericalKullbackLeibler(x => logMixtureDensity(x, components), x => logNormalDensity(x, mu, sigma), lo, hi);
  }

  /** D(N(μ, σ)‖mixture), by quadrature over the normal's mass (μ ± 12σ). */
  function klNormalToMixture(components, mu, sigma) {
    return numericalKullbackLeibler(x => logNormalDensity(x, mu, sigma), x => logMixtureDensity(x, components), mu - 12 * sigma, mu + 12 * sigma);
  }

  /** The normal minimising D(P‖Q) over Q: the one with P's mean and variance (mass-covering). */
  function forwardFit(components) {
    const total = components.reduce((s, c) => s + c.weight, 0);
    const mean = components.reduce((s, c) => s + c.weight / total * c.mu, 0);
    const variance = components.reduce((s, c) => s + c.weight / total * (c.sigma * c.sigma + (c.mu - mean) * (c.mu - mean)), 0);
    return { mu: mean, sigma: Math.sqrt(variance) };
  }

  /** Nelder–Mead on f(x, y) from a start with the given step. */
  function nelderMead(f, start, step, tolerance, maxIterations) {
    let simplex = [start, [start[0] + step[0], start[1]], [start[0], start[1] + step[1]]].map(x => ({ x, f: f(x[0], x[1]) }));
    for (let it = 0; it < maxIterations; it++) {
      simplex.sort((a, b) => a.f - b.f);
      const [best, mid, worst] = simplex;
      if (Math.abs(worst.f - best.f) <= tolerance * (Math.abs(best.f) + 1e-300) && Math.hypot(worst.x[0] - best.x[0], worst.x[1] - best.x[1]) < 1e-10) break;
      const centroid = [(best.x[0] + mid.x[0]) / 2, (best.x[1] + mid.x[1]) / 2];
      const at = t => { const x = [centroid[0] + t * (worst.x[0] - centroid[0]), centroid[1] + t * (worst.x[1] - centroid[1])]; return { x, f: f(x[0], x[1]) }; };
      const reflected = at(-1);
      if (reflected.f < best.f) {
        const expanded = at(-2);
        simplex[2] = expanded.f < reflected.f ? expanded : reflected;
      } else if (reflected.f < mid.f) simplex[2] = reflected;
      else {
        const contracted = reflected.f < worst.f ? at(-0.5) : at(0.5);
        if (contracted.f < Math.min(worst.f, reflected.f)) simplex[2] = contracted;
        else simplex = simplex.map((v, i) => (i === 0 ? v : (() => { const x = [(v.x[0] + best.x[0]) / 2, (v.x[1] + best.x[1]) / 2]; return { x, f: f(x[0], x[1]) }; })()));
      }
    }
    simplex.sort((a, b) => a.f - b.f);
    return simplex[0];
  }

  /** The normal minimising D(Q‖P) over Q (mode-seeking): Nelder–Mead over (μ, ln σ) from each component and the forward fit. */
  function reverseFit(components) {
    const f = (mu, logSigma) => klNormalToMixture(components, mu, Math.exp(logSigma));
    const starts = [...components.map(c => [c.mu, Math.log(c.sigma)]), (() => { const w = forwardFit(components); return [w.mu, Math.log(w.sigma)]; })()];
    let best = null;
    for (const s of starts) {
      const found = nelderMead(f, s, [0.5, 0.2], 1e-13, 400);
      if (best == null || found.f < best.f) best = found;
    }
    return { mu: best.x[0], sigma: Math.exp(best.x[1]) };
  }

  return Object.freeze({
    // numerics
    logOnePlus, expMinusOne, phi, psi, twoSum, twoProduct, fma, exactSum, NeumaierSum, InvalidArgumentError, NotApplicable,
    gammaLn, betaLn, digamma, erfc, logBinomial, logPoisson, stirlingError,
    // measures (nats)
    normalize, entropy, crossEntropy, kullbackLeibler, kullbackLeiblerContributions, jensenShannon, infiniteAt,
    // models and fits
    FAMILIES, FAMILY_ORDER, makeModel, withParameter, fitData, observationCountOf, fitFamily, evaluate, fitAll, sweep, sweepRange,
    // coding
    huffmanCode, expectedLength, arithmeticModel, arithmeticBitsAt, dotnetRandom, drawStream, decadeMarks, messageHome,
    // continuous
    normalKullbackLeibler, logNormalDensity, logMixtureDensity, klMixtureToNormal, klNormalToMixture, forwardFit, reverseFit,
  });
});
