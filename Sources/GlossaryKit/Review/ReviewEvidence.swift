/// A sentence with the spans to highlight, as UTF-16 offsets into `text`.
public struct HighlightedText: Hashable, Sendable {
  public var text: String
  /// Non-overlapping UTF-16 ranges of `text`, in order.
  public var highlights: [Range<Int>]

  public init(text: String, highlights: [Range<Int>]) {
    self.text = text
    self.highlights = highlights
  }

  /// The text cut into pieces, each flagged whether it is highlighted.
  public var pieces: [(text: String, highlighted: Bool)] {
    let units = Array(text.utf16)
    var out: [(String, Bool)] = []
    var at = 0
    for r in highlights where r.lowerBound >= at && r.upperBound <= units.count {
      if r.lowerBound > at { out.append((String(decoding: units[at..<r.lowerBound], as: UTF16.self), false)) }
      out.append((String(decoding: units[r], as: UTF16.self), true))
      at = r.upperBound
    }
    if at < units.count { out.append((String(decoding: units[at...], as: UTF16.self), false)) }
    return out
  }
}

/// One evidence pair: a document and the aligned sentences, term highlighted on both sides.
public struct ReviewEvidence: Hashable, Sendable {
  public var document: String
  public var source: HighlightedText
  public var target: HighlightedText
}

/// Finds a term in a sentence on match keys and maps the hit back to the
/// original text, so `國家主席` is found (and highlighted) in a sentence that
/// writes `国家主席`, and `Belt and Road` in `BELT AND ROAD`.
public struct ReviewHighlighter {
  private let normalizer: MatchKeyNormalizer

  public init(normalizer: MatchKeyNormalizer) { self.normalizer = normalizer }

  /// UTF-16 ranges of every occurrence of `term` in `text`.
  ///
  /// The term must stand on word boundaries in the text (``Containment``: `road`
  /// is not found in `roads`... unless nothing else is: then a plain substring
  /// hit is used, so an English plural still gets highlighted). A leading English
  /// article of the term (``EnglishFolding/articles``) is optional.
  public func ranges(of term: String, in text: String) -> [Range<Int>] {
    let key = normalizer.key(for: text)
    var candidates = [normalizer.key(for: term).units]
    for article in EnglishFolding.articles where candidates[0].starts(with: Array((article + " ").utf16)) {
      candidates.append(Array(candidates[0].dropFirst(article.utf16.count + 1)))
    }
    for wholeWords in [true, false] {
      for needle in candidates where !needle.isEmpty {
        let hits = wholeWords ? Containment.ranges(of: needle, in: key.units) : Containment.rangesAnywhere(of: needle, in: key.units)
        if !hits.isEmpty { return hits.map { key.originalRange($0) } }
      }
    }
    return []
  }

  /// Highlights `term` in `text`.
  public func highlight(_ term: String, in text: String) -> HighlightedText {
    HighlightedText(text: text, highlights: ranges(of: term, in: text))
  }

  /// Evidence for a candidate: up to `limit` of its examples, highlighted on both sides.
  public func evidence(for entry: GlossaryEntry, limit: Int = 3) -> [ReviewEvidence] {
    entry.examples.prefix(limit).map {
      ReviewEvidence(
        document: $0.document, source: highlight(entry.source, in: $0.source),
        target: highlight(entry.target, in: $0.target))
    }
  }
}
