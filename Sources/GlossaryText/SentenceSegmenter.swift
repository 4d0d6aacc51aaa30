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
/// press releases:
///
/// - `“……。”王毅说。` stays one sentence (ICU splits after the closing quote);
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
  private let isEnglish: Bool

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
    if isEnglish { pieces = mergeAbbreviations(pieces, text) }
    for p in pieces {
      result.append(Sentence(range: (p.lowerBound + block.lowerBound)..<(p.upperBound + block.lowerBound), paragraph: paragraph))
    }
  }

  // MARK: Repairs

  /// ICU counts an opening quote or bracket after `。` as closing the
  /// sentence (`领域。“你好`): hand it to the sentence it opens.
  private func moveTrailingOpeners(_ pieces: [Range<Int>], _ t: [UInt16]) -> [Range<Int>] {
    var out = pieces
    for k in out.indices.dropLast() {
      var end = out[k].upperBound
      while end > out[k].lowerBound, Self.isSpace(t[end - 1]) { end -= 1 }
      var cut = end
      while cut > out[k].lowerBound + 1, Self.isOpener(t[cut - 1]) { cut -= 1 }
      if cut < end {
        out[k] = out[k].lowerBound..<cut
        out[k + 1] = cut..<out[k + 1].upperBound
      }
    }
    return out
  }

  /// `“……。”王毅说。`: ICU ends a sentence after the closing quote; a short
  /// attribution that follows belongs to it.
  private func mergeAttributions(_ pieces: [Range<Int>], _ t: [UInt16]) -> [Range<Int>] {
    guard pieces.count > 1 else { return pieces }
    var out: [Range<Int>] = [pieces[0]]
    for p in pieces.dropFirst() {
      let prev = out[out.count - 1]
      if endsWithQuotedSentence(prev, t), isAttribution(p, t) {
        out[out.count - 1] = prev.lowerBound..<p.upperBound
      } else {
        out.append(p)
      }
    }
    return out
  }

  private func endsWithQuotedSentence(_ r: Range<Int>, _ t: [UInt16]) -> Bool {
    guard r.count >= 2 else { return false }
    var i = r.upperBound - 1
    guard Self.isClosingQuote(t[i]) else { return false }
    while i > r.lowerBound, Self.isClosingQuote(t[i]) { i -= 1 }
    return Self.isTerminal(t[i])
  }

  /// A short sentence that reports who spoke (王毅说。 / Wang Yi said.).
  private func isAttribution(_ r: Range<Int>, _ t: [UInt16]) -> Bool {
    guard r.count <= 24, let first = r.first, !Self.isOpeningQuote(t[first]) else { return false }
    let s = String(decoding: t[r], as: UTF16.self)
    let verbs = ["说", "表示", "指出", "强调", "称", "說", "稱", "強調", "介绍", "回答", "补充道"]
    if verbs.contains(where: s.contains) { return true }
    let words = s.lowercased().split(whereSeparator: { !$0.isLetter })
    let english = ["said", "says", "added", "asked", "stressed", "noted", "stated", "replied", "continued"]
    return words.count <= 5 && words.contains { english.contains(String($0)) }
  }

  /// ICU does not end a sentence at `……`; a new sentence after it starts one.
  private func splitAtEllipsis(_ pieces: [Range<Int>], _ t: [UInt16]) -> [Range<Int>] {
    var out: [Range<Int>] = []
    for p in pieces {
      var start = p.lowerBound
      var i = p.lowerBound
      while i < p.upperBound {
        guard t[i] == 0x2026 else { i += 1; continue }
        var j = i
        while j < p.upperBound, t[j] == 0x2026 { j += 1 }
        if j < p.upperBound, startsNewSentence(at: j, t, end: p.upperBound), j - start > 2 {
          out.append(start..<j)
          var k = j
          while k < p.upperBound, Self.isSpace(t[k]) { k += 1 }
          start = k
        }
        i = j
      }
      if start < p.upperBound { out.append(start..<p.upperBound) }
    }
    return out
  }

  private func startsNewSentence(at j: Int, _ t: [UInt16], end: Int) -> Bool {
    let c = t[j]
    if CharacterClass.isHan(utf16: c) || Self.isOpeningQuote(c) {
      // 等, 的, 之 continue an enumeration ("……等"), not a new sentence.
      if [0x7B49, 0x7684, 0x4E4B].contains(c) { return false }
      return end - j >= 4
    }
    if Self.isSpace(c) {
      var k = j
      while k < end, Self.isSpace(t[k]) { k += 1 }
      return k < end && t[k] >= 0x41 && t[k] <= 0x5A
    }
    return false
  }

  /// English abbreviations ICU's suppression list lacks.
  private func mergeAbbreviations(_ pieces: [Range<Int>], _ t: [UInt16]) -> [Range<Int>] {
    guard pieces.count > 1 else { return pieces }
    var out: [Range<Int>] = [pieces[0]]
    for p in pieces.dropFirst() {
      let prev = out[out.count - 1]
      if Self.abbreviationContinues(String(decoding: t[prev], as: UTF16.self), String(decoding: t[p], as: UTF16.self)) {
        out[out.count - 1] = prev.lowerBound..<p.upperBound
      } else {
        out.append(p)
      }
    }
    return out
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
