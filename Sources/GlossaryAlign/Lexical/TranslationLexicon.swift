import GlossaryText

/// A translation table on match keys and integer ids: source key -> target words.
///
/// The compiled `Lexicon` (CC-CEDICT; glosses cleaned by `Gloss.contentWords`)
/// plus caller-given term pairs (glossary rows) on top. Source keys are match
/// keys (`MatchKeyNormalizer`: simplified, case-folded); target words are
/// match keys of single words, as integer ids (the lexicon's word ids first,
/// then the term pairs' new words; id 0 is never used, so callers may reserve it).
///
/// ```swift
/// let lex = TranslationLexicon(lexicon: try Lexicon.load(path: "cedict_ts.u8"),
///                              termPairs: [("一带一路", "Belt and Road")], normalizer: try MatchKeyNormalizer())
/// lex.translations(ofSourceKey: "友谊")   // ["friendship", "companionship"]
/// ```
///
/// Shared by the sentence aligner and the word aligner. Immutable after
/// construction, so it is safe to share between threads.
public final class TranslationLexicon: @unchecked Sendable {
  /// The compiled lexicon underneath, if any.
  public let lexicon: Lexicon?
  /// Trie of every source key (headwords and term sources); its values are entry ids.
  public private(set) var sourceTerms = TermTrie()
  /// Trie of the term pairs' source keys alone (known terms for the tokenizer), nil without pairs.
  public private(set) var termSources: TermTrie?
  /// Number of entries (distinct source keys).
  public var entryCount: Int { baseKeys + pairTargets.count }
  /// Number of distinct target words.
  public var wordCount: Int { baseWords + extraWords.count }

  private let baseKeys: Int
  private let baseWords: Int
  /// Targets of the entries added by term pairs (ids baseKeys...), the lexicon's targets included.
  private var pairTargets: [[Int32]] = []
  private var extraWordIds: [String: Int32] = [:]
  private var extraWords: [String] = []

  /// An empty lexicon (numbers, names and Latin tokens still match in the aligners).
  public convenience init() { self.init(lexicon: nil, normalizer: nil) }

  /// Builds a lexicon.
  /// - Parameters:
  ///   - lexicon: a compiled CC-CEDICT lexicon (used as is: nothing is rebuilt).
  ///   - termPairs: (source term, target rendering) pairs, e.g. a glossary's accepted rows.
  ///   - normalizer: makes the match keys of the term pairs.
  public init(lexicon: Lexicon?, termPairs: [(source: String, target: String)] = [], normalizer: MatchKeyNormalizer?) {
    self.lexicon = lexicon
    baseKeys = lexicon?.keyCount ?? 0
    baseWords = lexicon?.wordCount ?? 0
    var trie = lexicon?.terms ?? TermTrie()
    var pairTrie = TermTrie()
    var pairIds: [[UInt16]: Int32] = [:]
    if let normalizer {
      for (s, t) in termPairs {
        let key = normalizer.key(for: s).units
        let words = Gloss.words(of: normalizer.keyString(t))
        guard !key.isEmpty, !words.isEmpty else { continue }
        let id: Int32
        if let x = pairIds[key] {
          id = x
        } else {
          id = Int32(baseKeys + pairTargets.count)
          pairIds[key] = id
          pairTargets.append(lexicon?.keyId(of: key).map { Array(lexicon!.words(ofKey: $0)) } ?? [])
          trie.insert(key, value: id)
          pairTrie.insert(key, value: id)
        }
        for w in words {
          let wid = internWord(w)
          if !pairTargets[Int(id) - baseKeys].contains(wid) { pairTargets[Int(id) - baseKeys].append(wid) }
        }
      }
    }
    sourceTerms = trie
    termSources = pairTargets.isEmpty ? nil : pairTrie
  }

  private func internWord(_ w: String) -> Int32 {
    if let id = lexicon?.wordId(of: w) { return id }
    if let id = extraWordIds[w] { return id }
    extraWords.append(w)
    let id = Int32(baseWords + extraWords.count)
    extraWordIds[w] = id
    return id
  }

  /// The entry of a source match key, if any.
  public func entry(forSourceKey key: String) -> Int32? { sourceTerms.value(of: Array(key.utf16)) }

  /// Target word ids of an entry (ids index `word(_:)`).
  public func targets(ofEntry entry: Int32) -> [Int32] {
    if Int(entry) >= baseKeys { return pairTargets[Int(entry) - baseKeys] }
    return lexicon.map { Array($0.words(ofKey: entry)) } ?? []
  }

  /// The id of a target word (a match key), if the lexicon knows it.
  public func wordId(_ key: String) -> Int32? { lexicon?.wordId(of: key) ?? extraWordIds[key] }

  /// The target word of an id.
  public func word(_ id: Int32) -> String {
    Int(id) > baseWords ? extraWords[Int(id) - baseWords - 1] : lexicon!.word(id)
  }

  /// Target words of a source key (convenience; not for inner loops).
  public func translations(ofSourceKey key: String) -> [String] {
    guard let e = entry(forSourceKey: key) else { return [] }
    return targets(ofEntry: e).map(word)
  }
}
