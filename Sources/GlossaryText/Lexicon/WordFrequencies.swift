import CWordFrequencies
import Foundation

/// A general-language word-frequency list: match key of a word -> how often it
/// occurs in a large general corpus. The lattice segmenter's unigram costs
/// come from it, and mining can use it as a reference corpus ("is this phrase
/// special to diplomatic text?").
///
/// Shipped: ``chinese``, jieba 0.42.1's dict.txt (MIT; trimmed to 136,547 Han
/// words of frequency 5 and more, 99% of its token mass; see
/// Sources/CWordFrequencies/). Compiled into the program; the first use in a
/// process maps its compiled trie from the user cache (`ImageCache`), or
/// builds it (about 0.2 s) and writes the cache.
///
/// ```swift
/// let f = WordFrequencies.chinese
/// f.frequency(of: "友谊")        // 1499
/// f.cost(ofFrequency: 1499)      // -ln(1499 / total): 10.6
/// ```
public final class WordFrequencies: @unchecked Sendable {
  /// Keys (match keys of the words) -> index of the word (0..<count).
  public let words: TermTrie
  /// Sum of all frequencies.
  public let total: UInt64
  private let image: BinaryImage
  private let frequencies: UnsafeBufferPointer<UInt32>

  /// The shipped Chinese list (built or mapped on first use).
  public static let chinese: WordFrequencies = {
    let bytes = UnsafeBufferPointer(start: cwf_zh_bytes(), count: Int(cwf_zh_count()))
    do {
      return try load(bytes: bytes, cacheKey: "zh")
    } catch {
      preconditionFailure("the compiled-in Chinese word-frequency list cannot be read: \(error)")
    }
  }()

  /// The shipped list of a language, if there is one (Chinese only today).
  public static func standard(for language: Language) -> WordFrequencies? {
    language.base == "zh" ? chinese : nil
  }

  /// Number of words.
  public var count: Int { frequencies.count }

  /// The frequency of word `index` (a value of `words`).
  @inline(__always) public func frequency(ofIndex index: Int32) -> UInt32 { frequencies[Int(index)] }

  /// The frequency of a match key (0 when the list does not have it).
  public func frequency<C: Collection>(ofKey key: C) -> UInt32 where C.Element == UInt16 {
    words.value(of: key).map { frequencies[Int($0)] } ?? 0
  }

  /// The frequency of a word given as text that is its own match key (simplified
  /// Han, as the list's words are); 0 when the list does not have it.
  public func frequency(of word: String) -> UInt32 { frequency(ofKey: Array(word.utf16)) }

  /// Unigram cost of a frequency: -ln(frequency / total).
  @inline(__always) public func cost(ofFrequency f: Double) -> Float { Float(log(Double(total)) - log(max(f, 1e-9))) }

  // MARK: Loading

  static let format = ImageFormat(
    magic: "GLOSWFQ1", version: 1, sectionCount: 4, salt: StableHash.string("wordfreq 1 icu " + icuVersion))

  /// Loads a list in the shipped format (`word frequency` lines, `#` comments)
  /// through the image cache.
  static func load(bytes: UnsafeBufferPointer<UInt8>, cacheKey: String?) throws -> WordFrequencies {
    let identity = FileIdentity.of(bytes: bytes)
    let image = try ImageCache.image(kind: "wordfreq", key: cacheKey, format: format, identity: identity) {
      try build(bytes, identity: identity)
    }
    guard let list = WordFrequencies(image: image) else {
      throw TextError.unreadable(path: "word-frequency image", reason: "inconsistent")
    }
    return list
  }

  init?(image: BinaryImage) {
    guard image.isWellFormed(Self.format), let trie = TermTrie(image: image, sections: 0) else { return nil }
    self.image = image
    words = trie
    frequencies = image.section(3, UInt32.self)
    total = image.scalar(0)
    guard total > 0 else { return nil }
  }

  /// Parses `word frequency` lines into a trie image (words keyed by match key;
  /// words with the same key add up).
  static func build(_ bytes: UnsafeBufferPointer<UInt8>, identity: FileIdentity) throws -> [UInt8] {
    try TextDecoder.validate(bytes, path: "word-frequency list")
    let normalizer = try MatchKeyNormalizer()
    var trie = TermTrie()
    var freq: [UInt32] = []
    var total: UInt64 = 0
    var i = 0
    while i < bytes.count {
      var end = i
      while end < bytes.count, bytes[end] != 0x0A { end += 1 }
      defer { i = end + 1 }
      guard end > i, bytes[i] != 0x23, let space = bytes[i..<end].lastIndex(of: 0x20) else { continue }
      var f: UInt32 = 0
      for k in (space + 1)..<end where bytes[k] >= 0x30 && bytes[k] <= 0x39 { f = f &* 10 &+ UInt32(bytes[k] - 0x30) }
      let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[i..<space]), as: UTF8.self)
      let key = normalizer.key(for: word).units
      guard f > 0, !key.isEmpty else { continue }
      total += UInt64(f)
      if let k = trie.value(of: key) {
        freq[Int(k)] &+= f
      } else {
        trie.insert(key, value: Int32(freq.count))
        freq.append(f)
      }
    }
    var b = BinaryImageBuilder(format: format)
    trie.write(into: &b, sections: 0)
    b.put(3, freq)
    b.setScalar(0, total)
    return b.finish(identity: identity)
  }
}
