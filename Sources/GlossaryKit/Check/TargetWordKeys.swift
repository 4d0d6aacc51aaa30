/// Word-level match keys for renderings and target text (the side of a check
/// that is not searched with the source-term trie).
///
/// A text becomes a list of words taken from its match key (case, width,
/// quotes and dashes already folded by ``MatchKeyNormalizer``); word characters
/// are ``CharacterClass/wordCharacter``, and hyphens, spaces, line breaks and
/// punctuation only separate words, so `high-level`, `high level` and
/// `high-\nlevel` give the same words. Each word gets two interned ids:
///
/// - `exact`: the folded word itself;
/// - `loose`: for English, its base form by ``EnglishFolding`` (WordNet's
///   morphy: `exchanges` -> `exchange`, `held` -> `hold`, `met` -> `meet`,
///   `meetings` -> `meet`), so inflected forms meet and entries can be stored
///   in base form ("hold talks" matches "held talks").
///
/// - `verb`: for English, the base form of the verb reading of a participle that WordNet
///   also lists as an adjective (`exchanged` -> `exchange`; `loose` keeps `exchanged`, so
///   that "developed countries" stays apart from "developing countries"): a text word matches
///   a rendering word when its `loose` or its `verb` id is the rendering word's `loose` id, so
///   "exchange views" (stored in base form) matches "exchanged views".
///
/// English articles (`the`, `a`, `an`) and the possessive `'s` are dropped
/// ("China's" is "China"). A match on `exact` ids beats one on `loose` ids:
/// `the Belt and Road Initiatives` (deprecated) is told apart from `the Belt
/// and Road Initiative`.
public struct TargetWords: Sendable {
  /// Exact word ids.
  public var exact: [Int32] = []
  /// Loose (base-form) word ids.
  public var loose: [Int32] = []
  /// Base-form ids of the verb reading (equal to `loose` but for participles WordNet also has as adjectives).
  public var verb: [Int32] = []
  /// Original UTF-16 range of each word (relative to the tokenized text).
  public var ranges: [Range<Int>] = []
  /// Start of an article right before each word (English), else -1: marks include it.
  public var articleStart: [Int] = []

  public var count: Int { exact.count }
  public init() {}
}

/// Interns words to ids and splits texts into ``TargetWords``. Not thread-safe
/// (owns a normalizer): one per thread.
public final class TargetWordKeys {
  /// Whether the language is English (articles, possessives and inflection folded).
  public let folding: Bool
  private let normalizer: MatchKeyNormalizer
  private var ids = Interner<UInt16>()
  /// Loose id of each exact id (index id - 1; 0 = not folded yet): each word is folded once.
  private var looseOf: [Int32] = []
  /// Verb-reading id of each exact id (index id - 1; 0 = not folded yet).
  private var verbOf: [Int32] = []
  /// Per id (index id - 1): 0 unknown, 1 function word, 2 content word.
  private var functionWord: [UInt8] = []
  private var scratch: [UInt16] = []

  /// - Parameter language: target language; English gets article dropping and inflection folding.
  public init(language: Language, normalizer: MatchKeyNormalizer) {
    self.folding = language.base == "en"
    self.normalizer = normalizer
  }

  /// Words of a string (renderings).
  public func words(of s: String) -> TargetWords {
    let units = Array(s.utf16)
    return units.withUnsafeBufferPointer { words(of: $0) }
  }

  /// Words of a UTF-16 buffer; ranges are offsets into the buffer.
  public func words(of buffer: UnsafeBufferPointer<UInt16>) -> TargetWords {
    let key = normalizer.key(for: buffer)
    var out = TargetWords()
    key.units.withUnsafeBufferPointer { u in
      var i = 0
      var article = -1
      while i < u.count {
        let (cls, width) = CharacterClass.of(utf16: u, at: i)
        guard !cls.isDisjoint(with: .wordCharacter) else { i += width; continue }
        var j = i + width
        while j < u.count {
          let (c, w) = CharacterClass.of(utf16: u, at: j)
          guard !c.isDisjoint(with: .wordCharacter) else { break }
          j += w
        }
        addWord(u, i..<j, key: key, article: &article, into: &out)
        i = j
      }
    }
    return out
  }

  private func addWord(
    _ u: UnsafeBufferPointer<UInt16>, _ r: Range<Int>, key: MatchKey, article: inout Int, into out: inout TargetWords
  ) {
    let word = UnsafeBufferPointer(rebasing: u[r])
    if folding {
      if EnglishFolding.isArticle(utf16: word) {
        article = key.originalRange(r).lowerBound
        return
      }
      // The possessive 's ("China's", "each other's") is no word of its own.
      if word.count == 1, word[0] == 0x73, r.lowerBound > 0, u[r.lowerBound - 1] == 0x27 { return }
    }
    out.articleStart.append(article)
    article = -1
    let exactID = ids.intern(word)
    out.exact.append(exactID)
    out.loose.append(loose(exactID, word))
    out.verb.append(verb(exactID, word))
    out.ranges.append(key.originalRange(r))
  }

  /// The base-form id of a word (English), computed once per distinct word.
  private func loose(_ id: Int32, _ word: UnsafeBufferPointer<UInt16>) -> Int32 {
    guard folding else { return id }
    while looseOf.count < Int(id) { looseOf.append(0) }
    if looseOf[Int(id) - 1] != 0 { return looseOf[Int(id) - 1] }
    scratch.removeAll(keepingCapacity: true)
    let changed = EnglishFolding.appendBaseForm(of: word, to: &scratch)
    let folded = changed ? ids.intern(scratch) : id
    looseOf[Int(id) - 1] = folded
    return folded
  }

  /// The base-form id of the verb reading of a word (English), computed once per distinct word.
  private func verb(_ id: Int32, _ word: UnsafeBufferPointer<UInt16>) -> Int32 {
    guard folding else { return id }
    while verbOf.count < Int(id) { verbOf.append(0) }
    if verbOf[Int(id) - 1] != 0 { return verbOf[Int(id) - 1] }
    scratch.removeAll(keepingCapacity: true)
    let changed = EnglishFolding.appendBaseForm(of: word, spareAdjectives: false, to: &scratch)
    let folded = changed ? ids.intern(scratch) : id
    verbOf[Int(id) - 1] = folded
    return folded
  }

  /// Whether a word id (exact or loose) is an English function word (``EnglishFolding/functionWords``:
  /// of, to, with ...): words that carry no term content on their own.
  public func isFunctionWord(_ id: Int32) -> Bool {
    guard folding else { return false }
    while functionWord.count < Int(id) { functionWord.append(0) }
    if functionWord[Int(id) - 1] == 0 {
      functionWord[Int(id) - 1] = EnglishFolding.isFunctionWord(String(decoding: ids[id], as: UTF16.self)) ? 1 : 2
    }
    return functionWord[Int(id) - 1] == 1
  }

  /// The folded word of an id (exact or loose).
  public func key(_ id: Int32) -> [UInt16] { Array(ids[id]) }
}
