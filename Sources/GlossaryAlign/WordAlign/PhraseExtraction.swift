/// A phrase pair as token spans of one sentence pair (source span, target span; half-open).
public struct PhrasePair: Hashable, Sendable, CustomStringConvertible {
  public var source: Range<Int>
  public var target: Range<Int>

  public init(source: Range<Int>, target: Range<Int>) {
    self.source = source
    self.target = target
  }

  public var description: String { "[\(source.lowerBound),\(source.upperBound))-[\(target.lowerBound),\(target.upperBound))" }
}

/// Consistent phrase pairs from a symmetrized word alignment (Och & Ney 2004; Koehn et al. 2003):
/// no word inside either span is linked to a word outside the other, and at least one link
/// lies inside. Pure: spans and links in, spans out.
public enum PhraseExtraction {
  /// The consistent phrase pairs of one sentence pair.
  /// - Parameters:
  ///   - links: symmetrized links (source index first).
  ///   - sourceLength, targetLength: token counts.
  ///   - maxLength: longest span on either side, in tokens.
  ///   - extendUnaligned: also emit pairs whose target span grows over unaligned target words
  ///     at its edges (the classic extraction; source-side growth comes from enumerating spans).
  /// - Returns: pairs ordered by source span, then target span.
  public static func phrasePairs(links: [AlignmentLink], sourceLength I: Int, targetLength J: Int,
                                 maxLength: Int = 7, extendUnaligned: Bool = true) -> [PhrasePair] {
    guard I > 0, J > 0, maxLength > 0 else { return [] }
    var bySource = [[Int]](repeating: [], count: I)
    var byTarget = [[Int]](repeating: [], count: J)
    for l in links where l.source >= 0 && l.source < I && l.target >= 0 && l.target < J {
      bySource[l.source].append(l.target)
      byTarget[l.target].append(l.source)
    }
    var out: [PhrasePair] = []
    for i1 in 0..<I {
      var jMin = Int.max, jMax = -1
      for i2 in i1..<min(I, i1 + maxLength) {
        for j in bySource[i2] { jMin = min(jMin, j); jMax = max(jMax, j) }
        guard jMax >= 0, jMax - jMin < maxLength else { continue }
        // Consistency: target words in [jMin, jMax] link only into [i1, i2].
        var consistent = true
        for j in jMin...jMax where consistent {
          for i in byTarget[j] where i < i1 || i > i2 { consistent = false; break }
        }
        guard consistent else { continue }
        var lo = jMin
        while true {
          var hi = jMax
          while true {
            out.append(PhrasePair(source: i1..<(i2 + 1), target: lo..<(hi + 1)))
            hi += 1
            guard extendUnaligned, hi < J, byTarget[hi].isEmpty, hi - lo < maxLength else { break }
          }
          lo -= 1
          guard extendUnaligned, lo >= 0, byTarget[lo].isEmpty, jMax - lo < maxLength else { break }
        }
      }
    }
    return out
  }

  /// Lexical weight lex(target | source, a) of a phrase pair (Koehn et al. 2003): for each target
  /// word, the mean word translation probability over its links inside the pair, or its null
  /// probability when unaligned; multiplied over the target span.
  /// - Parameters:
  ///   - probability: t(target word j | source word i) by positions.
  ///   - nullProbability: t(target word j | NULL) by position.
  public static func lexicalWeight(_ pair: PhrasePair, links: [AlignmentLink],
                                   probability: (_ source: Int, _ target: Int) -> Double,
                                   nullProbability: (_ target: Int) -> Double) -> Double {
    var w = 1.0
    for j in pair.target {
      var sum = 0.0, n = 0
      for l in links where l.target == j && pair.source.contains(l.source) {
        sum += probability(l.source, j)
        n += 1
      }
      w *= n > 0 ? sum / Double(n) : nullProbability(j)
    }
    return w
  }
}

/// Phrase pairs of a corpus with counts, phrase translation probabilities in both directions
/// and lexical weights from a trained `WordAligner`'s t-tables.
///
/// ```swift
/// var table = PhraseTable(maxLength: 5)
/// for p in 0..<aligner.corpus.count { table.add(pair: p, of: aligner, links: links[p]) }
/// for e in table.entries(minCount: 2) { print(e.source, e.target, e.forward, e.lexicalForward) }
/// ```
public struct PhraseTable {
  /// One phrase pair type (token ids of the aligner's corpus).
  public struct Entry: Sendable {
    public var source: [Int32]
    public var target: [Int32]
    /// Number of extracted occurrences.
    public var count: Int
    /// φ(target | source) = count / count(source phrase).
    public var forward: Double
    /// φ(source | target) = count / count(target phrase).
    public var reverse: Double
    /// lex(target | source), mean over occurrences.
    public var lexicalForward: Double
    /// lex(source | target), mean over occurrences.
    public var lexicalReverse: Double
  }

  struct Key: Hashable {
    var source: [Int32]
    var target: [Int32]
  }

  struct Stats {
    var count = 0
    var lexF = 0.0
    var lexR = 0.0
  }

  public let maxLength: Int
  private var pairs: [Key: Stats] = [:]
  private var sourceCounts: [[Int32]: Int] = [:]
  private var targetCounts: [[Int32]: Int] = [:]

  public init(maxLength: Int = 7) { self.maxLength = maxLength }

  /// Number of phrase pair types.
  public var count: Int { pairs.count }

  /// Extracts and counts the phrase pairs of corpus pair `p` given its symmetrized links.
  public mutating func add(pair p: Int, of aligner: WordAligner, links: [AlignmentLink]) {
    let src = Array(aligner.corpus.source(p)), tgt = Array(aligner.corpus.target(p))
    let found = PhraseExtraction.phrasePairs(links: links, sourceLength: src.count, targetLength: tgt.count,
                                             maxLength: maxLength)
    let reversed = links.map { AlignmentLink(source: $0.target, target: $0.source) }
    for pp in found {
      let key = Key(source: Array(src[pp.source]), target: Array(tgt[pp.target]))
      let lf = PhraseExtraction.lexicalWeight(
        pp, links: links, probability: { aligner.forwardProbability(source: src[$0], target: tgt[$1]) },
        nullProbability: { aligner.forwardNullProbability(target: tgt[$0]) })
      let lr = PhraseExtraction.lexicalWeight(
        PhrasePair(source: pp.target, target: pp.source), links: reversed,
        probability: { aligner.reverseProbability(source: src[$1], target: tgt[$0]) },
        nullProbability: { aligner.reverseNullProbability(source: src[$0]) })
      var s = pairs[key] ?? Stats()
      s.count += 1
      s.lexF += lf
      s.lexR += lr
      pairs[key] = s
      sourceCounts[key.source, default: 0] += 1
      targetCounts[key.target, default: 0] += 1
    }
  }

  /// Scored phrase pairs seen at least `minCount` times, most frequent first.
  public func entries(minCount: Int = 1) -> [Entry] {
    var out: [Entry] = []
    for (k, s) in pairs where s.count >= minCount {
      let n = Double(s.count)
      out.append(Entry(source: k.source, target: k.target, count: s.count,
                       forward: n / Double(sourceCounts[k.source] ?? s.count),
                       reverse: n / Double(targetCounts[k.target] ?? s.count),
                       lexicalForward: s.lexF / n, lexicalReverse: s.lexR / n))
    }
    return out.sorted { ($0.count, $1.source.count) > ($1.count, $0.source.count) }
  }
}
