/// One result of a terminology check.
public struct CheckFinding: Codable, Sendable, Equatable {
  public enum Kind: String, Codable, Sendable, CaseIterable {
    /// No approved rendering valid at the document's date in the aligned target.
    case missing
    /// A deprecated rendering, or a superseded one outside its validity, is used.
    case deprecated
    /// One source term rendered with different approved renderings in one document.
    case inconsistent
    /// A rendering the glossary tags `forbidden`, anywhere in the target, whatever the source says.
    case forbidden
    /// A rendering in the target whose source term is absent from the aligned source (`--reverse`).
    case reverse
  }

  public enum Severity: String, Codable, Sendable, Comparable {
    case error, warning, info
    var rank: Int { self == .error ? 0 : self == .warning ? 1 : 2 }
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
  }

  public var kind: Kind
  public var severity: Severity
  /// The source term (glossary spelling).
  public var term: String
  /// Approved renderings valid at the date (preferred first).
  public var expected: [String]
  /// The target text found (for deprecated, reverse, inconsistent; for missing,
  /// a rendering found that is approved but not enforced or not valid at the date).
  public var found: String?
  /// Status of the found rendering in the glossary.
  public var foundStatus: TermStatus?
  /// Replacement of a deprecated or superseded rendering.
  public var replacement: String?
  /// Since when the found rendering is no longer valid (superseded: day after valid_to).
  public var since: ISODate?
  /// One-line explanation.
  public var message: String
  /// Where in the source file (the term, or the sentence when the term is absent).
  public var source: CheckLocation
  /// Where in the target file (the rendering found, or the aligned sentence); nil when nothing is aligned.
  public var target: CheckLocation?
}

/// A place in an original file, plus its sentence with the terms marked.
public struct CheckLocation: Codable, Sendable, Equatable {
  public var path: String
  /// 1-based line and column (Unicode scalars) of `start`.
  public var line: Int
  public var column: Int
  /// Offsets in Unicode scalars into the decoded file.
  public var start: Int
  public var end: Int
  /// The sentence containing the place.
  public var sentence: String
  /// Marked spans in `sentence` (Unicode scalar offsets relative to the sentence).
  public var marks: [Mark]

  public struct Mark: Codable, Sendable, Equatable {
    public var start: Int
    public var end: Int
    public init(start: Int, end: Int) {
      self.start = start
      self.end = end
    }
  }

  /// The sentence with marks written inline as `[[...]]`.
  public func markedSentence(open: String = "[[", close: String = "]]") -> String {
    var out = ""
    var i = 0
    let scalars = Array(sentence.unicodeScalars)
    for m in marks.sorted(by: { $0.start < $1.start }) where m.start >= i && m.end <= scalars.count {
      out.unicodeScalars.append(contentsOf: scalars[i..<m.start])
      out += open
      out.unicodeScalars.append(contentsOf: scalars[m.start..<m.end])
      out += close
      i = m.end
    }
    out.unicodeScalars.append(contentsOf: scalars[i...])
    return OneLine.flatten(out)
  }
}

/// Findings of one document pair.
public struct CheckReport: Codable, Sendable {
  public var source: String
  public var target: String
  public var date: ISODate
  public var sourceLanguage: String
  public var targetLanguage: String
  /// Terms found in the source (occurrences).
  public var termsChecked: Int
  public var findings: [CheckFinding]

  public var errors: Int { findings.filter { $0.severity == .error }.count }
  public var warnings: Int { findings.filter { $0.severity == .warning }.count }
}
