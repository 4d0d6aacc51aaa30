import Dispatch
import Foundation
import GlossaryAlign
import GlossaryText

/// One aligned sentence pair (a bead with both sides non-empty) of a document,
/// tokenized: integer token ids (per-language vocabularies) and the UTF-16
/// ranges of the tokens in their document, so any span can be shown in the original.
public struct AlignedPair: Sendable {
  /// Index into `PreparedCorpus.documents`.
  public var document: Int32
  /// The bead's sentences joined: UTF-16 range in the source / target document.
  public var sourceRange: Range<Int>
  public var targetRange: Range<Int>
  public var sourceTokens: [Int32]
  public var targetTokens: [Int32]
  /// Token ranges (UTF-16, document offsets), parallel to the token arrays.
  public var sourceTokenRanges: [Range<Int32>]
  public var targetTokenRanges: [Range<Int32>]
  /// The sentence aligner's confidence for the bead.
  public var score: Double
  /// Per token: where it stands in its word (see `UnitFlags`), parallel to the token arrays.
  public var sourceFlags: [UnitFlags] = []
  public var targetFlags: [UnitFlags] = []
  /// The words the units come from (ids in the same vocabulary; a word that is not split is
  /// its own unit), and per unit the index of its word: the word aligner works on words.
  public var sourceWords: [Int32] = []
  public var targetWords: [Int32] = []
  public var sourceUnitWord: [Int32] = []
  public var targetUnitWord: [Int32] = []

  /// The word id at a unit position (the unit itself for pairs built without words).
  @inline(__always) public func sourceWord(at unit: Int) -> Int32 {
    sourceUnitWord.isEmpty ? sourceTokens[unit] : sourceWords[Int(sourceUnitWord[unit])]
  }
  @inline(__always) public func targetWord(at unit: Int) -> Int32 {
    targetUnitWord.isEmpty ? targetTokens[unit] : targetWords[Int(targetUnitWord[unit])]
  }
}

/// A document pair read, segmented and sentence-aligned.
public struct PreparedDocument: Sendable {
  public var id: String
  public var date: ISODate
  public var source: TextDocument
  public var target: TextDocument
  public var beads: [Bead]
}

/// A token vocabulary: match-key strings to dense ids (0 reserved for "none").
public struct TokenVocabulary: Sendable {
  public private(set) var strings: [String] = [""]
  /// Per id: the token is a word (not punctuation, number or symbol).
  public private(set) var isWord: [Bool] = [false]
  private var ids: [String: Int32] = [:]

  public init() {}

  public var count: Int { strings.count }

  public mutating func intern(_ s: String, isWord word: Bool) -> Int32 {
    if let id = ids[s] { return id }
    let id = Int32(strings.count)
    strings.append(s)
    isWord.append(word)
    ids[s] = id
    return id
  }

  public func id(_ s: String) -> Int32? { ids[s] }
}

/// How the miner aligns sentences: a seam so that tests and other languages
/// can plug in their own; the default is GlossaryAlign's sentence aligner.
public typealias SentenceAlignFunction = (
  _ source: [String], _ target: [String], _ sourceParagraphs: [Int], _ targetParagraphs: [Int]
) throws -> [Bead]

/// Makes one `SentenceAlignFunction` per worker thread (aligners hold ICU objects).
public typealias SentenceAlignerFactory = @Sendable () throws -> SentenceAlignFunction

/// A corpus ready for mining, loaded from the alignment store (`load(store:options:)`):
/// every document pair read, segmented, sentence-aligned, tokenized and word-aligned once
/// (`AlignmentStoreUpdate`), into the units that the word aligner and the miner share: words, and for unspaced scripts (Chinese, Japanese, Thai ...) the
/// characters of every word that no lexicon or glossary term knows (ICU's dictionary guesses
/// at unknown words: 国|务|委员, 李|克强, 吉和; the corpus decides where formulations start and
/// end, see `PhraseMiner`). Each unit carries `UnitFlags` from the word it came from.
public struct PreparedCorpus: Sendable {
  public var sourceLanguage: Language
  public var targetLanguage: Language
  public var documents: [PreparedDocument]
  public var pairs: [AlignedPair]
  public var sourceVocabulary: TokenVocabulary
  public var targetVocabulary: TokenVocabulary
}
