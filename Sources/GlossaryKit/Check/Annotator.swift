/// A glossary term found in a text by ``Annotator``.
public struct AnnotatedTerm: Codable, Sendable, Equatable {
  /// Text as written in the document.
  public var text: String
  /// Offsets in Unicode scalars into the decoded file.
  public var start: Int
  public var end: Int
  public var line: Int
  public var column: Int
  /// Source term of the concept (glossary spelling).
  public var term: String
  /// The rendering to use at the date (preferred first), or, in a target-language
  /// text, the rendering found.
  public var rendering: String
  /// Status of the rendering found (target-language texts only).
  public var status: TermStatus?
}

/// A concept seen in a text, with its renderings, for the term list.
public struct AnnotatedConcept: Codable, Sendable, Equatable {
  public var term: String
  public var occurrences: Int
  /// Approved renderings at the date, preferred first.
  public var renderings: [String]
  /// Renderings not to use at the date (deprecated, or superseded before it).
  public var avoid: [String]
  /// Notes of the approved renderings.
  public var notes: [String]
}

/// The result of annotating one text.
public struct Annotation: Codable, Sendable {
  public var path: String
  public var language: String
  /// Which side of the glossary the text is in: `source` or `target`.
  public var side: String
  public var date: ISODate
  public var terms: [AnnotatedTerm]
  public var concepts: [AnnotatedConcept]

  /// The text with every term written inline as `[[text|rendering]]`.
  public func markedText(_ document: TextDocument, open: String = "[[", separator: String = "|", close: String = "]]") -> String {
    // UTF-8 bytes, decoded once: appending to a String piece by piece (through its scalar view
    // too) copied the whole string each time, quadratic on one long line.
    var out: [UInt8] = []
    out.reserveCapacity(document.utf16.count * 3)
    func put(_ part: ArraySlice<Unicode.Scalar>) { for scalar in part { UTF8.encode(scalar) { out.append($0) } } }
    let scalars = Array(document.text.unicodeScalars)
    var i = 0
    for t in terms where t.start >= i {
      put(scalars[i..<t.start])
      out.append(contentsOf: open.utf8)
      put(scalars[t.start..<t.end])
      out.append(contentsOf: (separator + (side == "source" ? t.rendering : t.term) + close).utf8)
      i = t.end
    }
    put(scalars[i...])
    return String(decoding: out, as: UTF8.self)
  }
}

/// Marks every glossary term in a text: source terms (with the rendering to
/// use at a date) in a source-language text, renderings (with their source
/// term) in a target-language text. Not thread-safe.
public final class Annotator {
  public let index: CheckIndex
  private let checker: TerminologyChecker

  public init(index: CheckIndex) throws {
    self.index = index
    checker = try TerminologyChecker(index: index)
  }

  /// Annotates `document`, written in the glossary's source language (`targetSide` false) or target language.
  public func annotate(_ document: TextDocument, targetSide: Bool = false, date: ISODate) -> Annotation {
    var terms: [AnnotatedTerm] = []
    var counts: [Int: Int] = [:]
    var order: [Int] = []
    func add(_ range: Range<Int>, concept c: Int, rendering: String, status: TermStatus?) {
      let (line, column) = document.lineColumn(range.lowerBound)
      terms.append(AnnotatedTerm(
        text: document.string(range), start: document.scalarOffset(range.lowerBound), end: document.scalarOffset(range.upperBound),
        line: line, column: column, term: index.concepts[c].source, rendering: rendering, status: status))
      if counts[c] == nil { order.append(c) }
      counts[c, default: 0] += 1
    }
    // The whole text at once: a rendering broken by a line break stays whole.
    document.utf16.withUnsafeBufferPointer { buf in
      if targetSide {
        let words = index.targetWords(buf)
        var raw: [CheckIndex.RenderingHit] = []
        index.allOccurrences(in: words, into: &raw)
        for h in CheckIndex.resolve(raw, index: index) {
          let e = index.concepts[h.concept].renderings[h.rendering].entry
          add(index.range(of: h, in: words), concept: h.concept, rendering: e.target, status: e.status)
        }
      } else {
        for h in index.sourceTerms(in: buf).hits {
          let best = checker.expected(concept: h.concept, at: date).first
            ?? index.concepts[h.concept].renderings.first?.entry.target ?? ""
          add(h.range, concept: h.concept, rendering: best, status: nil)
        }
      }
    }
    let concepts = order.map { c -> AnnotatedConcept in
      let rs = index.concepts[c].renderings
      let approved = rs.filter { checker.standing($0.entry, at: date) == .approved }.sorted { $0.entry.status < $1.entry.status }
      let avoid = rs.filter { checker.standing($0.entry, at: date) == .outdated }.map(\.entry.target)
      return AnnotatedConcept(
        term: index.concepts[c].source, occurrences: counts[c] ?? 0, renderings: approved.map(\.entry.target),
        avoid: avoid, notes: approved.map(\.entry.note).filter { !$0.isEmpty })
    }
    return Annotation(
      path: document.path, language: (targetSide ? index.targetLanguage : index.sourceLanguage).code,
      side: targetSide ? "target" : "source", date: date, terms: terms, concepts: concepts)
  }
}
