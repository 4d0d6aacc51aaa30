import Foundation

/// A bilingual lexicon in CC-CEDICT's line format `繁 简 [pin1 yin1] /gloss/gloss/`
/// (user-supplied: the tool ships none), compiled once into a keyed form that
/// every user shares: the term trie of the tokenizer and lattice, the
/// translation table of the sentence aligner, the priors of the word aligner.
///
/// Each headword is keyed once: its match key (`MatchKeyNormalizer`: simplified,
/// case-folded) gets a dense key id; traditional and simplified headwords fold
/// to the same key. Per key: the content words of all its glosses (`Gloss`),
/// interned as word ids (1...wordCount), and the first entry's pinyin.
///
/// `load(path:)` maps a compiled image from the user cache (`ImageCache`), keyed
/// by the file's identity; a cold load parses the bytes and writes the image.
/// Immutable, so it can be shared between threads.
///
/// ```swift
/// let lex = try Lexicon.load(path: "cedict_ts.u8")
/// if let k = lex.keyId(of: Array("友谊".utf16)) { print(lex.words(ofKey: k).map(lex.word)) }  // ["friendship", ...]
/// ```
public final class Lexicon: @unchecked Sendable {
  /// One CC-CEDICT line.
  public struct Entry: Sendable, Equatable {
    public var traditional: String
    public var simplified: String
    public var pinyin: String
    public var glosses: [String]

    public init(traditional: String, simplified: String, pinyin: String, glosses: [String]) {
      self.traditional = traditional
      self.simplified = simplified
      self.pinyin = pinyin
      self.glosses = glosses
    }
  }

  /// The file it was read from (`-` for standard input or built in memory).
  public let path: String
  /// Headword keys -> key id.
  public let terms: TermTrie
  private let image: BinaryImage
  private let wordTrie: TermTrie
  private let keyBlob: UnsafeBufferPointer<UInt16>, keyStart: UnsafeBufferPointer<Int32>
  private let keyWordStart: UnsafeBufferPointer<Int32>, keyWords: UnsafeBufferPointer<Int32>
  private let wordBlob: UnsafeBufferPointer<UInt16>, wordStart: UnsafeBufferPointer<Int32>
  private let pinyinBlob: UnsafeBufferPointer<UInt8>, pinyinStart: UnsafeBufferPointer<Int32>

  /// Number of distinct headword keys (key ids are 0..<keyCount).
  public var keyCount: Int { keyStart.count - 1 }
  /// Number of distinct gloss words (word ids are 1...wordCount).
  public var wordCount: Int { wordStart.count - 1 }
  /// Number of entries (lines) the lexicon was compiled from.
  public var entryCount: Int { Int(image.scalar(0)) }

  /// Lexicons smaller than this are compiled on every load (a few milliseconds) instead of cached.
  public static let cacheMinBytes: UInt64 = 64 << 10

  /// Reads a CC-CEDICT file (`-`: standard input), through the user cache when it can.
  /// - Throws: `TextError` for missing, unreadable or non-UTF-8 files,
  ///   `LexiconError.malformed` naming the file and line of a bad entry.
  public static func load(path: String) throws -> Lexicon {
    if path == "-" { return try Lexicon(entries: parse(TextDecoder.readBytes(path: path), path: path), path: path) }
    _ = try TextDecoder.checkReadable(path: path)
    guard let identity = FileIdentity.of(path: path) else {
      throw TextError.unreadable(path: path, reason: "permission denied or I/O error")
    }
    let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
    let image = try ImageCache.image(
      kind: "lexicon", key: identity.size >= cacheMinBytes ? absolute : nil, format: LexiconBuilder.format, identity: identity,
      stillValid: { FileIdentity.of(path: path) == identity }
    ) {
      let entries = try parse(TextDecoder.readBytes(path: path), path: path)
      return try LexiconBuilder.build(entries, identity: identity)
    }
    guard let lexicon = Lexicon(image: image, path: path) else {
      throw TextError.unreadable(path: path, reason: "compiled lexicon image is inconsistent")
    }
    return lexicon
  }

  /// Compiles entries in memory (tests, standard input).
  public convenience init(entries: [Entry], path: String = "-") throws {
    let bytes = try LexiconBuilder.build(entries, identity: FileIdentity.of(bytes: UnsafeBufferPointer(start: nil, count: 0)))
    self.init(image: BinaryImage.owning(bytes), path: path)!
  }

  init?(image: BinaryImage, path: String) {
    typealias S = LexiconBuilder.Section
    guard image.isWellFormed(LexiconBuilder.format),
      let terms = TermTrie(image: image, sections: S.keyTrie.rawValue),
      let words = TermTrie(image: image, sections: S.wordTrie.rawValue)
    else { return nil }
    self.path = path
    self.image = image
    self.terms = terms
    wordTrie = words
    keyBlob = image.section(S.keyBlob.rawValue, UInt16.self)
    keyStart = image.section(S.keyStart.rawValue, Int32.self)
    keyWordStart = image.section(S.keyWordStart.rawValue, Int32.self)
    keyWords = image.section(S.keyWords.rawValue, Int32.self)
    wordBlob = image.section(S.wordBlob.rawValue, UInt16.self)
    wordStart = image.section(S.wordStart.rawValue, Int32.self)
    pinyinBlob = image.section(S.pinyinBlob.rawValue, UInt8.self)
    pinyinStart = image.section(S.pinyinStart.rawValue, Int32.self)
    // Offsets must stay inside their blobs (a foreign image must not make us read out of bounds).
    guard keyStart.count >= 1, keyWordStart.count == keyStart.count, pinyinStart.count == keyStart.count,
      wordStart.count >= 1, Self.monotone(keyStart, within: keyBlob.count), Self.monotone(wordStart, within: wordBlob.count),
      Self.monotone(keyWordStart, within: keyWords.count), Self.monotone(pinyinStart, within: pinyinBlob.count),
      keyWords.allSatisfy({ $0 >= 1 && Int($0) <= wordStart.count - 1 })
    else { return nil }
  }

  private static func monotone(_ starts: UnsafeBufferPointer<Int32>, within count: Int) -> Bool {
    guard let first = starts.first, first == 0, Int(starts.last!) <= count else { return false }
    for k in 1..<starts.count where starts[k] < starts[k - 1] { return false }
    return true
  }

  /// The key id of a match key, if it is a headword.
  public func keyId<C: Collection>(of key: C) -> Int32? where C.Element == UInt16 { terms.value(of: key) }

  /// The key units of a key id.
  public func keyUnits(_ id: Int32) -> UnsafeBufferPointer<UInt16> {
    UnsafeBufferPointer(rebasing: keyBlob[Int(keyStart[Int(id)])..<Int(keyStart[Int(id) + 1])])
  }

  /// The key of a key id as a string.
  public func keyString(_ id: Int32) -> String { String(decoding: keyUnits(id), as: UTF16.self) }

  /// Word ids of the content words of a key's glosses.
  public func words(ofKey id: Int32) -> UnsafeBufferPointer<Int32> {
    UnsafeBufferPointer(rebasing: keyWords[Int(keyWordStart[Int(id)])..<Int(keyWordStart[Int(id) + 1])])
  }

  /// The word of a word id (1...wordCount).
  public func word(_ id: Int32) -> String {
    String(decoding: wordBlob[Int(wordStart[Int(id) - 1])..<Int(wordStart[Int(id)])], as: UTF16.self)
  }

  /// The id of a gloss word, if any gloss has it.
  public func wordId(of word: String) -> Int32? { wordTrie.value(of: Array(word.utf16)) }

  /// CC-CEDICT's pinyin of the key's first entry (`xi2 jin4 ping2`).
  public func pinyin(ofKey id: Int32) -> String {
    String(decoding: pinyinBlob[Int(pinyinStart[Int(id)])..<Int(pinyinStart[Int(id) + 1])], as: UTF8.self)
  }
}

public enum LexiconError: Error, CustomStringConvertible, Equatable {
  case malformed(path: String, line: Int, text: String)

  public var description: String {
    switch self {
    case let .malformed(path, line, text):
      return "\(path):\(line): not a CC-CEDICT entry (expected '繁 简 [pin1 yin1] /gloss/'): \(text)"
    }
  }
}

extension LexiconError: ExitCodeConvertible {
  public var exitCode: Int32 { ExitStatus.dataError }
}
