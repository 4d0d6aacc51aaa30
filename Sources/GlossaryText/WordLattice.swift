/// Word segmentation of a run of Han characters by lattice, as jieba's DAG
/// does: every word of the frequency list, the lexicon and the known terms
/// that fits in the run is an edge; the best path is the one with the lowest
/// sum of unigram costs -ln(frequency / total). So 中老友谊 is 中老 / 友谊 when
/// 中老 is a known term (forward longest match on a lexicon gives 中 / 老友 / 谊).
///
/// Costs (frequencies of the shipped list, total about 60 million):
/// - a word of the list: its own frequency;
/// - a character the list does not have: frequency 1 (jieba's floor);
/// - a lexicon headword (`lexicon`): at most the cost of ``lexiconFrequency``;
/// - a known term (`terms`: glossary terms, corpus-learned words): at most the cost
///   of ``termFrequency``, so a term stays whole unless the text around it
///   makes a better path (中老年 is a word; 中老 is not cut out of it).
/// Ties go to the longer word.
public struct WordLattice: Sendable {
  public var frequencies: WordFrequencies
  /// Lexicon headwords (weak evidence: CC-CEDICT lists phrases too).
  public var lexicon: TermTrie?
  /// Known terms (strong evidence).
  public var terms: TermTrie?

  /// Frequency that a lexicon headword counts as at least: 0.1, below jieba's floor for unseen
  /// characters, so a headword the frequency list lacks wins only over characters the list lacks too.
  /// Tuned on denero-dev pairs 1-25 (`scripts/eval-segment.sh`, token F1 against its hand tokenization
  /// with CC-CEDICT: 0.01-0.1 best at 0.820, 1: 0.807, 20: 0.802, 1000: 0.794).
  public static let lexiconFrequency: Double = 0.1
  /// Frequency that a known term counts as at least: a common word (about the 10,000th of the list),
  /// so that terms are cut whole in ordinary text. Set by hand, not tuned.
  public static let termFrequency: Double = 1000

  public init(frequencies: WordFrequencies, lexicon: TermTrie? = nil, terms: TermTrie? = nil) {
    self.frequencies = frequencies
    self.lexicon = lexicon
    self.terms = terms
  }

  /// Scratch arrays of one segmentation (reused between calls).
  public struct Scratch {
    var best: [Float] = []
    var next: [Int32] = []
    public init() {}
  }

  /// The best path through the Han run `key[lo..<hi]`: calls `emit(start, end)`
  /// for each word, left to right (offsets into `key`).
  public func segment(
    _ key: UnsafeBufferPointer<UInt16>, _ lo: Int, _ hi: Int, scratch: inout Scratch, emit: (Int, Int) -> Void
  ) {
    guard lo < hi else { return }
    let n = hi - lo
    if scratch.best.count < n + 1 {
      scratch.best = [Float](repeating: 0, count: n + 1)
      scratch.next = [Int32](repeating: 0, count: n + 1)
    }
    let run = UnsafeBufferPointer(rebasing: key[0..<hi])  // no match may run past the run
    let f = frequencies
    let unknown = f.cost(ofFrequency: 1)
    let lexiconCost = f.cost(ofFrequency: Self.lexiconFrequency)
    let termCost = f.cost(ofFrequency: Self.termFrequency)
    scratch.best[n] = 0
    scratch.best.withUnsafeMutableBufferPointer { best in
      scratch.next.withUnsafeMutableBufferPointer { next in
        var k = hi - 1
        while k >= lo {
          if UTF16.isTrailSurrogate(key[k]), k > lo, UTF16.isLeadSurrogate(key[k - 1]) {
            best[k - lo] = .infinity  // inside a character: no path starts here
            k -= 1
            continue
          }
          let width = UTF16.isLeadSurrogate(key[k]) && k + 1 < hi ? 2 : 1
          var bestCost = unknown + best[k + width - lo]
          var bestEnd = k + width
          @inline(__always) func consider(_ end: Int, _ cost: Float) {
            let total = cost + best[end - lo]
            if total < bestCost || (total == bestCost && end > bestEnd) {
              bestCost = total
              bestEnd = end
            }
          }
          f.words.forEachMatch(in: run, from: k) { end, v in consider(end, f.cost(ofFrequency: Double(f.frequency(ofIndex: v)))) }
          lexicon?.forEachMatch(in: run, from: k) { end, _ in consider(end, lexiconCost) }
          terms?.forEachMatch(in: run, from: k) { end, _ in consider(end, termCost) }
          best[k - lo] = bestCost
          next[k - lo] = Int32(bestEnd)
          k -= 1
        }
      }
    }
    var k = lo
    while k < hi {
      let e = Int(scratch.next[k - lo])
      emit(k, e)
      k = e
    }
  }
}
