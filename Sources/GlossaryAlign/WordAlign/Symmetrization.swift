/// How two directional alignments become one (Koehn et al. 2003; Moses' heuristics).
public enum Symmetrization: String, CaseIterable, Sendable {
  /// Intersection, grown by diagonal neighbours from the union, then words still unaligned
  /// on both sides linked from either direction. The usual default.
  case growDiagFinalAnd = "grow-diag-final-and"
  /// Intersection, grown by diagonal neighbours (no final step).
  case growDiag = "grow-diag"
  /// Links in both directions: high precision.
  case intersect
  /// Links in either direction: high recall.
  case union

  /// Symmetrizes `forward` and `reverse` links (source index first in both).
  /// - Returns: sorted links.
  public func apply(forward: [AlignmentLink], reverse: [AlignmentLink], sourceLength I: Int, targetLength J: Int)
    -> [AlignmentLink]
  {
    guard I > 0, J > 0 else { return [] }
    var f = [Bool](repeating: false, count: I * J), r = f
    for l in forward where l.source < I && l.target < J { f[l.source * J + l.target] = true }
    for l in reverse where l.source < I && l.target < J { r[l.source * J + l.target] = true }
    var a = [Bool](repeating: false, count: I * J)
    switch self {
    case .intersect:
      for k in 0..<a.count { a[k] = f[k] && r[k] }
    case .union:
      for k in 0..<a.count { a[k] = f[k] || r[k] }
    case .growDiag, .growDiagFinalAnd:
      for k in 0..<a.count { a[k] = f[k] && r[k] }
      var srcAligned = [Bool](repeating: false, count: I), tgtAligned = [Bool](repeating: false, count: J)
      for i in 0..<I { for j in 0..<J where a[i * J + j] { srcAligned[i] = true; tgtAligned[j] = true } }
      let neighbours = [(-1, 0), (0, -1), (1, 0), (0, 1), (-1, -1), (-1, 1), (1, -1), (1, 1)]
      var added = true
      while added {
        added = false
        for i in 0..<I {
          for j in 0..<J where a[i * J + j] {
            for (di, dj) in neighbours {
              let ni = i + di, nj = j + dj
              guard ni >= 0, ni < I, nj >= 0, nj < J else { continue }
              let k = ni * J + nj
              if !a[k], f[k] || r[k], !srcAligned[ni] || !tgtAligned[nj] {
                a[k] = true
                srcAligned[ni] = true
                tgtAligned[nj] = true
                added = true
              }
            }
          }
        }
      }
      if self == .growDiagFinalAnd {
        for side in [f, r] {
          for i in 0..<I {
            for j in 0..<J where side[i * J + j] && !srcAligned[i] && !tgtAligned[j] {
              a[i * J + j] = true
              srcAligned[i] = true
              tgtAligned[j] = true
            }
          }
        }
      }
    }
    var out: [AlignmentLink] = []
    for i in 0..<I { for j in 0..<J where a[i * J + j] { out.append(AlignmentLink(source: i, target: j)) } }
    return out
  }
}

/// Pharaoh format: `i-j` links separated by spaces, source index first.
public enum Pharaoh {
  /// One line (no newline) for a sentence pair's links.
  public static func format(_ links: [AlignmentLink]) -> String {
    links.map { "\($0.source)-\($0.target)" }.joined(separator: " ")
  }

  /// Parses a line of `i-j` links (a `-P` or `?` possible marker is accepted and ignored).
  /// Returns nil for a malformed link.
  public static func parse(_ line: Substring) -> [AlignmentLink]? {
    var out: [AlignmentLink] = []
    for tok in line.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
      let parts = tok.split(whereSeparator: { $0 == "-" || $0 == "?" })
      guard parts.count >= 2, let i = Int(parts[0]), let j = Int(parts[1]) else { return nil }
      out.append(AlignmentLink(source: i, target: j))
    }
    return out
  }
}
