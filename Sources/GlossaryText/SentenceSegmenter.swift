/// A sentence: a UTF-16 range of its document (trimmed of surrounding spaces)
/// and the paragraph it belongs to.
public struct Sentence: Sendable, Equatable {
  public var range: Range<Int>
  /// 0-based paragraph index; the title line is paragraph 0.
  public var paragraph: Int

  public init(range: Range<Int>, paragraph: Int) {
    self.range = range
    self.paragraph = paragraph
  }
}

/// Splits text into sentences with ICU, then repairs what ICU gets wrong in
/// press releases (SentenceSegmenter+Repairs.swift; hard cases in
/// Tests/GlossaryTextTests/Fixtures/sentence-hard-cases.tsv):
///
/// - `“……？”他问道。` / `“……。”王毅说。` stay one sentence whatever the closing
///   mark (ICU splits after the closing quote);
/// - `习近平强调：“……！”各方对此表示欢迎。` is two sentences: a colon-introduced
///   quotation ends at its closing mark when something other than an
///   attribution follows (ICU does not break between a closing quote and Han text);
/// - enumeration markers (`1.`, `12.`, `IV.`, `2．`) stay with their text
///   (ICU makes `1.` a sentence of its own);
/// - an acronym ending a sentence (`... to COVAX. Vaccines are ...`) ends it;
/// - `……` followed by a new sentence ends one (ICU does not break there);
/// - English abbreviations beyond CLDR's suppression list (`Dr.`, `U.N.`,
///   `No.`, `Art.`, months ...) do not end a sentence;
/// - blank lines (paragraphs) and a title line are hard boundaries; inside a
///   paragraph single line breaks are soft (hard-wrapped text). A text with no
///   blank line at all is read as one paragraph per line.
///
/// Not thread-safe (it owns an ICU break iterator): one per thread.
public final class SentenceSegmenter {
  public let language: Language
  private let iterator: BreakIterator
  let isEnglish: Bool

  public init(language: Language) throws {
    self.language = language
    // ss=standard turns on CLDR's abbreviation suppressions (Mr., etc.).
    iterator = try BreakIterator(kind: .sentence, locale: language.icuLocale + "@ss=standard")
    isEnglish = language.base == "en"
  }

  /// Sentences of a document, in order.
  public func sentences(in document: TextDocument) throws -> [Sentence] {
    var result: [Sentence] = []
    for (index, block) in Self.paragraphs(document.utf16).enumerated() {
      try sentences(in: document.utf16, block: block, paragraph: index, into: &result)
    }
    return result
  }

  /// Sentences of one string (treated as a document).
  public func sentences(of text: String) throws -> [String] {
    let doc = TextDocument(text: text)
    return try sentences(in: doc).map { doc.string($0.range) }
  }

  /// Paragraph ranges: blocks between blank lines, or lines when the text has no blank line.
  public static func paragraphs(_ u: [UInt16]) -> [Range<Int>] {
    var lines: [Range<Int>] = []
    var start = 0
    for i in 0...u.count where i == u.count || u[i] == 0x0A {
      lines.append(start..<i)
      start = i + 1
    }
    let isBlank: (Range<Int>) -> Bool = { r in r.allSatisfy { isSpace(u[$0]) } }
    let hasBlankLine = lines.dropLast().contains(where: isBlank)  // a final newline is no blank line
    var blocks: [Range<Int>] = []
    var current: Range<Int>?
    for line in lines {
      if isBlank(line) {
        if let c = current { blocks.append(c) }
        current = nil
      } else if !hasBlankLine {
        blocks.append(line)
      } else {
        current = current.map { $0.lowerBound..<line.upperBound } ?? line
      }
    }
    if let c = current { blocks.append(c) }
    return blocks
  }

  private func sentences(in u: [UInt16], block: Range<Int>, paragraph: Int, into result: inout [Sentence]) throws {
    // Inside a block, line breaks are soft: give ICU a space instead (same length, same offsets).
    var text = Array(u[block])
    for i in text.indices where text[i] == 0x0A { text[i] = 0x20 }
    var pieces: [Range<Int>] = try text.withUnsafeBufferPointer { buf in
      try iterator.withBoundaries(of: buf) { bounds, _ in
        (1..<max(1, bounds.count)).map { Int(bounds[$0 - 1])..<Int(bounds[$0]) }
      }
    }
    pieces = moveTrailingOpeners(pieces, text).compactMap { Self.trim($0, text) }
    pieces = splitAtEllipsis(pieces, text)
    pieces = mergeAttributions(pieces, text)
    pieces = splitAfterColonQuotes(pieces, text)
    pieces = mergeEnumerationMarkers(pieces, text)
    if isEnglish {
      pieces = mergeAbbreviations(pieces, text)
      pieces = splitAfterAcronyms(pieces, text)
    }
    for p in pieces {
      result.append(Sentence(range: (p.lowerBound + block.lowerBound)..<(p.upperBound + block.lowerBound), paragraph: paragraph))
    }
  }

  /// Titles and references that always precede a name or number.
  static let prefixAbbreviations: Set<String> = [
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sen", "rep", "gov", "amb", "st", "mt", "no", "nos",
    "art", "arts", "fig", "vol", "sec", "capt", "maj", "sgt", "rev", "hon", "messrs", "h.e", "para", "ch", "pp", "p",
  ]
  static let months: Set<String> = ["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"]
  /// Abbreviations that may also end a sentence: they join only when what follows cannot start one.
  static let ambiguousAbbreviations: Set<String> = ["etc", "e.g", "i.e", "inc", "ltd", "co", "corp", "vs", "jr", "sr", "approx", "dept"]
  /// Capitalized words that typically start a sentence after "...the U.S."
  static let sentenceStarters: Set<String> = [
    "the", "this", "that", "these", "those", "it", "he", "she", "they", "we", "i", "in", "on", "at", "as", "a",
    "an", "but", "and", "however", "both", "there", "his", "her", "their", "our", "its", "if", "when", "while",
    "after", "before", "since", "meanwhile", "moreover", "furthermore", "for", "to", "with", "what", "why", "how",
    "who", "yes", "no", "all", "such", "china", "chinese",
  ]

  static func abbreviationContinues(_ prev: String, _ next: String) -> Bool {
    guard prev.hasSuffix("."), let lastWord = prev.split(whereSeparator: { $0 == " " || $0 == "(" || $0 == "\"" }).last
    else { return false }
    let word = String(lastWord.dropLast()).lowercased()
    let nextWord = next.prefix { $0.isLetter || $0.isNumber }
    guard let first = next.first else { return false }
    if prefixAbbreviations.contains(word) { return true }
    if months.contains(word) { return first.isNumber }
    let isInitials = !word.isEmpty && word.split(separator: ".").allSatisfy { $0.count == 1 && $0.first!.isLetter }
    if isInitials || ambiguousAbbreviations.contains(word) {
      if first.isLowercase || first.isNumber { return true }
      // Initials before a capitalized word ("the U.S. President") join unless it looks like a sentence start.
      return isInitials && first.isUppercase && !sentenceStarters.contains(nextWord.lowercased())
    }
    return false
  }

  // MARK: Character classes (punctuation shapes, not a Unicode table)

  static func isSpace(_ u: UInt16) -> Bool { CharacterClass.of(utf16: u).contains(.whitespace) }
  static func isTerminal(_ u: UInt16) -> Bool {
    [0x3002, 0xFF01, 0xFF1F, 0x2E, 0x21, 0x3F, 0x2026, 0xFF0E].contains(u)
  }
  static func isClosingQuote(_ u: UInt16) -> Bool {
    [0x201D, 0x2019, 0x300D, 0x300F, 0x22, 0x27, 0xFF02, 0x00BB].contains(u)
  }
  static func isOpeningQuote(_ u: UInt16) -> Bool { [0x201C, 0x2018, 0x300C, 0x300E, 0x00AB].contains(u) }
  /// The quotation marks of Chinese text (“ ” 「 」 『 』), never ambiguous.
  static func isCJKOpeningQuote(_ u: UInt16) -> Bool { [0x201C, 0x300C, 0x300E].contains(u) }
  static func isCJKClosingQuote(_ u: UInt16) -> Bool { [0x201D, 0x300D, 0x300F].contains(u) }
  /// Marks that break a clause inside a sentence (，,：:；;).
  static func isClauseBreak(_ u: UInt16) -> Bool { [0xFF0C, 0x2C, 0xFF1A, 0x3A, 0xFF1B, 0x3B].contains(u) }
  /// Opening quotes and brackets (（《【〔 ( [).
  static func isOpener(_ u: UInt16) -> Bool {
    isOpeningQuote(u) || [0xFF08, 0x300A, 0x3010, 0x3014, 0x28, 0x5B, 0x3008].contains(u)
  }

  static func trim(_ r: Range<Int>, _ t: [UInt16]) -> Range<Int>? {
    var lo = r.lowerBound, hi = r.upperBound
    while lo < hi, isSpace(t[lo]) { lo += 1 }
    while hi > lo, isSpace(t[hi - 1]) { hi -= 1 }
    return lo < hi ? lo..<hi : nil
  }
}
