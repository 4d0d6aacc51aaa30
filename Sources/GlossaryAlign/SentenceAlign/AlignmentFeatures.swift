import Foundation
import GlossaryText

/// The two sides of a document pair turned into integer units for the DP.
///
/// Legend: i = source sentence, j = target sentence, n/m their counts.
/// Target units are doc-level ids of target words (stems: the first
/// `stemLength` characters of an alphabetic word's key), numbers and a few
/// punctuation marks (`?`, `!`, `"`). Source units are doc-level ids of source
/// tokens; each source id has candidate target ids: lexicon translations,
/// identity for numbers / Latin tokens / punctuation, month names for `N月`,
/// romanized names for pinyin keys, and pairs learned by the second pass.
struct AlignmentFeatures {
  var sourceLength: [Double] = []
  var targetLength: [Double] = []
  /// Source units of sentence i: srcUnit[srcUnitStart[i]..<srcUnitStart[i+1]].
  var srcUnitStart: [Int32] = [0]
  var srcUnit: [Int32] = []
  /// Extra source ids of sentence i: lexicon headwords found anywhere in it
  /// (overlapping, other than its tokens); they only help cover target words.
  var srcExtraStart: [Int32] = [0]
  var srcExtra: [Int32] = []
  var tgtUnitStart: [Int32] = [0]
  var tgtUnit: [Int32] = []
  /// Weight per source id (0: stop word or no candidate).
  var srcWeight: [Float] = []
  /// Weight per target id (0: stop word or reachable from no source id).
  var tgtWeight: [Float] = []
  /// Candidates of source id s: cand[candStart[s]..<candStart[s+1]].
  var candStart: [Int32] = [0]
  var cand: [Int32] = []
  var sourceIdCount = 0
  var targetIdCount = 0
  /// Per source id: lexicon / identity candidates (before learning).
  var baseCandidates: [[Int32]] = []
  var srcIdf: [Float] = []
  var tgtIdf: [Float] = []
  var n: Int { sourceLength.count }
  var m: Int { targetLength.count }

  /// Rebuilds the candidate table from base + `extra` candidates and sets the weights.
  mutating func finalize(extra: [Int32: [Int32]] = [:]) {
    candStart = [0]
    cand = []
    var reachable = [Bool](repeating: false, count: targetIdCount)
    for s in 0..<sourceIdCount {
      var list = baseCandidates[s]
      if let e = extra[Int32(s)] { for t in e where !list.contains(t) { list.append(t) } }
      for t in list where tgtIdf[Int(t)] > 0 {
        cand.append(t)
        reachable[Int(t)] = true
      }
      candStart.append(Int32(cand.count))
    }
    srcWeight = (0..<sourceIdCount).map { s in candStart[s + 1] > candStart[s] ? srcIdf[s] : 0 }
    tgtWeight = (0..<targetIdCount).map { t in reachable[t] ? tgtIdf[t] : 0 }
  }

  /// Inverse sentence frequency; 0 for ids in more than `stopShare` of the sentences.
  static func idf(units: [Int32], starts: [Int32], idCount: Int, stopShare: Double) -> [Float] {
    var df = [Int32](repeating: 0, count: idCount)
    var seen = [Int32](repeating: -1, count: idCount)
    let sentences = starts.count - 1
    for i in 0..<sentences {
      for k in Int(starts[i])..<Int(starts[i + 1]) {
        let u = Int(units[k])
        if seen[u] != Int32(i) { seen[u] = Int32(i); df[u] += 1 }
      }
    }
    let total = Double(max(sentences, 1))
    return df.map { d in
      if d == 0 { return 0 }
      if sentences >= 8, Double(d) / total > stopShare { return 0 }
      return Float(max(0.5, log((total + 1) / Double(d))))
    }
  }
}

/// Turns sentences into `AlignmentFeatures`. One per aligner; not thread-safe.
final class FeatureExtractor {
  let sourceLanguage: Language
  let targetLanguage: Language
  let lexicon: TranslationLexicon
  let normalizer: MatchKeyNormalizer
  let sourceTokenizer: WordTokenizer
  let targetTokenizer: WordTokenizer
  let stemLength: Int
  /// Collect every lexicon headword of at least this many characters inside source sentences (0: off).
  let substringMatches: Int
  private var pinyinOfChar: [UInt16: String] = [:]

  init(source: Language, target: Language, lexicon: TranslationLexicon, stemLength: Int, substringMatches: Int = 0) throws {
    self.substringMatches = substringMatches
    sourceLanguage = source
    targetLanguage = target
    self.lexicon = lexicon
    self.stemLength = stemLength
    normalizer = try MatchKeyNormalizer()
    sourceTokenizer = try WordTokenizer(
      language: source, terms: lexicon.termSources, lexicon: lexicon.lexicon?.terms, normalizer: normalizer)
    targetTokenizer = try WordTokenizer(language: target, normalizer: try MatchKeyNormalizer())
  }

  func extract(source: [String], target: [String]) throws -> AlignmentFeatures {
    var f = AlignmentFeatures()
    var tgtIds: [String: Int32] = [:]
    func tid(_ s: String) -> Int32 {
      if let id = tgtIds[s] { return id }
      let id = Int32(tgtIds.count)
      tgtIds[s] = id
      return id
    }
    // Target side first: source candidates keep only ids the target document has.
    var capitalized: Set<String> = []
    var lowercase: Set<String> = []
    for s in target {
      let units = Array(s.utf16)
      f.targetLength.append(Double(units.count { !CharacterClass.of(utf16: $0).contains(.whitespace) }))
      let tt = try units.withUnsafeBufferPointer { try targetTokenizer.tokenize($0) }
      for t in tt.tokens {
        let key = tt.keyString(t)
        switch t.kind {
        case .word:
          f.tgtUnit.append(tid(stem(key)))
          let first = units[Int(t.range.lowerBound)]
          if first >= 0x41 && first <= 0x5A { capitalized.insert(key) } else { lowercase.insert(key) }
        case .number:
          f.tgtUnit.append(tid(numberKey(key)))
        case .punctuation, .symbol:
          if let p = punctuationKey(key, original: units[Int(t.range.lowerBound)]) { f.tgtUnit.append(tid(p)) }
        }
      }
      f.tgtUnitStart.append(Int32(f.tgtUnit.count))
    }
    let names = capitalized.subtracting(lowercase).filter { $0.utf16.count >= 2 }
    f.targetIdCount = tgtIds.count
    f.tgtIdf = AlignmentFeatures.idf(units: f.tgtUnit, starts: f.tgtUnitStart, idCount: f.targetIdCount, stopShare: 0.25)

    var srcIds: [String: Int32] = [:]
    var base: [[Int32]] = []  // kept out of `f`: `sid` runs while f.srcUnit is being appended to
    var lexWordToTarget: [Int32: Int32] = [:]
    func candidateIds(forKey key: String, into out: inout [Int32]) {
      guard let e = lexicon.entry(forSourceKey: key) else { return }
      for w in lexicon.targets(ofEntry: e) {
        let t: Int32
        if let c = lexWordToTarget[w] { t = c } else {
          t = tgtIds[stem(lexicon.word(w))] ?? -1
          lexWordToTarget[w] = t
        }
        if t >= 0, !out.contains(t) { out.append(t) }
      }
    }
    func sid(_ key: String, _ makeCandidates: () -> [Int32]) -> Int32 {
      if let id = srcIds[key] { return id }
      let id = Int32(srcIds.count)
      srcIds[key] = id
      base.append(makeCandidates())
      return id
    }
    for s in source {
      let units = Array(s.utf16)
      f.sourceLength.append(Double(units.count { !CharacterClass.of(utf16: $0).contains(.whitespace) }))
      let st = try units.withUnsafeBufferPointer { try sourceTokenizer.tokenize($0) }
      for (k, t) in st.tokens.enumerated() {
        let key = st.keyString(t)
        switch t.kind {
        case .word:
          let isHan = t.script == ScriptCode.han
          f.srcUnit.append(sid(key) {
            var c: [Int32] = []
            candidateIds(forKey: key, into: &c)
            if c.isEmpty && isHan && key.count > 1 {
              for ch in key { candidateIds(forKey: String(ch), into: &c) }
            }
            if !isHan, let t = tgtIds[stem(key)], !c.contains(t) { c.append(t) }  // Latin, cognates
            return c
          })
        case .number:
          let nk = numberKey(key)
          f.srcUnit.append(sid(nk) { tgtIds[nk].map { [$0] } ?? [] })
          if k + 1 < st.tokens.count, st.keyString(st.tokens[k + 1]) == "月", let v = Int(nk), (1...12).contains(v),
            let month = MonthNames.name(v, language: targetLanguage)
          {
            f.srcUnit.append(sid("\u{1}month\(v)") { tgtIds[stem(month)].map { [$0] } ?? [] })
          }
        case .punctuation, .symbol:
          if let p = punctuationKey(key, original: units[Int(t.range.lowerBound)]) {
            f.srcUnit.append(sid(p) { tgtIds[p].map { [$0] } ?? [] })
          }
        }
      }
      if sourceLanguage.base == "zh", !names.isEmpty {
        appendNames(st.key.units, names: names, into: &f.srcUnit, sid: sid, tid: { tgtIds[$0] })
      }
      f.srcUnitStart.append(Int32(f.srcUnit.count))
      if substringMatches > 0, lexicon.entryCount > 0 {
        var tokenEnds = Set<Int64>()
        for t in st.tokens { tokenEnds.insert(Int64(t.keyRange.lowerBound) << 32 | Int64(t.keyRange.upperBound)) }
        let key = st.key.units
        key.withUnsafeBufferPointer { buf in
          for start in 0..<buf.count where CharacterClass.isHan(utf16: buf[start]) {
            for m in lexicon.sourceTerms.allMatches(in: buf, from: start) where m.end - start >= substringMatches {
              if tokenEnds.contains(Int64(start) << 32 | Int64(m.end)) { continue }
              let k = String(decoding: buf[start..<m.end], as: UTF16.self)
              f.srcExtra.append(sid(k) {
                var c: [Int32] = []
                candidateIds(forKey: k, into: &c)
                return c
              })
            }
          }
        }
      }
      f.srcExtraStart.append(Int32(f.srcExtra.count))
    }
    f.sourceIdCount = srcIds.count
    f.baseCandidates = base
    f.srcIdf = AlignmentFeatures.idf(units: f.srcUnit, starts: f.srcUnitStart, idCount: f.sourceIdCount, stopShare: 0.25)
    f.finalize()
    return f
  }

  /// Han runs of 2-3 characters whose pinyin (whole, or surname + given name)
  /// are capitalized words of the target document.
  private func appendNames(
    _ key: [UInt16], names: Set<String>, into units: inout [Int32],
    sid: (String, () -> [Int32]) -> Int32, tid: (String) -> Int32?
  ) {
    var k = 0
    while k < key.count {
      guard CharacterClass.isHan(utf16: key[k]) else { k += 1; continue }
      var matched = 0
      for len in stride(from: 3, through: 2, by: -1) where k + len <= key.count {
        if !(k..<k + len).allSatisfy({ CharacterClass.isHan(utf16: key[$0]) }) { continue }
        let syllables = (k..<k + len).map { pinyin(key[$0]) }
        let whole = syllables.joined()
        let given = syllables.dropFirst().joined()
        var targets: [Int32] = []
        if whole.utf16.count >= 4, names.contains(whole), let t = tid(stem(whole)) { targets.append(t) }
        if given.utf16.count >= 4, names.contains(given), names.contains(syllables[0]) {
          if let t = tid(stem(given)) { targets.append(t) }
          if let t = tid(stem(syllables[0])) { targets.append(t) }
        }
        if !targets.isEmpty {
          units.append(sid("\u{1}name" + whole) { targets })
          matched = len
          break
        }
      }
      k += max(1, matched)
    }
  }

  private func pinyin(_ u: UInt16) -> String {
    if let p = pinyinOfChar[u] { return p }
    let p = normalizer.pinyinKey(String(decoding: [u], as: UTF16.self))
    pinyinOfChar[u] = p
    return p
  }

  /// The first `stemLength` characters of a word of an alphabetic script.
  func stem(_ key: String) -> String {
    guard stemLength > 0, key.count > stemLength, let f = key.unicodeScalars.first, !CharacterClass.isHan(f) else {
      return key
    }
    return String(key.prefix(stemLength))
  }

  private func numberKey(_ key: String) -> String { String(key.filter { $0 != "," && $0 != " " }) }

  /// `?`, `!` and double quotes (not apostrophes, which match keys fold to `"` too).
  private func punctuationKey(_ key: String, original: UInt16) -> String? {
    switch key {
    case "?", "!": return key
    case "\"":
      return [0x22, 0x201C, 0x201D, 0x300C, 0x300D, 0x300E, 0x300F, 0xAB, 0xBB].contains(original) ? "\"" : nil
    default: return nil
    }
  }
}
