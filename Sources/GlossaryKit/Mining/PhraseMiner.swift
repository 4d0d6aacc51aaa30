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
  ///   - isLeftEdge, isRightEdge: per token id, whether a phrase may start / end with it.
  ///   - isWord: per token id, whether it counts as a neighbouring word for the closure test
  ///     (default `isContent`; quotation marks may be content but are no neighbours).
  ///   - isSubstantial: whether a candidate's tokens carry enough text to be a term on their own.
  public func mine(
    pairs: [AlignedPair], isContent: [Bool], isLeftEdge: [Bool], isRightEdge: [Bool], isWord: [Bool]? = nil,
    isSubstantial: ([Int32]) -> Bool
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
        for i in 0...(t.count - n) where isRun(t, i, n, isContent) && isLeftEdge[Int(t[i])] && isRightEdge[Int(t[i + n - 1])] {
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
    let words = isWord ?? isContent
    // Inner punctuation (quotes, dashes) is looked through: 高质量共建 is always followed by “一带一路”.
    let transparent = zip(isContent, words).map { $0 && !$1 }
    return keepRecurringOnTheirOwn(found, pairs: pairs).filter {
      isClosed($0, pairs: pairs, isWord: words, isTransparent: transparent)
    }
  }

  /// A phrase is a unit of its own unless one word precedes it in nearly all
  /// (90%) of its documents and it recurs in fewer than `minDocuments`
  /// documents without that word; likewise for the word that follows it. This drops pieces
  /// of words a segmenter cut (务委员 always after 国, 记者 always before 会,
  /// 王 always before 毅) and keeps 人类命运共同体, which mostly follows 构建
  /// but also stands without it. Punctuation and sentence edges are no words.
  func isClosed(_ c: PhraseCandidate, pairs: [AlignedPair], isWord: [Bool], isTransparent: [Bool]) -> Bool {
    // Per occurrence: its document and the words before and after it (-1: none).
    let contexts = c.occurrences.map { o -> (doc: Int32, before: Int32, after: Int32) in
      let t = pairs[Int(o.pair)].sourceTokens
      var before = Int(o.start) - 1, after = Int(o.start) + c.tokens.count
      while before >= 0, isTransparent[Int(t[before])] { before -= 1 }
      while after < t.count, isTransparent[Int(t[after])] { after += 1 }
      return (pairs[Int(o.pair)].document,
              before >= 0 && isWord[Int(t[before])] ? t[before] : -1,
              after < t.count && isWord[Int(t[after])] ? t[after] : -1)
    }
    func standsAlone(_ neighbour: ((doc: Int32, before: Int32, after: Int32)) -> Int32) -> Bool {
      var docsByWord: [Int32: Set<Int32>] = [:]
      for x in contexts where neighbour(x) >= 0 { docsByWord[neighbour(x), default: []].insert(x.doc) }
      guard let (dominant, docs) = docsByWord.max(by: { ($0.value.count, $1.key) < ($1.value.count, $0.key) }) else { return true }
      // A neighbour in most documents binds the phrase unless it also stands without it often enough.
      if Double(docs.count) < 0.9 * Double(c.documents.count) { return true }
      return Set(contexts.filter { neighbour($0) != dominant }.map(\.doc)).count >= minDocuments
    }
    return standsAlone(\.before) && standsAlone(\.after)
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

/// Verbs and adverbs that open collocations rather than terms (加强战略沟通 is
/// 加强 + the term 战略沟通): phrases starting with one rank below terms.
public enum CollocationOpeners {
  public static func words(for language: String) -> Set<String> {
    switch String(language.prefix { $0 != "-" }) {
    case "zh":
      return [
        "加强", "深化", "推动", "推进", "扩大", "保持", "维护", "践行", "坚持", "支持", "积极", "坚定", "奉行", "举行", "进行",
        "达成", "促进", "实现", "开展", "拓展", "落实", "共同", "继续", "愿同", "愿", "高度", "主持", "发表", "签署", "出席",
        "构建", "建设", "打造", "弘扬", "巩固", "提升", "携手", "欢迎", "感谢", "祝贺", "致", "在", "同", "就",
      ]
    case "en":
      return ["strengthen", "deepen", "promote", "advance", "expand", "maintain", "uphold", "support", "build", "hold", "held"]
    default:
      return []
    }
  }
}

/// Function words that may not stand at the edge of a term, per language.
/// Small closed-class lists: the edges of a formulation, not a stoplist for search.
public enum EdgeWords {
  /// Articles, which may precede a term without being part of it.
  public static func articles(for language: String) -> Set<String> {
    switch String(language.prefix { $0 != "-" }) {
    case "en": return ["the", "a", "an"]
    case "fr": return ["le", "la", "les", "l'", "un", "une", "des"]
    case "de": return ["der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer"]
    case "es": return ["el", "la", "los", "las", "un", "una"]
    default: return []
    }
  }

  /// Words that may start a term but not end one (postpositions: 会谈后, 贺电中, 访问期间).
  public static func notFinal(for language: String) -> Set<String> {
    language.hasPrefix("zh") ? ["中", "后", "前", "上", "下", "里", "内", "外", "期间", "时", "以来", "之际", "之间", "方面"] : []
  }

  /// Words that may end a term but not start one (方 of a cut 中方 / 老方).
  public static func notInitial(for language: String) -> Set<String> {
    language.hasPrefix("zh") ? ["方", "国", "党"] : []
  }

  public static func words(for language: String) -> Set<String> {
    switch String(language.prefix { $0 != "-" }) {
    case "zh":
      return [
        "的", "了", "和", "与", "及", "并", "在", "是", "对", "把", "将", "为", "以", "于", "等", "同", "也", "都", "就",
        "而", "或", "向", "从", "这", "那", "其", "之", "各", "一", "个", "我们", "他们", "你们", "我", "他", "她", "它",
        "要", "能", "愿", "已", "已经", "正在", "还", "又", "再", "更", "很", "最", "不", "没有",
        "年", "月", "日", "时", "表示", "指出", "强调", "说", "认为", "希望", "愿意", "同意", "以及", "并且", "但", "但是",
        "此", "该", "所", "着", "过", "地", "得", "吗", "呢", "啊", "方面", "问题", "有关", "进行", "继续", "共同",
      ]
    case "en":
      return [
        "the", "a", "an", "and", "or", "of", "to", "in", "on", "at", "for", "with", "by", "from", "as", "is", "are",
        "was", "were", "be", "been", "being", "this", "that", "these", "those", "it", "its", "their", "his", "her",
        "our", "we", "they", "he", "she", "will", "would", "shall", "should", "can", "could", "may", "might", "also",
        "not", "no", "but", "which", "who", "whom", "whose", "than", "then", "there", "here", "has", "have", "had",
        "said", "says", "both", "all", "more", "most", "very", "so", "such", "into", "over", "under", "between",
        "s", "'s", "'", "\"", "further", "well", "ready", "stands",
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
