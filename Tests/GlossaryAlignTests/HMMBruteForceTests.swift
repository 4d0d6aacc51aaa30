import Foundation
import Testing
@testable import GlossaryAlign

/// The HMM's forward-backward (banded, scaled, with null states) against a brute-force sum
/// over every alignment of tiny sentence pairs.
@Suite struct HMMBruteForceTests {
  struct Case: CustomStringConvertible {
    var C: Int, G: Int, m: Int, p0: Double, seed: UInt64
    var description: String { "C=\(C) G=\(G) m=\(m) p0=\(p0)" }
  }

  /// Deterministic positive numbers in (0.05, 1].
  struct Numbers {
    var state: UInt64
    mutating func next() -> Double {
      state = state &* 6364136223846793005 &+ 1442695040888963407
      return 0.05 + 0.95 * Double(state >> 11) / Double(1 << 53)
    }
  }

  /// P(generated words | conditioning words), summed over every state sequence. A state is a
  /// real position c, or a null state that remembers the last real position (at the start a
  /// null state picks one of the C positions uniformly). From last real position c (-1 at the
  /// start): to real c' with (1 - p0) * w(c' - c) / sum_c'' w(c'' - c), to null with p0.
  static func bruteForce(_ k: Case, em: [Double], enull: [Double], jump: [Double])
    -> (likelihood: Double, posterior: [Double], postNull: [Double])
  {
    func w(_ d: Int) -> Double { jump[min(max(d, -k.m), k.m) + k.m] }
    func toReal(_ from: Int, _ to: Int) -> Double {
      let z = (0..<k.C).reduce(0.0) { $0 + w($1 - from) }
      return (1 - k.p0) * w(to - from) / z
    }
    var total = 0.0
    var post = [Double](repeating: 0, count: k.G * k.C)
    var postNull = [Double](repeating: 0, count: k.G)
    // path[g] = real position, or -1 - c for a null state remembering c.
    func walk(_ g: Int, last: Int, p: Double, path: inout [Int]) {
      if g == k.G {
        total += p
        for (h, s) in path.enumerated() { if s >= 0 { post[h * k.C + s] += p } else { postNull[h] += p } }
        return
      }
      for c in 0..<k.C {
        path.append(c)
        walk(g + 1, last: c, p: p * toReal(last, c) * em[g * k.C + c], path: &path)
        path.removeLast()
      }
      if last < 0 {
        for c in 0..<k.C {
          path.append(-1 - c)
          walk(g + 1, last: c, p: p * k.p0 / Double(k.C) * enull[g], path: &path)
          path.removeLast()
        }
      } else {
        path.append(-1 - last)
        walk(g + 1, last: last, p: p * k.p0 * enull[g], path: &path)
        path.removeLast()
      }
    }
    var path: [Int] = []
    walk(0, last: -1, p: 1, path: &path)
    return (total, post.map { $0 / total }, postNull.map { $0 / total })
  }

  @Test(arguments: [
    Case(C: 1, G: 1, m: 1, p0: 0.2, seed: 1), Case(C: 2, G: 3, m: 1, p0: 0.2, seed: 2),
    Case(C: 3, G: 3, m: 2, p0: 0.1, seed: 3), Case(C: 4, G: 3, m: 2, p0: 0.3, seed: 4),
    Case(C: 3, G: 4, m: 3, p0: 0.05, seed: 5), Case(C: 5, G: 2, m: 1, p0: 0.4, seed: 6),
  ])
  func forwardBackwardMatchesTheSumOverAllAlignments(_ k: Case) {
    var r = Numbers(state: k.seed)
    let em = (0..<(k.G * k.C)).map { _ in r.next() }
    let enull = (0..<k.G).map { _ in r.next() }
    let jump = (0..<(2 * k.m + 1)).map { _ in r.next() }
    let expected = Self.bruteForce(k, em: em, enull: enull, jump: jump)

    let s = Scratch()
    var emBuf = em, enullBuf = enull
    var post = [Double](repeating: -1, count: k.G * k.C), postNull = [Double](repeating: -1, count: k.G)
    let ll = emBuf.withUnsafeMutableBufferPointer { e in
      enullBuf.withUnsafeMutableBufferPointer { n in
        jump.withUnsafeBufferPointer { j in
          post.withUnsafeMutableBufferPointer { p in
            postNull.withUnsafeMutableBufferPointer { pn in
              hmm(C: k.C, G: k.G, em: e.baseAddress!, enull: n.baseAddress!, jump: j.baseAddress!, maxJump: k.m,
                  p0: k.p0, s: s, post: p.baseAddress!, postNull: pn.baseAddress!, jumpCounts: nil)
            }
          }
        }
      }
    }
    #expect(abs(ll - log(expected.likelihood)) < 1e-9)
    for i in post.indices { #expect(abs(post[i] - expected.posterior[i]) < 1e-9, "posterior \(i)") }
    for g in postNull.indices { #expect(abs(postNull[g] - expected.postNull[g]) < 1e-9, "null \(g)") }
  }
}
