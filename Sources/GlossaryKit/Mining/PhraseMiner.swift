/// A recurring source phrase: a unit n-gram with where it occurs.
public struct PhraseCandidate: Sendable {
  public var tokens: [Int32]
  /// Occurrences as (pair index, unit start).
  public var occurrences: [(pair: Int32, start: Int32)]
  /// Documents it occurs in (sorted indices).
  public var documents: [Int32]
  /// Documents where it occurs outside any longer candidate ("recurs on its own").
  public var independentDocuments = 0
  /// Occurrences outside any longer candidate.
  public var independentOccurrences = 0
  /// Distinct longer candidates it occurs inside (C-value's |T_a|).
  public var containers = 0
  /// Led by an opener (kept only when the corpus shows it belongs to the rest: 高度评价).
  public var ledByOpener = false

  /// C-value's frequency of a nested term (Frantzi and Ananiadou): its occurrences less the
  /// mean frequency of the longer candidates that contain it, as a share of its occurrences.
  public var independence: Double {
    let f = Double(occurrences.count)
    guard containers > 0, f > 0 else { return 1 }
    return max(0, Double(independentOccurrences) + Double(occurrences.count - independentOccurrences) * (1 - 1 / Double(containers))) / f
  }
}

/// Finds the source n-grams (of mining units) that recur in at least `minDocuments`
/// documents and can be formulations: no punctuation inside but dashes, quotation marks in
/// pairs, middle dots and enumeration commas; no function word at either edge; no opener
/// (clause verb, adverb) at the start unless the corpus shows the whole string is fixed, and
/// none at the end; not a piece of a word that always stands with the same neighbour.
/// Nested candidates are kept (人类命运共同体 beside 构建人类命运共同体, 国务院 in 国务院总理),
/// with what C-value needs to rank them: occurrences outside longer candidates and the number
/// of distinct containers.
///
/// Counting is level by level (apriori): an n-gram can recur only if both of its (n-1)-grams
/// do. Each level's frequent n-grams get dense ids, and an (n+1)-gram's key is its prefix's
/// id with its last unit, so keys stay two words long at any length.
public struct PhraseMiner: Sendable {
  public var parameters: MiningParameters

  public init(parameters: MiningParameters = MiningParameters()) {
    self.parameters = parameters
  }

  /// What the miner needs to know about each unit id.
  public struct Vocabulary: Sendable {
    /// A word or number: may stand anywhere in a phrase.
    public var isContent: [Bool]
    /// Punctuation that may stand inside a phrase (dash, quotation mark, middle dot, 、).
    public var isInner: [Bool]
    /// A quotation mark (they come in pairs inside a phrase).
    public var isQuote: [Bool]
    /// Characters of text a unit carries (for the substance test).
    public var length: [Int]
    /// Units are written without spaces (unspaced scripts).
    public var unspaced: Bool
    /// The text of a unit sequence, for `MiningTrace`.
    public var text: (@Sendable ([Int32]) -> String)?
    /// A number (a phrase of numbers alone, 2019 or 2020-07-26, is no term); empty: none is.
    public var isNumber: [Bool]

    public init(
      isContent: [Bool], isInner: [Bool], isQuote: [Bool], length: [Int], unspaced: Bool, isNumber: [Bool] = [],
      text: (@Sendable ([Int32]) -> String)? = nil
    ) {
      self.text = text
      self.isNumber = isNumber
      self.isContent = isContent
      self.isInner = isInner
      self.isQuote = isQuote
      self.length = length
      self.unspaced = unspaced
    }
  }

  public func mine(pairs: [AlignedPair], vocabulary v: Vocabulary) -> [PhraseCandidate] {
    let minDocs = max(1, parameters.minDocuments)
    let usable = (0..<v.isContent.count).map { v.isContent[$0] || v.isInner[$0] }
    // ids[p][i]: id of the current level's n-gram starting at unit i of pair p (-1: not frequent).
    var ids = pairs.map { [Int32](repeating: -1, count: $0.sourceTokens.count) }
    var found: [PhraseCandidate] = []
    var byOccurrence: [OccurrenceKey: Int] = [:]
    for n in 1...max(1, parameters.maxPhraseUnits) {
      var counts: [UInt64: (last: Int32, count: Int32)] = [:]
      for (p, pair) in pairs.enumerated() {
        let t = pair.sourceTokens
        guard t.count >= n else { continue }
        for i in 0...(t.count - n) where usable[Int(t[i + n - 1])] {
          guard let key = levelKey(ids[p], t, i, n) else { continue }
          let e = counts[key]
          if e?.last != pair.document { counts[key] = (pair.document, (e?.count ?? 0) + 1) }
        }
      }
      var levelIds: [UInt64: Int32] = [:]
      for (key, e) in counts where Int(e.count) >= minDocs { levelIds[key] = Int32(levelIds.count) }
      if levelIds.isEmpty { break }
      var byId: [Int32: Int] = [:]
      for (p, pair) in pairs.enumerated() {
        let t = pair.sourceTokens
        var next = [Int32](repeating: -1, count: t.count)
        if t.count >= n {
          for i in 0...(t.count - n) where usable[Int(t[i + n - 1])] {
            guard let key = levelKey(ids[p], t, i, n), let id = levelIds[key] else { continue }
            next[i] = id
            guard isWellFormed(pair, i, n, v) else {
              if MiningTrace.isOn, let text = v.text, MiningTrace.wants(text(Array(t[i..<(i + n)]))) {
                MiningTrace.say(text(Array(t[i..<(i + n)])), "an occurrence has a bad edge or unpaired quotes (pair \(p))")
              }
              continue
            }
            let k: Int
            if let known = byId[id] { k = known } else {
              k = found.count
              byId[id] = k
              found.append(PhraseCandidate(tokens: Array(t[i..<(i + n)]), occurrences: [], documents: []))
            }
            found[k].occurrences.append((Int32(p), Int32(i)))
            if found[k].documents.last != pair.document { found[k].documents.append(pair.document) }
            byOccurrence[OccurrenceKey(pair: Int32(p), start: Int32(i), length: Int32(n))] = k
          }
        }
        ids[p] = next
      }
    }
    var keep = [Bool](repeating: true, count: found.count)
    for c in found.indices {
      let cand = found[c]
      var why: String? = nil
      if cand.documents.count < minDocs {
        why = "well-formed in \(cand.documents.count) documents only"
      } else if !isSubstantial(cand.tokens, v) {
        why = "too short"
      } else if let side = pieceOfAWord(cand, pairs: pairs, v) {
        why = "a piece of a word (the same unit always on its \(side))"
      } else if pairs[Int(cand.occurrences[0].pair)].sourceFlags.at(Int(cand.occurrences[0].start)).contains(.openerStart) {
        found[c].ledByOpener = true
        if let share = openerShare(cand, found: found, byOccurrence: byOccurrence, pairs: pairs, v),
          share < parameters.openerFixedShare
        {
          why = "led by an opener that precedes only \(Int(share * 100))% of the rest's occurrences after a word"
        }
      }
      if let why {
        keep[c] = false
        if MiningTrace.isOn, let text = v.text, MiningTrace.wants(text(cand.tokens)) { MiningTrace.say(text(cand.tokens), "dropped: " + why) }
      }
    }
    nesting(&found, keep: keep, pairs: pairs)
    return found.indices.filter { keep[$0] }.map { found[$0] }
  }

  /// The key of the n-gram at `i` from the previous level's ids (nil when its prefix or
  /// suffix did not recur).
  private func levelKey(_ previous: [Int32], _ t: [Int32], _ i: Int, _ n: Int) -> UInt64? {
    if n == 1 { return UInt64(UInt32(t[i])) }
    let prefix = previous[i], suffix = previous[i + 1]
    guard prefix >= 0, suffix >= 0 else { return nil }
    return UInt64(UInt32(prefix)) << 32 | UInt64(UInt32(t[i + n - 1]))
  }

  /// Edges and inner punctuation of the n-gram at `i`.
  private func isWellFormed(_ pair: AlignedPair, _ i: Int, _ n: Int, _ v: Vocabulary) -> Bool {
    let t = pair.sourceTokens, f = pair.sourceFlags
    let first = Int(t[i]), last = Int(t[i + n - 1])
    guard v.isContent[first], !f.at(i).contains(.functionStart), !f.at(i).contains(.notInitial) else { return false }
    var quotes = 0
    for k in i..<(i + n) where v.isQuote[Int(t[k])] { quotes += 1 }
    guard quotes % 2 == 0 else { return false }
    // A closing quotation mark may end a phrase (高质量共建“一带一路”); other punctuation may not.
    if v.isInner[last] { return v.isQuote[last] && quotes > 0 }
    let end = f.at(i + n - 1)
    return v.isContent[last] && !end.contains(.functionEnd) && !end.contains(.openerEnd) && !end.contains(.notFinal)
  }

  /// A term carries a word, and at least two characters of an unspaced script or one longer word.
  private func isSubstantial(_ tokens: [Int32], _ v: Vocabulary) -> Bool {
    guard v.isNumber.isEmpty || tokens.contains(where: { v.isContent[Int($0)] && !v.isNumber[Int($0)] }) else { return false }
    let chars = tokens.reduce(0) { $0 + (v.isContent[Int($1)] ? v.length[Int($1)] : 0) }
    return v.unspaced ? chars >= 2 : (tokens.count > 1 || chars >= 4)
  }

  /// A piece of a word: on one side the same unit stands next to it in every occurrence, and
  /// that side cuts a word (命运共同 of 命运共同体, 断深化 of 不断深化). Between two single
  /// characters of an unspaced script ICU's boundary is a guess (产|能, 东|盟), so it cuts too.
  /// A neighbour across a word boundary does not make a piece (国务院 before 总理, 人类命运共同体
  /// after 构建). Returns the side, or nil.
  private func pieceOfAWord(_ c: PhraseCandidate, pairs: [AlignedPair], _ v: Vocabulary) -> String? {
    let n = c.tokens.count
    var left: Int32? = nil, right: Int32? = nil
    var leftFixed = true, rightFixed = true, leftCut = true, rightCut = true
    func single(_ f: UnitFlags, _ id: Int32) -> Bool {
      v.unspaced && f.contains(.wordStart) && f.contains(.wordEnd) && v.length[Int(id)] == 1
    }
    for o in c.occurrences {
      let pair = pairs[Int(o.pair)], t = pair.sourceTokens, f = pair.sourceFlags
      let i = Int(o.start)
      if leftFixed {
        let x: Int32 = i > 0 && v.isContent[Int(t[i - 1])] ? t[i - 1] : -1
        if x < 0 || (left != nil && left != x) { leftFixed = false } else { left = x }
        if leftFixed, f.at(i).contains(.wordStart), !(single(f.at(i), t[i]) && single(f.at(i - 1), x)) { leftCut = false }
      }
      if rightFixed {
        let j = i + n
        let x: Int32 = j < t.count && v.isContent[Int(t[j])] ? t[j] : -1
        if x < 0 || (right != nil && right != x) { rightFixed = false } else { right = x }
        if rightFixed, f.at(j - 1).contains(.wordEnd), !(single(f.at(j - 1), t[j - 1]) && single(f.at(j), x)) { rightCut = false }
      }
    }
    if leftFixed && leftCut { return "left" }
    if rightFixed && rightCut { return "right" }
    return nil
  }

  /// For an opener-led phrase: the share of the rest's occurrences preceded by a word that
  /// are preceded by this opener (1 for 致贺电 when every 贺电 after a verb is 致贺电; 在贺电中
  /// does not count). Nil when the rest does not recur as a candidate: nothing says the opener
  /// is not part of it.
  private func openerShare(
    _ c: PhraseCandidate, found: [PhraseCandidate], byOccurrence: [OccurrenceKey: Int], pairs: [AlignedPair], _ v: Vocabulary
  ) -> Double? {
    let o = c.occurrences[0]
    let f = pairs[Int(o.pair)].sourceFlags
    var k = 1
    while k < c.tokens.count, !f.at(Int(o.start) + k - 1).contains(.openerEnd) { k += 1 }
    guard k < c.tokens.count else { return 0 }
    let key = OccurrenceKey(pair: o.pair, start: o.start + Int32(k), length: Int32(c.tokens.count - k))
    guard let rest = byOccurrence[key] else { return nil }
    var afterWord = 0
    for r in found[rest].occurrences {
      let pair = pairs[Int(r.pair)]
      let i = Int(r.start)
      if i > 0, v.isContent[Int(pair.sourceTokens[i - 1])], !pair.sourceFlags.at(i - 1).contains(.functionEnd) { afterWord += 1 }
    }
    return Double(c.occurrences.count) / Double(max(afterWord, c.occurrences.count))
  }

  /// Occurrences outside longer candidates and distinct containers, per kept candidate.
  /// Opener-led candidates contain nothing (推动构建人类命运共同体 leaves 人类命运共同体 whole).
  private func nesting(_ found: inout [PhraseCandidate], keep: [Bool], pairs: [AlignedPair]) {
    var byPair = [[(start: Int32, end: Int32, c: Int)]](repeating: [], count: pairs.count)
    for (c, cand) in found.enumerated() where keep[c] {
      for o in cand.occurrences { byPair[Int(o.pair)].append((o.start, o.start + Int32(cand.tokens.count), c)) }
    }
    var independentDocs = [Set<Int32>](repeating: [], count: found.count)
    var containers = [Set<Int>](repeating: [], count: found.count)
    for (p, list) in byPair.enumerated() where !list.isEmpty {
      let sorted = list.sorted { ($0.start, $1.end) < ($1.start, $0.end) }
      for (x, o) in sorted.enumerated() {
        // Containers start at or before o: scan back while they could still reach it. Only the
        // smallest counts: 全面战略合作 in 全面战略合作伙伴 in 全面战略合作伙伴关系 has one container.
        var smallest: (length: Int32, c: Int)? = nil
        var y = x - 1
        while y >= 0, sorted[y].start + Int32(parameters.maxPhraseUnits) >= o.end {
          let b = sorted[y]
          if b.end >= o.end, b.end - b.start > o.end - o.start, !found[b.c].ledByOpener,
            smallest.map({ b.end - b.start < $0.length }) ?? true
          {
            smallest = (b.end - b.start, b.c)
          }
          y -= 1
        }
        if let smallest {
          containers[o.c].insert(smallest.c)
        } else {
          found[o.c].independentOccurrences += 1
          independentDocs[o.c].insert(pairs[p].document)
        }
      }
    }
    for c in found.indices where keep[c] {
      found[c].independentDocuments = independentDocs[c].count
      found[c].containers = containers[c].count
    }
  }
}

/// An occurrence of an n-gram: pair, start and length in units.
struct OccurrenceKey: Hashable {
  var pair: Int32
  var start: Int32
  var length: Int32
}

extension Array where Element == UnitFlags {
  /// The flags at `i`, or none (pairs built without flags).
  @inline(__always) func at(_ i: Int) -> UnitFlags { i >= 0 && i < count ? self[i] : [.wordStart, .wordEnd] }
}
