/// A recurring source phrase: a token n-gram with where it occurs.
public struct PhraseCandidate: Sendable {
  public var tokens: [Int32]
  /// Occurrences as (pair index, token start).
  public var occurrences: [(pair: Int32, start: Int32)]
  /// Documents it occurs in (sorted indices).
  public var documents: [Int32]
  /// Documents where it occurs outside any longer candidate ("recurs on its own").
  public var independentDocuments: Int
}

/// Up to six token ids packed into two words (21 bits each): a cheap hash key
/// for n-grams (no array per n-gram in the counting loops).
struct NgramKey: Hashable {
  var a: UInt64
  var b: UInt64

  static let maxLength = 6

  init<C: Collection>(_ ids: C) where C.Element == Int32 {
    a = 0; b = 0
    for (i, id) in ids.enumerated() {
      let v = UInt64(UInt32(id)) & 0x1F_FFFF
      if i < 3 { a |= v << (21 * UInt64(i)) } else { b |= v << (21 * UInt64(i - 3)) }
    }
    // The length is implied by zero padding: id 0 is reserved for "none".
  }
}

/// Finds source n-grams that recur in at least `minDocuments` documents, are
/// well formed (no punctuation inside, no function word or number at either
/// edge) and, when nested in a longer recurring phrase, also recur on their own.
///
/// Counting goes level by level (apriori): an n-gram can recur only if both
/// of its (n-1)-grams do, so the maps stay small even on large corpora.
public struct PhraseMiner: Sendable {
  public var minDocuments: Int
  public var maxLength: Int

  public init(minDocuments: Int = 2, maxLength: Int = 6) {
    self.minDocuments = max(1, minDocuments)
    self.maxLength = min(NgramKey.maxLength, max(1, maxLength))
  }

  /// - Parameters:
  ///   - isContent: per token id, whether it may appear inside a phrase (words and numbers).
  ///   - isEdgeAllowed: per token id, whether a phrase may start or end with it.
  ///   - isSubstantial: whether a candidate's tokens carry enough text to be a term on their own.
  public func mine(
    pairs: [AlignedPair], isContent: [Bool], isEdgeAllowed: [Bool], isSubstantial: ([Int32]) -> Bool
  ) -> [PhraseCandidate] {
    var frequent = Set<NgramKey>()
    var found: [PhraseCandidate] = []
    for n in 1...maxLength {
      // Count documents per n-gram whose (n-1)-gram prefix and suffix recur.
      var documents: [NgramKey: (last: Int32, count: Int32)] = [:]
      for pair in pairs {
        let t = pair.sourceTokens
        guard t.count >= n else { continue }
        for i in 0...(t.count - n) where isRun(t, i, n, isContent) {
          if n > 1 && !(frequent.contains(NgramKey(t[i..<(i + n - 1)])) && frequent.contains(NgramKey(t[(i + 1)..<(i + n)]))) {
            continue
          }
          let key = NgramKey(t[i..<(i + n)])
          let entry = documents[key]
          if entry?.last != pair.document { documents[key] = (pair.document, (entry?.count ?? 0) + 1) }
        }
      }
      let level = Set(documents.filter { Int($0.value.count) >= minDocuments }.keys)
      if level.isEmpty { break }
      frequent = level
      // Collect occurrences of the well-formed ones.
      var byKey: [NgramKey: Int] = [:]
      for (p, pair) in pairs.enumerated() {
        let t = pair.sourceTokens
        guard t.count >= n else { continue }
        for i in 0...(t.count - n) where isRun(t, i, n, isContent) && isEdgeAllowed[Int(t[i])] && isEdgeAllowed[Int(t[i + n - 1])] {
          let key = NgramKey(t[i..<(i + n)])
          guard level.contains(key) else { continue }
          let slice = Array(t[i..<(i + n)])
          if let k = byKey[key] {
            found[k].occurrences.append((Int32(p), Int32(i)))
            if found[k].documents.last != pair.document { found[k].documents.append(pair.document) }
          } else {
            guard isSubstantial(slice) else { continue }
            byKey[key] = found.count
            found.append(PhraseCandidate(tokens: slice, occurrences: [(Int32(p), Int32(i))], documents: [pair.document], independentDocuments: 0))
          }
        }
      }
    }
    return keepRecurringOnTheirOwn(found, pairs: pairs)
  }

  private func isRun(_ t: [Int32], _ i: Int, _ n: Int, _ isContent: [Bool]) -> Bool {
    for k in i..<(i + n) where !isContent[Int(t[k])] { return false }
    return true
  }

  /// Drops nested phrases that never recur outside a longer candidate
  /// (人类命运共同 inside 人类命运共同体), keeps those that do (命运共同体).
  private func keepRecurringOnTheirOwn(_ candidates: [PhraseCandidate], pairs: [AlignedPair]) -> [PhraseCandidate] {
    var occurrencesByPair = [[(start: Int32, end: Int32, candidate: Int)]](repeating: [], count: pairs.count)
    for (c, cand) in candidates.enumerated() {
      for o in cand.occurrences {
        occurrencesByPair[Int(o.pair)].append((o.start, o.start + Int32(cand.tokens.count), c))
      }
    }
    var independent = [Set<Int32>](repeating: [], count: candidates.count)
    for (p, list) in occurrencesByPair.enumerated() where !list.isEmpty {
      for o in list {
        let nested = list.contains { other in
          other.candidate != o.candidate && other.start <= o.start && other.end >= o.end && (other.end - other.start) > (o.end - o.start)
        }
        if !nested { independent[o.candidate].insert(pairs[p].document) }
      }
    }
    var kept: [PhraseCandidate] = []
    for (c, var cand) in candidates.enumerated() where independent[c].count >= minDocuments {
      cand.independentDocuments = independent[c].count
      kept.append(cand)
    }
    return kept
  }
}

/// Function words that may not stand at the edge of a term, per language.
/// Small closed-class lists: the edges of a formulation, not a stoplist for search.
public enum EdgeWords {
  public static func words(for language: String) -> Set<String> {
    switch String(language.prefix { $0 != "-" }) {
    case "zh":
      return [
        "的", "了", "和", "与", "及", "并", "在", "是", "对", "把", "将", "为", "以", "于", "等", "同", "也", "都", "就",
        "而", "或", "向", "从", "这", "那", "其", "之", "各", "一", "个", "我们", "他们", "你们", "我", "他", "她", "它",
        "要", "会", "能", "愿", "已", "已经", "正在", "还", "又", "再", "更", "很", "最", "不", "没有", "上", "中", "下",
        "年", "月", "日", "时", "表示", "指出", "强调", "说", "认为", "希望", "愿意", "同意", "以及", "并且", "但", "但是",
        "此", "该", "所", "着", "过", "地", "得", "吗", "呢", "啊", "方面", "问题", "有关", "进行", "继续", "共同",
      ]
    case "en":
      return [
        "the", "a", "an", "and", "or", "of", "to", "in", "on", "at", "for", "with", "by", "from", "as", "is", "are",
        "was", "were", "be", "been", "being", "this", "that", "these", "those", "it", "its", "their", "his", "her",
        "our", "we", "they", "he", "she", "will", "would", "shall", "should", "can", "could", "may", "might", "also",
        "not", "no", "but", "which", "who", "whom", "whose", "than", "then", "there", "here", "has", "have", "had",
        "said", "says", "both", "all", "each", "more", "most", "very", "so", "such", "into", "over", "under", "between",
        "s", "'s", "'", "\"", "further", "other", "well", "its", "ready", "stands",
      ]
    case "fr":
      return ["le", "la", "les", "l'", "un", "une", "des", "de", "du", "d'", "et", "ou", "à", "au", "aux", "en", "pour",
              "par", "avec", "sur", "dans", "est", "sont", "a", "ont", "ce", "cette", "ces", "qui", "que", "se", "sa", "son", "ses"]
    case "ru":
      return ["и", "в", "во", "на", "с", "со", "по", "к", "о", "об", "от", "до", "для", "за", "из", "что", "это", "как",
              "не", "а", "но", "или", "же", "бы", "ли", "его", "ее", "их"]
    default:
      return []
    }
  }
}
