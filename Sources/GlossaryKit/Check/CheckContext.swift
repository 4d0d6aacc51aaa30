/// Builds ``CheckLocation``s in the two documents of a check. Locating is
/// O(log n) per finding (``TextDocument/lineColumn(_:)``), and a location
/// carries at most ``maxContext`` characters of its sentence around the marks,
/// so a report stays linear in the input even for one very long sentence.
struct CheckContext {
  let index: CheckIndex
  let source: TextDocument
  let target: TextDocument
  let ss: [Sentence]
  let ts: [Sentence]

  /// Sentences longer than this (UTF-16 units) are shown as a window around their marks.
  static let maxContext = 480
  /// Characters kept on each side of the marks in such a window.
  static let contextMargin = 160

  /// `range` and `marks` are UTF-16 ranges relative to the sentence.
  func location(sourceSide: Bool, sentence i: Int, range: Range<Int>, marks: [Range<Int>]) -> CheckLocation {
    let doc = sourceSide ? source : target
    let s = (sourceSide ? ss : ts)[i].range
    let start = s.lowerBound + range.lowerBound, end = s.lowerBound + range.upperBound
    let (line, column) = doc.lineColumn(start)
    // The shown part of the sentence: all of it, or a window around the marks.
    var shown = s
    var prefix = "", suffix = ""
    if s.count > Self.maxContext {
      let lo = marks.map(\.lowerBound).min() ?? range.lowerBound, hi = marks.map(\.upperBound).max() ?? range.upperBound
      var a = max(s.lowerBound, s.lowerBound + lo - Self.contextMargin)
      var b = min(s.upperBound, s.lowerBound + hi + Self.contextMargin)
      if a < doc.utf16.count, UTF16.isTrailSurrogate(doc.utf16[a]) { a -= 1 }
      if b < doc.utf16.count, b > a, UTF16.isTrailSurrogate(doc.utf16[b]) { b += 1 }
      if a > s.lowerBound { prefix = "… " }
      if b < s.upperBound { suffix = " …" }
      shown = a..<b
    }
    let base = doc.scalarOffset(shown.lowerBound) - prefix.unicodeScalars.count
    return CheckLocation(
      path: doc.path, line: line, column: column, start: doc.scalarOffset(start), end: doc.scalarOffset(end),
      sentence: prefix + doc.string(shown) + suffix,
      marks: marks.compactMap {
        let a = s.lowerBound + $0.lowerBound, b = s.lowerBound + $0.upperBound
        guard a >= shown.lowerBound, b <= shown.upperBound else { return nil }
        return .init(start: doc.scalarOffset(a) - base, end: doc.scalarOffset(b) - base)
      })
  }

  /// The location of a rendering found in target sentence `j`.
  func targetLocation(_ j: Int, _ h: CheckIndex.RenderingHit, words: TargetWords) -> CheckLocation {
    let r = index.range(of: h, in: words)
    return location(sourceSide: false, sentence: j, range: r, marks: [r])
  }

  /// The location of target words `k` (first to last) of sentence `j`.
  func targetLocation(_ j: Int, words k: ClosedRange<Int>, in words: TargetWords) -> CheckLocation {
    let r = words.ranges[k.lowerBound].lowerBound..<words.ranges[k.upperBound].upperBound
    return location(sourceSide: false, sentence: j, range: r, marks: [r])
  }

  /// The text of a rendering found in target sentence `j`, on one line.
  func foundText(_ j: Int, _ h: CheckIndex.RenderingHit, words: TargetWords) -> String {
    let r = index.range(of: h, in: words)
    return OneLine.flatten(target.string((ts[j].range.lowerBound + r.lowerBound)..<(ts[j].range.lowerBound + r.upperBound)))
  }

  /// The text of target words `k` (first to last) of sentence `j`, on one line.
  func foundText(_ j: Int, words k: ClosedRange<Int>, in words: TargetWords) -> String {
    let base = ts[j].range.lowerBound
    return OneLine.flatten(target.string((base + words.ranges[k.lowerBound].lowerBound)..<(base + words.ranges[k.upperBound].upperBound)))
  }

  func sentenceLocation(_ j: Int) -> CheckLocation { location(sourceSide: false, sentence: j, range: 0..<0, marks: []) }
  func sentenceLocation(source i: Int) -> CheckLocation { location(sourceSide: true, sentence: i, range: 0..<0, marks: []) }

  /// For a target-only span: the start of the next (or last) source sentence.
  func nearestSourceLocation(_ span: SentenceSpan) -> CheckLocation {
    guard !ss.isEmpty else {
      return CheckLocation(path: source.path, line: 1, column: 1, start: 0, end: 0, sentence: "", marks: [])
    }
    return sentenceLocation(source: min(span.source.lowerBound, ss.count - 1))
  }
}
