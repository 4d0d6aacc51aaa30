import Foundation

/// A bilingual lexicon read from CC-CEDICT's line format
/// `繁 简 [pin1 yin1] /gloss/gloss/` (user-supplied: the tool ships none).
///
/// Used two ways: headwords are known terms for the token merge, and glosses
/// are translation pairs for the aligners.
public struct Lexicon: Sendable {
  public struct Entry: Sendable, Equatable {
    public var traditional: String
    public var simplified: String
    public var pinyin: String
    public var glosses: [String]
  }

  public private(set) var entries: [Entry] = []
  public let path: String

  public init(entries: [Entry], path: String = "-") {
    self.entries = entries
    self.path = path
  }

  /// Reads a CC-CEDICT file. `#` lines and blank lines are skipped.
  /// - Throws: `TextError` for unreadable or non-UTF-8 files,
  ///   `LexiconError.malformed` naming the file and line of a bad entry.
  public static func load(path: String) throws -> Lexicon {
    let text = try TextDecoder.read(path: path)
    var entries: [Entry] = []
    entries.reserveCapacity(130_000)
    var lineNumber = 0
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      lineNumber += 1
      if line.isEmpty || line.first == "#" { continue }
      guard let entry = parse(line) else {
        throw LexiconError.malformed(path: path, line: lineNumber, text: String(line.prefix(60)))
      }
      entries.append(entry)
    }
    return Lexicon(entries: entries, path: path)
  }

  static func parse(_ line: Substring) -> Entry? {
    guard let sp1 = line.firstIndex(of: " ") else { return nil }
    let rest = line[line.index(after: sp1)...]
    guard let sp2 = rest.firstIndex(of: " "),
      let open = rest.firstIndex(of: "["), let close = rest.firstIndex(of: "]"), open < close,
      let slash = rest[close...].firstIndex(of: "/")
    else { return nil }
    let glosses = rest[slash...].split(separator: "/").map { $0.trimmingCharacters(in: .whitespaces) }
      .filter { !$0.isEmpty }
    guard !glosses.isEmpty else { return nil }
    return Entry(
      traditional: String(line[..<sp1]), simplified: String(rest[..<sp2]),
      pinyin: String(rest[rest.index(after: open)..<close]), glosses: glosses)
  }

  /// A trie of the simplified and traditional headwords' match keys, for the
  /// token merge. Only multi-character headwords: single characters are what
  /// ICU already gives.
  public func termTrie(normalizer: MatchKeyNormalizer, into trie: inout TermTrie) {
    for (i, e) in entries.enumerated() where e.simplified.unicodeScalars.count > 1 {
      trie.insert(normalizer.key(for: e.simplified).units, value: Int32(i))
    }
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
