import Foundation

// E-step kernels of WordAligner: Model 1 and HMM posteriors for one sentence pair.
//
// Legend for the generic kernels: the "conditioning" side has C positions (the
// HMM states), the "generated" side has G positions; matrices are G x C, row g.
// Forward direction: C = I (source), G = J (target). Reverse: C = J, G = I.

/// A growable scratch buffer of Doubles (one per worker; never shared).
struct DoubleBuffer {
  private(set) var pointer = UnsafeMutablePointer<Double>.allocate(capacity: 16)
  private(set) var capacity = 16

  mutating func ensure(_ n: Int) -> UnsafeMutablePointer<Double> {
    if n > capacity {
      pointer.deallocate()
      capacity = max(n, capacity * 2)
      pointer = .allocate(capacity: capacity)
    }
    return pointer
  }

  func free() { pointer.deallocate() }
}

/// Per-worker scratch memory for the kernels, reused across pairs (one per thread).
public final class Scratch {
  public init() {}
  var emF = DoubleBuffer(), emR = DoubleBuffer()
  var nullF = DoubleBuffer(), nullR = DoubleBuffer()
  var postF = DoubleBuffer(), postR = DoubleBuffer()
  var postNullF = DoubleBuffer(), postNullR = DoubleBuffer()
  var trans = DoubleBuffer(), alphaR = DoubleBuffer(), alphaN = DoubleBuffer(), beta = DoubleBuffer()
  var scale = DoubleBuffer(), work = DoubleBuffer(), work2 = DoubleBuffer(), prefix = DoubleBuffer()

  deinit {
    for b in [emF, emR, nullF, nullR, postF, postR, postNullF, postNullR, trans, alphaR, alphaN, beta, scale, work, work2, prefix] {
      b.free()
    }
  }
}

extension WordAligner {
  /// Fills both directions' posteriors of pair `p` into the scratch (postF: J x I, postR: I x J).
  /// Returns the log-likelihood of both directions.
  @discardableResult
  func posteriors(pair p: Int, scratch s: Scratch, forwardJumpCounts: UnsafeMutablePointer<Double>?,
                  reverseJumpCounts: UnsafeMutablePointer<Double>?) -> Double {
    let src = corpus.source(p), tgt = corpus.target(p)
    let I = src.count, J = tgt.count
    let base = cellStart[p]
    let emF = s.emF.ensure(I * J), emR = s.emR.ensure(I * J)
    let nullF = s.nullF.ensure(J), nullR = s.nullR.ensure(I)
    cells.withUnsafeBufferPointer { cells in
      forwardTable.withUnsafeBufferPointer { tf in
        reverseTable.withUnsafeBufferPointer { tr in
          for i in 0..<I {
            let row = base + i * J
            for j in 0..<J {
              let id = Int(cells[row + j])
              emF[j * I + i] = tf[id]
              emR[i * J + j] = tr[id]
            }
          }
        }
      }
    }
    var j = 0
    for f in tgt { nullF[j] = forwardNull[Int(f)]; j += 1 }
    var i = 0
    for e in src { nullR[i] = reverseNull[Int(e)]; i += 1 }
    return directionalPosteriors(
      I: I, J: J, scratch: s, options: options, useHMM: useHMM, forwardJump: forwardJump, reverseJump: reverseJump,
      forwardJumpCounts: forwardJumpCounts, reverseJumpCounts: reverseJumpCounts)
  }

  /// E-step of pair `p`: adds expected counts.
  func expectation(pair p: Int, into counts: inout Counts, scratch s: Scratch) {
    let src = corpus.source(p), tgt = corpus.target(p)
    let I = src.count, J = tgt.count
    guard I > 0, J > 0 else { return }
    let ll = counts.forwardJump.withUnsafeMutableBufferPointer { fj in
      counts.reverseJump.withUnsafeMutableBufferPointer { rj in
        posteriors(pair: p, scratch: s, forwardJumpCounts: fj.baseAddress, reverseJumpCounts: rj.baseAddress)
      }
    }
    counts.logLikelihood += ll
    let postF = s.postF.pointer, postR = s.postR.pointer
    let base = cellStart[p]
    let agree = options.agreement
    cells.withUnsafeBufferPointer { cells in
      counts.forward.withUnsafeMutableBufferPointer { cf in
        counts.reverse.withUnsafeMutableBufferPointer { cr in
          for i in 0..<I {
            let row = base + i * J
            for j in 0..<J {
              let id = Int(cells[row + j])
              let f = postF[j * I + i], r = postR[i * J + j]
              if agree {
                let q = f * r
                cf[id] += q
                cr[id] += q
              } else {
                cf[id] += f
                cr[id] += r
              }
            }
          }
        }
      }
    }
    var j = 0
    for f in tgt { counts.forwardNull[Int(f)] += s.postNullF.pointer[j]; j += 1 }
    var i = 0
    for e in src { counts.reverseNull[Int(e)] += s.postNullR.pointer[i]; i += 1 }
  }

  /// Posterior decoding of pair `p` in both directions.
  func decode(pair p: Int, scratch s: Scratch) -> (forward: [AlignmentLink], reverse: [AlignmentLink]) {
    let I = corpus.source(p).count, J = corpus.target(p).count
    guard I > 0, J > 0 else { return ([], []) }
    posteriors(pair: p, scratch: s, forwardJumpCounts: nil, reverseJumpCounts: nil)
    return decodePosteriors(I: I, J: J, scratch: s, options: options)
  }
}

/// Both directions' posteriors of one pair whose emissions and null emissions are in the
/// scratch (emF: J x I, emR: I x J, nullF: J, nullR: I): HMM when `useHMM`, else Model 1.
/// Fills postF / postR; returns the log-likelihood of both directions. Shared by the
/// trainer (`WordAligner`) and the frozen model (`WordAlignModel`).
@discardableResult
func directionalPosteriors(
  I: Int, J: Int, scratch s: Scratch, options: WordAlignOptions, useHMM: Bool, forwardJump: [Double], reverseJump: [Double],
  forwardJumpCounts: UnsafeMutablePointer<Double>?, reverseJumpCounts: UnsafeMutablePointer<Double>?
) -> Double {
  let emF = s.emF.pointer, emR = s.emR.pointer, nullF = s.nullF.pointer, nullR = s.nullR.pointer
  let postF = s.postF.ensure(I * J), postR = s.postR.ensure(I * J)
  let pnF = s.postNullF.ensure(J), pnR = s.postNullR.ensure(I)
  let p0 = options.nullProbability
  if useHMM {
    let m = options.maxJump
    let a = forwardJump.withUnsafeBufferPointer { jp in
      hmm(C: I, G: J, em: emF, enull: nullF, jump: jp.baseAddress!, maxJump: m, p0: p0, s: s,
          post: postF, postNull: pnF, jumpCounts: forwardJumpCounts)
    }
    let b = reverseJump.withUnsafeBufferPointer { jp in
      hmm(C: J, G: I, em: emR, enull: nullR, jump: jp.baseAddress!, maxJump: m, p0: p0, s: s,
          post: postR, postNull: pnR, jumpCounts: reverseJumpCounts)
    }
    return a + b
  }
  return model1(C: I, G: J, em: emF, enull: nullF, p0: p0, post: postF, postNull: pnF)
    + model1(C: J, G: I, em: emR, enull: nullR, p0: p0, post: postR, postNull: pnR)
}

/// Directional links from the posteriors in the scratch (see `WordAlignOptions` for the rules).
func decodePosteriors(I: Int, J: Int, scratch s: Scratch, options: WordAlignOptions) -> (forward: [AlignmentLink], reverse: [AlignmentLink]) {
  let postF = s.postF.pointer, postR = s.postR.pointer
  let tau = options.posteriorThreshold
  var forward: [AlignmentLink] = [], reverse: [AlignmentLink] = []
  if let avg = options.averagedThreshold {
    for i in 0..<I {
      for j in 0..<J where (postF[j * I + i] + postR[i * J + j]) / 2 >= avg {
        forward.append(AlignmentLink(source: i, target: j))
      }
    }
    return (forward, forward)
  }
  if let avg = options.averagedDirectionalThreshold {
    @inline(__always) func mean(_ i: Int, _ j: Int) -> Double { (postF[j * I + i] + postR[i * J + j]) / 2 }
    for j in 0..<J {
      var best = 0
      for i in 1..<max(1, I) where mean(i, j) > mean(best, j) { best = i }
      if mean(best, j) >= avg { forward.append(AlignmentLink(source: best, target: j)) }
    }
    for i in 0..<I {
      var best = 0
      for j in 1..<max(1, J) where mean(i, j) > mean(i, best) { best = j }
      if mean(i, best) >= avg { reverse.append(AlignmentLink(source: i, target: best)) }
    }
    return (forward, reverse)
  }
  for i in 0..<I {
    for j in 0..<J {
      if postF[j * I + i] >= tau { forward.append(AlignmentLink(source: i, target: j)) }
      if postR[i * J + j] >= tau { reverse.append(AlignmentLink(source: i, target: j)) }
    }
  }
  return (forward, reverse)
}

/// IBM Model 1 posteriors: p(a_g = c) ∝ (1 - p0) / C * t, null ∝ p0 * t_null.
func model1(C: Int, G: Int, em: UnsafeMutablePointer<Double>, enull: UnsafeMutablePointer<Double>, p0: Double,
            post: UnsafeMutablePointer<Double>, postNull: UnsafeMutablePointer<Double>) -> Double {
  let w = (1 - p0) / Double(C)
  var ll = 0.0
  for g in 0..<G {
    let row = em + g * C
    let out = post + g * C
    let n = p0 * enull[g]
    var z = n
    for c in 0..<C {
      let v = w * row[c]
      out[c] = v
      z += v
    }
    let inv = 1 / z
    for c in 0..<C { out[c] *= inv }
    postNull[g] = n * inv
    ll += log(z)
  }
  return ll
}

/// HMM posteriors by forward-backward with scaling. States: C real positions and C null
/// states (a null state remembers the previous real position, as in Och & Ney 2003).
/// Transitions: to real c' with (1 - p0) * w(c' - c) / Z_c, to null with p0. Jump weights
/// w(d) are per distance for |d| < m and one per-position weight beyond (both sides), so
/// every sum over positions is a short band plus prefix sums: O(G * C * m), not O(G * C^2).
/// The start is position -1. Adds jump counts when `jumpCounts` is given (far ones per position).
func hmm(C: Int, G: Int, em: UnsafeMutablePointer<Double>, enull: UnsafeMutablePointer<Double>,
         jump: UnsafePointer<Double>, maxJump m: Int, p0: Double, s: Scratch,
         post: UnsafeMutablePointer<Double>, postNull: UnsafeMutablePointer<Double>,
         jumpCounts: UnsafeMutablePointer<Double>?) -> Double {
  // k[c + 1] = (1 - p0) / Z_c for "from position c", c in -1..<C.
  let k = s.trans.ensure(C + 1)
  let alphaR = s.alphaR.ensure(G * C), alphaN = s.alphaN.ensure(G * C), beta = s.beta.ensure(G * C)
  let scale = s.scale.ensure(G), acc = s.work.ensure(C + 1), u = s.work2.ensure(C)
  let prefix = s.prefix.ensure(C + 1)
  let wPlus = jump[2 * m], wMinus = jump[0]
  @inline(__always) func w(_ d: Int) -> Double { jump[min(max(d, -m), m) + m] }
  for r in 0...C {
    let c = r - 1
    var z = 0.0
    let lo = max(-c, -(m - 1)), hi = min(C - 1 - c, m - 1)
    if lo <= hi { for d in lo...hi { z += jump[d + m] } }
    z += Double(max(0, C - (c + m))) * wPlus + Double(max(0, c - m + 1)) * wMinus
    k[r] = (1 - p0) / z
  }
  // Forward.
  var ll = 0.0
  do {
    var z = 0.0
    let n = p0 / Double(C) * enull[0]
    for c in 0..<C {
      let a = k[0] * w(c + 1) * em[c]
      alphaR[c] = a
      alphaN[c] = n
      z += a + n
    }
    let inv = 1 / z
    for c in 0..<C { alphaR[c] *= inv; alphaN[c] *= inv }
    scale[0] = z
    ll += log(z)
  }
  if G > 1 {
    for g in 1..<G {
      let prevR = alphaR + (g - 1) * C, prevN = alphaN + (g - 1) * C
      let curR = alphaR + g * C, curN = alphaN + g * C
      let en = p0 * enull[g]
      // acc[c] = (alphaR + alphaN)[c] * k_c; prefix sums of it for the far parts.
      prefix[0] = 0
      for c in 0..<C {
        let sc = prevR[c] + prevN[c]
        curN[c] = en * sc
        acc[c] = sc * k[c + 1]
        prefix[c + 1] = prefix[c] + acc[c]
      }
      let e = em + g * C
      var z = 0.0
      for c2 in 0..<C {
        // sum over c of acc[c] * w(c2 - c)
        var v = 0.0
        let lo = max(0, c2 - (m - 1)), hi = min(C - 1, c2 + (m - 1))
        for c in lo...hi { v += acc[c] * jump[c2 - c + m] }
        if c2 - m >= 0 { v += wPlus * prefix[c2 - m + 1] }
        if c2 + m < C { v += wMinus * (prefix[C] - prefix[c2 + m]) }
        let a = v * e[c2]
        curR[c2] = a
        z += a + curN[c2]
      }
      let inv = 1 / z
      for c in 0..<C { curR[c] *= inv; curN[c] *= inv }
      scale[g] = z
      ll += log(z)
    }
  }
  // Backward (same scaling), jump counts on the way.
  let last = beta + (G - 1) * C
  for c in 0..<C { last[c] = 1 }
  if G > 1 {
    for g in stride(from: G - 2, through: 0, by: -1) {
      let next = beta + (g + 1) * C, cur = beta + g * C
      let e = em + (g + 1) * C
      prefix[0] = 0
      for c in 0..<C {
        u[c] = e[c] * next[c]
        prefix[c + 1] = prefix[c] + u[c]
      }
      let en = p0 * enull[g + 1]
      let inv = 1 / scale[g + 1]
      let prevR = alphaR + g * C, prevN = alphaN + g * C
      for c in 0..<C {
        let lo = max(0, c - (m - 1)), hi = min(C - 1, c + (m - 1))
        var v = 0.0
        for c2 in lo...hi { v += jump[c2 - c + m] * u[c2] }
        let farPlus = c + m < C ? prefix[C] - prefix[c + m] : 0
        let farMinus = c - m >= 0 ? prefix[c - m + 1] : 0
        v += wPlus * farPlus + wMinus * farMinus
        cur[c] = (k[c + 1] * v + en * next[c]) * inv
        if let jc = jumpCounts {
          // xi(c -> c2) = (alphaR + alphaN)[g][c] * k_c * w(c2 - c) * u[c2] / scale[g + 1]
          let sc = (prevR[c] + prevN[c]) * k[c + 1] * inv
          if sc == 0 { continue }
          for c2 in lo...hi { jc[c2 - c + m] += sc * jump[c2 - c + m] * u[c2] }
          if farPlus > 0 { jc[2 * m] += sc * wPlus * farPlus / Double(C - (c + m)) }
          if farMinus > 0 { jc[0] += sc * wMinus * farMinus / Double(c - m + 1) }
        }
      }
    }
  }
  for g in 0..<G {
    let aR = alphaR + g * C, aN = alphaN + g * C, b = beta + g * C, out = post + g * C
    var z = 0.0, n = 0.0
    for c in 0..<C {
      let r = aR[c] * b[c]
      out[c] = r
      z += r
      n += aN[c] * b[c]
    }
    let inv = 1 / (z + n)
    for c in 0..<C { out[c] *= inv }
    postNull[g] = n * inv
  }
  if let jc = jumpCounts {
    let farPlus = Double(max(1, C - (m - 1)))
    for c in 0..<C {
      let d = c + 1
      if d >= m { jc[2 * m] += post[c] / farPlus } else { jc[d + m] += post[c] }
    }
  }
  return ll
}
